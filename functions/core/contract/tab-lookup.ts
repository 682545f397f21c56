/**
 * Finding tabs and columns by name (docs/workbook.md#names): a title or header matches a key
 * when, normalized, it equals the key's English name or its Persian label.
 */
import { cellText, isBlankRow } from './cell-values.ts';
import { a1, type CellValue, type RawTab, type RawWorkbook } from './cells.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, type ProblemSink } from './problem-messages.ts';
import { findTabs as tabsOf, hasRunsHeader, titled } from './tab-identity.ts';

export { hasRunsHeader };
import { columnNames, TABS, type ColumnSpec, type TabKey } from './tabs.ts';

/** True when `text` names the key, by its English name or its Persian label. */
export function matchesKey(text: string, key: string, label: string): boolean {
  const name = normalizeName(text);
  return name !== '' && (name === normalizeName(key) || name === normalizeName(label));
}

/** Every tab that is the key's, best first (tab-identity.ts). */
function findTabs(workbook: RawWorkbook, key: TabKey): RawTab[] {
  return tabsOf(workbook.tabs, key);
}

/** The tab of the key (the first of findTabs). */
export function findTab(workbook: RawWorkbook, key: TabKey): RawTab | undefined {
  return findTabs(workbook, key)[0];
}

/**
 * `tab.duplicate` for every tab after the first that is the same key's («settings» and
 * «تنظیمات», two tabs with the runs header): the first one is read, and the run stops until
 * a person says which. `tab.unmarked`, a warning, for a tab named like a key whose tab
 * carries the product's mark (added by a person: ignored).
 */
export function reportDuplicateTabs(workbook: RawWorkbook, sink: ProblemSink): void {
  for (const key of Object.keys(TABS) as TabKey[]) {
    const [first, ...others] = findTabs(workbook, key);
    if (!first) continue;
    for (const other of others) {
      const message = messages.tabDuplicate(String(other.name), String(first.name), TABS[key]);
      sink.tab('tab.duplicate', key, String(other.name), message);
    }
    if (first.mark !== key) continue;
    for (const tab of workbook.tabs) {
      if (tab.mark !== undefined || !titled(tab, key)) continue;
      const message = messages.tabUnmarked(String(tab.name), String(first.name), TABS[key]);
      sink.tab('tab.unmarked', key, String(tab.name), message);
    }
  }
}

/** The header row's cells, each normalized once (index = column). */
function normalizedHeaders(tab: RawTab): string[] {
  const first = tab.rows[0];
  const header = Array.isArray(first) ? first : [];
  const out: string[] = [];
  for (let c = 0; c < header.length; c++) out.push(normalizeName(cellText(header[c])));
  return out;
}

export interface ColumnMap {
  /** Column key -> zero-based column index, for the columns found. */
  index: Map<string, number>;
  /** Columns not found (required and optional). */
  missing: ColumnSpec[];
  /** Every header cell normalized, by column index. */
  headers: string[];
  /** Columns taken by a spec, so that other matching (indicator codes) skips them. */
  claimed: Set<number>;
  /** Further columns naming a spec'd column already found: the first one is read. */
  duplicates: { spec: ColumnSpec; column: number; first: number }[];
}

/**
 * Locates each spec'd column in row 1; the first matching column wins, and any other
 * column naming the same key is listed in `duplicates` (and claimed, so that it is not
 * taken for an indicator code).
 */
export function mapColumns(tab: RawTab, specs: readonly ColumnSpec[]): ColumnMap {
  const headers = normalizedHeaders(tab);
  const index = new Map<string, number>();
  const missing: ColumnSpec[] = [];
  const claimed = new Set<number>();
  const duplicates: ColumnMap['duplicates'] = [];
  for (const spec of specs) {
    const names = new Set(columnNames(spec).map(normalizeName));
    const matching: number[] = [];
    headers.forEach((h, c) => {
      if (h !== '' && !claimed.has(c) && names.has(h)) matching.push(c);
    });
    const [column, ...others] = matching;
    if (column === undefined) {
      missing.push(spec);
      continue;
    }
    index.set(spec.key, column);
    claimed.add(column);
    for (const other of others) {
      duplicates.push({ spec, column: other, first: column });
      claimed.add(other);
    }
  }
  return { index, missing, headers, claimed, duplicates };
}

/** A data row: its zero-based index in `rows` (0 is the header row) and its cells. */
export interface DataRow {
  rowIndex: number;
  cells: readonly CellValue[];
}

/**
 * Rows after the header, skipping blank ones: rows with nothing in the tab's known
 * columns (`opened.columns`), whatever sits in columns the contract does not know.
 */
export function* dataRows(opened: OpenTab): Generator<DataRow> {
  const { tab } = opened;
  const known = [...opened.columns.index.values()];
  for (let r = 1; r < tab.rows.length; r++) {
    const cells = tab.rows[r];
    if (!Array.isArray(cells) || isBlankRow(cells, known)) continue;
    yield { rowIndex: r, cells };
  }
}

/** The cell at a column (undefined column or short row -> null). */
export function cellAt(row: DataRow, column: number | undefined): CellValue {
  if (column === undefined) return null;
  return row.cells[column] ?? null;
}

/** An input tab found in the workbook, with its columns located. */
export interface OpenTab {
  key: TabKey;
  tab: RawTab;
  /** The title as in the workbook. */
  title: string;
  columns: ColumnMap;
  /** Every required column was found. */
  complete: boolean;
}

/**
 * Finds an input tab and its columns, reporting `tab.missing` (null result) and
 * `header.missing` for each required column not in row 1. `fatal` only changes the
 * wording of the missing-tab message.
 */
export function openTab(
  workbook: RawWorkbook,
  key: TabKey,
  sink: ProblemSink,
  fatal: boolean,
): OpenTab | null {
  const spec = TABS[key];
  const tab = findTab(workbook, key);
  if (!tab) {
    sink.tab('tab.missing', key, spec.label, messages.tabMissing(spec.label, spec.key, fatal));
    return null;
  }
  const title = String(tab.name);
  const columns = mapColumns(tab, spec.columns);
  for (const { spec: column, column: at, first } of columns.duplicates) {
    const message = messages.headerDuplicate(title, column.label, a1(0, first));
    sink.cell('header.duplicate', key, title, 0, at, message);
  }
  let complete = true;
  for (const column of columns.missing) {
    if (!column.required) continue;
    complete = false;
    sink.row(
      'header.missing',
      key,
      title,
      0,
      messages.headerMissing(title, column.label, column.key),
    );
  }
  return { key, tab, title, columns, complete };
}
