/**
 * The small `batchUpdate` requests every Sheets plan builds: a tab's mark, a free sheet id,
 * rows or columns added at the end of a grid, one cell set. Pure.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { TAB_MARK_KEY } from '../../core/contract/tab-identity.ts';
import type { TabKey } from '../../core/contract/tabs.ts';
import { toCellData, type PlainCell } from './cell-data.ts';

type Request = sheets_v4.Schema$Request;

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

/** `length` rows or columns added at the end of the grid. */
export function appendDimension(
  sheetId: number,
  dimension: 'ROWS' | 'COLUMNS',
  length: number,
): Request {
  return { appendDimension: { sheetId, dimension, length } };
}

/** One cell's value set. */
export function singleCell(
  sheetId: number,
  row: number,
  column: number,
  value: PlainCell,
): Request {
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
