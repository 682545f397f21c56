/**
 * Merged cells read as a person means them: a merged range shows one value, its top-left
 * cell's, over every cell it covers (a group column merged over the rows of its agencies).
 */
import type { CellValue, MergeRange } from './cells.ts';

export type { MergeRange };

/**
 * The rows with the top-left value of each range copied into every cell it covers (a short
 * row is grown; rows past the last row are not added). The input is not changed. A
 * range whose top-left cell is blank, or that is empty or malformed, changes nothing.
 */
export function fillMerged(rows: CellValue[][], ranges: MergeRange[]): CellValue[][] {
  const out = rows.map((row) => [...row]);
  for (const range of ranges) {
    const { startRow, endRow, startColumn, endColumn } = range;
    const valid = [startRow, endRow, startColumn, endColumn].every(
      (n) => Number.isInteger(n) && n >= 0,
    );
    if (!valid || endRow <= startRow || endColumn <= startColumn) continue;
    const value = out[startRow]?.[startColumn] ?? null;
    if (value === null || value === '') continue;
    // Rows past the last one read stay absent: a merge reaching into blank rows adds none.
    const lastRow = Math.min(endRow, out.length);
    for (let r = startRow; r < lastRow; r++) {
      const row = (out[r] ??= []);
      for (let c = startColumn; c < endColumn; c++) {
        while (row.length < c) row.push(null);
        row[c] = value;
      }
    }
  }
  return out;
}

/**
 * Whether a cell is covered by a merged range without being its top-left cell: the value
 * read there was copied, not written there.
 */
export function isCopiedByMerge(
  ranges: readonly MergeRange[],
  row: number,
  column: number,
): boolean {
  return ranges.some(
    (m) =>
      row >= m.startRow &&
      row < m.endRow &&
      column >= m.startColumn &&
      column < m.endColumn &&
      (row !== m.startRow || column !== m.startColumn),
  );
}
