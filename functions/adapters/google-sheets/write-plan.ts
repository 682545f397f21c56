/**
 * The one `batchUpdate` of a write, planned against the snapshot of the last read: tabs to
 * add, then for each output tab the smallest edit (common first and last rows kept, only
 * the rows in between replaced), then the settings cells. Pure: no I/O.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../../core/contract/cells.ts';
import { TABS } from '../../core/contract/tabs.ts';
import type { WriteRequest } from '../../ports.ts';
import { toPlainRows, widthOf } from './cell-data.ts';
import { markRequest, nextSheetId } from './grid-requests.ts';
import { planRunsUpsert, type RunsUpsert } from './runs-plan.ts';
import { planSettings } from './settings-plan.ts';
import type { OutputKey, SheetInfo, TabState, WorkbookSnapshot } from './snapshot.ts';
import { planTabEdit } from './tab-edit.ts';

type Request = sheets_v4.Schema$Request;

/**
 * The largest `batchUpdate` body Google accepts (10 MiB; it refuses more with 400 "Request
 * payload size exceeds the limit: 10485760 bytes."). Google recommends 2 MB, but a write
 * split into several batches would no longer be atomic, so up to this limit it is one.
 */
export const MAX_BODY_BYTES = 10_485_760;

/** Rows of room a tab added by a write gets beyond its data. */
const NEW_TAB_SPARE_ROWS = 100;

export interface WritePlan {
  requests: Request[];
  /** The snapshot as it will be once the batch has been applied. */
  after: WorkbookSnapshot;
  /** What changes, for the report: `نتایج: rows 2–41 replaced`. */
  changes: string[];
}

/** An output tab the write adds (marked as it is made, so that it is found by its mark whatever it is renamed to). */
function addedTab(
  sheets: readonly SheetInfo[],
  key: OutputKey,
  rows: readonly (readonly CellValue[])[],
): { sheet: SheetInfo; requests: Request[] } {
  const next = toPlainRows(rows);
  const sheet: SheetInfo = {
    sheetId: nextSheetId(sheets),
    title: TABS[key].label,
    index: sheets.length,
    rowCount: Math.max(next.length, 1) + NEW_TAB_SPARE_ROWS,
    columnCount: Math.max(widthOf(next), TABS[key].columns.length, 1),
    grid: true,
    mark: key,
  };
  const gridProperties = {
    rowCount: sheet.rowCount,
    columnCount: sheet.columnCount,
    frozenRowCount: 1,
  };
  const properties = { sheetId: sheet.sheetId, title: sheet.title, index: sheet.index };
  const add = { addSheet: { properties: { ...properties, gridProperties, rightToLeft: true } } };
  return { sheet, requests: [add, markRequest(sheet.sheetId, key)] };
}

/** The report's line for an edit of `title` that wrote rows [start, end). */
const writtenLine = (title: string, { start, end }: { start: number; end: number }): string =>
  end > start
    ? `${title}: rows ${start + 1}–${end} written`
    : `${title}: rows removed after row ${start}`;

/** Replaces the sheet of the same id in `sheets` (its row and column counts after an edit). */
function replaceSheet(sheets: SheetInfo[], sheet: SheetInfo): void {
  const at = sheets.findIndex((s) => s.sheetId === sheet.sheetId);
  if (at >= 0) sheets[at] = sheet;
}

/**
 * The whole write: tabs to add, output tab edits, the runs upsert, settings cells, in that
 * order. Results and problems are planned against the snapshot of the last read; the runs
 * rows against the tab as read at write time (`runs`).
 */
export function planWrite(
  snapshot: WorkbookSnapshot,
  request: WriteRequest,
  where: string,
  runs?: RunsUpsert,
): WritePlan {
  const sheets = snapshot.sheets.map((s) => ({ ...s }));
  const outputs: WorkbookSnapshot['outputs'] = { ...snapshot.outputs };
  const adds: Request[] = [];
  const edits: Request[] = [];
  const changes: string[] = [];
  const whole: Partial<Record<OutputKey, CellValue[][]>> = { ...request.outputs };
  if (runs && !runs.fresh) whole.runs = runs.merged;
  for (const key of Object.keys(whole) as OutputKey[]) {
    const rows = whole[key];
    if (!rows) continue;
    let state: TabState | undefined = outputs[key];
    if (!state) {
      const added = addedTab(sheets, key, rows);
      sheets.push(added.sheet);
      adds.push(...added.requests);
      changes.push(`${added.sheet.title}: tab added`);
      state = { sheet: added.sheet, rows: [] };
    }
    const edit = planTabEdit(state, rows);
    outputs[key] = edit.after;
    replaceSheet(sheets, edit.after.sheet);
    edits.push(...edit.requests);
    if (edit.written) changes.push(writtenLine(state.sheet.title, edit.written));
  }
  if (runs?.fresh) {
    const upsert = planRunsUpsert(runs.fresh, runs.merged);
    outputs.runs = upsert.after;
    edits.push(...upsert.requests);
    if (upsert.change) changes.push(upsert.change);
  }
  const settings = planSettings(snapshot.settings, request.settings ?? [], where);
  if (settings.requests.length > 0 && settings.after) {
    const keys = (request.settings ?? []).map((u) => u.key).join(', ');
    changes.push(`${settings.after.sheet.title}: ${keys}`);
    replaceSheet(sheets, settings.after.sheet);
  }
  return {
    requests: [...adds, ...edits, ...settings.requests],
    after: { sheets, outputs, settings: settings.after },
    changes,
  };
}

/** The size of a `batchUpdate` body as sent (UTF-8 JSON). */
export function bodyBytes(requests: readonly Request[]): number {
  return Buffer.byteLength(JSON.stringify({ requests }), 'utf8');
}
