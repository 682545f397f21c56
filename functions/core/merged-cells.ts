import type { CellValue } from './cells.ts';

/** A merged range, zero-based, end exclusive (as in the Sheets API's GridRange). */
export interface MergeRange {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

/**
 * The rows with every cell a merged range covers holding the range's top-left value, as a
 * person reading the sheet sees it. Rows are extended where needed; a range whose top-left
 * cell is empty leaves its cells empty. The input is not changed.
 */
export function fillMerged(rows: CellValue[][], ranges: MergeRange[]): CellValue[][] {
  if (ranges.length === 0) return rows;
  const out = rows.map((row) => row.slice());
  for (const range of ranges) {
    const value = rows[range.startRow]?.[range.startColumn] ?? null;
    if (value === null) continue;
    for (let r = range.startRow; r < range.endRow; r++) {
      const row = (out[r] ??= []);
      for (let c = range.startColumn; c < range.endColumn; c++) {
        while (row.length < c) row.push(null);
        row[c] = value;
      }
    }
  }
  for (let r = 0; r < out.length; r++) out[r] ??= [];
  return out;
}
