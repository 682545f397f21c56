/** One worksheet part read as rows of cell values (shared strings, dates, merged ranges, formulas). */
import type { CellValue, RawTab } from '../../core/contract/cells.ts';
import { fillMerged, type MergeRange } from '../../core/contract/merged-cells.ts';
import type { CellStyles } from './cell-styles.ts';
import { parseXml } from './xml-events.ts';
import { decodeXstring } from './xstring.ts';
import { ZipFormatError } from './zip-container.ts';

export interface SheetContext {
  sharedStrings: string[];
  styles: CellStyles;
  date1904: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** A formula saved without a cached value (a writer that does not calculate): listed, read as blank. */
const UNCOMPUTED = Symbol('uncomputed');

/** A date serial as a Date (UTC), the way exceljs and the spec read it. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** `AB12` (or `$AB$12`) → [11, 27] (zero-based row, column); undefined for anything else. */
export function parseRef(ref: string): [row: number, column: number] | undefined {
  let column = 0;
  let row = 0;
  let at = 0;
  let letters = 0;
  let digits = 0;
  if (ref.charCodeAt(at) === 36) at++;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at) | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + code - 96;
    letters++;
  }
  if (ref.charCodeAt(at) === 36) at++;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at);
    if (code < 48 || code > 57) return undefined;
    row = row * 10 + code - 48;
    digits++;
  }
  if (letters === 0 || letters > 3 || digits === 0) return undefined;
  return [row - 1, column - 1];
}

function parseRange(ref: string): MergeRange | undefined {
  const [from, to = from] = ref.split(':');
  const start = parseRef(from ?? '');
  const end = parseRef(to ?? '');
  if (start === undefined || end === undefined) return undefined;
  return {
    startRow: Math.min(start[0], end[0]),
    endRow: Math.max(start[0], end[0]) + 1,
    startColumn: Math.min(start[1], end[1]),
    endColumn: Math.max(start[1], end[1]) + 1,
  };
}

interface CellState {
  type: string;
  style: number;
  value: string;
  hasValue: boolean;
  hasFormula: boolean;
  inline: string;
}

/**
 * The shared string a cell points at; an empty `<v>` is a blank cell. An index the table
 * does not have (its part cut short or missing) is a damaged workbook, never a blank cell.
 */
function sharedString(value: string, strings: readonly string[]): string | null {
  if (value.trim() === '') return null;
  const text = /^\s*\d+\s*$/.test(value) ? strings[Number(value)] : undefined;
  if (text === undefined) {
    throw new ZipFormatError(
      'damaged',
      `a cell refers to shared string ${value.trim()}; the table holds ${strings.length}`,
    );
  }
  return text;
}

function cellValue(cell: CellState, context: SheetContext): CellValue | typeof UNCOMPUTED {
  const { type, value } = cell;
  if (cell.hasFormula && value === '' && type !== 'str') return UNCOMPUTED;
  if (!cell.hasValue && type !== 'inlineStr') return cell.hasFormula ? UNCOMPUTED : null;
  let result: CellValue;
  switch (type) {
    case 's':
      result = sharedString(value, context.sharedStrings);
      break;
    case 'inlineStr':
      result = decodeXstring(cell.hasValue ? value : cell.inline);
      break;
    case 'str':
      result = decodeXstring(value);
      break;
    case 'e':
      result = value;
      break;
    case 'b':
      result = value === '1' || value === 'true';
      break;
    case 'd': {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
      result = Number.isNaN(date.getTime()) ? value : date;
      break;
    }
    default: {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number)) result = value;
      else if (context.styles.isDate(cell.style)) result = serialToDate(number, context.date1904);
      else result = number;
    }
  }
  return result === '' ? null : result;
}

/**
 * A worksheet part as rows: sheet row r is `rows[r - 1]` (blank rows in between stay as
 * empty arrays), each row dense up to its last non-empty cell, trailing blank rows dropped;
 * every cell a merged range covers holds the range's top-left value (the ranges kept in
 * `merges`); formulas without a cached value are blank in `rows` and listed in `uncomputed`.
 */
export function readSheet(
  xml: string,
  context: SheetContext,
): Pick<RawTab, 'rows' | 'uncomputed' | 'merges'> {
  const rows: CellValue[][] = [];
  const uncomputed: [number, number][] = [];
  const merges: MergeRange[] = [];
  let rowIndex = -1;
  let column = -1;
  const cell: CellState = {
    type: 'n',
    style: 0,
    value: '',
    hasValue: false,
    hasFormula: false,
    inline: '',
  };
  let inCell = false;
  let collect: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;
  let width = 0;
  parseXml(xml, {
    open(name, attributes) {
      if (name === 'v' && inCell) {
        collect = 'v';
        cell.hasValue = true;
      } else if (name === 'c') {
        const a = attributes();
        const ref = a.r === undefined ? undefined : parseRef(a.r);
        if (ref !== undefined) [rowIndex, column] = ref;
        else column++;
        inCell = true;
        cell.type = a.t ?? 'n';
        cell.style = a.s === undefined ? 0 : Number(a.s);
        cell.value = '';
        cell.inline = '';
        cell.hasValue = false;
        cell.hasFormula = false;
      } else if (name === 'row') {
        const r = attributes().r;
        rowIndex = r === undefined ? rowIndex + 1 : Number(r) - 1;
        column = -1;
      } else if (inCell) {
        if (name === 'f') cell.hasFormula = true;
        else if (name === 'is') inInline = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && inInline && phonetic === 0) collect = 't';
      } else if (name === 'mergeCell') {
        const ref = attributes().ref;
        const range = ref === undefined ? undefined : parseRange(ref);
        if (range !== undefined) merges.push(range);
      }
    },
    text(text) {
      if (!inCell || collect === undefined) return;
      if (collect === 'v') cell.value += text;
      else cell.inline += text;
    },
    close(name) {
      if (name === 'v' || name === 't') collect = undefined;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && inCell) {
        const value = cellValue(cell, context);
        inCell = false;
        if (value === null || rowIndex < 0 || column < 0) return;
        if (value === UNCOMPUTED) {
          uncomputed.push([rowIndex, column]);
          return;
        }
        const row = (rows[rowIndex] ??= []);
        while (row.length < column) row.push(null);
        row[column] = value;
        if (column + 1 > width) width = column + 1;
      }
    },
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const kept = merges
    .filter((m) => m.startRow < rows.length)
    .map((m) => clamp(m, rows.length, width));
  const filled = fillMerged(rows, kept);
  return {
    rows: filled,
    ...(uncomputed.length > 0 ? { uncomputed } : {}),
    ...(kept.length > 0 ? { merges: kept } : {}),
  };
}

/** A range that would cover a huge blank area (a whole column merged) stops at the data. */
function clamp(range: MergeRange, height: number, width: number): MergeRange {
  const cells = (range.endRow - range.startRow) * (range.endColumn - range.startColumn);
  if (cells <= 100_000) return range;
  return {
    ...range,
    endRow: Math.min(range.endRow, height),
    endColumn: Math.min(range.endColumn, width),
  };
}
