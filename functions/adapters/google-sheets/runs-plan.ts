/**
 * The runs tab's part of a write: the rows of this run upserted against the tab as it was
 * read just before the write (sheets-store.ts reads it afresh), or, when the write only
 * adds rows, as this store last saw it (nothing is updated by index then). Rows already
 * there are updated in place by their index (`updateCells` of that one row); new rows go
 * out as one `appendCells`, which the API places after the last row with data when it
 * applies the batch. The index of a row read a moment ago still names it (a person who
 * inserts or deletes rows of the runs tab between the read and the batch could make it
 * name another: the read is made right before each write that updates rows, never kept
 * across a batch of mail), and rows another run appended in between are neither
 * overwritten nor moved. Pure: no I/O.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../../core/contract/cells.ts';
import { plainRowsEqual, toPlainRow, toRowData, widthOf, type PlainCell } from './cell-data.ts';
import { mergeRunsRows, type RunsEntry } from '../../core/contract/runs-log.ts';
import { findSheet, type TabState, type WorkbookSnapshot } from './snapshot.ts';

type Request = sheets_v4.Schema$Request;

/**
 * The runs rows of a write: `merged` (core `mergeRunsRows`) against `fresh`, the runs tab as
 * read just before the write (null when the spreadsheet has none: it is added whole).
 */
export interface RunsUpsert {
  fresh: TabState | null;
  merged: CellValue[][];
}

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

/**
 * The runs rows of a write that only adds rows, against the runs tab as the store last saw
 * it (`state`, which must hold every row the store wrote: each write leaves its rows in
 * it), or null when a row of the write is already there (an update by index needs the tab
 * as it is now: read it). Rows added go out as `appendCells`, which Google places after
 * the last row with data when it applies the batch, so whatever was written since
 * (another run's rows, a person's edit) is neither needed nor touched. With no runs tab,
 * the write adds it whole, by a title Google refuses twice (sheets-store.ts plans again
 * against the sheet as it is when another run added it a moment ago).
 */
export function appendOnlyUpsert(state: WorkbookSnapshot, entries: RunsEntry[]): RunsUpsert | null {
  const base = state.outputs.runs;
  if (!base && !findSheet(state.sheets, 'runs')) {
    return { fresh: null, merged: mergeRunsRows(undefined, entries) };
  }
  if (!base || base.rows.length === 0) return null;
  const merged = mergeRunsRows({ name: base.sheet.title, rows: base.rows }, entries);
  return merged.length === base.rows.length + entries.length ? { fresh: base, merged } : null;
}
