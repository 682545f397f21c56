/**
 * Grid data (`Sheet.data`: GridData with its rows of CellData) as Google returns it in a
 * spreadsheet resource: here for `spreadsheets.batchUpdate` with
 * `includeSpreadsheetInResponse` (its `updatedSpreadsheet`, the spreadsheet right after the
 * batch), `responseRanges` and `responseIncludeGridData`.
 *
 * As Google does: with `responseRanges`, only the tabs those ranges name are listed, each
 * with the cells of its range; grid data is returned when `responseIncludeGridData` is true
 * or a `fields` mask is given (Google then ignores the flag and returns what the mask
 * names). Rows and cells after the last one holding anything are left out, an empty cell
 * inside a row is `{}`; `effectiveValue` is the entered value (a formula, which the stand-in
 * does not compute, is `#N/A` as in `values.batchGet`), `formattedValue` the text shown.
 */
import {
  ApiRefusal,
  parseA1Range,
  renderCell,
  type Bounds,
  type Json,
  type StandInSheet,
  type StandInSpreadsheet,
  type StoredCell,
} from './stand-in-model.ts';

function cellData(cell: StoredCell | undefined): Json {
  if (!cell) return {};
  const out: Json = structuredClone(cell);
  const entered = cell.userEnteredValue as Json | undefined;
  if (entered) {
    out.effectiveValue =
      typeof entered.formulaValue === 'string'
        ? { errorValue: { type: 'N_A', message: 'The stand-in does not compute formulas.' } }
        : structuredClone(entered);
    out.formattedValue = String(renderCell(cell, 'FORMATTED_VALUE', 'FORMATTED_STRING'));
  }
  return out;
}

function gridData(sheet: StandInSheet, bounds: Bounds): Json {
  const rowData: Json[] = [];
  const lastRow = Math.min(bounds.endRow, sheet.rows.length);
  for (let r = bounds.startRow; r < lastRow; r++) {
    const row = sheet.rows[r] ?? [];
    let end = Math.min(bounds.endColumn, row.length);
    while (end > bounds.startColumn && row[end - 1] === undefined) end--;
    const values: Json[] = [];
    for (let c = bounds.startColumn; c < end; c++) values.push(cellData(row[c]));
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && rowData[rowData.length - 1]?.values === undefined) rowData.pop();
  return {
    ...(bounds.startRow > 0 ? { startRow: bounds.startRow } : {}),
    ...(bounds.startColumn > 0 ? { startColumn: bounds.startColumn } : {}),
    ...(rowData.length > 0 ? { rowData } : {}),
  };
}

/**
 * The `sheets` of a batch's `updatedSpreadsheet`: `base(sheet)` is what `spreadsheets.get`
 * lists for a tab (properties, protections, merges); grid data added when asked for.
 */
export function responseSheets(
  doc: StandInSpreadsheet,
  body: Json,
  masked: boolean,
  base: (sheet: StandInSheet) => Json,
): Json[] {
  const ranges = body.responseRanges;
  if (ranges !== undefined && !Array.isArray(ranges)) {
    throw new ApiRefusal("Invalid value at 'response_ranges': a list of A1 ranges is required");
  }
  const withData = masked || body.responseIncludeGridData === true;
  if (!ranges || ranges.length === 0) {
    return doc.sheets.map((sheet) => ({
      ...base(sheet),
      ...(withData ? { data: [gridData(sheet, wholeSheet(sheet))] } : {}),
    }));
  }
  const picked = new Map<StandInSheet, Json[]>();
  for (const text of ranges) {
    if (typeof text !== 'string') throw new ApiRefusal(`Unable to parse range: ${String(text)}`);
    const { sheet, bounds } = parseA1Range(doc, text);
    const data = picked.get(sheet) ?? [];
    data.push(gridData(sheet, bounds));
    picked.set(sheet, data);
  }
  return doc.sheets
    .filter((sheet) => picked.has(sheet))
    .map((sheet) => ({ ...base(sheet), ...(withData ? { data: picked.get(sheet) } : {}) }));
}

function wholeSheet(sheet: StandInSheet): Bounds {
  const grid = sheet.properties.gridProperties;
  return { startRow: 0, endRow: grid.rowCount, startColumn: 0, endColumn: grid.columnCount };
}
