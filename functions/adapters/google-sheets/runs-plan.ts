/**
 * The runs tab's part of a write: the rows of this run upserted against the tab as it was
 * read just before the write (sheets-store.ts reads it afresh). Rows already there are
 * updated in place by their index (`updateCells` of that one row); new rows go out as one
 * `appendCells`, which the API places after the last row with data when it applies the
 * batch. Nobody inserts or deletes rows of the runs tab, so the index of a row read a moment
 * ago still names it, and rows another run appended in between are neither overwritten nor
 * moved. Pure: no I/O.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../../core/cells.ts';
import { plainRowsEqual, toPlainRow, toRowData, widthOf, type PlainCell } from './cell-data.ts';
import type { TabState } from './snapshot.ts';

type Request = sheets_v4.Schema$Request;

export interface RunsPlan {
  requests: Request[];
  after: TabState;
  /** For the report: `اجراها: 2 rows updated, 3 appended`. */
  change: string | null;
}

/**
 * `fresh` is the tab now; `merged` is core `mergeRunsRows(fresh, entries)`: the same rows
 * with this run's replaced and its new ones at the end.
 */
export function planRunsUpsert(
  fresh: TabState,
  merged: readonly (readonly CellValue[])[],
): RunsPlan {
  const old = fresh.rows;
  const next = merged.map(toPlainRow);
  const sheet = { ...fresh.sheet };
  const { sheetId } = sheet;
  const requests: Request[] = [];
  const width = Math.max(widthOf(old), widthOf(next));
  if (width > sheet.columnCount) {
    requests.push({
      appendDimension: { sheetId, dimension: 'COLUMNS', length: width - sheet.columnCount },
    });
    sheet.columnCount = width;
  }
  let updated = 0;
  for (let row = 0; row < Math.min(old.length, next.length); row++) {
    if (plainRowsEqual(old[row], next[row])) continue;
    const cells = next[row] ?? [];
    const span = Math.max(cells.length, old[row]?.length ?? 0);
    requests.push({
      updateCells: {
        range: {
          sheetId,
          startRowIndex: row,
          endRowIndex: row + 1,
          startColumnIndex: 0,
          endColumnIndex: Math.max(span, 1),
        },
        rows: [toRowData(cells)],
        fields: 'userEnteredValue',
      },
    });
    updated += 1;
  }
  const appended: PlainCell[][] = next.slice(old.length);
  if (appended.length > 0) {
    requests.push({
      appendCells: { sheetId, rows: appended.map(toRowData), fields: 'userEnteredValue' },
    });
    sheet.rowCount = Math.max(sheet.rowCount, next.length);
  }
  const parts = [
    updated > 0 ? `${updated} row(s) updated` : '',
    appended.length > 0 ? `${appended.length} row(s) appended` : '',
  ].filter(Boolean);
  return {
    requests,
    after: { sheet, rows: next },
    change: parts.length > 0 ? `${sheet.title}: ${parts.join(', ')}` : null,
  };
}
