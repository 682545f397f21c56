/**
 * `spreadsheets.batchUpdate` in the stand-in: each request applied to a working copy with
 * the semantic checks the real API makes (tabs and ids that exist, coordinates inside the
 * grid, unique titles and ids, field masks naming real fields, conditions with the right
 * number of values). The caller commits the copy only when every request succeeded.
 */
import {
  ApiRefusal,
  applyMask,
  hasValue,
  parseA1Range,
  parseFieldMask,
  resolveGridRange,
  sheetById,
  type Bounds,
  type Json,
  type SheetProperties,
  type StandInSheet,
  type StandInSpreadsheet,
  type StoredCell,
  type StoredRow,
} from './stand-in-model.ts';
import {
  createDeveloperMetadata,
  deleteDeveloperMetadata,
  editorsWithSender,
  guardEdit,
  deleteProtectedRange,
  updateProtectedRange,
  type EditContext,
} from './stand-in-access.ts';
import { checkHoles, checkNoConflict, shiftProtections } from './stand-in-protection.ts';

type Handler = (
  doc: StandInSpreadsheet,
  body: Json,
  where: string,
  ctx: EditContext,
) => Json | undefined;

const INT32_MAX = 2_147_483_647;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function reindex(doc: StandInSpreadsheet): void {
  doc.sheets.forEach((sheet, index) => {
    sheet.properties.index = index;
  });
}

/** A row of the working copy that may be changed (copied once it is touched). */
function writableRow(sheet: StandInSheet, r: number): StoredRow {
  const row = (sheet.rows[r] ?? []).slice();
  sheet.rows[r] = row;
  return row;
}

function setCell(row: StoredRow, c: number, cell: StoredCell | undefined): void {
  if (cell === undefined) {
    if (c < row.length) row[c] = undefined;
    return;
  }
  row[c] = cell;
}

function checkGridSize(properties: SheetProperties, where: string): void {
  const grid = properties.gridProperties;
  if (!Number.isInteger(grid.rowCount) || grid.rowCount < 1) {
    throw new ApiRefusal(`Invalid ${where}: rowCount must be at least 1`);
  }
  if (!Number.isInteger(grid.columnCount) || grid.columnCount < 1) {
    throw new ApiRefusal(`Invalid ${where}: columnCount must be at least 1`);
  }
  if ((grid.frozenRowCount ?? 0) >= grid.rowCount) {
    throw new ApiRefusal(`Invalid ${where}: You can't freeze all visible rows on the sheet.`);
  }
  if ((grid.frozenColumnCount ?? 0) >= grid.columnCount) {
    throw new ApiRefusal(`Invalid ${where}: You can't freeze all visible columns on the sheet.`);
  }
  if (grid.rowCount * grid.columnCount > 10_000_000) {
    throw new ApiRefusal(
      `Invalid ${where}: This action would increase the number of cells in the workbook above the limit of 10000000 cells.`,
    );
  }
}

function checkTitle(doc: StandInSpreadsheet, title: unknown, where: string, self?: StandInSheet) {
  if (typeof title !== 'string' || title.trim() === '') {
    throw new ApiRefusal(`Invalid ${where}: Sheet title cannot be empty`);
  }
  const clash = doc.sheets.find(
    (s) => s !== self && s.properties.title.toLowerCase() === title.toLowerCase(),
  );
  if (clash) {
    throw new ApiRefusal(
      `Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`,
    );
  }
}

const addSheet: Handler = (doc, body, where) => {
  const given = obj(body.properties);
  if (given.sheetType !== undefined && given.sheetType !== 'GRID') {
    throw new ApiRefusal(`Invalid ${where}: the stand-in only makes GRID sheets`);
  }
  let sheetId = given.sheetId;
  if (sheetId === undefined || sheetId === null) {
    // Google picks a random id; the stand-in picks the next free one.
    sheetId = 1 + Math.max(0, ...doc.sheets.map((s) => s.properties.sheetId));
  } else if (typeof sheetId !== 'number' || sheetId < 0) {
    throw new ApiRefusal(`Invalid ${where}: Sheet ID cannot be negative`);
  } else if (doc.sheets.some((s) => s.properties.sheetId === sheetId)) {
    throw new ApiRefusal(`Invalid ${where}: A sheet with id ${sheetId} already exists.`);
  }
  const title = given.title ?? `Sheet${doc.sheets.length + 1}`;
  checkTitle(doc, title, where);
  const index = typeof given.index === 'number' ? given.index : doc.sheets.length;
  if (index < 0 || index > doc.sheets.length) {
    throw new ApiRefusal(`Invalid ${where}: index ${index} is out of range`);
  }
  const grid = obj(given.gridProperties);
  const properties: SheetProperties = {
    ...structuredClone(given),
    sheetId: sheetId as number,
    title: title as string,
    index,
    sheetType: 'GRID',
    gridProperties: {
      ...structuredClone(grid),
      rowCount: typeof grid.rowCount === 'number' ? grid.rowCount : 1000,
      columnCount: typeof grid.columnCount === 'number' ? grid.columnCount : 26,
    },
  };
  checkGridSize(properties, where);
  doc.sheets.splice(index, 0, {
    properties,
    rows: [],
    conditionalFormats: [],
    protectedRanges: [],
    dimensionProperties: [],
  });
  reindex(doc);
  return { addSheet: { properties: structuredClone(properties) } };
};

const deleteSheet: Handler = (doc, body, where, ctx) => {
  const sheet = sheetById(doc, body.sheetId, where);
  guardEdit(doc, sheet, null, ctx);
  if (doc.sheets.length === 1) {
    throw new ApiRefusal(`Invalid ${where}: You can't remove all the sheets in a document.`);
  }
  doc.sheets.splice(doc.sheets.indexOf(sheet), 1);
  reindex(doc);
  return undefined;
};

const updateSheetProperties: Handler = (doc, body, where) => {
  const given = obj(body.properties);
  const paths = parseFieldMask(body.fields, 'SheetProperties', where);
  const sheet = sheetById(doc, given.sheetId, where);
  if (paths.some((p) => p[0] === 'sheetId' || p[0] === 'sheetType')) {
    throw new ApiRefusal(`Invalid ${where}: sheetId and sheetType cannot be changed`);
  }
  const next = applyMask(sheet.properties as Json, given, paths) as SheetProperties;
  if (paths.some((p) => p[0] === 'title')) checkTitle(doc, next.title, where, sheet);
  checkGridSize(next, where);
  const grid = next.gridProperties;
  sheet.properties = next;
  sheet.rows = sheet.rows.slice(0, grid.rowCount);
  if (paths.some((p) => p[0] === 'index')) {
    doc.sheets.splice(doc.sheets.indexOf(sheet), 1);
    doc.sheets.splice(Math.min(next.index, doc.sheets.length), 0, sheet);
    reindex(doc);
  }
  return undefined;
};

/** Writes `rows` (RowData JSON) into `bounds`; cells of `bounds` not covered are cleared. */
function writeCells(
  sheet: StandInSheet,
  bounds: Bounds,
  rows: Json[],
  paths: string[][],
  clearUncovered: boolean,
): void {
  const lastRow = clearUncovered ? bounds.endRow : bounds.startRow + rows.length;
  for (let r = bounds.startRow; r < lastRow; r++) {
    const source = rows[r - bounds.startRow];
    const values = Array.isArray(source?.values) ? (source.values as Json[]) : [];
    const lastColumn = clearUncovered ? bounds.endColumn : bounds.startColumn + values.length;
    if (!clearUncovered && values.length === 0) continue;
    const row = writableRow(sheet, r);
    for (let c = bounds.startColumn; c < lastColumn; c++) {
      const cell = values[c - bounds.startColumn];
      setCell(row, c, applyMask(row[c], cell ? obj(cell) : undefined, paths));
    }
  }
}

const updateCells: Handler = (doc, body, where, ctx) => {
  const paths = parseFieldMask(body.fields, 'CellData', where);
  const rows = Array.isArray(body.rows) ? (body.rows as Json[]) : [];
  const height = rows.length;
  const width = rows.reduce(
    (w, row) => Math.max(w, Array.isArray(row?.values) ? (row.values as unknown[]).length : 0),
    0,
  );
  const hasStart = body.start !== undefined && body.start !== null;
  const hasRange = body.range !== undefined && body.range !== null;
  if (hasStart && hasRange) {
    throw new ApiRefusal(
      `Invalid value at '${where}' (oneof), oneof field 'area' is already set. Cannot set 'range'`,
    );
  }
  if (!hasStart && !hasRange) {
    throw new ApiRefusal(`Invalid ${where}: Either 'start' or 'range' must be set.`);
  }
  if (hasRange) {
    const { sheet, bounds } = resolveGridRange(doc, body.range, where);
    guardEdit(doc, sheet, bounds, ctx);
    if (height > bounds.endRow - bounds.startRow || width > bounds.endColumn - bounds.startColumn) {
      throw new ApiRefusal(
        `Invalid ${where}: the data (${height} rows, ${width} columns) does not fit in the range`,
      );
    }
    writeCells(sheet, bounds, rows, paths, true);
    return undefined;
  }
  const start = obj(body.start);
  const startRow = typeof start.rowIndex === 'number' ? start.rowIndex : 0;
  const startColumn = typeof start.columnIndex === 'number' ? start.columnIndex : 0;
  const { sheet, bounds } = resolveGridRange(
    doc,
    {
      sheetId: start.sheetId,
      startRowIndex: startRow,
      endRowIndex: startRow + Math.max(height, 1),
      startColumnIndex: startColumn,
      endColumnIndex: startColumn + Math.max(width, 1),
    },
    where,
  );
  guardEdit(doc, sheet, bounds, ctx);
  writeCells(sheet, bounds, rows, paths, false);
  return undefined;
};

const repeatCell: Handler = (doc, body, where, ctx) => {
  const paths = parseFieldMask(body.fields, 'CellData', where);
  const { sheet, bounds } = resolveGridRange(doc, body.range, where);
  guardEdit(doc, sheet, bounds, ctx);
  const cell = obj(body.cell);
  for (let r = bounds.startRow; r < bounds.endRow; r++) {
    const row = writableRow(sheet, r);
    for (let c = bounds.startColumn; c < bounds.endColumn; c++) {
      setCell(row, c, applyMask(row[c], cell, paths));
    }
  }
  return undefined;
};

const appendCells: Handler = (doc, body, where, ctx) => {
  const paths = parseFieldMask(body.fields, 'CellData', where);
  const sheet = sheetById(doc, body.sheetId, where);
  guardEdit(doc, sheet, null, ctx);
  const rows = Array.isArray(body.rows) ? (body.rows as Json[]) : [];
  let last = sheet.rows.length;
  while (last > 0 && !(sheet.rows[last - 1] ?? []).some(hasValue)) last--;
  const grid = sheet.properties.gridProperties;
  const width = rows.reduce(
    (w, row) => Math.max(w, Array.isArray(row?.values) ? (row.values as unknown[]).length : 0),
    0,
  );
  if (width > grid.columnCount) {
    throw new ApiRefusal(`Invalid ${where}: the rows are wider than the grid`);
  }
  grid.rowCount = Math.max(grid.rowCount, last + rows.length);
  writeCells(
    sheet,
    { startRow: last, endRow: last + rows.length, startColumn: 0, endColumn: width },
    rows,
    paths,
    false,
  );
  return undefined;
};

function dimensionRange(
  doc: StandInSpreadsheet,
  value: unknown,
  where: string,
): { sheet: StandInSheet; rows: boolean; start: number; end: number; count: number } {
  const range = obj(value);
  const sheet = sheetById(doc, range.sheetId, where);
  if (range.dimension !== 'ROWS' && range.dimension !== 'COLUMNS') {
    throw new ApiRefusal(`Invalid ${where}: dimension must be ROWS or COLUMNS`);
  }
  const rows = range.dimension === 'ROWS';
  const grid = sheet.properties.gridProperties;
  const count = rows ? grid.rowCount : grid.columnCount;
  const start = typeof range.startIndex === 'number' ? range.startIndex : 0;
  const end = typeof range.endIndex === 'number' ? range.endIndex : count;
  if (start < 0 || end <= start) {
    throw new ApiRefusal(
      `Invalid ${where}: the range must hold at least one ${rows ? 'row' : 'column'}`,
    );
  }
  return { sheet, rows, start, end, count };
}

/** The cells of new rows (or columns): the format and validation of the neighbour's. */
function inherited(cell: StoredCell | undefined): StoredCell | undefined {
  if (!cell) return undefined;
  const out: StoredCell = {};
  if (cell.userEnteredFormat !== undefined)
    out.userEnteredFormat = structuredClone(cell.userEnteredFormat);
  if (cell.dataValidation !== undefined) out.dataValidation = structuredClone(cell.dataValidation);
  return Object.keys(out).length > 0 ? out : undefined;
}

function insertedRows(sheet: StandInSheet, from: number, n: number): (StoredRow | undefined)[] {
  const source = sheet.rows[from];
  const row = source?.map(inherited);
  return Array.from({ length: n }, () =>
    row && row.some((c) => c !== undefined) ? row.slice() : undefined,
  );
}

const insertDimension: Handler = (doc, body, where, ctx) => {
  const { sheet, rows, start, end, count } = dimensionRange(doc, body.range, where);
  guardEdit(
    doc,
    sheet,
    rows
      ? { startRow: start, endRow: start + 1, startColumn: 0, endColumn: Infinity }
      : { startRow: 0, endRow: Infinity, startColumn: start, endColumn: start + 1 },
    ctx,
  );
  if (start >= count) {
    throw new ApiRefusal(
      `Invalid ${where}: startIndex ${start} is past the last ${rows ? 'row' : 'column'} (${count}); use appendDimension to add at the end`,
    );
  }
  if (body.inheritFromBefore === true && start === 0) {
    throw new ApiRefusal(
      `Invalid ${where}: Cannot inherit properties from before the first row or column.`,
    );
  }
  const n = end - start;
  const grid = sheet.properties.gridProperties;
  // Google copies the format and validation of the row (column) before, or after when
  // inheritFromBefore is false (the default).
  const from = body.inheritFromBefore === true ? start - 1 : start;
  if (rows) {
    if (start < sheet.rows.length) {
      sheet.rows = sheet.rows
        .slice(0, start)
        .concat(insertedRows(sheet, from, n), sheet.rows.slice(start));
    }
    grid.rowCount += n;
    if ((grid.frozenRowCount ?? 0) > start) grid.frozenRowCount = (grid.frozenRowCount ?? 0) + n;
    shiftProtections(sheet, start, n, true);
  } else {
    for (let r = 0; r < sheet.rows.length; r++) {
      if ((sheet.rows[r]?.length ?? 0) <= start) continue;
      const row = writableRow(sheet, r);
      const neighbour = inherited(row[from]);
      row.splice(start, 0, ...Array.from({ length: n }, () => neighbour && { ...neighbour }));
    }
    grid.columnCount += n;
    if ((grid.frozenColumnCount ?? 0) > start) {
      grid.frozenColumnCount = (grid.frozenColumnCount ?? 0) + n;
    }
    shiftProtections(sheet, start, n, false);
  }
  checkGridSize(sheet.properties, where);
  return undefined;
};

const deleteDimension: Handler = (doc, body, where, ctx) => {
  const { sheet, rows, start, end, count } = dimensionRange(doc, body.range, where);
  guardEdit(
    doc,
    sheet,
    rows
      ? { startRow: start, endRow: end, startColumn: 0, endColumn: Infinity }
      : { startRow: 0, endRow: Infinity, startColumn: start, endColumn: end },
    ctx,
  );
  if (end > count) {
    throw new ApiRefusal(
      `Invalid ${where}: Range exceeds grid limits. Max ${rows ? 'rows' : 'columns'}: ${count}`,
    );
  }
  const grid = sheet.properties.gridProperties;
  const n = end - start;
  const frozen = (rows ? grid.frozenRowCount : grid.frozenColumnCount) ?? 0;
  if (n >= count) {
    throw new ApiRefusal(
      `Invalid ${where}: You can't delete all the ${rows ? 'rows' : 'columns'} on the sheet.`,
    );
  }
  const frozenLeft = frozen - Math.max(0, Math.min(end, frozen) - start);
  if (count - n <= frozenLeft) {
    throw new ApiRefusal(
      `Invalid ${where}: Sorry, it is not possible to delete all non-frozen ${rows ? 'rows' : 'columns'}.`,
    );
  }
  if (rows) {
    sheet.rows.splice(start, n);
    grid.rowCount -= n;
    if (frozen > 0) grid.frozenRowCount = frozenLeft;
  } else {
    for (let r = 0; r < sheet.rows.length; r++) {
      if ((sheet.rows[r]?.length ?? 0) <= start) continue;
      writableRow(sheet, r).splice(start, n);
    }
    grid.columnCount -= n;
    if (frozen > 0) grid.frozenColumnCount = frozenLeft;
  }
  return undefined;
};

const appendDimension: Handler = (doc, body, where, ctx) => {
  const sheet = sheetById(doc, body.sheetId, where);
  guardEdit(doc, sheet, null, ctx);
  if (body.dimension !== 'ROWS' && body.dimension !== 'COLUMNS') {
    throw new ApiRefusal(`Invalid ${where}: dimension must be ROWS or COLUMNS`);
  }
  if (typeof body.length !== 'number' || body.length < 1) {
    throw new ApiRefusal(`Invalid ${where}: length must be at least 1`);
  }
  const grid = sheet.properties.gridProperties;
  if (body.dimension === 'ROWS') grid.rowCount += body.length;
  else grid.columnCount += body.length;
  checkGridSize(sheet.properties, where);
  return undefined;
};

const updateDimensionProperties: Handler = (doc, body, where) => {
  if (body.dataSourceSheetRange !== undefined) {
    throw new ApiRefusal(`Invalid ${where}: the stand-in has no data source sheets`);
  }
  parseFieldMask(body.fields, 'DimensionProperties', where);
  const { sheet, end, count } = dimensionRange(doc, body.range, where);
  if (end > count) throw new ApiRefusal(`Invalid ${where}: Range exceeds grid limits.`);
  sheet.dimensionProperties.push(structuredClone(body));
  return undefined;
};

/** How many values each condition type takes, and where it may be used. */
const CONDITIONS: Record<
  string,
  { values: [number, number]; validation: boolean; format: boolean }
> = {
  NUMBER_GREATER: { values: [1, 1], validation: true, format: true },
  NUMBER_GREATER_THAN_EQ: { values: [1, 1], validation: true, format: true },
  NUMBER_LESS: { values: [1, 1], validation: true, format: true },
  NUMBER_LESS_THAN_EQ: { values: [1, 1], validation: true, format: true },
  NUMBER_EQ: { values: [1, 1], validation: true, format: true },
  NUMBER_NOT_EQ: { values: [1, 1], validation: true, format: true },
  NUMBER_BETWEEN: { values: [2, 2], validation: true, format: true },
  NUMBER_NOT_BETWEEN: { values: [2, 2], validation: true, format: true },
  TEXT_CONTAINS: { values: [1, 1], validation: true, format: true },
  TEXT_NOT_CONTAINS: { values: [1, 1], validation: true, format: true },
  TEXT_STARTS_WITH: { values: [1, 1], validation: false, format: true },
  TEXT_ENDS_WITH: { values: [1, 1], validation: false, format: true },
  TEXT_EQ: { values: [1, 1], validation: true, format: true },
  TEXT_IS_EMAIL: { values: [0, 0], validation: true, format: false },
  TEXT_IS_URL: { values: [0, 0], validation: true, format: false },
  DATE_EQ: { values: [1, 1], validation: true, format: true },
  DATE_BEFORE: { values: [1, 1], validation: true, format: true },
  DATE_AFTER: { values: [1, 1], validation: true, format: true },
  DATE_ON_OR_BEFORE: { values: [1, 1], validation: true, format: false },
  DATE_ON_OR_AFTER: { values: [1, 1], validation: true, format: false },
  DATE_BETWEEN: { values: [2, 2], validation: true, format: false },
  DATE_NOT_BETWEEN: { values: [2, 2], validation: true, format: false },
  DATE_IS_VALID: { values: [0, 0], validation: true, format: false },
  ONE_OF_RANGE: { values: [1, 1], validation: true, format: false },
  ONE_OF_LIST: { values: [1, 500], validation: true, format: false },
  BLANK: { values: [0, 0], validation: false, format: true },
  NOT_BLANK: { values: [0, 0], validation: false, format: true },
  CUSTOM_FORMULA: { values: [1, 1], validation: true, format: true },
  BOOLEAN: { values: [0, 2], validation: true, format: false },
};

function checkCondition(
  doc: StandInSpreadsheet,
  value: unknown,
  use: 'validation' | 'format',
  where: string,
): void {
  const condition = obj(value);
  const type = String(condition.type ?? 'CONDITION_TYPE_UNSPECIFIED');
  const spec = CONDITIONS[type];
  if (!spec || !spec[use]) {
    throw new ApiRefusal(
      `Invalid ${where}: Invalid ConditionType ${type} for ${use === 'validation' ? 'data validation' : 'conditional formatting'}.`,
    );
  }
  const values = Array.isArray(condition.values) ? (condition.values as unknown[]).map(obj) : [];
  const [min, max] = spec.values;
  if (values.length < min || values.length > max) {
    throw new ApiRefusal(
      `Invalid ${where}: ${type} condition takes ${min === max ? min : `${min} to ${max}`} ConditionValue(s), got ${values.length}.`,
    );
  }
  for (const v of values) {
    const text = v.userEnteredValue;
    if (v.relativeDate !== undefined && !type.startsWith('DATE_')) {
      throw new ApiRefusal(`Invalid ${where}: relativeDate is only for date conditions.`);
    }
    if (v.relativeDate === undefined && typeof text !== 'string') {
      throw new ApiRefusal(`Invalid ${where}: ConditionValue needs a userEnteredValue.`);
    }
    if (typeof text !== 'string') continue;
    if (type.startsWith('NUMBER_') && !text.startsWith('=') && !Number.isFinite(Number(text))) {
      throw new ApiRefusal(
        `Invalid ${where}: ${JSON.stringify(text)} is not a number for ${type}.`,
      );
    }
    if ((type === 'CUSTOM_FORMULA' || type === 'ONE_OF_RANGE') && !text.startsWith('=')) {
      throw new ApiRefusal(`Invalid ${where}: ${type} value must be a formula starting with '='.`);
    }
    if (type === 'ONE_OF_RANGE') {
      try {
        parseA1Range(doc, text.slice(1));
      } catch (error) {
        throw new ApiRefusal(`Invalid ${where}: ${(error as Error).message}`);
      }
    }
  }
}

const setDataValidation: Handler = (doc, body, where, ctx) => {
  const { sheet, bounds } = resolveGridRange(doc, body.range, where);
  guardEdit(doc, sheet, bounds, ctx);
  const rule = body.rule === undefined || body.rule === null ? undefined : obj(body.rule);
  if (rule) checkCondition(doc, rule.condition, 'validation', `${where}.rule`);
  for (let r = bounds.startRow; r < bounds.endRow; r++) {
    const row = writableRow(sheet, r);
    for (let c = bounds.startColumn; c < bounds.endColumn; c++) {
      const cell = { ...row[c] };
      if (rule) cell.dataValidation = structuredClone(rule);
      else delete cell.dataValidation;
      setCell(row, c, Object.keys(cell).length > 0 ? cell : undefined);
    }
  }
  return undefined;
};

const addConditionalFormatRule: Handler = (doc, body, where) => {
  const rule = obj(body.rule);
  const ranges = Array.isArray(rule.ranges) ? (rule.ranges as unknown[]) : [];
  if (ranges.length === 0) throw new ApiRefusal(`Invalid ${where}: rule.ranges is required`);
  const sheets = new Set(ranges.map((range) => resolveGridRange(doc, range, where).sheet));
  if (sheets.size !== 1) {
    throw new ApiRefusal(`Invalid ${where}: All ranges of a rule must be on the same sheet`);
  }
  const hasBoolean = rule.booleanRule !== undefined && rule.booleanRule !== null;
  const hasGradient = rule.gradientRule !== undefined && rule.gradientRule !== null;
  if (hasBoolean === hasGradient) {
    throw new ApiRefusal(
      `Invalid ${where}: exactly one of booleanRule and gradientRule must be set`,
    );
  }
  if (hasBoolean) {
    checkCondition(doc, obj(rule.booleanRule).condition, 'format', `${where}.rule.boolean_rule`);
  }
  const [sheet] = sheets;
  if (!sheet) throw new ApiRefusal(`Invalid ${where}: rule.ranges is required`);
  const index = typeof body.index === 'number' ? body.index : 0;
  if (index < 0 || index > sheet.conditionalFormats.length) {
    throw new ApiRefusal(`Invalid ${where}: index ${index} is out of range`);
  }
  sheet.conditionalFormats.splice(index, 0, structuredClone(rule));
  return undefined;
};

const addProtectedRange: Handler = (doc, body, where, ctx) => {
  const protectedRange = structuredClone(obj(body.protectedRange));
  if (protectedRange.namedRangeId !== undefined) {
    throw new ApiRefusal(`Invalid ${where}: the stand-in has no named ranges`);
  }
  const { sheet } = resolveGridRange(doc, protectedRange.range, where);
  for (const range of Array.isArray(protectedRange.unprotectedRanges)
    ? protectedRange.unprotectedRanges
    : []) {
    resolveGridRange(doc, range, where);
  }
  if (protectedRange.warningOnly === true && protectedRange.editors !== undefined) {
    throw new ApiRefusal(`Invalid ${where}: A warning-only protected range cannot have editors.`);
  }
  checkHoles(protectedRange, where);
  const all = doc.sheets.flatMap((s) => s.protectedRanges);
  let id = protectedRange.protectedRangeId;
  if (typeof id === 'number') {
    if (all.some((p) => p.protectedRangeId === id)) {
      throw new ApiRefusal(`Invalid ${where}: A protected range with id ${id} already exists.`);
    }
  } else {
    id = doc.nextProtectedRangeId;
  }
  doc.nextProtectedRangeId = Math.max(doc.nextProtectedRangeId, (id as number) + 1);
  if ((id as number) > INT32_MAX) throw new ApiRefusal(`Invalid ${where}: id out of range`);
  protectedRange.protectedRangeId = id;
  // The account adding a protection is always one of its editors (the owner is too).
  if (protectedRange.warningOnly !== true) {
    protectedRange.editors = editorsWithSender(protectedRange.editors, ctx);
  }
  protectedRange.requestingUserCanEdit = true;
  sheet.protectedRanges.push(protectedRange);
  return { addProtectedRange: { protectedRange: structuredClone(protectedRange) } };
};

const HANDLERS: Record<string, Handler> = {
  addSheet,
  deleteSheet,
  updateSheetProperties,
  updateCells,
  repeatCell,
  appendCells,
  insertDimension,
  deleteDimension,
  appendDimension,
  updateDimensionProperties,
  setDataValidation,
  addConditionalFormatRule,
  addProtectedRange,
  updateProtectedRange,
  deleteProtectedRange: (doc, body, where, ctx) => deleteProtectedRange(doc, body, where, ctx),
  createDeveloperMetadata: (doc, body, where) => createDeveloperMetadata(doc, body, where),
  deleteDeveloperMetadata: (doc, body, where) => deleteDeveloperMetadata(doc, body, where),
};

/** Applies every request to `doc` (a working copy), in order; the replies. */
export function applyRequests(
  doc: StandInSpreadsheet,
  requests: unknown,
  ctx: EditContext = { user: doc.owner },
): Json[] {
  if (!Array.isArray(requests) || requests.length === 0) {
    throw new ApiRefusal('Invalid requests: Must specify at least one request.');
  }
  const replies = requests.map((request, i) => {
    const kinds = Object.entries(obj(request)).filter(([, v]) => v !== undefined && v !== null);
    if (kinds.length === 0) throw new ApiRefusal(`Invalid requests[${i}]: No request set.`);
    if (kinds.length > 1) {
      throw new ApiRefusal(
        `Invalid value at 'requests[${i}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]?.[0]}'`,
      );
    }
    const [kind, body] = kinds[0] ?? ['', {}];
    const handler = HANDLERS[kind];
    const where = `requests[${i}].${kind}`;
    if (!handler) throw new ApiRefusal(`Invalid ${where}: the stand-in does not implement ${kind}`);
    return handler(doc, obj(body), where, ctx) ?? {};
  });
  for (const sheet of doc.sheets) checkNoConflict(sheet);
  return replies;
}
