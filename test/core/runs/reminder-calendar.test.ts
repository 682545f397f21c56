import { describe, expect, it } from 'vitest';
import {
  addDays,
  deadlineOf,
  jalaliDayText,
  jalaliDayWithWeekday,
  monthsDue,
  reminderDays,
  reminderDue,
} from '../../../functions/core/runs/reminder-calendar.ts';

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

  it('reaches a reminder day on Esfand 30 in a leap year, and Esfand 29 in a common one', () => {
    // Esfand 1403 (leap): the day before 1 Farvardin 1404 is 30 Esfand = 2025-03-20.
    const s = settings(1, [1]);
    expect(reminderDays('1403-12', s)).toEqual([
      { daysBefore: 1, day: { year: 1403, month: 12, day: 30 } },
    ]);
    expect(monthsDue(tehran('2025-03-20T10:00'), s)).toMatchObject([
      { month: '1403-12', due: true, daysBefore: 1, today: { year: 1403, month: 12, day: 30 } },
    ]);
    // Esfand 1402 (common): the day before 1 Farvardin 1403 is 29 Esfand = 2024-03-19.
    expect(monthsDue(tehran('2024-03-19T10:00'), s)).toMatchObject([
      { month: '1402-12', due: true, today: { year: 1402, month: 12, day: 29 } },
    ]);
  });

  it('moves a reminder day that falls before the scored month to its first day, so it is still reached', () => {
    // 30 days before 1 Farvardin 1403 is 30 Bahman 1402 in a common year: before Esfand began.
    const s = settings(1, [30, 29, 1]);
    expect(reminderDays('1402-12', s)).toEqual([
      { daysBefore: 30, day: { year: 1402, month: 12, day: 1 } },
      { daysBefore: 1, day: { year: 1402, month: 12, day: 29 } },
    ]);
    // 1 Esfand 1402 = 2024-02-20: due for Esfand's scores; 30 Bahman is not a reminder day.
    expect(monthsDue(tehran('2024-02-20T10:00'), s)).toMatchObject([
      { month: '1402-12', due: true },
    ]);
    // (30 Bahman is a reminder day of Bahman's own scores: 1 day before 1 Esfand.)
    expect(monthsDue(tehran('2024-02-19T10:00'), s).map((d) => d.month)).toEqual(['1402-11']);
    // In a leap year the 30 days fit in Esfand: 1 Esfand 1403 (2025-02-19) for a deadline of 1 Farvardin 1404.
    expect(reminderDays('1403-12', settings(1, [30]))).toEqual([
      { daysBefore: 30, day: { year: 1403, month: 12, day: 1 } },
    ]);
  });

  it('reaches every reminder day of three years, whatever the deadline and days', () => {
    const start = Date.UTC(2023, 2, 1, 8);
    for (const deadline of [1, 2, 15, 29]) {
      for (const days of [[0], [1], [2], [3, 1], [29], [30]]) {
        const s = settings(deadline, days);
        const hits = new Set<string>();
        for (let d = 0; d < 3 * 366; d++) {
          for (const due of monthsDue(new Date(start + d * 86_400_000), s)) {
            hits.add(`${due.month} ${due.today.year}-${due.today.month}-${due.today.day}`);
          }
        }
        for (const month of ['1402-10', '1402-11', '1402-12', '1403-01', '1403-11', '1403-12']) {
          for (const r of reminderDays(month, s)) {
            const key = `${month} ${r.day.year}-${r.day.month}-${r.day.day}`;
            expect(hits.has(key), `${key} (deadline ${deadline}, days ${days.join(',')})`).toBe(
              true,
            );
          }
        }
      }
    }
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
