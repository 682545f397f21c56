import { describe, expect, it } from 'vitest';
import {
  defaultMonth,
  monthName,
  monthOf,
  previousMonth,
  toPersianDigits,
} from '../../../functions/core/language/jalali.ts';

describe('jalali months', () => {
  it.each([
    ['1403-04', '1403-03'],
    ['1403-01', '1402-12'],
    ['1400-10', '1400-09'],
  ])('the month before %s is %s', (month, before) => {
    expect(previousMonth(month)).toBe(before);
  });

  it('names months month-first with Persian digits', () => {
    expect(monthName('1403-04')).toBe('تیر ۱۴۰۳');
    expect(monthName('1402-12')).toBe('اسفند ۱۴۰۲');
  });

  it.each([
    // Nowruz 1403 fell on 2024-03-20 at 06:36 Tehran; the day starts at midnight Tehran.
    ['2024-03-19T20:29:00Z', '1402-12'],
    ['2024-03-19T20:31:00Z', '1403-01'],
    ['2024-07-10T12:00:00Z', '1403-04'],
  ])('%s falls in %s in Asia/Tehran', (iso, month) => {
    expect(monthOf(new Date(iso))).toBe(month);
  });

  it('defaults to the month before today in Tehran', () => {
    expect(defaultMonth(new Date('2024-07-25T12:00:00Z'))).toBe('1403-04');
    expect(defaultMonth(new Date('2024-03-25T12:00:00Z'))).toBe('1402-12');
  });

  it('writes Persian digits', () => {
    expect(toPersianDigits('1403-04 15%')).toBe('۱۴۰۳-۰۴ ۱۵%');
  });
});
