import { describe, expect, it } from 'vitest';
import {
  joinList,
  listSeparator,
  monthInYear,
  notEvaluatedReason,
  numberWords,
  ordinalWord,
  percentSignText,
  percentText,
  persianDigits,
  persianNumber,
  outOf100Text,
  pointsText,
  pressMonth,
  scoreFixedText,
} from '../../../functions/core/language/persian-text.ts';
import { pluralOfGroup } from '../../../functions/core/contract/group-names.ts';

describe('Persian numbers', () => {
  it.each([
    [0, '۰'],
    [4, '۴'],
    [47.31, '۴۷٫۳۱'],
    [78.5, '۷۸٫۵'],
    [1403, '۱۴۰۳'],
    [0.05, '۰٫۰۵'],
    [1e-7, '۰٫۰۰۰۰۰۰۱'],
  ])('%s is written %s', (value, text) => {
    expect(persianNumber(value)).toBe(text);
  });

  it('keeps a minus sign on the left of the digits', () => {
    expect(persianNumber(-2.5)).toBe('\u200E−۲٫۵');
  });

  it('writes percentages in press style and compactly', () => {
    expect(percentText(4)).toBe('۴\u00A0درصد');
    expect(percentSignText(37)).toBe('۳۷٪');
  });

  it('turns the digits of any text Persian', () => {
    expect(persianDigits('run 12')).toBe('run ۱۲');
    expect(persianDigits(12.5)).toBe('۱۲٫۵');
  });
});

describe('number words', () => {
  it.each([
    [0, 'صفر'],
    [1, 'یک'],
    [3, 'سه'],
    [10, 'ده'],
    [11, 'یازده'],
    [15, 'پانزده'],
    [19, 'نوزده'],
    [20, 'بیست'],
    [21, 'بیست و یک'],
    [33, 'سی و سه'],
    [47, 'چهل و هفت'],
    [58, 'پنجاه و هشت'],
    [69, 'شصت و نه'],
    [70, 'هفتاد'],
    [86, 'هشتاد و شش'],
    [99, 'نود و نه'],
    [100, 'صد'],
    [101, 'صد و یک'],
    [215, 'دویست و پانزده'],
    [1000, 'هزار'],
    [1403, 'هزار و چهارصد و سه'],
    [20000, 'بیست هزار'],
  ])('%i is «%s»', (n, words) => {
    expect(numberWords(n)).toBe(words);
  });

  it('has words for every number from 1 to 100, none of them empty or repeated', () => {
    const words = Array.from({ length: 100 }, (_, i) => numberWords(i + 1));
    expect(words.every((w) => w.length > 0 && !w.includes('undefined'))).toBe(true);
    expect(new Set(words).size).toBe(100);
  });

  it.each([-1, 1.5, 1_000_000])('refuses %s', (n) => {
    expect(() => numberWords(n)).toThrow(RangeError);
  });
});

describe('ordinal words', () => {
  it.each([
    [1, 'اول'],
    [2, 'دوم'],
    [3, 'سوم'],
    [4, 'چهارم'],
    [5, 'پنجم'],
    [6, 'ششم'],
    [10, 'دهم'],
    [12, 'دوازدهم'],
    [17, 'هفدهم'],
    [20, 'بیستم'],
    [21, 'بیست و یکم'],
    [22, 'بیست و دوم'],
    [23, 'بیست و سوم'],
    [30, 'سی\u200Cام'],
    [40, 'چهلم'],
    [100, 'صدم'],
  ])('rank %i is «%s»', (n, word) => {
    expect(ordinalWord(n)).toBe(word);
  });

  it('never calls the first «یکم»', () => {
    expect(ordinalWord(1)).not.toContain('یکم');
  });

  it.each([0, -1, 2.5])('refuses %s', (n) => {
    expect(() => ordinalWord(n)).toThrow(RangeError);
  });
});

describe('lists', () => {
  it.each([
    [[], ''],
    [['الف'], 'الف'],
    [['الف', 'ب'], 'الف و ب'],
    [['الف', 'ب', 'ج'], 'الف، ب و ج'],
    [['اطلاع‌رسانی', 'پاسخگویی', 'نوآوری'], 'اطلاع‌رسانی، پاسخگویی و نوآوری'],
  ])('%j joins as «%s»', (items, text) => {
    expect(joinList(items)).toBe(text);
  });

  it('joins with another conjunction and has no invisible marks', () => {
    const text = joinList(['بسیار ضعیف', 'ضعیف'], 'یا');
    expect(text).toBe('بسیار ضعیف یا ضعیف');
    expect(joinList(['a', 'b', 'c'])).not.toMatch(/[\u200E\u200F\u061C]|، و/);
  });

  it('gives the separators a template writes between items', () => {
    expect([0, 1, 2].map((i) => listSeparator(i, 3))).toEqual(['، ', ' و ', '']);
    expect(listSeparator(0, 1)).toBe('');
  });
});

describe('months and reasons', () => {
  it('names a month alone within the year, with its year across years', () => {
    expect(monthInYear('1403-03', '1403-04')).toBe('خرداد');
    expect(monthInYear('1402-12', '1403-01')).toBe('اسفند ۱۴۰۲');
  });

  it.each([
    ['agency.no_submission', 'فرم ماه را ثبت نکرده'],
    ['score.missing', 'همه شاخص‌ها را کامل نکرده'],
    ['score.not_number', 'امتیاز نادرست ثبت کرده'],
    ['score.out_of_range', 'امتیاز نادرست ثبت کرده'],
    ['something.new', 'داده‌های ماه را کامل ثبت نکرده'],
  ])('says why %s was not evaluated', (code, reason) => {
    expect(notEvaluatedReason(code)).toBe(reason);
  });
});

describe('press-style units and months', () => {
  it('holds figures to their units with a no-break space', () => {
    expect(pointsText(10)).toBe('۱۰\u00A0واحد\u00A0درصد');
    expect(outOf100Text(41.77)).toBe('۴۱٫۷۷\u00A0از\u00A0۱۰۰');
  });

  it('writes table scores with two decimals', () => {
    expect(scoreFixedText(71.5)).toBe('۷۱٫۵۰');
    expect(scoreFixedText(69.75)).toBe('۶۹٫۷۵');
    expect(scoreFixedText(27)).toBe('۲۷٫۰۰');
  });

  it('names months as the press does: «تیرماه», «فروردین‌ماه», with the year across a year end', () => {
    expect(pressMonth('1403-04', '1403-04')).toBe('تیرماه');
    expect(pressMonth('1403-03', '1403-04')).toBe('خردادماه');
    expect(pressMonth('1403-01', '1403-01')).toBe('فروردین\u200Cماه');
    expect(pressMonth('1403-02', '1403-02')).toBe('اردیبهشت\u200Cماه');
    expect(pressMonth('1403-10', '1403-10')).toBe('دی\u200Cماه');
    expect(pressMonth('1403-11', '1403-11')).toBe('بهمن\u200Cماه');
    expect(pressMonth('1402-12', '1403-01')).toBe('اسفندماه ۱۴۰۲');
  });
});

describe('group plurals (the rule of docs/workbook.md#groups)', () => {
  it('adds «‌ها» to one word and «‌های» to the first of several', () => {
    expect(pluralOfGroup('فرمانداری')).toBe('فرمانداری\u200Cها');
    expect(pluralOfGroup('شهرداری')).toBe('شهرداری\u200Cها');
    expect(pluralOfGroup('دستگاه اجرایی')).toBe('دستگاه\u200Cهای اجرایی');
    expect(pluralOfGroup(' دانشگاه  علوم پزشکی ')).toBe('دانشگاه\u200Cهای علوم پزشکی');
  });
});
