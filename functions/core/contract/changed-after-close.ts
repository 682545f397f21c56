/**
 * `score.changed_after_close` (docs/workbook.md#opening-and-closing-a-month): each indicator or note cell of a
 * closed month's row whose text differs from what the archive tab kept at the latest close
 * of that agency's row: a warning at the cell, with the value at the close and now. Pure.
 */
import { parseMonthCell } from './cell-values.ts';
import type { RawWorkbook } from './cells.ts';
import { archivedText, scoresColumns } from './close-month.ts';
import type { Agency, Indicator } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, type ProblemSink } from './problem-messages.ts';
import type { ScoresResult } from './parse-scores.ts';
import { findTab, mapColumns } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

/** Reports every cell changed since the close, for every closed month. */
export function reportChangedAfterClose(
  workbook: RawWorkbook,
  sink: ProblemSink,
  indicators: readonly Indicator[],
  agencies: readonly Agency[],
  scores: ScoresResult,
): void {
  const archive = findTab(workbook, 'archive');
  const current = findTab(workbook, 'scores');
  const columns = scoresColumns(workbook, indicators);
  if (!archive || !current || !columns) return;
  const map = mapColumns(archive, TABS.archive.columns);
  const monthAt = map.index.get('month');
  const agencyAt = map.index.get('agency');
  if (monthAt === undefined || agencyAt === undefined) return;
  const fields: { field: string; archived: number; now: number }[] = [];
  for (const [code, now] of columns.codes) {
    const wanted = normalizeName(code);
    const archived = map.headers.findIndex((h, c) => h === wanted && !map.claimed.has(c));
    if (archived >= 0) fields.push({ field: code, archived, now });
  }
  const noteAt = map.index.get('note');
  if (noteAt !== undefined && columns.note !== undefined) {
    fields.push({ field: 'note', archived: noteAt, now: columns.note });
  }
  const closedAt = map.index.get('closed_at');
  // The latest close of each agency's row of each month (a reopened row is archived again).
  const latest = new Map<string, (typeof archive.rows)[number]>();
  for (const row of archive.rows.slice(1)) {
    const month = parseMonthCell(row[monthAt] ?? null);
    const agency = normalizeName(archivedText(row[agencyAt]));
    if (month !== null && agency !== '') latest.set(`${month}\u0000${agency}`, row);
  }
  if (latest.size === 0) return;
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  for (const score of scores.scores) {
    const kept = latest.get(`${score.month}\u0000${normalizeName(score.agencyId)}`);
    if (!kept) continue;
    const cells = current.rows[score.rowIndex] ?? [];
    const when = closedAt === undefined ? '' : archivedText(kept[closedAt]);
    for (const { field, archived, now } of fields) {
      const atClose = archivedText(kept[archived]);
      const today = archivedText(cells[now]);
      if (atClose === today) continue;
      const name = names.get(score.agencyId) ?? score.agencyId;
      sink.cell(
        'score.changed_after_close',
        'scores',
        scores.title,
        score.rowIndex,
        now,
        messages.changedAfterClose(field, name, score.month, atClose, today),
        {
          month: score.month,
          agencyId: score.agencyId,
          change: { field, atClose, now: today, closedAt: when },
        },
      );
    }
  }
}
