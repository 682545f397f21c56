/** A Jalali year-month, canonical `1403-04`. */
export type MonthKey = string;

export const MONTH_NAMES = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export function toPersianDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)] ?? d);
}

export function monthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function splitMonth(key: MonthKey): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`not a month key: ${key}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`not a month key: ${key}`);
  return { year, month };
}

export function isMonthKey(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The Persian month name alone: `تیر`. */
export function monthOnlyName(key: MonthKey): string {
  const name = MONTH_NAMES[splitMonth(key).month - 1];
  if (!name) throw new RangeError(`not a month key: ${key}`);
  return name;
}

/** Press style: `تیر ۱۴۰۳` (month first, Persian digits). */
export function monthName(key: MonthKey): string {
  return `${monthOnlyName(key)} ${toPersianDigits(splitMonth(key).year)}`;
}

export function previousMonth(key: MonthKey): MonthKey {
  const { year, month } = splitMonth(key);
  return month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1);
}

export function compareMonths(a: MonthKey, b: MonthKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const jalaliParts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Jalali date of an instant, in Asia/Tehran. */
export function jalaliDate(instant: Date): { year: number; month: number; day: number } {
  const parts = jalaliParts.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The Jalali month of an instant, in Asia/Tehran. */
export function monthOf(instant: Date): MonthKey {
  const { year, month } = jalaliDate(instant);
  return monthKey(year, month);
}

/** `--month`'s default: the Jalali month before the one `now` falls in (Asia/Tehran). */
export function defaultMonth(now: Date): MonthKey {
  return previousMonth(monthOf(now));
}

const tehranTime = new Intl.DateTimeFormat('en-GB-u-nu-latn', {
  timeZone: 'Asia/Tehran',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `۵ مرداد ۱۴۰۳، ساعت ۱۰:۳۰` in Asia/Tehran. */
export function jalaliDateTime(instant: Date): string {
  const { year, month, day } = jalaliDate(instant);
  const time = tehranTime.format(instant);
  return toPersianDigits(`${day} ${MONTH_NAMES[month - 1]} ${year}، ساعت ${time}`);
}
