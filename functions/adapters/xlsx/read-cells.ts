import type { Cell, CellValue as ExcelValue, Worksheet } from 'exceljs';
import type { CellValue, RawTab } from '../../core/cells.ts';

type RichTextValue = { richText: { text: string }[] };

function isRichText(value: object): value is RichTextValue {
  return 'richText' in value && Array.isArray(value.richText);
}

/**
 * One exceljs value as a plain `CellValue`: rich text and hyperlinks become their text,
 * formulas their cached result (never evaluated; null when there is none), errors their
 * text (`#N/A`), empty strings null.
 */
export function plainValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (isRichText(value)) return plainValue(value.richText.map((run) => run.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result !== null && typeof result === 'object' && 'formula' in result) return null;
    return plainValue(result as ExcelValue);
  }
  if ('hyperlink' in value) return plainValue(value.text as ExcelValue);
  if ('error' in value) return String(value.error);
  return null;
}

/** A cell's plain value; the covered cells of a merged range are empty, as in Sheets. */
export function cellValue(cell: Cell): CellValue {
  if (cell.isMerged && cell.master !== cell) return null;
  return plainValue(cell.value);
}

/**
 * A worksheet as a `RawTab`: sheet row r is `rows[r - 1]` (blank rows in between stay as
 * empty arrays), each row dense up to its last non-empty cell, trailing blank rows dropped.
 */
export function readWorksheet(worksheet: Worksheet): RawTab {
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = cellValue(cell);
      if (value === null) return;
      while (values.length < columnNumber - 1) values.push(null);
      values[columnNumber - 1] = value;
    });
    if (values.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = values;
  });
  return { name: worksheet.name, rows };
}
