/** The agencies tab: id, name, group, active, email (docs/workbook.md#agencies). */
import { markShared, readAddressList } from './address-list.ts';
import { cellText, parseBooleanCell } from './cell-values.ts';
import { reportControlCharacters } from './control-characters.ts';
import type { CellValue, RawWorkbook } from './cells.ts';
import type { Agency, UnplacedAgency } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, type ProblemSink } from './problem-messages.ts';
import { cellAt, dataRows, openTab, type DataRow } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

/** Where an agency's id cell is, so that problems about the agency can point at it. */
interface AgencyPlace {
  rowIndex: number;
  idColumn: number;
}

/** Finding the agency a scores row names. */
export type AgencyMatch =
  | { kind: 'found'; agency: Agency }
  /** An id whose row in the agencies tab is itself invalid (reported there). */
  | { kind: 'excluded' }
  | { kind: 'ambiguous' }
  | { kind: 'unknown' };

export interface AgenciesResult {
  /** Valid agencies in sheet order (inactive ones included, flagged). */
  agencies: Agency[];
  /** Groups of active agencies, in order of first appearance, as first written. */
  groups: string[];
  title: string;
  fatal: boolean;
  /** Agency id -> its id cell in the agencies tab. */
  places: Map<string, AgencyPlace>;
  /** Active rows left out (empty id, name or group; an id used before), in sheet order. */
  unplaced: UnplacedAgency[];
  /** An agency by id or, when no id matches, by name (normalized). */
  find(cell: CellValue): AgencyMatch;
}

function lookup(
  agencies: readonly Agency[],
  excluded: ReadonlySet<string>,
): AgenciesResult['find'] {
  const byId = new Map<string, Agency>();
  for (const agency of agencies) byId.set(normalizeName(agency.id), agency);
  const byName = new Map<string, Agency | 'ambiguous'>();
  for (const agency of agencies) {
    const key = normalizeName(agency.name);
    byName.set(key, byName.has(key) ? 'ambiguous' : agency);
  }
  return (cell) => {
    const key = normalizeName(cellText(cell));
    if (key === '') return { kind: 'unknown' };
    const agency = byId.get(key);
    if (agency) return { kind: 'found', agency };
    if (excluded.has(key)) return { kind: 'excluded' };
    const named = byName.get(key);
    if (named === 'ambiguous') return { kind: 'ambiguous' };
    if (named) return { kind: 'found', agency: named };
    return { kind: 'unknown' };
  };
}

/**
 * Reads the agencies. An id seen before (normalized) is `agency.duplicate` on the later row,
 * which is ignored. An empty id, name or group is `agency.invalid` and the row is left out
 * (its score rows are then skipped without further problems). A row left out that is not
 * marked inactive is listed in `unplaced`, so that it is counted as not evaluated instead of
 * vanishing. A bad `active` is `agency.invalid` too, but the agency stays, active. Every
 * one of these stops a real run (run-gate.ts). The email column holds one or more
 * addresses (address-list.ts): one that is not valid is `agency.email_invalid` and one named
 * by two agencies `agency.email_shared`, warnings that leave that address out of the mail.
 */
export function parseAgencies(workbook: RawWorkbook, sink: ProblemSink): AgenciesResult {
  const none = (title: string): AgenciesResult => ({
    agencies: [],
    groups: [],
    title,
    fatal: true,
    places: new Map(),
    unplaced: [],
    find: () => ({ kind: 'unknown' }),
  });
  const opened = openTab(workbook, 'agencies', sink, true);
  if (!opened) return none(TABS.agencies.label);
  const { title, columns } = opened;
  if (!opened.complete) return none(title);

  const idCol = columns.index.get('id') ?? 0;
  const nameCol = columns.index.get('name') ?? 0;
  const groupCol = columns.index.get('group') ?? 0;
  const activeCol = columns.index.get('active');
  const emailCol = columns.index.get('email');
  const problem = (rowIndex: number, column: number, message: string, agencyId?: string): void => {
    sink.cell(
      'agency.invalid',
      'agencies',
      title,
      rowIndex,
      column,
      message,
      agencyId ? { agencyId } : undefined,
    );
  };

  // A formula with no computed value reads as blank: say so, not that the cell is empty.
  const uncomputed = new Set((opened.tab.uncomputed ?? []).map(([r, c]) => `${r}:${c}`));
  const formula = (rowIndex: number, column: number): boolean =>
    uncomputed.has(`${rowIndex}:${column}`);
  const firstRowOfId = new Map<string, number>();
  const excluded = new Set<string>();
  const groupByKey = new Map<string, string>();
  const agencies: Agency[] = [];
  const places = new Map<string, AgencyPlace>();
  const unplaced: UnplacedAgency[] = [];
  const leaveOut = (row: DataRow, id: string, reason: UnplacedAgency['reason']): void => {
    if (parseBooleanCell(cellAt(row, activeCol), true) === false) return;
    const name = cellText(cellAt(row, nameCol));
    const group = cellText(cellAt(row, groupCol));
    unplaced.push({ id, name: name === '' ? id : name, group, reason, rowIndex: row.rowIndex });
  };

  for (const row of dataRows(opened)) {
    reportControlCharacters(
      sink,
      { tabKey: 'agencies', tab: title, rowIndex: row.rowIndex },
      row.cells,
      [
        { column: idCol, what: 'شناسه دستگاه' },
        { column: nameCol, what: 'نام دستگاه' },
        { column: emailCol, what: 'ایمیل دستگاه' },
      ],
    );
    const id = cellText(cellAt(row, idCol));
    const idKey = normalizeName(id);
    if (idKey === '') {
      problem(
        row.rowIndex,
        idCol,
        formula(row.rowIndex, idCol)
          ? messages.agencyCellFormula('شناسه')
          : messages.agencyIdEmpty(),
      );
      leaveOut(row, id, 'agency.invalid');
      continue;
    }
    const first = firstRowOfId.get(idKey);
    if (first !== undefined) {
      leaveOut(row, id, 'agency.duplicate');
      sink.cell(
        'agency.duplicate',
        'agencies',
        title,
        row.rowIndex,
        idCol,
        messages.agencyDuplicate(id, first),
      );
      continue;
    }
    firstRowOfId.set(idKey, row.rowIndex);

    const name = cellText(cellAt(row, nameCol));
    const group = cellText(cellAt(row, groupCol));
    const groupKey = normalizeName(group);
    let usable = true;
    if (normalizeName(name) === '') {
      const message = formula(row.rowIndex, nameCol)
        ? messages.agencyCellFormula('نام', id)
        : messages.agencyNameEmpty(id);
      problem(row.rowIndex, nameCol, message, id);
      usable = false;
    }
    if (groupKey === '') {
      const message = formula(row.rowIndex, groupCol)
        ? messages.agencyCellFormula('گروه', id)
        : messages.agencyGroupEmpty(id);
      problem(row.rowIndex, groupCol, message, id);
      usable = false;
    }
    const shown = usable ? name : id;

    const activeCell = cellAt(row, activeCol);
    let active = parseBooleanCell(activeCell, true);
    if (active === null) {
      problem(
        row.rowIndex,
        activeCol ?? 0,
        messages.agencyActiveInvalid(shown, cellText(activeCell)),
        id,
      );
      active = true;
    }
    const emailCell = cellAt(row, emailCol);
    const listed = readAddressList(emailCell);
    if (listed.invalid.length > 0) {
      const message = messages.agencyEmailInvalid(
        shown,
        listed.invalid,
        listed.addresses.length > 0,
      );
      sink.cell('agency.email_invalid', 'agencies', title, row.rowIndex, emailCol ?? 0, message, {
        agencyId: id,
      });
    }

    if (!usable) {
      excluded.add(idKey);
      leaveOut(row, id, 'agency.invalid');
      continue;
    }
    let groupName = groupByKey.get(groupKey);
    if (groupName === undefined) {
      groupName = group;
      groupByKey.set(groupKey, group);
    }
    agencies.push({ id, name, group: groupName, active, emails: [], addresses: listed.addresses });
    places.set(id, { rowIndex: row.rowIndex, idColumn: idCol });
  }
  markShared(agencies, (agency, email, others) => {
    const place = places.get(agency.id);
    if (!place) return;
    const message = messages.agencyEmailShared(agency.name, email, others);
    sink.cell('agency.email_shared', 'agencies', title, place.rowIndex, emailCol ?? 0, message, {
      agencyId: agency.id,
    });
  });

  const groups = new Set<string>();
  for (const agency of agencies) if (agency.active) groups.add(agency.group);
  return {
    agencies,
    groups: [...groups],
    title,
    fatal: false,
    places,
    unplaced,
    find: lookup(agencies, excluded),
  };
}
