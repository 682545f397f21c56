/** The workbook as both stores hand it over: cell values, tabs, and A1 references. */

/** A cell as both stores hand it over: text, number, boolean, date or empty. */
export type CellValue = string | number | boolean | Date | null;

/** One tab as read: `rows[0]` is the header row (sheet row 1). */
export interface RawTab {
  /** The tab's title exactly as in the workbook. */
  name: string;
  rows: CellValue[][];
  /**
   * Cells holding a formula with no computed value (an `.xlsx` `<f>` without `<v>`), as
   * zero-based `[row, column]` into `rows`; their value in `rows` is null. A store that
   * cannot tell leaves this out. (A formula that computed an error reaches the core as its
   * error text, `#DIV/0!`, in both stores.)
   */
  uncomputed?: readonly (readonly [row: number, column: number])[];
  /**
   * The tab's merged ranges as read (core/contract/merged-cells.ts): `rows` already holds
   * each range's top-left value in every cell it covers; a reader that must know which
   * values were copied (an indicator cell of the scores tab) looks here. Absent when none.
   */
  merges?: readonly MergeRange[];
  /**
   * The product's mark on the tab (a Sheet's developer metadata `karnameh.tab`: the tab
   * key it was made for, docs/workbook.md#the-tabs), which finds it whatever its title; absent when the
   * tab carries none or the store has no marks (an .xlsx).
   */
  mark?: string;
}

/** Every tab of a workbook, in workbook order. */
export interface RawWorkbook {
  tabs: RawTab[];
  /**
   * The input hash of these tabs (core/runs/input-hash.ts), when the store computed it as it
   * read them (the .xlsx store does, to notice an edit before it writes): not computed twice.
   */
  inputHash?: string;
}

/** A1 column letters for a zero-based column index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 reference for zero-based row and column indexes (0,0 -> A1). */
export function a1(rowIndex: number, columnIndex: number): string {
  return `${columnLetter(columnIndex)}${rowIndex + 1}`;
}

/** A merged range as the Sheets API's GridRange: zero-based, end exclusive. */
export interface MergeRange {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}
