/** A cell as both stores hand it over: text, number, boolean, date or empty. */
export type CellValue = string | number | boolean | Date | null;

/** One tab as read: `rows[0]` is the header row (sheet row 1). */
export interface RawTab {
  /** The tab's title exactly as in the workbook. */
  name: string;
  rows: CellValue[][];
}

/** Every tab of a workbook, in workbook order. */
export interface RawWorkbook {
  tabs: RawTab[];
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

/**
 * What the xlsx reader hands over for a formula cell saved without a cached value (a file
 * written by a program that does not calculate): a text no real cell can hold (it starts
 * with U+0000, which XML forbids), so the core can report it as a formula rather than as
 * text or a blank.
 */
export const FORMULA_WITHOUT_VALUE = '\u0000formula-without-value';

export function isFormulaWithoutValue(value: CellValue): boolean {
  return value === FORMULA_WITHOUT_VALUE;
}
