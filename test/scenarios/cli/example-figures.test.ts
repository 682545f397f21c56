import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupSummary, Summary } from '../../../functions/core/figures/summary.ts';
import { summarySchema } from '../../../functions/core/figures/summary.ts';
import { EXAMPLE, karnameh, scratch } from '../../support/cli-harness.ts';

/** The article's figures (../shared/seed/README.md), from the bundled example's Tir run. */
describe('karnameh run --dry-run --json on examples/ilam-1403.xlsx for Tir 1403', () => {
  let summary: Summary;
  let agencies: GroupSummary;
  let governorates: GroupSummary;

  beforeAll(async () => {
    const box = await scratch();
    const run = await karnameh([
      'run',
      '--workbook',
      EXAMPLE,
      '--month',
      '1403-04',
      '--dry-run',
      '--json',
      '--outbox',
      box.outbox,
    ]);
    await box.cleanup();
    expect(run.code, run.stderr).toBe(0);
    summary = summarySchema.parse(run.summary());
    const byName = (name: string): GroupSummary => {
      const group = summary.groups.find((g) => g.name === name);
      if (!group) throw new Error(`no group ${name}`);
      return group;
    };
    agencies = byName('دستگاه اجرایی');
    governorates = byName('فرمانداری');
  });

  const percents = (bands: GroupSummary['bands'] | null) => bands?.map((b) => b.percent);

  it('is the dry run of Tir, compared with Khordad', () => {
    expect(summary).toMatchObject({
      month: '1403-04',
      monthName: 'تیر ۱۴۰۳',
      previousMonth: '1403-03',
      status: 'dry-run',
    });
    expect(summary.groups.map((g) => g.name)).toEqual(['دستگاه اجرایی', 'فرمانداری']);
  });

  it('has the executive agencies at 4/37/50/9/0 % in Tir', () => {
    expect(agencies.bands.map((b) => b.label)).toEqual([
      'بسیار ضعیف',
      'ضعیف',
      'متوسط',
      'خوب',
      'بسیار خوب',
    ]);
    expect(percents(agencies.bands)).toEqual([4, 37, 50, 9, 0]);
    expect(agencies.evaluated).toBe(100);
  });

  it('has them at 12/44/42/2/0 % in Khordad', () => {
    expect(percents(agencies.previousBands)).toEqual([12, 44, 42, 2, 0]);
  });

  it('has a weak share of 91 % in Farvardin and Ordibehesht and 41 % in Tir', () => {
    expect(agencies.history.map((h) => [h.month, h.weakShare])).toEqual([
      ['1403-01', 91],
      ['1403-02', 91],
      ['1403-03', 56],
      ['1403-04', 41],
    ]);
    expect(agencies.weakShare).toBe(41);
  });

  it('has the information + responsiveness score up 15 %', () => {
    expect(agencies.headline.dimensions).toEqual(['اطلاع‌رسانی', 'پاسخگویی']);
    expect(agencies.headline.changePercent).toBe(15);
  });

  it('has the governorates 80 % weak after 90 %', () => {
    expect(governorates.weakShare).toBe(80);
    expect(governorates.previousWeakShare).toBe(90);
  });

  it('has nobody ever in the top band', () => {
    expect(summary.topBandEver).toBe(0);
    for (const g of summary.groups) expect(g.bands.at(-1)?.count).toBe(0);
  });

  it('ranks the executive agencies with the article ties (dense 1, 1, 2, 2, 3)', () => {
    const top = agencies.ranking.filter((r) => r.rank <= 3).map((r) => [r.rank, r.name]);
    expect(top).toHaveLength(5);
    const at = (rank: number) => top.filter(([r]) => r === rank).map(([, n]) => n);
    expect(at(1)).toEqual([
      expect.stringContaining('راهداری و حمل و نقل جاده‌ای'),
      expect.stringContaining('برق'),
    ]);
    expect(at(2)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('بهزیستی'),
        expect.stringContaining('تعاون، کار و رفاه اجتماعی'),
      ]),
    );
    expect(at(3)).toEqual([expect.stringContaining('صنعت، معدن و تجارت')]);
    const first = agencies.ranking.filter((r) => r.rank === 1);
    expect(first[0]?.score).toBe(first[1]?.score);
  });

  it('ranks the governorates Badreh, Dehloran, Chardavol', () => {
    expect(governorates.ranking.slice(0, 3).map((r) => [r.rank, r.name])).toEqual([
      [1, 'فرمانداری بدره'],
      [2, 'فرمانداری دهلران'],
      [3, 'فرمانداری چرداول'],
    ]);
  });

  it('finds nothing wrong in the example and leaves no active agency out', () => {
    expect(summary.problems).toEqual([]);
    for (const g of summary.groups) expect(g.notEvaluated).toEqual([]);
  });
});
