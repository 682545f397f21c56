import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { computeMonth } from '../../../functions/core/figures/compute-summary.ts';
import { resultsHeader, resultsTabRows } from '../../../functions/core/runs/results-tab.ts';
import {
  DIMENSIONS,
  agency,
  makeModel,
  plain,
  rowMaker,
} from '../../support/compute-summary-fixtures.ts';

const row = rowMaker();
const model = makeModel({
  agencies: [
    agency('a1', 'الف', 'دستگاه اجرایی'),
    agency('a2', 'ب', 'دستگاه اجرایی'),
    agency('f1', 'بدره', 'فرمانداری'),
  ],
  scores: [
    row('1403-03', 'a1', plain(50)),
    row('1403-04', 'a1', plain(70, 60, 50)),
    row('1403-04', 'a2', plain(40, null, 10)),
    row('1403-04', 'f1', plain(30)),
  ],
});
const tir = computeMonth(model, '1403-04', [
  {
    code: 'score.missing',
    severity: 'warning',
    tab: 'امتیازها',
    cell: 'D3',
    message: '',
    month: '1403-04',
    agencyId: 'a2',
  },
]);

describe('the results tab', () => {
  it('has the fixed columns, one per dimension, then previous score, status and run id', () => {
    expect(resultsHeader(DIMENSIONS)).toEqual([
      'ماه',
      'گروه',
      'رتبه',
      'شناسه',
      'دستگاه',
      'امتیاز',
      'سطح',
      ...DIMENSIONS,
      'امتیاز ماه قبل',
      'وضعیت',
      'شناسه اجرا',
    ]);
  });

  it("holds each group's ranking, then its agencies not evaluated with the reason", () => {
    const [, ...rows] = resultsTabRows(undefined, tir, 'r-1');
    expect(rows).toEqual([
      ['1403-04', 'دستگاه اجرایی', 1, 'a1', 'الف', 60, 'خوب', 70, 60, 50, 50, 'ارزیابی شد', 'r-1'],
      [
        '1403-04',
        'دستگاه اجرایی',
        null,
        'a2',
        'ب',
        null,
        null,
        null,
        null,
        null,
        null,
        expect.stringMatching(/^ارزیابی نشد: .+ \(score\.missing\)$/),
        'r-1',
      ],
      ['1403-04', 'فرمانداری', 1, 'f1', 'بدره', 30, 'ضعیف', 30, 30, 30, null, 'ارزیابی شد', 'r-1'],
    ]);
  });

  it("replaces only the run month's rows, keeps the others in place, in month order", () => {
    const other = (month: string, id: string): CellValue[] => [
      month,
      'دستگاه اجرایی',
      1,
      id,
      id,
      1,
      'x',
    ];
    const existing = {
      name: 'نتایج',
      rows: [
        resultsHeader(DIMENSIONS),
        other('1403-02', 'old-feb'),
        other('1403-04', 'stale-tir'),
        other('1403-04', 'stale-tir-2'),
        other('1403-05', 'old-may'),
        [],
      ],
    };
    const months = resultsTabRows(existing, tir, 'r-2')
      .slice(1)
      .map((r) => `${String(r[0])} ${String(r[3])}`);
    expect(months).toEqual([
      '1403-02 old-feb',
      '1403-04 a1',
      '1403-04 a2',
      '1403-04 f1',
      '1403-05 old-may',
    ]);
  });

  it('finds the month column by its header wherever it stands, and reads Persian month forms', () => {
    const existing = {
      name: 'نتایج',
      rows: [
        ['شناسه', 'month'],
        ['x', '۱۴۰۳/۰۴'],
        ['y', 'خرداد ۱۴۰۳'],
      ],
    };
    const rows = resultsTabRows(existing, tir, 'r-3').slice(1);
    expect(rows[0]).toEqual(['y', 'خرداد ۱۴۰۳']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['a1', 'a2', 'f1']);
  });
});
