/** The optional groups tab: name, plural (docs/workbook.md#groups). */
import { cellText } from './cell-values.ts';
import type { RawWorkbook } from './cells.ts';
import { pluralOfGroup } from './group-names.ts';
import type { Agency } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, type ProblemSink } from './problem-messages.ts';
import { cellAt, dataRows, findTab, openTab } from './tab-lookup.ts';

export interface GroupsResult {
  /** The groups in the order the release uses: the tab's order, then the rest as found. */
  groups: string[];
  /** A plural for every group in `groups`: the tab's, else by rule (group-names.ts). */
  plurals: Record<string, string>;
}

/**
 * Reads the groups tab when there is one. Each row names a group as written in the
 * agencies' group column (matched after normalizing) and may give its plural. A row with an
 * empty name, a name given twice, or a name no agency has is `group.invalid` at that cell.
 * `groups` are the active agencies' groups (parse-agencies.ts), reordered by the tab.
 */
export function parseGroups(
  workbook: RawWorkbook,
  sink: ProblemSink,
  agencies: { agencies: readonly Agency[]; groups: readonly string[]; title: string },
): GroupsResult {
  const plurals: Record<string, string> = {};
  const ordered: string[] = [];
  const opened = findTab(workbook, 'groups') ? openTab(workbook, 'groups', sink, false) : null;
  if (opened?.complete) {
    const { title, columns } = opened;
    const nameCol = columns.index.get('name') ?? 0;
    const pluralCol = columns.index.get('plural');
    const active = new Map(agencies.groups.map((g) => [normalizeName(g), g]));
    const known = new Set(agencies.agencies.map((a) => normalizeName(a.group)));
    const firstRow = new Map<string, number>();
    for (const row of dataRows(opened)) {
      const name = cellText(cellAt(row, nameCol));
      const key = normalizeName(name);
      const problem = (message: string): void =>
        sink.cell('group.invalid', 'groups', title, row.rowIndex, nameCol, message);
      if (key === '') {
        problem(messages.groupNameEmpty());
        continue;
      }
      const first = firstRow.get(key);
      if (first !== undefined) {
        problem(messages.groupDuplicate(name, first));
        continue;
      }
      firstRow.set(key, row.rowIndex);
      if (!known.has(key)) {
        problem(messages.groupUnknown(name, agencies.title));
        continue;
      }
      const group = active.get(key);
      if (group === undefined) continue; // only inactive agencies have it
      ordered.push(group);
      const plural = cellText(cellAt(row, pluralCol));
      if (plural !== '') plurals[group] = plural;
    }
  }
  const groups = [...ordered, ...agencies.groups.filter((g) => !ordered.includes(g))];
  for (const group of groups) plurals[group] ??= pluralOfGroup(group);
  return { groups, plurals };
}
