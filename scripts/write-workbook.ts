/**
 * Writes a RawWorkbook to an .xlsx file as people would lay it out: right-to-left sheets,
 * a bold frozen header row, column widths fitted to the content. Streams rows, so the
 * benchmark's large workbooks fit in memory. Used by the example and the benchmarks.
 */
import ExcelJS from 'exceljs';
import type { CellValue, RawWorkbook } from '../functions/core/contract/cells.ts';

export interface SheetLayout {
  /** Columns kept in view when scrolling sideways (after the header row). */
  frozenColumns?: number;
}

/** Workbook properties carry this instead of the clock, so files depend on data alone. */
const FIXED_DATE = new Date(Date.UTC(2024, 6, 22));

function displayLength(value: CellValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return 10;
  return String(value).length;
}

/** A width per column from the header and the first rows: between 6 and 60 characters. */
export function fittedWidths(rows: CellValue[][], sample = 500): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, sample)) {
    row.forEach((value, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayLength(value));
    });
  }
  return Array.from(widths, (w) => Math.min(60, Math.max(6, Math.ceil((w ?? 0) * 1.1) + 2)));
}

export async function writeWorkbookXlsx(
  workbook: RawWorkbook,
  path: string,
  layout: Record<string, SheetLayout> = {},
): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  writer.creator = 'karnameh';
  writer.created = FIXED_DATE;
  writer.modified = FIXED_DATE;
  for (const tab of workbook.tabs) {
    const sheet = writer.addWorksheet(tab.name, {
      views: [
        {
          state: 'frozen',
          xSplit: layout[tab.name]?.frozenColumns ?? 0,
          ySplit: 1,
          rightToLeft: true,
        },
      ],
    });
    sheet.columns = fittedWidths(tab.rows).map((width) => ({ width }));
    tab.rows.forEach((values, i) => {
      const row = sheet.addRow(values);
      if (i === 0) row.font = { bold: true };
      row.commit();
    });
    sheet.commit();
  }
  await writer.commit();
}
