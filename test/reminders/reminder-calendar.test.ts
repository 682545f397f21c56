import { describe, expect, it } from 'vitest';
import {
  addDays,
  deadlineOf,
  jalaliDayText,
  jalaliDayWithWeekday,
  monthsDue,
  reminderDays,
  reminderDue,
} from '../../functions/core/reminders/reminder-calendar.ts';

const settings = (deadline: number | null, days: number[] = [3, 1]) => ({
  deadline,
  reminderDays: days,
});

/** An instant in Tehran (UTC+3:30), e.g. tehran('2024-07-29T00:00'). */
const tehran = (local: string): Date => new Date(`${local}:00+03:30`);

describe('the reminder calendar', () => {
  it('puts the deadline in the month after the scored month, and writes it press style', () => {
    expect(deadlineOf('1403-04', 10)).toEqual({ year: 1403, month: 5, day: 10 });
    expect(deadlineOf('1403-12', 5)).toEqual({ year: 1404, month: 1, day: 5 });
    expect(deadlineOf('1403-04', null)).toBeNull();
    expect(jalaliDayText({ year: 1403, month: 5, day: 10 })).toBe('۱۰ مرداد ۱۴۰۳');
  });

  it('counts days back across months and years in the Jalali calendar', () => {
    // 31-day Tir, 30-day Mehr, 29-day Esfand 1402, 30-day Esfand 1403 (a leap year).
    expect(addDays({ year: 1403, month: 5, day: 2 }, -3)).toEqual({
      year: 1403,
      month: 4,
      day: 30,
    });
    expect(addDays({ year: 1403, month: 8, day: 1 }, -1)).toEqual({
      year: 1403,
      month: 7,
      day: 30,
    });
    expect(addDays({ year: 1403, month: 1, day: 2 }, -2)).toEqual({
      year: 1402,
      month: 12,
      day: 29,
    });
    expect(addDays({ year: 1404, month: 1, day: 1 }, -1)).toEqual({
      year: 1403,
      month: 12,
      day: 30,
    });
    expect(addDays({ year: 1403, month: 6, day: 31 }, 1)).toEqual({ year: 1403, month: 7, day: 1 });
  });

  it('lists the reminder days, earliest first', () => {
    expect(reminderDays('1403-04', settings(10, [0, 5, 2, 5]))).toEqual([
      { daysBefore: 5, day: { year: 1403, month: 5, day: 5 } },
      { daysBefore: 2, day: { year: 1403, month: 5, day: 8 } },
      { daysBefore: 0, day: { year: 1403, month: 5, day: 10 } },
    ]);
    expect(reminderDays('1403-04', settings(null))).toEqual([]);
  });

  it('is due on a reminder day from midnight to midnight in Tehran, and not the day around it', () => {
    // Deadline 10 Mordad 1403 = 2024-07-31; three days before: 7 Mordad = 2024-07-28.
    const s = settings(10);
    expect(reminderDue(tehran('2024-07-28T00:00'), s, '1403-04')).toMatchObject({
      due: true,
      daysBefore: 3,
      today: { year: 1403, month: 5, day: 7 },
      deadline: { year: 1403, month: 5, day: 10 },
    });
    expect(reminderDue(tehran('2024-07-28T23:59'), s, '1403-04').due).toBe(true);
    expect(reminderDue(tehran('2024-07-27T23:59'), s, '1403-04').due).toBe(false);
    expect(reminderDue(tehran('2024-07-29T00:00'), s, '1403-04')).toMatchObject({
      due: false,
      daysBefore: null,
    });
    // 20:45 UTC on the 27th is already the 28th in Tehran.
    expect(reminderDue(new Date('2024-07-27T20:45:00Z'), s, '1403-04').due).toBe(true);
    expect(reminderDue(tehran('2024-07-30T12:00'), s, '1403-04').daysBefore).toBe(1);
    expect(reminderDue(tehran('2024-07-31T12:00'), s, '1403-04').due).toBe(false);
    expect(reminderDue(tehran('2024-07-31T12:00'), settings(10, [0]), '1403-04').daysBefore).toBe(
      0,
    );
    expect(reminderDue(tehran('2024-07-28T12:00'), settings(null), '1403-04').due).toBe(false);
  });

  it('finds the months due today, including a reminder day inside the scored month', () => {
    expect(monthsDue(tehran('2024-07-28T09:00'), settings(10)).map((d) => d.month)).toEqual([
      '1403-04',
    ]);
    // Deadline 2 Mordad, five days before it: 28 Tir, while Tir itself is being scored.
    const early = monthsDue(tehran('2024-07-18T09:00'), settings(2, [5]));
    expect(early.map((d) => [d.month, d.daysBefore])).toEqual([['1403-04', 5]]);
    expect(monthsDue(tehran('2024-07-19T09:00'), settings(2, [5]))).toEqual([]);
    expect(monthsDue(tehran('2024-07-28T09:00'), settings(null))).toEqual([]);
  });
});

describe('a deadline with its weekday', () => {
  it.each([
    [{ year: 1403, month: 5, day: 10 }, 'چهارشنبه ۱۰ مرداد ۱۴۰۳'],
    [{ year: 1403, month: 5, day: 6 }, 'شنبه ۶ مرداد ۱۴۰۳'],
    [{ year: 1403, month: 1, day: 1 }, 'چهارشنبه ۱ فروردین ۱۴۰۳'],
    [{ year: 1403, month: 12, day: 30 }, 'پنجشنبه ۳۰ اسفند ۱۴۰۳'],
  ])('%o is «%s»', (day, text) => {
    expect(jalaliDayWithWeekday(day)).toBe(text);
  });
});
