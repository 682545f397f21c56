/** The wording helpers of problem messages: a sheet value in «», Persian numbers, rows and lists. */
import { toPersianDigits } from '../../language/jalali.ts';
import { normalizeDisplay } from '../../language/normalize.ts';

/** Sheet values longer than this are cut short in messages. */
const MAX_QUOTED = 40;

/** A value from the sheet inside «», normalized for display and cut short when long. */
export function quote(value: string): string {
  const text = normalizeDisplay(value);
  const chars = [...text];
  return `«${chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : text}»`;
}

/** A number in Persian digits with the Persian decimal separator: 37.5 -> ۳۷٫۵. */
export function faNumber(value: number): string {
  return toPersianDigits(String(value)).replace('.', '٫');
}

/** A 1-based sheet row number in Persian digits, from a zero-based row index. */
export function faRow(rowIndex: number): string {
  return toPersianDigits(rowIndex + 1);
}

/** «الف، ب و ج». */
export function faList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('، ')} و ${items[items.length - 1] ?? ''}`;
}

/** How to write a month, said the same way everywhere. */
export const MONTH_HINT = 'ماه را مانند ۱۴۰۳-۰۴ یا «تیر ۱۴۰۳» بنویسید';
