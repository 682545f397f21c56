import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import type { Problem } from '../../../functions/core/contract/problems.ts';
import {
  editCell,
  sampleTabs,
  sampleWorkbook,
  withRows,
  type Rows,
} from '../../support/raw-workbooks.ts';
import { expectPersian, one, parse, where } from '../../support/parse-helpers.ts';

const TAB = 'امتیازها';
const AGENCIES = 'دستگاه‌ها';

function scoreRows(): Rows {
  return sampleTabs()[TAB] ?? [];
}

describe('scores', () => {
  it('reads the sample rows with their values and notes', () => {
    const { model, problems } = parse(sampleWorkbook());
    expect(problems).toEqual([]);
    expect(model.scores.map((s) => [s.month, s.agencyId, s.rowIndex, s.note])).toEqual([
      ['1403-03', 'a01', 1, null],
      ['1403-04', 'a01', 2, 'کامل'],
      ['1403-04', 'a02', 3, null],
      ['1403-04', 'f01', 4, null],
      ['1403-04', 'f02', 5, null],
    ]);
    expect(model.scores[2]?.values).toEqual({ ش۱: 7.5, ش۲: 4, ش۳: 3, ش۴: 1 });
  });

  it('reads months in every accepted form and agencies by id or normalized name', () => {
    const result = parse(
      withRows(
        TAB,
        ['۱۴۰۳/۲', ' A01 ', 1, 1, 1, 1, ''],
        ['فروردين 1403', 'اداره كل  برق', 2, 2, 2, 2, ''],
        [new Date('2024-01-10T12:00:00Z'), 'a02', 3, 3, 3, 3, ''],
        [45270, 'a02', 4, 4, 4, 4, ''],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.scores.slice(-4).map((s) => [s.month, s.agencyId])).toEqual([
      ['1403-02', 'a01'],
      ['1403-01', 'a01'],
      ['1402-10', 'a02'],
      ['1402-09', 'a02'],
    ]);
  });

  it('finds columns in any order by English or Persian headers, ignoring unknown columns', () => {
    const result = parse(
      sampleWorkbook({
        [TAB]: [
          ['Note', 'ش4', 'extra', 'ش ۳', 'AGENCY', 'ش٢', 'Month', 'ش۱'],
          ['خوب', 5, 'x', 10, 'a01', 9, '1403-04', 8],
          [null, 1, 'x', 3, 'a02', 4, '1403-04', 7],
          [null, 2, null, 2, 'f01', 2, '1403-04', 2],
          [null, 5, null, 10, 'f02', 10, '1403-04', 10],
        ],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.model.scores[0]).toEqual({
      month: '1403-04',
      agencyId: 'a01',
      values: { ش۱: 8, ش۲: 9, ش۳: 10, ش۴: 5 },
      note: 'خوب',
      rowIndex: 1,
    });
  });

  it.each<[string, number, CellValue, Partial<Problem>]>([
    [
      'a month that cannot be read',
      0,
      '1403-13',
      {
        code: 'score.month_invalid',
        cell: 'A4',
        message: 'ماه «1403-13» خوانده نشد؛ ماه را مانند ۱۴۰۳-۰۴ یا «تیر ۱۴۰۳» بنویسید.',
        agencyId: 'a02',
      },
    ],
    [
      'a blank month',
      0,
      ' ',
      {
        code: 'score.month_invalid',
        cell: 'A4',
        message: 'ماه خالی است؛ ماه را مانند ۱۴۰۳-۰۴ یا «تیر ۱۴۰۳» بنویسید.',
      },
    ],
    [
      'an unknown agency',
      1,
      'a99',
      {
        code: 'score.agency_unknown',
        cell: 'B4',
        message:
          'دستگاه «a99» در برگه «دستگاه‌ها» نیست؛ شناسه یا نام دستگاه را همان‌طور که در آن برگه آمده بنویسید.',
        month: '1403-04',
      },
    ],
    [
      'a blank agency',
      1,
      null,
      {
        code: 'score.agency_unknown',
        cell: 'B4',
        message:
          'دستگاه خالی است؛ شناسه یا نام دستگاه را همان‌طور که در برگه «دستگاه‌ها» آمده بنویسید.',
      },
    ],
    [
      'a word in a score cell',
      4,
      'خوب',
      {
        code: 'score.not_number',
        cell: 'E4',
        message: 'امتیاز شاخص ش۳ باید عددی بین ۰ تا ۱۰ باشد؛ «خوب» عدد نیست.',
        month: '1403-04',
        agencyId: 'a02',
      },
    ],
    [
      'a number written in letters (asked in digits, never «not a number»)',
      4,
      'ده',
      {
        code: 'score.not_number',
        cell: 'E4',
        message: 'امتیاز شاخص ش۳ با حروف نوشته شده است («ده»)؛ با رقم بنویسید: عددی از ۰ تا ۱۰.',
        month: '1403-04',
        agencyId: 'a02',
      },
    ],
    [
      'a number in letters over the maximum (the maximum said too)',
      4,
      'دوازده',
      {
        code: 'score.not_number',
        cell: 'E4',
        message:
          'امتیاز شاخص ش۳ با حروف نوشته شده است («دوازده»)؛ با رقم بنویسید: عددی از ۰ تا ۱۰. «دوازده» یعنی ۱۲، که از حداکثر امتیاز این شاخص (۱۰) بیشتر است.',
        month: '1403-04',
        agencyId: 'a02',
      },
    ],
    [
      'a score above max',
      5,
      '۶',
      {
        code: 'score.out_of_range',
        cell: 'F4',
        message: 'امتیاز شاخص ش۴ باید عددی بین ۰ تا ۵ باشد؛ «۶» بیرون از این بازه است.',
        month: '1403-04',
        agencyId: 'a02',
      },
    ],
    [
      'a negative score',
      2,
      -1,
      {
        code: 'score.out_of_range',
        cell: 'C4',
        message: 'امتیاز شاخص ش۱ باید عددی بین ۰ تا ۱۰ باشد؛ «-1» بیرون از این بازه است.',
      },
    ],
    [
      'a blank score',
      3,
      '',
      {
        code: 'score.missing',
        severity: 'warning',
        cell: 'D4',
        message: 'امتیاز شاخص ش۲ برای دستگاه «اداره کل بهزیستی» در تیر ۱۴۰۳ هنوز وارد نشده است.',
        month: '1403-04',
        agencyId: 'a02',
      },
    ],
  ])('%s is reported at its cell with a Persian message', (_what, column, value, expected) => {
    const result = parse(editCell(TAB, 3, column, value));
    const problem = one(result, expected.code ?? 'tab.missing');
    expect(problem).toMatchObject({ tab: TAB, severity: 'error', ...expected });
    expectPersian(problem.message);
    expect(result.fatal).toBe(false);
  });

  it('skips a row whose month or agency cannot be read; the agency then has no submission', () => {
    const result = parse(editCell(TAB, 3, 0, 'دیروز'));
    expect(where(result)).toEqual([
      `agency.no_submission ${AGENCIES}!A3`,
      `score.month_invalid ${TAB}!A4`,
    ]);
    expect(result.model.scores.map((s) => s.agencyId)).toEqual(['a01', 'a01', 'f01', 'f02']);
  });

  it('keeps invalid and blank cells as null in the row', () => {
    const tabs = sampleTabs();
    const rows = tabs[TAB] ?? [];
    rows[3] = ['1403-04', 'a02', 'ده', null, 11, '۲٫۵', ''];
    const result = parse(sampleWorkbook(tabs));
    expect(result.model.scores.find((s) => s.agencyId === 'a02')?.values).toEqual({
      ش۱: null,
      ش۲: null,
      ش۳: null,
      ش۴: 2.5,
    });
    expect(where(result)).toEqual([
      `score.not_number ${TAB}!C4`,
      `score.missing ${TAB}!D4`,
      `score.out_of_range ${TAB}!E4`,
    ]);
  });

  it('reports one score.missing per row, at the first blank cell, listing every blank indicator', () => {
    const result = parse(editCell(TAB, 3, 2, null));
    const tabs = sampleTabs();
    const rows = tabs[TAB] ?? [];
    rows[3] = ['1403-04', 'a02', 1, '', 3, '  ', ''];
    rows[4] = ['1403-04', 'f01', '', '', '', '', ''];
    const many = parse(sampleWorkbook(tabs));
    expect(where(many)).toEqual([`score.missing ${TAB}!D4`, `score.missing ${TAB}!C5`]);
    expect(many.problems[0]?.message).toBe(
      'امتیاز شاخص‌های ش۲ و ش۴ برای دستگاه «اداره کل بهزیستی» در تیر ۱۴۰۳ هنوز وارد نشده است.',
    );
    expect(many.problems[1]?.message).toBe(
      'امتیاز شاخص‌های ش۱، ش۲، ش۳ و ش۴ برای دستگاه «فرمانداری بدره» در تیر ۱۴۰۳ هنوز وارد نشده است.',
    );
    expect(where(result)).toEqual([`score.missing ${TAB}!C4`]);
  });

  it('gives an inactive agency no score.missing, but still reports its other problems', () => {
    const result = parse(withRows(TAB, ['1403-04', 'a03', '', 'x', '', '', '']));
    expect(where(result)).toEqual([`score.not_number ${TAB}!D7`]);
    expect(result.model.scores.at(-1)?.agencyId).toBe('a03');
  });

  it('reports a second row for the same agency and month on the later row; the first in sheet order counts', () => {
    const result = parse(withRows(TAB, ['تیر ۱۴۰۳', 'اداره کل برق', 0, 0, 0, 0, 'دوباره']));
    const problem = one(result, 'score.duplicate');
    expect(problem).toEqual({
      code: 'score.duplicate',
      severity: 'error',
      tab: TAB,
      cell: '7:7',
      message:
        'برای دستگاه «اداره کل برق» در تیر ۱۴۰۳ دو ردیف هست؛ ردیف ۳ به کار می‌رود و این ردیف نادیده گرفته می‌شود. یکی را پاک کنید.',
      month: '1403-04',
      agencyId: 'a01',
    });
    const a01 = result.model.scores.filter((s) => s.agencyId === 'a01' && s.month === '1403-04');
    expect(a01.map((s) => s.rowIndex)).toEqual([2]);
  });

  it('does not check the values of a duplicate row', () => {
    const result = parse(withRows(TAB, ['1403-04', 'a01', 'x', 99, '', '', '']));
    expect(where(result)).toEqual([`score.duplicate ${TAB}!7:7`]);
  });

  it('points to an agency whose name is shared by two agencies', () => {
    const result = parse(
      sampleWorkbook({
        [AGENCIES]: [
          ['id', 'name', 'group'],
          ['a01', 'برق', 'g'],
          ['a02', 'برق ', 'g'],
        ],
        [TAB]: [
          ['month', 'agency', 'ش۱', 'ش۲', 'ش۳', 'ش۴'],
          ['1403-04', 'برق', 1, 1, 1, 1],
          ['1403-04', 'a02', 1, 1, 1, 1],
        ],
      }),
    );
    const problem = one(result, 'score.agency_unknown');
    expect(problem.message).toBe(
      'نام «برق» به بیش از یک دستگاه می‌خورد؛ به‌جای نام، شناسه دستگاه را بنویسید.',
    );
    expect(where(result)).toEqual([
      `agency.no_submission ${AGENCIES}!A2`,
      `score.agency_unknown ${TAB}!B2`,
    ]);
  });

  it('reports an indicator without a column once (not fatal); every row then misses it', () => {
    const tabs = sampleTabs();
    const header = tabs[TAB]?.[0];
    if (header) header[5] = 'ش۵';
    const result = parse(sampleWorkbook(tabs));
    expect(result.fatal).toBe(false);
    expect(where(result)).toEqual([
      `header.missing ${TAB}!1:1`,
      `score.missing ${TAB}!2:2`,
      `score.missing ${TAB}!3:3`,
      `score.missing ${TAB}!4:4`,
      `score.missing ${TAB}!5:5`,
      `score.missing ${TAB}!6:6`,
    ]);
    expect(result.problems[0]?.message).toBe(
      'ستون شاخص ش۴ در ردیف اول برگه «امتیازها» نیست؛ ستونی با عنوان «ش۴» بسازید تا امتیازهای این شاخص خوانده شود.',
    );
    expect(result.model.scores[0]?.values['ش۴']).toBeNull();
  });

  it('does not depend on row order, except for which duplicate counts', () => {
    const rows = scoreRows();
    const [header, ...data] = rows;
    const shuffled = [header ?? [], [], ...[...data].reverse(), [null, '  ']];
    const forward = parse(sampleWorkbook());
    const backward = parse(sampleWorkbook({ [TAB]: shuffled }));
    const key = (s: { month: string; agencyId: string; values: object }) =>
      JSON.stringify([s.month, s.agencyId, s.values]);
    expect(backward.model.scores.map(key).sort()).toEqual(forward.model.scores.map(key).sort());
    expect(backward.problems).toEqual([]);
  });

  it('skips blank rows, and rows with something only in a column the contract does not know', () => {
    const rows = scoreRows().map((row, i) => [...row, i === 0 ? 'یادداشت منشی' : null]);
    rows.splice(2, 0, [null, '', '  ', null, null, null, null, 'پیگیری شود'], [], ['\u200c']);
    const result = parse(sampleWorkbook({ [TAB]: rows }));
    expect(result.problems).toEqual([]);
    expect(result.model.scores).toHaveLength(5);
  });

  it('keeps the score tab usable when a value is markup or a formula', () => {
    const result = parse(editCell(TAB, 2, 6, '=HYPERLINK("http://evil")<script>'));
    expect(result.problems).toEqual([]);
    expect(result.model.scores[1]?.note).toBe('=HYPERLINK("http://evil")<script>');
  });
});
