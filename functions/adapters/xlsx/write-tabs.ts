import type { CellValue as ExcelValue, Workbook, Worksheet } from 'exceljs';
import type { CellValue } from '../../core/cells.ts';

/** Characters XML 1.0 cannot hold; exceljs would write them into a file Excel refuses. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value as exceljs should store it: always a plain value. Text stays text even when it
 * starts with `=` (exceljs only writes a formula for a `{ formula }` object).
 */
export function excelValue(value: CellValue): ExcelValue {
  if (typeof value === 'string') return value === '' ? null : value.replace(NOT_XML, '');
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value instanceof Date && Number.isNaN(value.getTime())) return null;
  return value;
}

/** Right-to-left view with the header row frozen. */
const VIEWS: Worksheet['views'] = [
  { state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', rightToLeft: true },
];

/** Writes `rows` (header first) into an empty worksheet: bold frozen header, RTL, widths. */
export function fillWorksheet(worksheet: Worksheet, rows: CellValue[][]): void {
  worksheet.views = VIEWS;
  rows.forEach((row, index) => {
    if (row.length > 0) worksheet.getRow(index + 1).values = row.map(excelValue);
  });
  if (rows.length > 0) worksheet.getRow(1).font = { bold: true };
  const widths: number[] = [];
  for (const row of rows.slice(0, 500)) {
    row.forEach((value, column) => {
      const length =
        value === null ? 0 : String(value instanceof Date ? '2000-01-01' : value).length;
      widths[column] = Math.max(widths[column] ?? 0, length);
    });
  }
  widths.forEach((width, column) => {
    worksheet.getColumn(column + 1).width = Math.min(60, Math.max(10, width + 2));
  });
}

type Ordered = Worksheet & { orderNo: number };

/**
 * Replaces the whole content of `existing` with `rows`, keeping its name, position,
 * visibility and tab colour; or, without `existing`, adds a worksheet `title` at the end.
 */
export function replaceWorksheet(
  workbook: Workbook,
  existing: Worksheet | undefined,
  title: string,
  rows: CellValue[][],
): Worksheet {
  if (existing === undefined) {
    const added = workbook.addWorksheet(title);
    fillWorksheet(added, rows);
    return added;
  }
  const { name, state } = existing;
  const { orderNo } = existing as Ordered;
  const tabColor = existing.properties.tabColor;
  workbook.removeWorksheet(existing.id);
  const added = workbook.addWorksheet(name, {
    state,
    properties: tabColor === undefined ? {} : { tabColor },
  });
  (added as Ordered).orderNo = orderNo;
  fillWorksheet(added, rows);
  return added;
}
