/**
 * The one month rule for every entry point (docs/command-line.md#months): the command line's `--month`,
 * monthlyRun's `month`, the settings' run request and the watcher all accept the forms of a
 * month cell (docs/workbook.md#months) and refuse a month after the current one in
 * Asia/Tehran (`month.future`). Pure: `now` is an argument.
 */
import { parseMonthCell } from './cell-values.ts';
import type { CellValue } from './cells.ts';
import { compareMonths, monthOf, type MonthKey } from '../language/jalali.ts';

/** The forms, as the English messages name them. */
const MONTH_FORMS = '1403-04, 1403-4, ۱۴۰۳/۰۴ or «تیر ۱۴۰۳»';

export type MonthChoice =
  | { ok: true; month: MonthKey }
  /** Not a month in any accepted form. */
  | { ok: false; code: 'month.invalid'; month: null; message: string }
  /** A month that has not begun in Tehran (`current` is the month that has). */
  | { ok: false; code: 'month.future'; month: MonthKey; current: MonthKey; message: string };

/** A month asked for by a person or a caller, by the month rule. */
export function chooseMonth(value: CellValue | undefined, now: Date): MonthChoice {
  const month = parseMonthCell(typeof value === 'string' ? value.trim() : value);
  if (month === null) {
    return {
      ok: false,
      code: 'month.invalid',
      month: null,
      message: `not a month; write it as ${MONTH_FORMS}`,
    };
  }
  const current = monthOf(now);
  if (compareMonths(month, current) > 0) {
    return {
      ok: false,
      code: 'month.future',
      month,
      current,
      message: `${month} is after the current month (${current}, Asia/Tehran); a month can be run once it has begun`,
    };
  }
  return { ok: true, month };
}
