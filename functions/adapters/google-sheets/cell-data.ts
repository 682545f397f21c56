/**
 * Cells between `CellValue` and the Sheets API: values as `values.batchGet` hands them
 * over (UNFORMATTED_VALUE, SERIAL_NUMBER) and `CellData` as `updateCells` takes it.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../../core/contract/cells.ts';

/** A cell as the Sheet holds it after a write: dates are serial numbers, blank is null. */
export type PlainCell = string | number | boolean | null;

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of the Sheets (and Lotus/Excel) serial calendar, in Unix days. */
const SERIAL_EPOCH_DAYS = 25_569;

/**
 * A Date as a serial number, reading its UTC wall time (as exceljs does for date cells,
 * so both stores hand the core the same number for the same cell).
 */
function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + SERIAL_EPOCH_DAYS;
}

/** A value from `values.batchGet` as a `CellValue`: the empty string is an empty cell. */
function fromApiValue(value: unknown): CellValue {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** Rows from `values.batchGet`: ragged, empty rows kept as `[]`, row indexes preserved. */
export function fromApiRows(values: unknown[][] | null | undefined): CellValue[][] {
  if (!values) return [];
  return values.map((row) => (Array.isArray(row) ? row.map(fromApiValue) : []));
}

/** A value to write, as the Sheet will hold it (non-finite numbers become their text). */
export function toPlain(value: CellValue | undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === '') return null;
  return value;
}

/** A row in canonical form: plain cells, trailing blanks dropped. */
export function toPlainRow(row: readonly (CellValue | undefined)[] | undefined): PlainCell[] {
  const out = (row ?? []).map(toPlain);
  let end = out.length;
  while (end > 0 && out[end - 1] === null) end--;
  out.length = end;
  return out;
}

/** Every row in canonical form; trailing blank rows dropped. */
export function toPlainRows(rows: readonly (readonly (CellValue | undefined)[])[]): PlainCell[][] {
  const out = rows.map(toPlainRow);
  let end = out.length;
  while (end > 0 && out[end - 1]?.length === 0) end--;
  out.length = end;
  return out;
}

export function plainRowsEqual(
  a: readonly PlainCell[] | undefined = [],
  b: readonly PlainCell[] | undefined = [],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The `updateCells` cell for a value: a string is a `stringValue` (taken literally, so
 * `=HYPERLINK(…)` stays text), never a formula. A blank cell carries no value, which with
 * the `userEnteredValue` field mask clears it.
 */
export function toCellData(value: PlainCell): sheets_v4.Schema$CellData {
  if (value === null) return {};
  if (typeof value === 'string') return { userEnteredValue: { stringValue: value } };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  return { userEnteredValue: { boolValue: value } };
}

export function toRowData(row: readonly PlainCell[]): sheets_v4.Schema$RowData {
  return { values: row.map(toCellData) };
}

/** The widest row, in cells. */
export function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}
