import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { DEFAULT_BANDS } from '../../../functions/core/contract/tabs.ts';
import { sampleWorkbook } from '../../support/raw-workbooks.ts';
import { expectPersian, parse, where } from '../../support/parse-helpers.ts';

const TAB = 'سطوح';

function withBands(rows: CellValue[][]) {
  return sampleWorkbook({ [TAB]: [['عنوان', 'حداقل امتیاز'], ...rows] });
}

describe('bands', () => {
  it('reads the default bands', () => {
    const { model, problems } = parse(sampleWorkbook());
    expect(problems).toEqual([]);
    expect(model.bands).toEqual(DEFAULT_BANDS);
  });

  it('sorts bands given in any order, with mins in any digits', () => {
    const result = parse(
      withBands([
        ['خوب', '۶۰'],
        ['بسیار ضعيف', 0],
        ['متوسط', '40'],
        ['ضعیف', 20],
        ['عالی', 100],
        ['بسیار خوب', '۷۹/۵'],
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.bands).toEqual([
      { label: 'بسیار ضعیف', min: 0 },
      { label: 'ضعیف', min: 20 },
      { label: 'متوسط', min: 40 },
      { label: 'خوب', min: 60 },
      { label: 'بسیار خوب', min: 79.5 },
      { label: 'عالی', min: 100 },
    ]);
  });

  it.each<[string, CellValue[][], string, string]>([
    [
      'first min not 0',
      [
        ['ضعیف', 10],
        ['خوب', 50],
      ],
      'B2',
      'پایین‌ترین سطح («ضعیف») باید از ۰ شروع شود، نه ۱۰؛ حداقل امتیاز آن را ۰ بنویسید.',
    ],
    [
      'equal mins (reported on the later row)',
      [
        ['ضعیف', 0],
        ['متوسط', 40],
        ['خوب', 40],
      ],
      'B4',
      'حداقل امتیاز سطح «خوب» با سطح «متوسط» یکی است (۴۰)؛ حداقل امتیاز هر سطح باید از سطح پایین‌ترش بیشتر باشد.',
    ],
    [
      'min above 100',
      [
        ['ضعیف', 0],
        ['خوب', 101],
      ],
      'B3',
      'حداقل امتیاز سطح «خوب» باید عددی از ۰ تا ۱۰۰ باشد؛ «101» پذیرفته نیست.',
    ],
    [
      'negative min',
      [
        ['ضعیف', 0],
        ['خوب', '-5'],
      ],
      'B3',
      'حداقل امتیاز سطح «خوب» باید عددی از ۰ تا ۱۰۰ باشد؛ «-5» پذیرفته نیست.',
    ],
    [
      'min not a number',
      [
        ['ضعیف', 0],
        ['خوب', 'شصت'],
      ],
      'B3',
      'حداقل امتیاز سطح «خوب» باید عددی از ۰ تا ۱۰۰ باشد؛ «شصت» پذیرفته نیست.',
    ],
    [
      'min blank',
      [
        ['ضعیف', 0],
        ['خوب', ''],
      ],
      'B3',
      'حداقل امتیاز سطح «خوب» باید عددی از ۰ تا ۱۰۰ باشد؛ خالی است.',
    ],
    [
      'empty label',
      [
        ['ضعیف', 0],
        ['', 50],
      ],
      'A3',
      'عنوان سطح خالی است؛ نامی مانند «خوب» بنویسید.',
    ],
    [
      'repeated label (normalized)',
      [
        ['خوب', 0],
        [' خوب ', 50],
      ],
      'A3',
      'عنوان سطح «خوب» تکراری است (پیش‌تر در ردیف ۲ آمده)؛ هر سطح نام جداگانه‌ای می‌خواهد.',
    ],
  ])('%s is band.invalid at its cell, and fatal', (_what, rows, cell, message) => {
    const result = parse(withBands(rows));
    expect(result.fatal).toBe(true);
    expect(result.problems).toEqual([
      { code: 'band.invalid', severity: 'error', tab: TAB, cell, message },
    ]);
    expectPersian(message);
  });

  it('is fatal with no bands at all', () => {
    const result = parse(withBands([]));
    expect(result.fatal).toBe(true);
    expect(where(result)).toEqual([`band.invalid ${TAB}!`]);
    expect(result.model.bands).toEqual([]);
  });

  it('still hands over the bands it could read when fatal', () => {
    const result = parse(
      withBands([
        ['ضعیف', 0],
        ['خوب', 'x'],
        ['عالی', 80],
      ]),
    );
    expect(result.fatal).toBe(true);
    expect(result.model.bands.map((b) => b.label)).toEqual(['ضعیف', 'عالی']);
  });
});
