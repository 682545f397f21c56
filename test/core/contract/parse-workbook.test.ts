import { describe, expect, it } from 'vitest';
import type { CellValue, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { isKarnamehError } from '../../../functions/core/contract/errors.ts';
import type { ParseResult } from '../../../functions/core/contract/model.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { PROBLEM_CODES } from '../../../functions/core/contract/problems.ts';
import { TABS, type TabKey } from '../../../functions/core/contract/tabs.ts';
import {
  fromTabs,
  sampleTabs,
  sampleWorkbook,
  tab,
  withoutTab,
  workbook,
  type Rows,
} from '../../support/raw-workbooks.ts';
import { parse, where } from '../../support/parse-helpers.ts';

const FATAL_TABS: TabKey[] = ['settings', 'indicators', 'bands', 'agencies', 'scores'];

function expectWellFormed(result: ParseResult): void {
  for (const problem of result.problems) {
    expect(PROBLEM_CODES).toContain(problem.code);
    expect(problem.message).toMatch(/[\u0600-\u06FF]/);
    expect(problem.cell).toMatch(/^(|[A-Z]+[0-9]+|[0-9]+:[0-9]+)$/);
    expect(['error', 'warning']).toContain(problem.severity);
  }
  const { model } = result;
  for (const list of [
    model.indicators,
    model.bands,
    model.agencies,
    model.scores,
    model.recipients,
  ]) {
    expect(Array.isArray(list)).toBe(true);
  }
  for (const row of model.scores) expect(Object.getPrototypeOf(row.values)).toBe(Object.prototype);
}

describe('parseWorkbook', () => {
  it('parses the sample workbook without problems', () => {
    const result = parse(sampleWorkbook());
    expect(result.fatal).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.model.recipients.map((r) => r.email)).toEqual([
      'news@example.ir',
      'editor@example.ir',
    ]);
  });

  it('finds tabs by English key or Persian label in any spelling, ignoring unknown tabs', () => {
    const tabs = sampleTabs();
    const renamed: Record<string, Rows> = {
      'Notes (ignore me)': [['anything']],
      ' SETTINGS ': tabs['تنظیمات'] ?? [],
      'شاخص ها': tabs['شاخص‌ها'] ?? [],
      '\u200fسطوح\u200f': tabs['سطوح'] ?? [],
      'دستگاه ها': tabs['دستگاه‌ها'] ?? [],
      امتيازها: tabs['امتیازها'] ?? [], // Arabic yeh
      Recipients: tabs['گیرندگان'] ?? [],
      نتایج: [['old results']],
    };
    const result = parse(fromTabs(renamed));
    expect(result.problems).toEqual([]);
    expect(result.model).toEqual(parse(sampleWorkbook()).model);
  });

  it('reports problems under the tab title as written in the workbook', () => {
    const tabs = sampleTabs();
    const scores = tabs['امتیازها'] ?? [];
    scores.push(['1403-04', 'zzz', 1, 1, 1, 1, '']);
    delete tabs['امتیازها'];
    const result = parse(fromTabs({ ...tabs, 'امتیاز ها ': scores }));
    expect(where(result)).toEqual(['score.agency_unknown امتیاز ها !B7']);
  });

  it.each(FATAL_TABS)('is fatal when the %s tab is missing, and still gives a model', (key) => {
    const label = TABS[key].label;
    const result = parse(withoutTab(label));
    expect(result.fatal).toBe(true);
    expect(result.problems[0]).toEqual({
      code: 'tab.missing',
      severity: 'error',
      tab: label,
      cell: '',
      message: `برگه «${label}» در فایل نیست؛ برگه‌ای با نام «${label}» (یا ${key}) بسازید. بدون آن کارنامه محاسبه نمی‌شود.`,
    });
    expectWellFormed(result);
  });

  const requiredColumns = FATAL_TABS.flatMap((key) =>
    TABS[key].columns.filter((c) => c.required).map((c) => [key, c.key, c.label] as const),
  );

  it.each(requiredColumns)('is fatal when %s has no column %s', (key, column, label) => {
    const tabs = sampleTabs();
    const rows = tabs[TABS[key].label] ?? [];
    const header = rows[0] ?? [];
    const index = header.indexOf(label);
    expect(index).toBeGreaterThanOrEqual(0);
    header[index] = 'ستون دیگر';
    const result = parse(fromTabs(tabs));
    expect(result.fatal).toBe(true);
    const problem = result.problems.find((p) => p.code === 'header.missing');
    expect(problem).toEqual({
      code: 'header.missing',
      severity: 'error',
      tab: TABS[key].label,
      cell: '1:1',
      message: `ستون «${label}» در ردیف اول برگه «${TABS[key].label}» نیست؛ عنوان «${label}» (یا ${column}) را در ردیف اول بنویسید.`,
    });
    expectWellFormed(result);
  });

  it('reads English headers as well as Persian ones', () => {
    const english = fromTabs({
      settings: [
        ['KEY', 'Value'],
        ['province', 'ایلام'],
      ],
      indicators: [
        ['code', 'title', 'dimension', 'MAX', 'weight'],
        ['c1', 't', 'd', 10, 1],
      ],
      bands: [
        ['label', 'min'],
        ['low', 0],
        ['high', 50],
      ],
      agencies: [
        ['ID', 'name', 'group', 'active', 'email'],
        ['a1', 'n', 'g', 'no', ''],
      ],
      scores: [
        ['month', 'agency', 'c1', 'note'],
        ['1403-04', 'a1', 5, ''],
      ],
      recipients: [
        ['email', 'name', 'active'],
        ['x@example.ir', '', ''],
      ],
    });
    const result = parse(english);
    expect(result.problems).toEqual([]);
    expect(result.model.scores).toHaveLength(1);
    expect(result.model.agencies[0]?.active).toBe(false);
  });

  it('sorts problems by tab order of the contract, then row, then column', () => {
    const tabs = sampleTabs();
    (tabs['گیرندگان'] ?? []).push(['bad', '', '']);
    (tabs['امتیازها'] ?? []).push(
      ['1403-04', 'a02', 'x', 'y', '', '', ''],
      ['x', 'a01', 1, 1, 1, 1, ''],
    );
    (tabs['دستگاه‌ها'] ?? []).push(['a01', 'x', 'y', '', '']);
    (tabs['سطوح'] ?? []).push(['خوب', 70]);
    (tabs['تنظیمات'] ?? []).push(['top', 'x']); // a key given twice: reported at the key
    // Tabs in a different workbook order than the contract's.
    const reordered = Object.fromEntries(Object.entries(tabs).reverse());
    const result = parse(fromTabs(reordered));
    expect(where(result)).toEqual([
      'settings.invalid تنظیمات!A11',
      'band.invalid سطوح!A7',
      'agency.duplicate دستگاه‌ها!A7',
      'score.duplicate امتیازها!7:7',
      'score.month_invalid امتیازها!A8',
      'recipient.invalid گیرندگان!A4',
    ]);
  });

  it('throws a usage error only for a run month that is not canonical', () => {
    expect(() => parseWorkbook(sampleWorkbook(), { month: '1403-4' })).toThrowError(
      expect.objectContaining({ code: 'usage' }),
    );
    try {
      parseWorkbook(sampleWorkbook(), { month: 'x' });
    } catch (error) {
      expect(isKarnamehError(error)).toBe(true);
    }
  });
});

describe('garbage in', () => {
  const GARBAGE: unknown[] = [
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x","y")',
    '',
    '   ',
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308,
    -5,
    0,
    1,
    45483,
    true,
    false,
    new Date(Number.NaN),
    new Date(0),
    new Date('2024-07-10T12:00:00Z'),
    '۱۴۰۳/۰۴',
    'تیر',
    'ی'.repeat(5000),
    '\u202e\u200c\u200f',
    '__proto__',
    'constructor',
    'toString',
    'ش۱',
    'yes',
    'a@b.c',
    {},
    ['nested'],
  ];

  /** A deterministic stream of garbage cells. */
  function garbageRows(seed: number, rows: number, columns: number): CellValue[][] {
    let state = seed;
    const next = (): CellValue => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return GARBAGE[state % GARBAGE.length] as CellValue;
    };
    return Array.from({ length: rows }, () => Array.from({ length: columns }, next));
  }

  it('never throws with garbage in every cell and every title', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const raw = workbook(
        ...Array.from({ length: 8 }, (_, i) =>
          tab(String(garbageRows(seed + i, 1, 1)[0]?.[0]), garbageRows(seed * 7 + i, 12, 9)),
        ),
      );
      const result = parse(raw);
      expect(result.fatal).toBe(true);
      expectWellFormed(result);
    }
  });

  it('never throws with valid titles and headers but garbage in every data cell', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const tabs = sampleTabs();
      const raw = fromTabs(
        Object.fromEntries(
          Object.entries(tabs).map(([name, rows]) => [
            name,
            [rows[0] ?? [], ...garbageRows(seed, 20, (rows[0] ?? []).length + 1)],
          ]),
        ),
      );
      expectWellFormed(parse(raw));
    }
  });

  it('never throws with garbage headers', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const tabs = sampleTabs();
      const raw = fromTabs(
        Object.fromEntries(Object.entries(tabs).map(([name]) => [name, garbageRows(seed, 15, 8)])),
      );
      const result = parse(raw);
      expect(result.fatal).toBe(true);
      expectWellFormed(result);
    }
  });

  it('never throws on a malformed workbook structure', () => {
    const shapes = [
      { tabs: [] },
      { tabs: [{ name: 'تنظیمات', rows: [] }] },
      { tabs: [{ name: 'تنظیمات', rows: [null, 'x', 5, [['k']]] }] },
      { tabs: [null, 5, { name: 7, rows: [] }, { name: 'سطوح' }] },
      {},
      null,
    ] as unknown as RawWorkbook[];
    for (const raw of shapes) {
      const result = parse(raw);
      expect(result.fatal).toBe(true);
      expectWellFormed(result);
    }
  });

  it('keeps a __proto__ indicator code as an ordinary key', () => {
    const result = parse(
      sampleWorkbook({
        شاخص‌ها: [
          ['code', 'title', 'dimension', 'max'],
          ['__proto__', 't', 'd', 10],
        ],
        امتیازها: [
          ['month', 'agency', '__proto__'],
          ['1403-04', 'a01', 4],
        ],
        تنظیمات: [
          ['key', 'value'],
          ['province', 'x'],
        ],
      }),
    );
    const row = result.model.scores[0];
    expect(row && Object.hasOwn(row.values, '__proto__')).toBe(true);
    expect(row?.values['__proto__']).toBe(4);
    expect(Object.getPrototypeOf(row?.values)).toBe(Object.prototype);
  });
});
