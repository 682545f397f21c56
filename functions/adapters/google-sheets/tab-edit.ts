/**
 * The smallest edit of one output tab between the rows read and the rows wanted: common
 * first and last rows kept, only the rows in between replaced. Pure.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../../core/contract/cells.ts';
import { plainRowsEqual, toPlainRows, toRowData, widthOf, type PlainCell } from './cell-data.ts';
import { appendDimension } from './grid-requests.ts';
import type { SheetInfo, TabState } from './snapshot.ts';

type Request = sheets_v4.Schema$Request;

interface TabEdit {
  requests: Request[];
  after: TabState;
  /** Zero-based rows [start, end) of the new content that were written, or null. */
  written: { start: number; end: number } | null;
}

/** How many rows at the start (`prefix`) and at the end (`suffix`) `old` and `next` share. */
function commonEnds(
  old: readonly PlainCell[][],
  next: readonly PlainCell[][],
): { prefix: number; suffix: number } {
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
  return { prefix, suffix };
}

/** The rows between kept ends: from `prefix`, `old` of them now, `next` of them wanted. */
type Middle = { prefix: number; old: number; next: number };

/**
 * Common last rows kept: the middle rows deleted or inserted to the new count (`sheet`'s
 * row count follows); the rows to rewrite end at the new middle's end.
 */
function resizeMiddle(sheet: SheetInfo, middle: Middle, requests: Request[]): number {
  const { sheetId } = sheet;
  const { prefix, old, next } = middle;
  if (old > next) {
    const range = { sheetId, dimension: 'ROWS', startIndex: prefix + next, endIndex: prefix + old };
    requests.push({ deleteDimension: { range } });
    sheet.rowCount -= old - next;
  } else if (next > old) {
    const range = { sheetId, dimension: 'ROWS', startIndex: prefix + old, endIndex: prefix + next };
    // New rows take the format and validation of the data row after them (there is
    // always one: the common last rows), never of the row before, which may be the
    // bold header.
    requests.push({ insertDimension: { range, inheritFromBefore: false } });
    sheet.rowCount += next - old;
  }
  return prefix + next;
}

/**
 * The change reaches the end of the data: no rows inserted or deleted, the rows to rewrite
 * cover the longer of the old and new tails (what is left of the old is cleared), and the
 * grid grows when the data outgrows it.
 */
function growToTail(sheet: SheetInfo, middle: Middle, requests: Request[]): number {
  const { prefix, old, next } = middle;
  if (prefix + next > sheet.rowCount) {
    requests.push(appendDimension(sheet.sheetId, 'ROWS', prefix + next - sheet.rowCount));
    sheet.rowCount = prefix + next;
  }
  return prefix + Math.max(old, next);
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
  const { prefix, suffix } = commonEnds(old, next);
  const middle: Middle = {
    prefix,
    old: old.length - prefix - suffix,
    next: next.length - prefix - suffix,
  };
  const sheet: SheetInfo = { ...state.sheet };
  const after: TabState = { sheet, rows: next };
  if (middle.old === 0 && middle.next === 0) return { requests: [], after, written: null };

  const requests: Request[] = [];
  const end =
    suffix === 0 ? growToTail(sheet, middle, requests) : resizeMiddle(sheet, middle, requests);
  const width =
    suffix === 0
      ? Math.max(widthOf(old.slice(prefix)), widthOf(next.slice(prefix)))
      : Math.max(
          widthOf(old.slice(prefix, prefix + Math.min(middle.old, middle.next))),
          widthOf(next.slice(prefix, prefix + middle.next)),
        );
  if (end > prefix && width > 0) {
    if (width > sheet.columnCount) {
      requests.push(appendDimension(sheet.sheetId, 'COLUMNS', width - sheet.columnCount));
      sheet.columnCount = width;
    }
    const range = {
      sheetId: sheet.sheetId,
      startRowIndex: prefix,
      endRowIndex: end,
      startColumnIndex: 0,
      endColumnIndex: width,
    };
    const rows = next.slice(prefix, prefix + middle.next).map(toRowData);
    requests.push({ updateCells: { range, rows, fields: 'userEnteredValue' } });
  }
  return { requests, after, written: { start: prefix, end: prefix + middle.next } };
}
