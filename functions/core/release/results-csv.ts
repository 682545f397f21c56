/**
 * The month's results as the release's attachment: CSV (RFC 4180) with a UTF-8 BOM and
 * CRLF line ends, so Excel and LibreOffice open it with Persian intact. Every field is
 * quoted; a field that a spreadsheet would run as a formula is neutralised with a leading
 * apostrophe. Numbers are written with ASCII digits and `.` so spreadsheets read them as
 * numbers. «رتبه» is the rank the release says (dense by default); «جایگاه در گروه» is
 * 1 + the number of agencies of the group with a higher score.
 */
import { monthName } from '../language/jalali.ts';
import { notEvaluatedReason } from '../language/persian-text.ts';
import { displayName } from './names.ts';
import type { Summary } from '../figures/summary.ts';

const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export const RESULTS_CSV_HEADER = [
  'ماه',
  'گروه',
  'رتبه',
  'جایگاه در گروه',
  'شناسه',
  'نام',
  'امتیاز',
  'سطح',
  'امتیاز ماه قبل',
  'وضعیت',
  'دلیل ارزیابی نشدن',
  'کد دلیل',
] as const;

const EVALUATED = 'ارزیابی‌شده';
const NOT_EVALUATED = 'ارزیابی‌نشده';

/** Characters that make a spreadsheet read a cell as a formula (or DDE) when they lead it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text and never runs: `=1+1` becomes `'=1+1`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field, always quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : neutraliseFormula(String(value));
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows of cells to CSV text: fields quoted, CRLF after every row, with a leading BOM. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return CSV_BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** The rows of the results CSV, header first: evaluated agencies by group and rank, then the others. */
export function resultsRows(summary: Summary): (string | number | null)[][] {
  const month = monthName(summary.month);
  const rows: (string | number | null)[][] = [[...RESULTS_CSV_HEADER]];
  for (const group of summary.groups) {
    const groupName = displayName(group.name);
    for (const entry of group.ranking) {
      rows.push([
        month,
        groupName,
        entry.rank,
        entry.standing,
        entry.id,
        displayName(entry.name),
        entry.score,
        displayName(entry.band),
        entry.previousScore,
        EVALUATED,
        null,
        null,
      ]);
    }
    for (const agency of group.notEvaluated) {
      rows.push([
        month,
        groupName,
        null,
        null,
        agency.id,
        displayName(agency.name),
        null,
        null,
        null,
        NOT_EVALUATED,
        notEvaluatedReason(agency.reason),
        agency.reason,
      ]);
    }
  }
  return rows;
}

/** The results CSV text (BOM, CRLF). */
export function resultsCsv(summary: Summary): string {
  return toCsv(resultsRows(summary));
}

/** `karnameh-1403-04.csv`: ASCII, safe in any mail client. */
export function resultsCsvFilename(month: string): string {
  return `karnameh-${month.replace(/[^0-9A-Za-z-]/g, '')}.csv`;
}
