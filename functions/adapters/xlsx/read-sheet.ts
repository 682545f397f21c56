import { FORMULA_WITHOUT_VALUE, type CellValue } from '../../core/cells.ts';
import { fillMerged, type MergeRange } from '../../core/merged-cells.ts';
import type { CellStyles } from './cell-styles.ts';
import { parseXml } from './xml-events.ts';

export interface SheetContext {
  sharedStrings: string[];
  styles: CellStyles;
  date1904: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** A date serial as a Date (UTC), the way exceljs and the spec read it. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** `AB12` → [11, 27] (zero-based row, column); undefined for anything else. */
export function parseRef(ref: string): [row: number, column: number] | undefined {
  const match = /^\$?([A-Z]{1,3})\$?([0-9]+)$/i.exec(ref);
  if (match === null) return undefined;
  let column = 0;
  for (const letter of (match[1] ?? '').toUpperCase())
    column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]) - 1, column - 1];
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

function cellValue(cell: CellState, context: SheetContext): CellValue {
  const { type, value } = cell;
  if (cell.hasFormula && value === '' && type !== 'str') return FORMULA_WITHOUT_VALUE;
  if (!cell.hasValue && type !== 'inlineStr') return cell.hasFormula ? FORMULA_WITHOUT_VALUE : null;
  let result: CellValue;
  switch (type) {
    case 's':
      result = context.sharedStrings[Number(value)] ?? null;
      break;
    case 'inlineStr':
      result = cell.hasValue ? value : cell.inline;
      break;
    case 'str':
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
 * every cell a merged range covers holds the range's top-left value.
 */
export function readSheet(xml: string, context: SheetContext): CellValue[][] {
  const rows: CellValue[][] = [];
  const merges: MergeRange[] = [];
  let rowIndex = -1;
  let column = -1;
  let cell: CellState | undefined;
  let collect: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;
  let width = 0;
  parseXml(xml, {
    open(name, a) {
      if (name === 'c') {
        const ref = a.r === undefined ? undefined : parseRef(a.r);
        if (ref !== undefined) [rowIndex, column] = ref;
        else column++;
        cell = {
          type: a.t ?? 'n',
          style: Number(a.s ?? 0),
          value: '',
          hasValue: false,
          hasFormula: false,
          inline: '',
        };
      } else if (name === 'row') {
        rowIndex = a.r === undefined ? rowIndex + 1 : Number(a.r) - 1;
        column = -1;
      } else if (cell !== undefined) {
        if (name === 'v') {
          collect = 'v';
          cell.hasValue = true;
        } else if (name === 'f') cell.hasFormula = true;
        else if (name === 'is') inInline = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && inInline && phonetic === 0) collect = 't';
      } else if (name === 'mergeCell' && a.ref !== undefined) {
        const range = parseRange(a.ref);
        if (range !== undefined) merges.push(range);
      }
    },
    text(text) {
      if (cell === undefined || collect === undefined) return;
      if (collect === 'v') cell.value += text;
      else cell.inline += text;
    },
    close(name) {
      if (name === 'v' || name === 't') collect = undefined;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell !== undefined) {
        const value = cellValue(cell, context);
        cell = undefined;
        if (value === null || rowIndex < 0 || column < 0) return;
        const row = (rows[rowIndex] ??= []);
        while (row.length < column) row.push(null);
        row[column] = value;
        if (column + 1 > width) width = column + 1;
      }
    },
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return fillMerged(
    rows,
    merges.filter((m) => m.startRow < rows.length).map((m) => clamp(m, rows.length, width)),
  );
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
