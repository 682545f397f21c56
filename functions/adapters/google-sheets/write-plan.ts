/**
 * The one `batchUpdate` of a write, planned against the snapshot of the last read: tabs to
 * add, then for each output tab the smallest edit (common first and last rows kept, only
 * the rows in between replaced), then the settings cells. Pure: no I/O.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../../core/contract/cells.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import { namesKey as matchesKey } from './names.ts';
import { TAB_MARK_KEY } from '../../core/contract/tab-identity.ts';
import { SETTING_KEYS, TABS, type TabKey } from '../../core/contract/tabs.ts';
import type { SettingsUpdate, WriteRequest } from '../../ports.ts';
import {
  plainRowsEqual,
  toCellData,
  toPlain,
  toPlainRows,
  toRowData,
  widthOf,
  type PlainCell,
} from './cell-data.ts';
import { planRunsUpsert, type RunsUpsert } from './runs-plan.ts';
import type { OutputKey, SheetInfo, TabState, WorkbookSnapshot } from './snapshot.ts';

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

export interface TabEdit {
  requests: Request[];
  after: TabState;
  /** Zero-based rows [start, end) of the new content that were written, or null. */
  written: { start: number; end: number } | null;
}

/**
 * The product's mark on a tab (docs/workbook.md#the-tabs): developer metadata
 * `karnameh.tab` = its key on the whole sheet, which follows the tab through a rename and
 * goes with it when it is deleted.
 */
export function markRequest(sheetId: number, key: TabKey): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: TAB_MARK_KEY,
        metadataValue: key,
        location: { sheetId },
        visibility: 'DOCUMENT',
      },
    },
  };
}

/** A free sheet id: one more than the largest in use (ids are non-negative int32). */
export function nextSheetId(sheets: readonly { sheetId: number }[]): number {
  let max = -1;
  for (const sheet of sheets) if (sheet.sheetId > max) max = sheet.sheetId;
  if (max < 2_147_483_646) return max + 1;
  const used = new Set(sheets.map((s) => s.sheetId));
  let id = 1;
  while (used.has(id)) id++;
  return id;
}

function appendDimension(sheetId: number, dimension: 'ROWS' | 'COLUMNS', length: number): Request {
  return { appendDimension: { sheetId, dimension, length } };
}

/**
 * The smallest edit turning `state.rows` into `next`: rows equal at the start and at the
 * end stay untouched; the rows in between are deleted or inserted to the new count and
 * rewritten. When the change reaches the end of the data, no rows are inserted or
 * deleted: the tail is overwritten and what is left of the old tail is cleared (the
 * `updateCells` range covers it), and the grid grows when the data outgrows it.
 */
export function planTabEdit(state: TabState, nextRows: readonly (readonly CellValue[])[]): TabEdit {
  const old = state.rows;
  const next = toPlainRows(nextRows);
  const shortest = Math.min(old.length, next.length);
  let prefix = 0;
  while (prefix < shortest && plainRowsEqual(old[prefix], next[prefix])) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    plainRowsEqual(old[old.length - 1 - suffix], next[next.length - 1 - suffix])
  ) {
    suffix++;
  }
  const oldMiddle = old.length - prefix - suffix;
  const newMiddle = next.length - prefix - suffix;
  const sheet: SheetInfo = { ...state.sheet };
  const after: TabState = { sheet, rows: next };
  if (oldMiddle === 0 && newMiddle === 0) return { requests: [], after, written: null };

  const { sheetId } = sheet;
  const requests: Request[] = [];
  let end: number;
  let width: number;
  if (suffix === 0) {
    end = prefix + Math.max(oldMiddle, newMiddle);
    width = Math.max(widthOf(old.slice(prefix)), widthOf(next.slice(prefix)));
    if (prefix + newMiddle > sheet.rowCount) {
      requests.push(appendDimension(sheetId, 'ROWS', prefix + newMiddle - sheet.rowCount));
      sheet.rowCount = prefix + newMiddle;
    }
  } else {
    if (oldMiddle > newMiddle) {
      requests.push({
        deleteDimension: {
          range: {
            sheetId,
            dimension: 'ROWS',
            startIndex: prefix + newMiddle,
            endIndex: prefix + oldMiddle,
          },
        },
      });
      sheet.rowCount -= oldMiddle - newMiddle;
    } else if (newMiddle > oldMiddle) {
      const startIndex = prefix + oldMiddle;
      requests.push({
        insertDimension: {
          range: { sheetId, dimension: 'ROWS', startIndex, endIndex: prefix + newMiddle },
          // New rows take the format and validation of the data row after them (there is
          // always one: the common last rows), never of the row before, which may be the
          // bold header.
          inheritFromBefore: false,
        },
      });
      sheet.rowCount += newMiddle - oldMiddle;
    }
    end = prefix + newMiddle;
    const kept = Math.min(oldMiddle, newMiddle);
    width = Math.max(
      widthOf(old.slice(prefix, prefix + kept)),
      widthOf(next.slice(prefix, prefix + newMiddle)),
    );
  }
  if (end > prefix && width > 0) {
    if (width > sheet.columnCount) {
      requests.push(appendDimension(sheetId, 'COLUMNS', width - sheet.columnCount));
      sheet.columnCount = width;
    }
    requests.push({
      updateCells: {
        range: {
          sheetId,
          startRowIndex: prefix,
          endRowIndex: end,
          startColumnIndex: 0,
          endColumnIndex: width,
        },
        rows: next.slice(prefix, prefix + newMiddle).map(toRowData),
        fields: 'userEnteredValue',
      },
    });
  }
  return { requests, after, written: { start: prefix, end: prefix + newMiddle } };
}

function headerColumn(rows: readonly PlainCell[][], key: string, label: string): number {
  const header = rows[0] ?? [];
  return header.findIndex((cell) => typeof cell === 'string' && matchesKey(cell, key, label));
}

function singleCell(sheetId: number, row: number, column: number, value: PlainCell): Request {
  return {
    updateCells: {
      range: {
        sheetId,
        startRowIndex: row,
        endRowIndex: row + 1,
        startColumnIndex: column,
        endColumnIndex: column + 1,
      },
      rows: [{ values: [toCellData(value)] }],
      fields: 'userEnteredValue',
    },
  };
}

/**
 * Settings updates: the value cell of the row whose key names the setting (English key or
 * Persian label), or a new row (Persian label, value) after the last one when the key is
 * absent. A cell that already holds the value is left alone; nothing else is touched.
 */
function planSettings(
  state: TabState | null,
  updates: readonly SettingsUpdate[],
  where: string,
): { requests: Request[]; after: TabState | null } {
  if (updates.length === 0) return { requests: [], after: state };
  const [keySpec, valueSpec] = TABS.settings.columns;
  if (!state || !keySpec || !valueSpec) {
    throw new KarnamehError(
      'source.write_failed',
      `${where} has no settings tab (${TABS.settings.label}) to write ${updates.map((u) => u.key).join(', ')} into; nothing was written`,
    );
  }
  const keyColumn = headerColumn(state.rows, keySpec.key, keySpec.label);
  const valueColumn = headerColumn(state.rows, valueSpec.key, valueSpec.label);
  if (keyColumn < 0 || valueColumn < 0) {
    const missing = keyColumn < 0 ? `key (${keySpec.label})` : `value (${valueSpec.label})`;
    throw new KarnamehError(
      'source.write_failed',
      `the settings tab "${state.sheet.title}" of ${where} has no ${missing} column in row 1; nothing was written`,
    );
  }
  const sheet = { ...state.sheet };
  const rows = state.rows.map((row) => row.slice());
  const requests: Request[] = [];
  const set = (row: number, column: number, value: PlainCell) => {
    const cells = (rows[row] ??= []);
    while (cells.length <= column) cells.push(null);
    cells[column] = value;
  };
  for (const update of updates) {
    const label = SETTING_KEYS[update.key];
    const value = toPlain(update.value);
    let target = -1;
    for (let r = 1; r < rows.length && target < 0; r++) {
      const key = rows[r]?.[keyColumn];
      if (typeof key === 'string' && matchesKey(key, update.key, label)) target = r;
    }
    if (target >= 0) {
      if ((rows[target]?.[valueColumn] ?? null) === value) continue;
      requests.push(singleCell(sheet.sheetId, target, valueColumn, value));
      set(target, valueColumn, value);
      continue;
    }
    if (value === null) continue; // nothing to clear
    target = rows.length;
    if (target >= sheet.rowCount) {
      requests.push(appendDimension(sheet.sheetId, 'ROWS', target + 1 - sheet.rowCount));
      sheet.rowCount = target + 1;
    }
    requests.push(singleCell(sheet.sheetId, target, keyColumn, label));
    requests.push(singleCell(sheet.sheetId, target, valueColumn, value));
    set(target, keyColumn, label);
    set(target, valueColumn, value);
  }
  return { requests, after: { sheet, rows: toPlainRows(rows) } };
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
    let state = outputs[key];
    if (!state) {
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
      sheets.push(sheet);
      adds.push({
        addSheet: {
          properties: {
            sheetId: sheet.sheetId,
            title: sheet.title,
            index: sheet.index,
            gridProperties: {
              rowCount: sheet.rowCount,
              columnCount: sheet.columnCount,
              frozenRowCount: 1,
            },
            rightToLeft: true,
          },
        },
      });
      // Marked as it is made, so that it is found by its mark whatever it is renamed to.
      adds.push(markRequest(sheet.sheetId, key));
      changes.push(`${sheet.title}: tab added`);
      state = { sheet, rows: [] };
    }
    const edit = planTabEdit(state, rows);
    outputs[key] = edit.after;
    const at = sheets.findIndex((s) => s.sheetId === edit.after.sheet.sheetId);
    if (at >= 0) sheets[at] = edit.after.sheet;
    edits.push(...edit.requests);
    if (edit.written) {
      const { start, end } = edit.written;
      changes.push(
        end > start
          ? `${state.sheet.title}: rows ${start + 1}–${end} written`
          : `${state.sheet.title}: rows removed after row ${start}`,
      );
    }
  }
  if (runs?.fresh) {
    const upsert = planRunsUpsert(runs.fresh, runs.merged);
    outputs.runs = upsert.after;
    edits.push(...upsert.requests);
    if (upsert.change) changes.push(upsert.change);
  }
  const settings = planSettings(snapshot.settings, request.settings ?? [], where);
  if (settings.requests.length > 0 && settings.after) {
    changes.push(
      `${settings.after.sheet.title}: ${(request.settings ?? []).map((u) => u.key).join(', ')}`,
    );
    const at = sheets.findIndex((s) => s.sheetId === settings.after?.sheet.sheetId);
    if (at >= 0) sheets[at] = settings.after.sheet;
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
