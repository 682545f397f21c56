/**
 * Reading single cells as the workbook contract defines them (docs/workbook.md#cell-values):
 * numbers, months, yes/no flags, e-mail addresses and text.
 */
import * as z from 'zod';
import type { CellValue } from './cells.ts';
import { MONTH_NAMES, monthKey, monthOf, type MonthKey } from '../language/jalali.ts';
import {
  normalizeDisplay,
  normalizeName,
  toAsciiDigits,
  trimMarks,
} from '../language/normalize.ts';

/** A cell that holds nothing: empty, missing, or only spaces and invisible marks. */
export function isBlankCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === 'string' && trimMarks(cell) === '';
}

/**
 * A row whose every cell is blank, or, given `columns`, whose cells in those columns are
 * (the parsers skip such rows silently: what sits in unknown columns is left alone).
 */
export function isBlankRow(
  row: readonly (CellValue | undefined)[] | undefined,
  columns?: readonly number[],
): boolean {
  if (!row) return true;
  if (columns) {
    for (const column of columns) if (!isBlankCell(row[column])) return false;
    return true;
  }
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

function isValidDate(cell: Date): boolean {
  return !Number.isNaN(cell.getTime());
}

/**
 * A cell as text for showing and matching: text normalized for display (normalize.ts),
 * numbers as JavaScript writes them, booleans as TRUE/FALSE, dates as `YYYY-MM-DD` (UTC),
 * blank as ''.
 */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normalizeDisplay(cell);
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date && isValidDate(cell)) return cell.toISOString().slice(0, 10);
  return String(cell); // an invalid date, or anything a store should not have handed over
}

/** A cell's text exactly as held (strings untouched), for values that are written back. */
export function rawCellText(cell: CellValue | undefined): string {
  if (typeof cell === 'string') return cell;
  return cellText(cell);
}

/** A sign, then digits with an optional fraction (`۱۵/` with nothing after the mark is a typo). */
const NUMBER_TEXT = /^([-+\u2212]?)(\d+(?:\.\d+)?|\.\d+)$/;

/**
 * A number cell: a real number, or text of ASCII, Persian (۰–۹) or Arabic-Indic (٠–٩)
 * digits with an optional sign and one decimal separator `.`, `٫` or `/` (۳۷/۵ is 37.5),
 * with spaces and invisible marks around it. Anything else, and a blank cell, gives null
 * (tell the two apart with `isBlankCell`).
 */
export function parseNumberCell(cell: CellValue | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = toAsciiDigits(trimMarks(cell)).replace(/[\u066B/]/, '.');
  const match = NUMBER_TEXT.exec(text);
  if (!match) return null;
  const magnitude = Number(match[2]);
  if (!Number.isFinite(magnitude)) return null;
  if (magnitude === 0) return 0; // never -0
  return match[1] === '-' || match[1] === '\u2212' ? -magnitude : magnitude;
}

const MIN_YEAR = 1300;
const MAX_YEAR = 1499;
/** Spreadsheet serial dates: days since 1899-12-30 (Google Sheets, Excel). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

/** The month names, and one old spelling, by their matching key. */
const MONTH_BY_NAME = new Map<string, number>([
  ...MONTH_NAMES.map((name, i): [string, number] => [normalizeName(name), i + 1]),
  [normalizeName('امرداد'), 5],
]);
const MONTH_WORD = normalizeName('ماه');
const NUMERIC_MONTH = /^(\d{4})[-/\u2010-\u2015\u2212](\d{1,2})$/;
const NAME_THEN_YEAR = /^(\D+?)(\d{4})$/;
const YEAR_THEN_NAME = /^(\d{4})(\D+)$/;

function checkedMonth(year: number, month: number): MonthKey | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return monthKey(year, month);
}

/**
 * A spreadsheet turns a typed `1403-04` or `1403/4` into a date in the Gregorian year 1403.
 * Such a date (years 1300..1499, which as an instant would be centuries before any Jalali
 * year accepted here) is read back as the year and month that were typed. The day is
 * rounded to the nearest UTC midnight, so a date made at local midnight anywhere still
 * reads as the 1st.
 */
function typedAsDate(instant: Date): MonthKey | null {
  const day = new Date(Math.floor((instant.getTime() + DAY_MS / 2) / DAY_MS) * DAY_MS);
  const year = day.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return checkedMonth(year, day.getUTCMonth() + 1);
}

function monthOfInstant(instant: Date): MonthKey | null {
  if (!isValidDate(instant)) return null;
  const typed = typedAsDate(instant);
  if (typed) return typed;
  const key = monthOf(instant);
  const m = /^(\d+)-(\d+)$/.exec(key);
  return m ? checkedMonth(Number(m[1]), Number(m[2])) : null;
}

function monthByName(word: string): number | undefined {
  const stripped = word.endsWith(MONTH_WORD) ? word.slice(0, -MONTH_WORD.length) : word;
  return MONTH_BY_NAME.get(stripped) ?? MONTH_BY_NAME.get(word);
}

function parseMonthText(text: string): MonthKey | null {
  const key = normalizeName(text);
  const numeric = NUMERIC_MONTH.exec(key);
  if (numeric) return checkedMonth(Number(numeric[1]), Number(numeric[2]));
  const nameFirst = NAME_THEN_YEAR.exec(key);
  if (nameFirst) {
    const month = monthByName(nameFirst[1] ?? '');
    return month ? checkedMonth(Number(nameFirst[2]), month) : null;
  }
  const yearFirst = YEAR_THEN_NAME.exec(key);
  if (yearFirst) {
    const month = monthByName(yearFirst[2] ?? '');
    return month ? checkedMonth(Number(yearFirst[1]), month) : null;
  }
  return null;
}

/** The instant a spreadsheet serial date stands for: 12:00 UTC of that day. */
export function serialToDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS + DAY_MS / 2);
}

/**
 * A month cell, canonical `1403-04`. Accepts `1403-04`, `1403-4`, `1403/04`, `1403/4` in
 * any digits; `تیر ۱۴۰۳`, `تیر 1403`, `تیرماه ۱۴۰۳` (also `۱۴۰۳ تیر`), with Arabic letters
 * or extra spaces; a date cell (its Jalali month in Asia/Tehran); and a number between
 * 20000 and 80000 as a spreadsheet serial date. A date or negative serial in the Gregorian
 * years 1300..1499 is a typed `1403-04` that the spreadsheet made a date: it reads as that
 * year and month. Years 1300..1499 only. Otherwise null.
 */
export function parseMonthCell(cell: CellValue | undefined): MonthKey | null {
  if (cell instanceof Date) return monthOfInstant(cell);
  if (typeof cell === 'number') {
    if (cell > SERIAL_MIN && cell < SERIAL_MAX) return monthOfInstant(serialToDate(cell));
    // A negative serial: a date before 1900, perhaps a typed `1403-04` (see typedAsDate).
    return cell < 0 && Number.isFinite(cell) ? typedAsDate(serialToDate(cell)) : null;
  }
  if (typeof cell === 'string') return parseMonthText(cell);
  return null;
}

const TRUE_WORDS = new Set(
  ['yes', 'y', 'true', '1', 'بله', 'بلی', 'آری', 'فعال'].map(normalizeName),
);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'خیر', 'نه', 'غیرفعال'].map(normalizeName));

/**
 * A yes/no cell: yes/no, بله/خیر, true/false, 1/0 (any case, any digits) or a real
 * boolean. Blank gives `blank`; anything else null.
 */
export function parseBooleanCell(cell: CellValue | undefined, blank: boolean): boolean | null {
  if (isBlankCell(cell)) return blank;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  if (typeof cell !== 'string') return null;
  const key = normalizeName(cell);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return null;
}

const emailSchema = z.email();

/** An e-mail address (zod's check), trimmed; null when the cell is not one. */
export function parseEmailCell(cell: CellValue | undefined): string | null {
  if (typeof cell !== 'string') return null;
  const text = trimMarks(cell);
  return emailSchema.safeParse(text).success ? text : null;
}
