/**
 * What a read saw of the spreadsheet, kept for the next write: every tab's id, title and
 * grid size, the rows of the output tabs and of the settings tab.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { RawTab } from '../../core/contract/cells.ts';
import type { MergeRange } from '../../core/contract/merged-cells.ts';
import { namesKey as matchesKey } from './names.ts';
import { OUTPUT_TABS, TABS, type TabKey } from '../../core/contract/tabs.ts';
import { toPlainRows, type PlainCell } from './cell-data.ts';
import { findTabs, TAB_MARK_KEY } from '../../core/contract/tab-identity.ts';

export type OutputKey = Extract<TabKey, 'results' | 'problems' | 'runs'>;

/** The sheet properties `spreadsheets.get` is asked for (its `fields` mask), and each tab's marks. */
export const SHEET_FIELDS =
  'sheets(properties(sheetId,title,index,sheetType,gridProperties(rowCount,columnCount,frozenRowCount),rightToLeft),developerMetadata(metadataKey,metadataValue))';
/** The same, with each sheet's merged ranges (a read fills them in, core/contract/merged-cells.ts). */
export const SHEET_READ_FIELDS = `${SHEET_FIELDS.slice(0, -1)},merges(startRowIndex,endRowIndex,startColumnIndex,endColumnIndex))`;

export interface SheetInfo {
  sheetId: number;
  title: string;
  index: number;
  rowCount: number;
  columnCount: number;
  /** Only grid sheets hold cells (a chart sheet has no A1 range). */
  grid: boolean;
  /** Merged ranges (empty unless the `fields` mask asked for them). */
  merges?: MergeRange[];
  /** The product's mark on the tab (developer metadata `karnameh.tab`): the tab key it is. */
  mark?: string;
}

export interface TabState {
  sheet: SheetInfo;
  /** Canonical rows (cell-data.ts `toPlainRows`). */
  rows: PlainCell[][];
}

export interface WorkbookSnapshot {
  sheets: SheetInfo[];
  outputs: Partial<Record<OutputKey, TabState>>;
  settings: TabState | null;
}

/** The tab's mark (core/contract/tab-identity.ts), when it carries one. */
function markOf(sheet: sheets_v4.Schema$Sheet): { mark?: string } {
  const found = sheet.developerMetadata?.find((m) => m.metadataKey === TAB_MARK_KEY);
  return typeof found?.metadataValue === 'string' ? { mark: found.metadataValue } : {};
}

/** The tab list from a `spreadsheets.get` answer, in workbook order. */
export function sheetInfos(spreadsheet: sheets_v4.Schema$Spreadsheet): SheetInfo[] {
  const out: SheetInfo[] = [];
  for (const sheet of spreadsheet.sheets ?? []) {
    const p = sheet.properties;
    if (!p || typeof p.sheetId !== 'number' || typeof p.title !== 'string') continue;
    out.push({
      sheetId: p.sheetId,
      title: p.title,
      index: p.index ?? out.length,
      rowCount: p.gridProperties?.rowCount ?? 0,
      columnCount: p.gridProperties?.columnCount ?? 0,
      grid: (p.sheetType ?? 'GRID') === 'GRID',
      ...markOf(sheet),
      merges: (sheet.merges ?? []).map((m) => ({
        startRow: m.startRowIndex ?? 0,
        endRow: m.endRowIndex ?? 0,
        startColumn: m.startColumnIndex ?? 0,
        endColumn: m.endColumnIndex ?? 0,
      })),
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The tab of the key by its mark, else by its title (core/contract/tab-identity.ts without the
 * rows: the runs tab's header is not looked at; `takeSnapshot` does, with the rows).
 */
export function findSheet(sheets: readonly SheetInfo[], key: TabKey): SheetInfo | undefined {
  const spec = TABS[key];
  return (
    sheets.find((sheet) => sheet.mark === key) ??
    sheets.find(
      (sheet) => sheet.mark === undefined && matchesKey(sheet.title, spec.key, spec.label),
    )
  );
}

/** The tab of the key as core/contract/tab-identity.ts finds it: `tabs` holds the grids' rows. */
export function locateSheet(
  sheets: readonly SheetInfo[],
  tabs: ReadonlyMap<number, RawTab>,
  key: TabKey,
): SheetInfo | undefined {
  const raw = sheets
    .filter((s) => s.grid)
    .map((sheet) => ({
      sheet,
      name: sheet.title,
      rows: tabs.get(sheet.sheetId)?.rows ?? [],
      ...(sheet.mark === undefined ? {} : { mark: sheet.mark }),
    }));
  return findTabs(raw, key)[0]?.sheet;
}

/** The snapshot of a read: `tabs[i]` holds the rows of `sheets[i]` when it is a grid. */
export function takeSnapshot(
  sheets: SheetInfo[],
  tabs: ReadonlyMap<number, RawTab>,
): WorkbookSnapshot {
  const state = (sheet: SheetInfo | undefined): TabState | null =>
    sheet ? { sheet, rows: toPlainRows(tabs.get(sheet.sheetId)?.rows ?? []) } : null;
  const outputs: WorkbookSnapshot['outputs'] = {};
  for (const key of OUTPUT_TABS as OutputKey[]) {
    const found = state(locateSheet(sheets, tabs, key));
    if (found) outputs[key] = found;
  }
  return { sheets, outputs, settings: state(locateSheet(sheets, tabs, 'settings')) };
}

/** A tab title as an A1 range of the whole tab: quoted, single quotes doubled. */
export function quoteTitle(title: string): string {
  return `'${title.replaceAll("'", "''")}'`;
}
