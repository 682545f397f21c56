/**
 * The stand-in's spreadsheets: tabs with properties, a grid of cells (CellData JSON),
 * conditional formats and protected ranges; A1 ranges, value rendering, field selections
 * and field masks as the Sheets API reads them.
 */
import {
  columnLetter,
  type CellValue,
  type RawWorkbook,
} from '../../functions/core/contract/cells.ts';
import { fieldAt } from './sheets-discovery.ts';

/** A refusal the stand-in answers with HTTP 400 INVALID_ARGUMENT (or the status given). */
export class ApiRefusal extends Error {
  readonly status: number;
  /** Google's status name when it is not the usual one for the code (FAILED_PRECONDITION). */
  readonly statusName: string | undefined;
  /** `error.details` (google.rpc.ErrorInfo with its `reason`), when Google sends them. */
  readonly details: Json[] | undefined;
  constructor(message: string, status = 400, statusName?: string, details?: Json[]) {
    super(message);
    this.name = 'ApiRefusal';
    this.status = status;
    this.statusName = statusName;
    this.details = details;
  }
}

export type Json = Record<string, unknown>;
/** A cell as CellData JSON (`userEnteredValue`, `userEnteredFormat`, `dataValidation`, …). */
export type StoredCell = Json;
export type StoredRow = (StoredCell | undefined)[];

interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  [more: string]: unknown;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: string;
  gridProperties: GridProperties;
  rightToLeft?: boolean;
  [more: string]: unknown;
}

export interface StandInSheet {
  properties: SheetProperties;
  /** Row arrays are never changed in place once stored (a batch works on copies). */
  rows: (StoredRow | undefined)[];
  conditionalFormats: Json[];
  protectedRanges: Json[];
  dimensionProperties: Json[];
  /** Merged ranges (GridRange JSON), as `spreadsheets.get` lists them in `sheets.merges`. */
  merges?: Json[];
  /** Developer metadata on the whole sheet, as `spreadsheets.get` lists it in `sheets.developerMetadata`. */
  developerMetadata?: Json[];
}

/** The account that owns every spreadsheet the stand-in loads (the default token's). */
export const STAND_IN_OWNER = 'owner@example.org';

export interface StandInSpreadsheet {
  spreadsheetId: string;
  title: string;
  sheets: StandInSheet[];
  nextProtectedRangeId: number;
  /** The owner: always an editor of every protected range. */
  owner: string;
  /** Accounts the file is shared with as editors (the owner is always one). */
  sharedWith: string[];
  /** Spreadsheet-level developer metadata (DeveloperMetadata JSON). */
  developerMetadata: Json[];
}

/** A working copy for one batch: outer arrays and properties copied, rows shared. */
export function workingCopy(doc: StandInSpreadsheet): StandInSpreadsheet {
  return {
    ...doc,
    sheets: doc.sheets.map((sheet) => ({
      properties: structuredClone(sheet.properties),
      rows: sheet.rows.slice(),
      conditionalFormats: sheet.conditionalFormats.slice(),
      protectedRanges: sheet.protectedRanges.slice(),
      dimensionProperties: sheet.dimensionProperties.slice(),
      ...(sheet.merges ? { merges: sheet.merges.slice() } : {}),
      ...(sheet.developerMetadata ? { developerMetadata: sheet.developerMetadata.slice() } : {}),
    })),
    sharedWith: doc.sharedWith.slice(),
    developerMetadata: doc.developerMetadata.slice(),
  };
}

// ---------------------------------------------------------------- cells

const MS_PER_DAY = 86_400_000;

function serialOf(date: Date): number {
  return date.getTime() / MS_PER_DAY + 25_569;
}

/** A `CellValue` as the cell `loadWorkbook` stores (dates: serial number, date format). */
export function cellFromValue(value: CellValue | undefined): StoredCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return { userEnteredValue: { stringValue: value } };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  const serial = serialOf(value);
  const type = Number.isInteger(serial) ? 'DATE' : 'DATE_TIME';
  return {
    userEnteredValue: { numberValue: serial },
    userEnteredFormat: {
      numberFormat: { type, pattern: type === 'DATE' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' },
    },
  };
}

export function hasValue(cell: StoredCell | undefined): boolean {
  return cell !== undefined && cell.userEnteredValue !== undefined;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatSerial(serial: number, withTime: boolean): string {
  const date = new Date(Math.round((serial - 25_569) * MS_PER_DAY));
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (!withTime) return day;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export type ValueRender = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

/**
 * A cell as `values.get` renders it. Formulas are not evaluated by the stand-in: with any
 * option but FORMULA a formula cell reads `#N/A`, which no test data should produce.
 */
export function renderCell(
  cell: StoredCell | undefined,
  valueRender: ValueRender,
  dateRender: DateRender,
): unknown {
  const value = cell?.userEnteredValue as Json | undefined;
  if (!value) return '';
  if (typeof value.formulaValue === 'string') {
    return valueRender === 'FORMULA' ? value.formulaValue : '#N/A';
  }
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') {
    if (valueRender === 'FORMATTED_VALUE') return value.boolValue ? 'TRUE' : 'FALSE';
    return value.boolValue;
  }
  if (typeof value.numberValue === 'number') {
    const format = (cell?.userEnteredFormat as Json | undefined)?.numberFormat as Json | undefined;
    const isDate = format?.type === 'DATE' || format?.type === 'DATE_TIME';
    if (isDate && (valueRender === 'FORMATTED_VALUE' || dateRender === 'FORMATTED_STRING')) {
      return formatSerial(value.numberValue, format?.type === 'DATE_TIME');
    }
    if (valueRender === 'FORMATTED_VALUE') return String(value.numberValue);
    return value.numberValue;
  }
  if (value.errorValue) return '#ERROR!';
  return '';
}

// ---------------------------------------------------------------- grid ranges

export interface Bounds {
  startRow: number;
  endRow: number;
  startColumn: number;
  endColumn: number;
}

export function sheetByTitle(doc: StandInSpreadsheet, title: string): StandInSheet | undefined {
  return doc.sheets.find((s) => s.properties.title === title);
}

export function sheetById(doc: StandInSpreadsheet, sheetId: unknown, where: string): StandInSheet {
  const id = sheetId === undefined || sheetId === null ? 0 : sheetId;
  const sheet = doc.sheets.find((s) => s.properties.sheetId === id);
  if (!sheet) throw new ApiRefusal(`Invalid ${where}: No grid with id: ${String(id)}`);
  return sheet;
}

/** The A1 name of a tab as Google writes it in answers: quoted unless plain. */
function a1Title(title: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) ? title : `'${title.replaceAll("'", "''")}'`;
}

export function a1Bounds(title: string, b: Bounds): string {
  const from = `${columnLetter(b.startColumn)}${b.startRow + 1}`;
  const to = `${columnLetter(b.endColumn - 1)}${b.endRow}`;
  return `${a1Title(title)}!${from}:${to}`;
}

function exceeds(sheet: StandInSheet, where: string, described: string): ApiRefusal {
  const grid = sheet.properties.gridProperties;
  return new ApiRefusal(
    `${where}Range (${described}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`,
  );
}

/**
 * A GridRange JSON resolved on its sheet: missing indexes mean unbounded (to the grid's
 * edge). Negative, reversed or out-of-grid indexes are refused as the API refuses them.
 */
export function resolveGridRange(
  doc: StandInSpreadsheet,
  range: unknown,
  where: string,
): { sheet: StandInSheet; bounds: Bounds } {
  if (typeof range !== 'object' || range === null) {
    throw new ApiRefusal(`Invalid ${where}: a range is required`);
  }
  const r = range as Json;
  const sheet = sheetById(doc, r.sheetId, where);
  const grid = sheet.properties.gridProperties;
  const int = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  const bounds: Bounds = {
    startRow: int(r.startRowIndex, 0),
    endRow: int(r.endRowIndex, grid.rowCount),
    startColumn: int(r.startColumnIndex, 0),
    endColumn: int(r.endColumnIndex, grid.columnCount),
  };
  if (bounds.startRow < 0 || bounds.startColumn < 0) {
    throw new ApiRefusal(`Invalid ${where}: GridRange indexes cannot be negative`);
  }
  if (bounds.endRow < bounds.startRow || bounds.endColumn < bounds.startColumn) {
    throw new ApiRefusal(`Invalid ${where}: GridRange end index must not be before its start`);
  }
  if (bounds.endRow > grid.rowCount || bounds.endColumn > grid.columnCount) {
    throw exceeds(
      sheet,
      `Invalid ${where}: `,
      a1Bounds(sheet.properties.title, {
        ...bounds,
        endRow: Math.max(bounds.endRow, bounds.startRow + 1),
        endColumn: Math.max(bounds.endColumn, bounds.startColumn + 1),
      }),
    );
  }
  return { sheet, bounds };
}

/** Reads an A1 range: `'Title'!A1:B2`, `Title!A:C`, `'It''s'`, `A1:B2` (first tab). */
export function parseA1Range(
  doc: StandInSpreadsheet,
  text: string,
): { sheet: StandInSheet; bounds: Bounds } {
  const unparsable = () => new ApiRefusal(`Unable to parse range: ${text}`);
  let title: string | null = null;
  let cells: string | null = null;
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= text.length) throw unparsable();
      const ch = text.charAt(i);
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      name += ch;
      i++;
    }
    title = name;
    if (i < text.length) {
      if (text[i] !== '!') throw unparsable();
      cells = text.slice(i + 1);
    }
  } else if (text.includes('!')) {
    const at = text.indexOf('!');
    title = text.slice(0, at);
    cells = text.slice(at + 1);
  } else if (sheetByTitle(doc, text)) {
    title = text;
  } else {
    cells = text;
  }
  const sheet = title === null ? doc.sheets[0] : sheetByTitle(doc, title);
  if (!sheet) throw unparsable();
  const grid = sheet.properties.gridProperties;
  const whole: Bounds = {
    startRow: 0,
    endRow: grid.rowCount,
    startColumn: 0,
    endColumn: grid.columnCount,
  };
  if (cells === null) return { sheet, bounds: whole };
  const match = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
  if (!match || cells === '' || (!match[1] && !match[2])) throw unparsable();
  const column = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [, c1 = '', r1 = '', c2, r2] = match;
  const single = c2 === undefined && r2 === undefined;
  const bounds: Bounds = {
    startColumn: c1 ? column(c1) : 0,
    startRow: r1 ? Number(r1) - 1 : 0,
    endColumn: single
      ? c1
        ? column(c1) + 1
        : grid.columnCount
      : c2
        ? column(c2) + 1
        : grid.columnCount,
    endRow: single ? (r1 ? Number(r1) : grid.rowCount) : r2 ? Number(r2) : grid.rowCount,
  };
  if (
    bounds.startRow < 0 ||
    bounds.endRow < bounds.startRow ||
    bounds.endColumn < bounds.startColumn
  ) {
    throw unparsable();
  }
  if (bounds.endRow > grid.rowCount || bounds.endColumn > grid.columnCount) {
    throw exceeds(sheet, '', `${a1Title(sheet.properties.title)}!${cells}`);
  }
  return { sheet, bounds };
}

/** The values of a range as `values.get` answers: trailing empty rows and cells dropped. */
export function rangeValues(
  sheet: StandInSheet,
  bounds: Bounds,
  valueRender: ValueRender,
  dateRender: DateRender,
  major: 'ROWS' | 'COLUMNS',
): unknown[][] {
  const grid: unknown[][] = [];
  const lastRow = Math.min(bounds.endRow, sheet.rows.length);
  for (let r = bounds.startRow; r < lastRow; r++) {
    const row = sheet.rows[r] ?? [];
    let end = Math.min(bounds.endColumn, row.length);
    while (end > bounds.startColumn && renderCell(row[end - 1], valueRender, dateRender) === '') {
      end--;
    }
    const out: unknown[] = [];
    for (let c = bounds.startColumn; c < end; c++) {
      out.push(renderCell(row[c], valueRender, dateRender));
    }
    grid.push(out);
  }
  let rows = grid.length;
  while (rows > 0 && grid[rows - 1]?.length === 0) rows--;
  grid.length = rows;
  if (major === 'ROWS') return grid;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  return Array.from({ length: width }, (_, c) => {
    const line = grid.map((row) => (c < row.length ? row[c] : ''));
    let end = line.length;
    while (end > 0 && line[end - 1] === '') end--;
    return line.slice(0, end);
  });
}

// ---------------------------------------------------------------- loading

export interface LoadOptions {
  /** Grid rows of every tab (default: the data's rows, at least 1000). */
  rowCount?: number;
  /** Grid columns of every tab (default: the data's width, at least 26). */
  columnCount?: number;
  /** Merged ranges by tab title: zero-based, end exclusive (the GridRange's indexes). */
  merges?: Record<
    string,
    { startRow: number; endRow: number; startColumn: number; endColumn: number }[]
  >;
}

export function spreadsheetFrom(
  spreadsheetId: string,
  raw: RawWorkbook,
  options: LoadOptions = {},
): StandInSpreadsheet {
  const tabs = raw.tabs.length > 0 ? raw.tabs : [{ name: 'Sheet1', rows: [] }];
  return {
    spreadsheetId,
    title: spreadsheetId,
    nextProtectedRangeId: 1,
    owner: STAND_IN_OWNER,
    sharedWith: [],
    developerMetadata: [],
    sheets: tabs.map((tab, index) => {
      const width = tab.rows.reduce((w, row) => Math.max(w, row.length), 0);
      const sheetId = index === 0 ? 0 : 1_000_000 + index;
      const merges = options.merges?.[tab.name]?.map((m) => ({
        sheetId,
        startRowIndex: m.startRow,
        endRowIndex: m.endRow,
        startColumnIndex: m.startColumn,
        endColumnIndex: m.endColumn,
      }));
      return {
        ...(merges ? { merges } : {}),
        properties: {
          sheetId,
          title: tab.name,
          index,
          sheetType: 'GRID',
          gridProperties: {
            rowCount: options.rowCount ?? Math.max(1000, tab.rows.length),
            columnCount: options.columnCount ?? Math.max(26, width),
          },
          rightToLeft: true,
        },
        rows: tab.rows.map((row) => (row.length === 0 ? undefined : row.map(cellFromValue))),
        conditionalFormats: [],
        protectedRanges: [],
        dimensionProperties: [],
      };
    }),
  };
}

// ---------------------------------------------------------------- field selections

/** A parsed `fields` selection: name -> sub-selection (empty = everything below). */
export type Selection = Map<string, Selection>;

/** Parses `a,b/c,d(e,f(g))` (partial-response syntax; `.` works as `/`). */
export function parseSelection(text: string): Selection {
  let at = 0;
  const fail = () => new ApiRefusal(`Invalid field selection ${text}`);
  const name = (): string => {
    const match = /^[A-Za-z0-9_$*]+/.exec(text.slice(at));
    if (!match) throw fail();
    at += match[0].length;
    return match[0];
  };
  const list = (into: Selection): void => {
    for (;;) {
      let node = into;
      let key = name();
      while (text[at] === '/' || text[at] === '.') {
        at++;
        const child = node.get(key) ?? new Map();
        node.set(key, child);
        node = child;
        key = name();
      }
      const leaf = node.get(key) ?? new Map();
      node.set(key, leaf);
      if (text[at] === '(') {
        at++;
        list(leaf);
        if (text[at] !== ')') throw fail();
        at++;
      }
      if (text[at] !== ',') return;
      at++;
    }
  };
  const root: Selection = new Map();
  if (text.trim() === '') throw fail();
  list(root);
  if (at !== text.length) throw fail();
  return root;
}

/** Refuses a selection naming a field the schema does not have. */
export function checkSelection(selection: Selection, root: string, path: string[] = []): void {
  for (const [key, sub] of selection) {
    if (key === '*') continue;
    if (!fieldAt(root, [...path, key])) {
      throw new ApiRefusal(
        `Request contains an invalid argument: invalid field selection "${[...path, key].join('.')}" (${root} has no such field)`,
      );
    }
    checkSelection(sub, root, [...path, key]);
  }
}

/** Keeps only the selected fields of a response. */
export function applySelection(value: unknown, selection: Selection): unknown {
  if (selection.size === 0 || selection.has('*')) return value;
  if (Array.isArray(value)) return value.map((item) => applySelection(item, selection));
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, sub] of selection) {
    const field = (value as Json)[key];
    if (field !== undefined) out[key] = applySelection(field, sub);
  }
  return out;
}

/** A field mask (`userEnteredValue,userEnteredFormat.textFormat.bold`) as paths. */
export function parseFieldMask(mask: unknown, root: string, where: string): string[][] {
  if (typeof mask !== 'string' || mask.trim() === '') {
    throw new ApiRefusal(`Invalid ${where}: At least one field must be specified in 'fields'.`);
  }
  if (mask.trim() === '*') return [['*']];
  const paths: string[][] = [];
  const walk = (selection: Selection, prefix: string[]) => {
    for (const [key, sub] of selection) {
      if (sub.size === 0) paths.push([...prefix, key]);
      else walk(sub, [...prefix, key]);
    }
  };
  let selection: Selection;
  try {
    selection = parseSelection(mask.replace(/\s+/g, ''));
  } catch {
    throw new ApiRefusal(`Invalid ${where}: Invalid field mask ${JSON.stringify(mask)}`);
  }
  walk(selection, []);
  for (const path of paths) {
    if (path.includes('*') || !fieldAt(root, path)) {
      throw new ApiRefusal(
        `Invalid ${where}: Invalid field mask path ${JSON.stringify(path.join('.'))}: ${root} has no such field.`,
      );
    }
  }
  return paths;
}

function getPath(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Json)[key];
  }
  return at;
}

/** `target` with the masked fields taken from `source` (absent there: removed). */
export function applyMask(
  target: Json | undefined,
  source: Json | undefined,
  paths: readonly string[][],
): Json | undefined {
  if (paths.length === 1 && paths[0]?.[0] === '*') {
    return source && Object.keys(source).length > 0 ? structuredClone(source) : undefined;
  }
  const out: Json = structuredClone(target ?? {});
  for (const path of paths) {
    const value = getPath(source, path);
    let node: Json | undefined = out;
    for (const key of path.slice(0, -1)) {
      if (!node) break;
      if (typeof node[key] !== 'object' || node[key] === null) {
        if (value === undefined || value === null) node = undefined;
        else node[key] = {};
      }
      if (node) node = node[key] as Json;
    }
    const last = path.at(-1);
    if (!node || last === undefined) continue;
    if (value === undefined || value === null) Reflect.deleteProperty(node, last);
    else node[last] = structuredClone(value);
  }
  prune(out);
  return Object.keys(out).length > 0 ? out : undefined;
}

function prune(node: Json): void {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      prune(value as Json);
      if (Object.keys(value).length === 0) Reflect.deleteProperty(node, key);
    }
  }
}
