/**
 * What `close` keeps of a month (docs/workbook.md#opening-and-closing-a-month): the month's
 * score rows as they stand (each indicator cell and the note as typed) into the archive tab
 * (بایگانی: month, agency, one column per indicator, note, closed_at), a row per agency per
 * close; and whether the month is open, closed or reopened, from the runs tab. Pure.
 */
import { cellText } from './cell-values.ts';
import type { CellValue, RawWorkbook } from './cells.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { Indicator, ParseResult } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import type { RunsEntry } from './runs-log.ts';
import { findTab, mapColumns } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

export interface ArchiveAppend {
  /** The archive tab's title (its Persian label when it is to be added). */
  title: string;
  /** Header cells to set: the whole header when the tab is new, else the missing columns. */
  header: { column: number; text: string }[];
  /** Rows appended after the last one, laid out by the header. */
  rows: CellValue[][];
}

/** The columns of the scores tab: month, agency, note and each indicator (by code). */
export function scoresColumns(
  raw: RawWorkbook,
  indicators: readonly Indicator[],
): { note?: number; codes: Map<string, number> } | null {
  const tab = findTab(raw, 'scores');
  if (!tab) return null;
  const columns = mapColumns(tab, TABS.scores.columns);
  const codes = new Map<string, number>();
  for (const indicator of indicators) {
    const code = normalizeName(indicator.code);
    const column = columns.headers.findIndex((h, c) => h === code && !columns.claimed.has(c));
    if (column >= 0) codes.set(indicator.code, column);
  }
  const note = columns.index.get('note');
  return note === undefined ? { codes } : { note, codes };
}

/** The archive's layout: existing columns found by name, missing ones added at the end. */
function archiveLayout(raw: RawWorkbook, codes: readonly string[]) {
  const tab = findTab(raw, 'archive');
  const wanted: { key: string; text: string }[] = [
    { key: 'month', text: 'ماه' },
    { key: 'agency', text: 'دستگاه' },
    ...codes.map((code) => ({ key: `code:${code}`, text: code })),
    { key: 'note', text: 'توضیحات' },
    { key: 'closed_at', text: 'زمان بستن' },
  ];
  const at = new Map<string, number>();
  const header: ArchiveAppend['header'] = [];
  const columns = tab ? mapColumns(tab, TABS.archive.columns) : null;
  let next = tab ? tab.rows.reduce((w, row) => Math.max(w, row.length), 0) : 0;
  for (const { key, text } of wanted) {
    let column = key.startsWith('code:')
      ? columns?.headers.findIndex((h, c) => h === normalizeName(text) && !columns.claimed.has(c))
      : columns?.index.get(key);
    if (column === undefined || column < 0) {
      column = next++;
      header.push({ column, text });
    }
    at.set(key, column);
  }
  return { title: tab?.name ?? TABS.archive.label, at, header, width: next };
}

/** The archive rows of `month` (only `agencies` when given), as the scores tab holds them now. */
export function planArchive(
  raw: RawWorkbook,
  parsed: ParseResult,
  month: MonthKey,
  closedAt: string,
  agencies?: ReadonlySet<string>,
): ArchiveAppend {
  const scores = findTab(raw, 'scores');
  const columns = scoresColumns(raw, parsed.model.indicators);
  const codes = parsed.model.indicators.map((i) => i.code);
  const layout = archiveLayout(raw, codes);
  const rows: CellValue[][] = [];
  for (const score of parsed.model.scores) {
    if (score.month !== month || (agencies && !agencies.has(score.agencyId))) continue;
    const cells = scores?.rows[score.rowIndex] ?? [];
    const row: CellValue[] = Array<CellValue>(layout.width).fill(null);
    const put = (key: string, value: CellValue | undefined) => {
      const column = layout.at.get(key);
      if (column !== undefined) row[column] = value ?? null;
    };
    put('month', month);
    put('agency', score.agencyId);
    for (const code of codes) {
      const column = columns?.codes.get(code);
      put(`code:${code}`, column === undefined ? null : cells[column]);
    }
    put('note', columns?.note === undefined ? null : cells[columns.note]);
    put('closed_at', closedAt);
    rows.push(row);
  }
  return { title: layout.title, header: layout.header, rows };
}

export type MonthState = 'never-opened' | 'open' | 'closed';

/**
 * The month's state by its open and close rows in the runs tab (in tab order); a reopen is
 * one agency's extension (core/runs/extensions.ts), not the month's.
 */
export function monthState(entries: readonly RunsEntry[], month: MonthKey): MonthState {
  let state: MonthState = 'never-opened';
  for (const entry of entries) {
    if (entry.month !== month || entry.status !== 'done') continue;
    if (entry.kind === 'open') state = 'open';
    else if (entry.kind === 'close') state = 'closed';
  }
  return state;
}

/** The months whose last open, close or reopen row says open. */
export function openMonths(entries: readonly RunsEntry[]): MonthKey[] {
  const months = new Set(entries.filter((e) => e.kind === 'open').map((e) => e.month));
  return [...months].filter((month) => monthState(entries, month) === 'open');
}

/** A cell's value as compared against the archive: its text, trimmed ('' when blank). */
export function archivedText(cell: CellValue | undefined): string {
  return cell === null || cell === undefined ? '' : cellText(cell).trim();
}
