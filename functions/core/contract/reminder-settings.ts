/**
 * The reminder settings (docs/workbook.md#settings): `deadline` (مهلت ثبت), the day of the
 * month after the scored month by which agencies must have entered their scores (1–29),
 * and `reminder_days` (روزهای یادآوری), the days before it on which they are reminded.
 */
import { cellText, parseNumberCell } from './cell-values.ts';
import type { CellValue } from './cells.ts';
import { toPersianDigits } from '../language/jalali.ts';
import { quote } from './problem-messages.ts';

/** `reminder_days` when a deadline is set and the list is not. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = Object.freeze([3, 1]);
/** The latest deadline: every Jalali month, Esfand of a common year included, has day 29. */
const MAX_DEADLINE = 29;
/** Reminder days reach back at most this far before the deadline. */
const MAX_REMINDER_DAYS = 30;

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** A deadline cell: a whole day 1–29, in any digits. */
export function readDeadline(cell: CellValue): Read<number> {
  const day = parseNumberCell(cell);
  if (day !== null && Number.isInteger(day) && day >= 1 && day <= MAX_DEADLINE) {
    return { ok: true, value: day };
  }
  return {
    ok: false,
    message: `مهلت ثبت باید روزی از ماه بعد از ماه ارزیابی باشد، عدد صحیحی از ۱ تا ${toPersianDigits(MAX_DEADLINE)}؛ ${quote(cellText(cell))} پذیرفته نیست. تا درست شود یادآوری فرستاده نمی‌شود.`,
  };
}

/**
 * A reminder-day list: whole numbers 0–30 (days before the deadline), separated by `،`,
 * `,` or spaces, in any digits (`۵، ۲، ۰`). Repeats count once; the list is kept from the
 * earliest day (the most days before) to the deadline.
 */
export function readReminderDays(cell: CellValue): Read<number[]> {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell);
  const parts = text
    .split(/[,،؛;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const days = new Set<number>();
  const bad: string[] = [];
  for (const part of parts) {
    const day = parseNumberCell(part);
    if (day !== null && Number.isInteger(day) && day >= 0 && day <= MAX_REMINDER_DAYS)
      days.add(day);
    else bad.push(part);
  }
  if (bad.length === 0 && days.size > 0) {
    return { ok: true, value: [...days].sort((a, b) => b - a) };
  }
  const what = bad.length > 0 ? bad.map(quote).join('، ') : quote(text);
  return {
    ok: false,
    message: `روزهای یادآوری باید عددهای صحیحی از ۰ تا ${toPersianDigits(MAX_REMINDER_DAYS)} باشند (چند روز پیش از مهلت)، جدا با «،» مانند «۵، ۲، ۰»؛ ${what} پذیرفته نیست. تا درست شود یادآوری در روزهای یادآوری فرستاده نمی‌شود.`,
  };
}
