import { describe, expect, it } from 'vitest';
import { sampleWorkbook, withRows, type Rows } from '../../support/raw-workbooks.ts';
import { expectPersian, one, parse, where } from '../../support/parse-helpers.ts';

const TAB = 'شاخص‌ها';
const HEADER = ['کد', 'عنوان', 'محور', 'حداکثر امتیاز', 'وزن'];

function withIndicators(rows: Rows) {
  return sampleWorkbook({ [TAB]: [HEADER, ...rows] });
}

describe('indicators', () => {
  it('reads the sample: weight blank -> 1, dimensions in order of first appearance', () => {
    const { model, problems } = parse(sampleWorkbook());
    expect(problems).toEqual([]);
    expect(model.indicators.map((i) => [i.code, i.dimension, i.max, i.weight])).toEqual([
      ['ش۱', 'اطلاع‌رسانی', 10, 1],
      ['ش۲', 'اطلاع‌رسانی', 10, 1],
      ['ش۳', 'پاسخگویی', 10, 2],
      ['ش۴', 'نوآوری', 5, 1],
    ]);
    expect(model.dimensions).toEqual(['اطلاع‌رسانی', 'پاسخگویی', 'نوآوری']);
  });

  it('compares dimensions normalized and shows them as first written', () => {
    const result = parse(
      withIndicators([
        ['i1', 't', 'نوآوري', 10, 1],
        ['i2', 't', 'اطلاع رسانی', '۱۰', '۱/۵'],
        ['i3', 't', 'نوآوری', 10, 1],
        ['i4', 't', 'اطلاع‌رسانی', 10, 1],
      ]),
    );
    expect(result.model.dimensions).toEqual(['نوآوری', 'اطلاع رسانی']);
    expect(result.model.indicators.map((i) => i.dimension)).toEqual([
      'نوآوری',
      'اطلاع رسانی',
      'نوآوری',
      'اطلاع رسانی',
    ]);
    expect(result.model.indicators[1]).toMatchObject({ max: 10, weight: 1.5 });
  });

  it('reports a repeated code (normalized) on the later row; the first counts', () => {
    const result = parse(withRows(TAB, ['ش 1', 'تکراری', 'نوآوری', 99, 1]));
    const problem = one(result, 'indicator.duplicate');
    expect(problem).toMatchObject({ tab: TAB, cell: 'A6', severity: 'error' });
    expect(problem.message).toBe(
      'کد شاخص «ش 1» تکراری است (پیش‌تر در ردیف ۲ آمده)؛ کد دیگری بنویسید یا این ردیف را پاک کنید.',
    );
    expect(result.model.indicators.filter((i) => i.code.startsWith('ش')).map((i) => i.max)).toEqual(
      [10, 10, 10, 5],
    );
    expect(result.fatal).toBe(false);
  });

  it.each([
    [
      'an empty code',
      ['', 't', 'نوآوری', 10, 1],
      'A6',
      'کد شاخص خالی است؛ کدی کوتاه مانند «ش۱» بنویسید.',
    ],
    [
      'an empty dimension',
      ['ش۵', 't', ' ', 10, 1],
      'C6',
      'محور شاخص ش۵ خالی است؛ نام محور را بنویسید (مثلاً «اطلاع‌رسانی»).',
    ],
    [
      'max not a number',
      ['ش۵', 't', 'نوآوری', 'ده', 1],
      'D6',
      'حداکثر امتیاز شاخص ش۵ باید عددی بزرگ‌تر از صفر باشد؛ «ده» پذیرفته نیست.',
    ],
    [
      'max zero',
      ['ش۵', 't', 'نوآوری', 0, 1],
      'D6',
      'حداکثر امتیاز شاخص ش۵ باید عددی بزرگ‌تر از صفر باشد؛ «0» پذیرفته نیست.',
    ],
    [
      'max blank',
      ['ش۵', 't', 'نوآوری', null, 1],
      'D6',
      'حداکثر امتیاز شاخص ش۵ باید عددی بزرگ‌تر از صفر باشد؛ خالی است.',
    ],
    [
      'a negative weight',
      ['ش۵', 't', 'نوآوری', 10, '-1'],
      'E6',
      'وزن شاخص ش۵ باید عددی بزرگ‌تر از صفر باشد؛ «-1» پذیرفته نیست. برای وزن ۱ خانه را خالی بگذارید.',
    ],
  ])(
    '%s is indicator.invalid at its cell and the indicator is dropped',
    (_what, row, cell, message) => {
      const result = parse(withRows(TAB, row));
      const problem = one(result, 'indicator.invalid');
      expect(problem).toEqual({
        code: 'indicator.invalid',
        severity: 'error',
        tab: TAB,
        cell,
        message,
      });
      expectPersian(problem.message);
      expect(result.model.indicators).toHaveLength(4);
      expect(result.fatal).toBe(false);
    },
  );

  it('reports every bad cell of a row, naming the row when the code is empty', () => {
    const result = parse(withRows(TAB, ['', 't', '', -1, 0]));
    expect(where(result)).toEqual([
      `indicator.invalid ${TAB}!A6`,
      `indicator.invalid ${TAB}!C6`,
      `indicator.invalid ${TAB}!D6`,
      `indicator.invalid ${TAB}!E6`,
    ]);
    expect(result.problems[1]?.message).toContain('محور شاخص ردیف ۶ خالی است');
  });

  it('is fatal when no indicator is valid, and says so for the tab', () => {
    const result = parse(withIndicators([['ش۱', 't', 'نوآوری', 'x', 1]]));
    expect(result.fatal).toBe(true);
    expect(where(result)).toEqual([
      `indicator.invalid ${TAB}!`,
      `indicator.invalid ${TAB}!D2`,
      // The scores tab still has columns ش۲..ش۴ but no indicator for them: ignored.
    ]);
    expect(result.problems[0]?.message).toBe(
      'هیچ شاخص درستی در برگه «شاخص‌ها» نیست؛ دست‌کم یک ردیف با کد، محور و حداکثر امتیاز بنویسید.',
    );
    expect(result.model.indicators).toEqual([]);
  });

  it('is fatal for an empty tab', () => {
    const result = parse(withIndicators([]));
    expect(result.fatal).toBe(true);
    expect(where(result)).toEqual([`indicator.invalid ${TAB}!`]);
  });
});
