import { describe, expect, it } from 'vitest';
import {
  cellText,
  isBlankCell,
  isBlankRow,
  parseBooleanCell,
  parseEmailCell,
  parseMonthCell,
  parseNumberCell,
  rawCellText,
  serialToDate,
} from '../../../functions/core/contract/cell-values.ts';
import type { CellValue } from '../../../functions/core/contract/cells.ts';

describe('parseNumberCell', () => {
  it.each<[string, CellValue, number]>([
    ['a real number', 7, 7],
    ['a real decimal', 37.5, 37.5],
    ['zero', 0, 0],
    ['ASCII text', '12', 12],
    ['ASCII decimal', '37.5', 37.5],
    ['Persian digits', '۱۲', 12],
    ['Arabic-Indic digits', '١٢', 12],
    ['Persian decimal separator ٫', '۳۷٫۵', 37.5],
    ['slash as decimal separator', '۳۷/۵', 37.5],
    ['slash with ASCII digits', '37/5', 37.5],
    ['mixed digits', '۳7.5', 37.5],
    ['surrounding spaces', '  8 ', 8],
    ['NBSP, ZWNJ, RLM and LRM around', '\u00a0\u200f۸\u200c\u200e', 8],
    ['leading decimal point', '.5', 0.5],
    ['negative (the range check rejects it)', '-3', -3],
    ['Unicode minus', '\u22123', -3],
    ['plus sign', '+4', 4],
    ['negative zero is zero', '-0', 0],
    ['leading zeros', '007', 7],
  ])('%s: %j -> %d', (_what, cell, value) => {
    expect(parseNumberCell(cell)).toBe(value);
  });

  it.each<[string, CellValue]>([
    ['a word', 'ده'],
    ['letters after digits', '10 امتیاز'],
    ['two separators', '1.2.3'],
    ['two slashes', '۱/۲/۳'],
    ['thousands separator', '1,000'],
    ['Arabic thousands separator', '۱٬۰۰۰'],
    ['exponent', '1e3'],
    ['hex', '0x10'],
    ['percent', '50%'],
    ['inner space', '3 7'],
    ['sign alone', '-'],
    ['a boolean', true],
    ['a date', new Date('2024-07-10T12:00:00Z')],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['too many digits for a double', '9'.repeat(400)],
    ['a formula as text', '=1+1'],
    ['blank (tell apart with isBlankCell)', '  '],
    ['empty', null],
  ])('%s is not a number', (_what, cell) => {
    expect(parseNumberCell(cell)).toBeNull();
  });
});

describe('parseMonthCell', () => {
  it.each<[string, CellValue, string]>([
    ['canonical', '1403-04', '1403-04'],
    ['one-digit month', '1403-4', '1403-04'],
    ['slash', '1403/04', '1403-04'],
    ['slash, one-digit month', '1403/4', '1403-04'],
    ['Persian digits', '۱۴۰۳/۰۴', '1403-04'],
    ['Arabic-Indic digits', '١٤٠٣-٠٤', '1403-04'],
    ['Persian digits, dash', '۱۴۰۳-۰۴', '1403-04'],
    ['month twelve', '1402-12', '1402-12'],
    ['spaces around the separator', ' 1403 / 04 ', '1403-04'],
    ['name and Persian year', 'تیر ۱۴۰۳', '1403-04'],
    ['name and ASCII year', 'تیر 1403', '1403-04'],
    ['extra spaces', '  تیر    ۱۴۰۳ ', '1403-04'],
    ['Arabic letters', 'ارديبهشت ۱۴۰۳', '1403-02'],
    ['Arabic yeh in فروردین', 'فروردين 1403', '1403-01'],
    ['with «ماه»', 'تیر ماه ۱۴۰۳', '1403-04'],
    ['joined «تیرماه»', 'تیرماه ۱۴۰۳', '1403-04'],
    ['مهر with ماه', 'مهرماه 1402', '1402-07'],
    ['year first', '۱۴۰۳ اسفند', '1403-12'],
    ['old spelling امرداد', 'امرداد ۱۴۰۳', '1403-05'],
    ['ZWNJ and RLM around', '\u200f1403-04\u200c', '1403-04'],
    ['a date cell (noon UTC)', new Date('2024-07-10T12:00:00Z'), '1403-04'],
    ['a date cell at 00:01 Tehran on 1 Tir', new Date('2024-06-20T20:31:00Z'), '1403-04'],
    ['a date cell at 23:59 Tehran on 31 Khordad', new Date('2024-06-20T20:29:00Z'), '1403-03'],
    ['a date cell on Nowruz 1403', new Date('2024-03-20T00:00:00Z'), '1403-01'],
    ['a serial date (10 July 2024)', 45483, '1403-04'],
    ['a serial date with a time part', 45483.99, '1403-04'],
    ['a serial date on 31 Khordad', 45463, '1403-03'],
    ['a serial date on 1 Tir', 45464, '1403-04'],
    ['a serial date on Nowruz 1403', 45371, '1403-01'],
    ['a serial date the day before', 45370, '1402-12'],
    // A spreadsheet that turned a typed «1403-04» into a date in the year 1403 AD.
    ['a typed month made a date (UTC midnight)', new Date(Date.UTC(1403, 3, 1)), '1403-04'],
    [
      'a typed month made a date at Tehran local midnight (LMT +3:25:44)',
      new Date(Date.UTC(1403, 3, 1) - (3 * 3600 + 25 * 60 + 44) * 1000),
      '1403-04',
    ],
    [
      'a typed month made a date at New York local midnight',
      new Date(Date.UTC(1403, 3, 1) + 5 * 3600 * 1000),
      '1403-04',
    ],
    ['a typed month made a negative serial', -181434, '1403-04'],
    ['a typed month made a negative serial, mid-month', -181541, '1402-12'],
  ])('%s: %j -> %s', (_what, cell, month) => {
    expect(parseMonthCell(cell)).toBe(month);
  });

  it.each<[string, CellValue]>([
    ['month 13', '1403-13'],
    ['month 0', '1403-00'],
    ['year 1299', '1299-04'],
    ['year 1500', '1500-01'],
    ['a Gregorian month', '2024-07'],
    ['month first', '04/1403'],
    ['a full date', '1403/04/15'],
    ['two-digit year', '03-04'],
    ['dot separator', '1403.04'],
    ['an unknown month name', 'تیرگان ۱۴۰۳'],
    ['a name without year', 'تیر'],
    ['a word', 'ماه گذشته'],
    ['a small number', 1403],
    ['a decimal number', 1403.04],
    ['the lower serial bound', 20000],
    ['the upper serial bound', 80000],
    ['a date before 1300', new Date('1900-01-01T12:00:00Z')],
    ['a date in 1200 AD', new Date(Date.UTC(1200, 0, 1))],
    ['a small negative number', -5],
    ['negative infinity', Number.NEGATIVE_INFINITY],
    ['an invalid date', new Date(Number.NaN)],
    ['a boolean', false],
    ['blank', ''],
    ['empty', null],
    ['markup', '<script>1403-04</script>'],
  ])('%s is not a month', (_what, cell) => {
    expect(parseMonthCell(cell)).toBeNull();
  });

  it('reads a serial date as 12:00 UTC of its day', () => {
    expect(serialToDate(45483).toISOString()).toBe('2024-07-10T12:00:00.000Z');
    expect(serialToDate(45483.9).toISOString()).toBe('2024-07-10T12:00:00.000Z');
  });
});

describe('parseBooleanCell', () => {
  it.each<[CellValue, boolean]>([
    ['yes', true],
    ['YES', true],
    [' Yes ', true],
    ['no', false],
    ['بله', true],
    ['خیر', false],
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['۱', true],
    ['۰', false],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
  ])('%j -> %s', (cell, value) => {
    expect(parseBooleanCell(cell, true)).toBe(value);
  });

  it('gives the default for a blank cell', () => {
    expect(parseBooleanCell(null, true)).toBe(true);
    expect(parseBooleanCell('  ', true)).toBe(true);
    expect(parseBooleanCell('', false)).toBe(false);
  });

  it.each<CellValue>(['maybe', 'بلهه', 2, -1, '2', new Date(0), '=TRUE()'])(
    '%j is not yes/no',
    (cell) => {
      expect(parseBooleanCell(cell, true)).toBeNull();
    },
  );
});

describe('other cells', () => {
  it.each<[CellValue, boolean]>([
    [null, true],
    ['', true],
    ['  \u00a0', true],
    ['\u200c\u200f', true],
    [0, false],
    [false, false],
    ['0', false],
    [new Date(0), false],
  ])('isBlankCell(%j) is %s', (cell, blank) => {
    expect(isBlankCell(cell)).toBe(blank);
  });

  it('sees a row of blanks as blank', () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, '', ' '])).toBe(true);
    expect(isBlankRow([null, '', 0])).toBe(false);
  });

  it('reads e-mail addresses with zod', () => {
    expect(parseEmailCell(' news@example.ir ')).toBe('news@example.ir');
    expect(parseEmailCell('news@example')).toBeNull();
    expect(parseEmailCell('not an email')).toBeNull();
    expect(parseEmailCell(42)).toBeNull();
  });

  it('shows cells as text', () => {
    expect(cellText('  اداره  كل ')).toBe('اداره کل');
    expect(cellText(17)).toBe('17');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date('2024-07-10T12:00:00Z'))).toBe('2024-07-10');
    expect(cellText(null)).toBe('');
    expect(rawCellText('  تیر ۱۴۰۳ ')).toBe('  تیر ۱۴۰۳ ');
  });
});
