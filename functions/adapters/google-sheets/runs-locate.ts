/**
 * Finding the runs tab of a Sheet (docs/workbook.md#output-tabs): by its mark or title, else
 * a renamed, unmarked one by its header in row 1 (core/contract/tab-identity.ts); and
 * reading it as it is now.
 */
import type { RawTab } from '../../core/contract/cells.ts';
import { titled } from '../../core/contract/tab-identity.ts';
import { TABS, type TabKey } from '../../core/contract/tabs.ts';
import type { Operation } from './api-errors.ts';
import type { SheetsApi } from './sheets-api.ts';
import {
  findSheet,
  locateSheet,
  quoteTitle,
  type SheetInfo,
  type WorkbookSnapshot,
} from './snapshot.ts';

/**
 * The tabs that may be a runs tab renamed: in a spreadsheet with tabs of the product but
 * none found as the runs tab by its mark or title, every unmarked tab whose title names no
 * tab of the product.
 */
export function runsCandidates(sheets: readonly SheetInfo[]): SheetInfo[] {
  const keys = Object.keys(TABS) as TabKey[];
  const known = (s: SheetInfo) =>
    s.mark !== undefined || keys.some((k) => titled({ name: s.title }, k));
  if (findSheet(sheets, 'runs') || !sheets.some(known)) return [];
  return sheets.filter((s) => s.grid && !known(s));
}

/** The runs tab of a snapshot: the one it read, else one titled so (added since). */
export const runsSheet = (state: WorkbookSnapshot): SheetInfo | null =>
  state.outputs.runs?.sheet ?? findSheet(state.sheets, 'runs') ?? null;

/** The range of a tab's row 1. */
export const headerRange = (sheet: SheetInfo): string => `${quoteTitle(sheet.title)}!1:1`;

/** The runs tab among `candidates`, by their row 1 as read (`heads`, one per candidate). */
export function runsByHeader(
  candidates: readonly SheetInfo[],
  heads: readonly RawTab['rows'][],
): SheetInfo | undefined {
  const tabs = new Map(
    candidates.map((s, i) => [s.sheetId, { name: s.title, rows: heads[i] ?? [] }]),
  );
  return locateSheet(candidates, tabs, 'runs');
}

/**
 * The runs tab among `sheets`: by its mark or title, else (a renamed, unmarked one) the
 * tab whose row 1 is its header (one `values.batchGet` of every tab's row 1).
 */
async function locateRuns(
  api: SheetsApi,
  operation: Operation,
  sheets: readonly SheetInfo[],
  byHeader: boolean,
): Promise<SheetInfo | undefined> {
  const found = findSheet(sheets, 'runs');
  if (found || !byHeader) return found;
  const grids = sheets.filter((s) => s.grid && s.mark === undefined);
  if (grids.length === 0) return undefined;
  return runsByHeader(grids, await api.valuesOf(operation, grids.map(headerRange)));
}

/**
 * The runs tab as it is now: one `values.batchGet` of `known` (the runs tab as last
 * seen), else found first (a `get`; and, without a snapshot that looked at every tab's
 * row 1 already, a read of those rows).
 */
export async function freshRuns(
  api: SheetsApi,
  operation: Operation,
  known: SheetInfo | null,
  byHeader: boolean,
): Promise<{ sheet: SheetInfo; tab: RawTab } | null> {
  const sheets = known ? [] : (await api.fetchSheets(operation)).sheets;
  const sheet = known ?? (await locateRuns(api, operation, sheets, byHeader));
  if (!sheet) return null;
  const [rows] = await api.valuesOf(operation, [quoteTitle(sheet.title)]);
  return { sheet, tab: { name: sheet.title, rows: rows ?? [] } };
}
