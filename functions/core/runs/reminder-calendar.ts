/**
 * When reminders go out (docs/texts.md#reminders): on each of
 * `reminder_days` before `deadline`, a day of the month after the scored month, counted in
 * the Jalali calendar in Asia/Tehran. Pure: `now` is an argument. Dates are worked out
 * with Intl's Persian calendar (jalali.ts); no date library.
 */
import {
  jalaliDate,
  monthKey,
  monthOf,
  MONTH_NAMES,
  previousMonth,
  splitMonth,
  toPersianDigits,
  type MonthKey,
} from '../language/jalali.ts';
import type { Settings } from '../contract/model.ts';

/** A Jalali calendar day. */
export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** The month after `key`: 1403-12 → 1404-01. */
function nextMonth(key: MonthKey): MonthKey {
  const { year, month } = splitMonth(key);
  return month === 12 ? monthKey(year + 1, 1) : monthKey(year, month + 1);
}

/** Canonical `1403-05-10`, sortable. */
export function dayKey(day: JalaliDay): string {
  return `${monthKey(day.year, day.month)}-${String(day.day).padStart(2, '0')}`;
}

/** Press style: «۱۰ مرداد ۱۴۰۳». */
export function jalaliDayText(day: JalaliDay): string {
  return toPersianDigits(`${day.day} ${MONTH_NAMES[day.month - 1] ?? ''} ${day.year}`);
}

/** Weekdays from Sunday (Date#getUTCDay order). */
const WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'] as const;

/** The day's weekday: «شنبه». */
function weekdayOf(day: JalaliDay): string {
  return WEEKDAYS[new Date(dayNumber(day) * DAY_MS + DAY_MS / 2).getUTCDay()] ?? '';
}

/** With its weekday, as a letter gives a deadline: «شنبه ۶ مرداد ۱۴۰۳». */
export function jalaliDayWithWeekday(day: JalaliDay): string {
  return `${weekdayOf(day)} ${jalaliDayText(day)}`;
}

/** The Jalali day of an instant, in Asia/Tehran. */
export function tehranDay(instant: Date): JalaliDay {
  return jalaliDate(instant);
}

const compareDays = (a: JalaliDay, b: JalaliDay): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;

/** The day's noon (UTC) as days since 1970: noon UTC is the same day in Tehran. */
function dayNumber(day: JalaliDay): number {
  // First guess: Farvardin 1 is 20 or 21 March; months 1–6 have 31 days, 7–12 have 30.
  const before = day.month <= 6 ? (day.month - 1) * 31 : 186 + (day.month - 7) * 30;
  let n = Math.floor(Date.UTC(day.year + 621, 2, 20, 12) / DAY_MS) + before + day.day - 1;
  for (let step = 0; step < 8; step++) {
    const found = jalaliDate(new Date(n * DAY_MS + DAY_MS / 2));
    const order = compareDays(found, day);
    if (order === 0) return n;
    n += order < 0 ? 1 : -1;
  }
  throw new RangeError(`not a Jalali day: ${dayKey(day)}`);
}

/** `day` moved by `delta` days (negative: earlier). */
export function addDays(day: JalaliDay, delta: number): JalaliDay {
  return jalaliDate(new Date((dayNumber(day) + delta) * DAY_MS + DAY_MS / 2));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: JalaliDay, to: JalaliDay): number {
  return dayNumber(to) - dayNumber(from);
}

/** The deadline of a scored month: day `deadline` of the month after it; null without one. */
export function deadlineOf(month: MonthKey, deadline: number | null): JalaliDay | null {
  if (deadline === null) return null;
  const { year, month: m } = splitMonth(nextMonth(month));
  return { year, month: m, day: deadline };
}

export interface ReminderDay {
  /** Days before the deadline (0 = the deadline itself). */
  daysBefore: number;
  day: JalaliDay;
}

/**
 * Every reminder day of a scored month, earliest first; empty without a deadline. Counted
 * back from the deadline on the real calendar (Esfand has 30 days in a leap year, 29 in a
 * common one). A day that would fall before the scored month has begun (30 days before a
 * deadline of 1 Farvardin is 30 Bahman in a common year) is moved to the month's first day,
 * so it is still reached, and never about a month not yet begun; two days that meet there
 * count once (the one more days before).
 */
export function reminderDays(
  month: MonthKey,
  settings: Pick<Settings, 'deadline' | 'reminderDays'>,
): ReminderDay[] {
  const deadline = deadlineOf(month, settings.deadline);
  if (!deadline) return [];
  const { year, month: m } = splitMonth(month);
  const first: JalaliDay = { year, month: m, day: 1 };
  const days: ReminderDay[] = [];
  for (const daysBefore of [...new Set(settings.reminderDays)].sort((a, b) => b - a)) {
    const counted = addDays(deadline, -daysBefore);
    const day = compareDays(counted, first) < 0 ? first : counted;
    if (!days.some((d) => compareDays(d.day, day) === 0)) days.push({ daysBefore, day });
  }
  return days;
}

export interface ReminderDue {
  month: MonthKey;
  /** Today in Tehran. */
  today: JalaliDay;
  deadline: JalaliDay | null;
  /** Whether today is one of the month's reminder days. */
  due: boolean;
  /** Days left to the deadline when due (0 = today is the deadline), else null. */
  daysBefore: number | null;
}

/** Whether `now` (Tehran) falls on one of `month`'s reminder days, and which. */
export function reminderDue(
  now: Date,
  settings: Pick<Settings, 'deadline' | 'reminderDays'>,
  month: MonthKey,
): ReminderDue {
  const today = tehranDay(now);
  const deadline = deadlineOf(month, settings.deadline);
  const hit = reminderDays(month, settings).find((r) => compareDays(r.day, today) === 0);
  return { month, today, deadline, due: !!hit, daysBefore: hit?.daysBefore ?? null };
}

/**
 * The months to remind about now: of the month before this one (whose deadline falls in
 * this month) and this month (a reminder day more days before the deadline than its day
 * number falls in the scored month itself), those for which today is a reminder day.
 */
export function monthsDue(
  now: Date,
  settings: Pick<Settings, 'deadline' | 'reminderDays'>,
): ReminderDue[] {
  if (settings.deadline === null) return [];
  const current = monthOf(now);
  return [previousMonth(current), current]
    .map((month) => reminderDue(now, settings, month))
    .filter((due) => due.due);
}
