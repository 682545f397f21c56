import { describe, expect, it } from 'vitest';
import {
  computeMonth,
  computeResults,
  computeSummary,
} from '../../../functions/core/figures/compute-summary.ts';
import type { Agency, Indicator, Model, ScoreRow } from '../../../functions/core/contract/model.ts';
import type { Problem } from '../../../functions/core/contract/problems.ts';
import { summarySchema, type GroupSummary } from '../../../functions/core/figures/summary.ts';
import {
  agency,
  DEFAULT_BANDS,
  DIMENSIONS,
  makeModel,
  plain,
  prng,
  rowMaker,
  shuffled,
} from '../../support/compute-summary-fixtures.ts';

const EXEC = 'دستگاه اجرایی';
const GOV = 'فرمانداری';
const [INFO = '', RESP = '', INNOV = ''] = DIMENSIONS;

const group = (summary: { groups: GroupSummary[] }, name: string): GroupSummary => {
  const found = summary.groups.find((g) => g.name === name);
  if (!found) throw new Error(`no group ${name}`);
  return found;
};

/**
 * The article's Ilam figures (seed/README.md): 100 executive agencies and 10 governorates,
 * Farvardin to Tir 1403, one indicator per dimension so each value is the agency's score.
 */
function articleModel(): Model {
  const named: Agency[] = [
    agency('e1', 'راهداری و حمل و نقل جاده‌ای', EXEC),
    agency('e2', 'برق', EXEC),
    agency('e3', 'بهزیستی', EXEC),
    agency('e4', 'تعاون، کار و رفاه اجتماعی', EXEC),
    agency('e5', 'صنعت، معدن و تجارت', EXEC),
  ];
  const exec = [
    ...named,
    ...Array.from({ length: 95 }, (_, k) => agency(`e${k + 6}`, `دستگاه ${k + 6}`, EXEC)),
  ];
  const counties = [
    'بدره',
    'دهلران',
    'چرداول',
    'ایلام',
    'آبدانان',
    'ایوان',
    'دره‌شهر',
    'ملکشاهی',
    'مهران',
    'سیروان',
  ];
  const gov = counties.map((name, k) => agency(`g${k + 1}`, name, GOV));
  const row = rowMaker();
  const scores: ScoreRow[] = [];
  // Generic scores per band; the named agencies get theirs fixed.
  const generic = [[5, 10, 15], [25, 30, 35], [45, 50, 55], [61, 62, 63], [85]];
  const fill = (
    month: string,
    agencies: Agency[],
    counts: number[],
    fixed: Record<string, number> = {},
  ): void => {
    const left = [...counts];
    for (const [id, score] of Object.entries(fixed)) {
      scores.push(row(month, id, plain(score)));
      const band = [...DEFAULT_BANDS].reverse().findIndex((b) => b.min <= score);
      const index = DEFAULT_BANDS.length - 1 - band;
      left[index] = (left[index] ?? 0) - 1;
    }
    const rest = agencies.filter((a) => !(a.id in fixed));
    let i = 0;
    left.forEach((n, b) => {
      for (let k = 0; k < n; k++) {
        const a = rest[i++];
        const options = generic[b] ?? [0];
        if (a) scores.push(row(month, a.id, plain(options[k % options.length] ?? 0)));
      }
    });
  };
  fill('1403-01', exec, [41, 50, 9, 0, 0]);
  fill('1403-02', exec, [45, 46, 9, 0, 0]);
  fill('1403-03', exec, [12, 44, 42, 2, 0], { e1: 66 });
  fill('1403-04', exec, [4, 37, 50, 9, 0], { e1: 78.5, e2: 78.5, e3: 75, e4: 75, e5: 70 });
  fill('1403-01', gov, [5, 5, 0, 0, 0]);
  fill('1403-02', gov, [6, 4, 0, 0, 0]);
  fill('1403-03', gov, [4, 5, 1, 0, 0]);
  fill('1403-04', gov, [0, 8, 2, 0, 0], { g1: 58, g2: 52, g3: 39 });
  return makeModel({ agencies: [...exec, ...gov], scores });
}

describe('the article month (Tir 1403)', () => {
  const summary = computeSummary(articleModel(), [], '1403-04', 'dry-run');
  const exec = group(summary, EXEC);
  const gov = group(summary, GOV);

  it('validates against the summary schema', () => {
    expect(summarySchema.parse(summary)).toEqual(summary);
  });

  it('names the month and the one before', () => {
    expect([summary.month, summary.monthName, summary.previousMonth, summary.status]).toEqual([
      '1403-04',
      'تیر ۱۴۰۳',
      '1403-03',
      'dry-run',
    ]);
    expect(summary.groups.map((g) => [g.name, g.evaluated])).toEqual([
      [EXEC, 100],
      [GOV, 10],
    ]);
  });

  it('reproduces the executive agencies band shares, this month and last', () => {
    expect(exec.bands.map((b) => b.percent)).toEqual([4, 37, 50, 9, 0]);
    expect(exec.previousBands?.map((b) => b.percent)).toEqual([12, 44, 42, 2, 0]);
    expect(exec.bands.map((b) => b.label)).toEqual(DEFAULT_BANDS.map((b) => b.label));
    expect([exec.weakShare, exec.previousWeakShare]).toEqual([41, 56]);
  });

  it('follows the weak share through the year', () => {
    expect(exec.history.map((h) => [h.month, h.weakShare])).toEqual([
      ['1403-01', 91],
      ['1403-02', 91],
      ['1403-03', 56],
      ['1403-04', 41],
    ]);
    expect(exec.history.at(-1)?.meanScore).toBe(exec.meanScore);
    expect(exec.history.at(-2)?.meanScore).toBe(exec.previousMeanScore);
  });

  it('has the governorates 10 points less weak than last month', () => {
    expect([gov.weakShare, gov.previousWeakShare]).toEqual([80, 90]);
  });

  it('has no agency ever in the top band', () => {
    expect(summary.topBandEver).toBe(0);
  });

  it('ranks with ties shared (dense) and tied names in Persian order', () => {
    expect(exec.ranking.slice(0, 5).map((r) => [r.rank, r.name, r.score, r.band])).toEqual([
      [1, 'برق', 78.5, 'خوب'],
      [1, 'راهداری و حمل و نقل جاده‌ای', 78.5, 'خوب'],
      [2, 'بهزیستی', 75, 'خوب'],
      [2, 'تعاون، کار و رفاه اجتماعی', 75, 'خوب'],
      [3, 'صنعت، معدن و تجارت', 70, 'خوب'],
    ]);
    expect(exec.ranking.find((r) => r.id === 'e1')?.previousScore).toBe(66);
    expect(gov.ranking.slice(0, 3).map((r) => [r.rank, r.name])).toEqual([
      [1, 'بدره'],
      [2, 'دهلران'],
      [3, 'چرداول'],
    ]);
    expect(exec.ranking).toHaveLength(100);
    expect(exec.notEvaluated).toEqual([]);
  });

  it('writes the whole governorates group', () => {
    expect({ ...gov, ranking: gov.ranking.slice(0, 4) }).toMatchInlineSnapshot(`
      {
        "bands": [
          {
            "count": 0,
            "label": "بسیار ضعیف",
            "percent": 0,
          },
          {
            "count": 8,
            "label": "ضعیف",
            "percent": 80,
          },
          {
            "count": 2,
            "label": "متوسط",
            "percent": 20,
          },
          {
            "count": 0,
            "label": "خوب",
            "percent": 0,
          },
          {
            "count": 0,
            "label": "بسیار خوب",
            "percent": 0,
          },
        ],
        "dimensions": [
          {
            "changePercent": 57,
            "mean": 35.4,
            "name": "اطلاع‌رسانی",
            "previousMean": 22.5,
          },
          {
            "changePercent": 57,
            "mean": 35.4,
            "name": "پاسخگویی",
            "previousMean": 22.5,
          },
          {
            "changePercent": 57,
            "mean": 35.4,
            "name": "نوآوری",
            "previousMean": 22.5,
          },
        ],
        "evaluated": 10,
        "headline": {
          "changePercent": 57,
          "dimensions": [
            "اطلاع‌رسانی",
            "پاسخگویی",
            "نوآوری",
          ],
          "mean": 35.4,
          "previousMean": 22.5,
        },
        "history": [
          {
            "meanScore": 19,
            "month": "1403-01",
            "weakShare": 100,
          },
          {
            "meanScore": 17.5,
            "month": "1403-02",
            "weakShare": 100,
          },
          {
            "meanScore": 22.5,
            "month": "1403-03",
            "weakShare": 90,
          },
          {
            "meanScore": 35.4,
            "month": "1403-04",
            "weakShare": 80,
          },
        ],
        "likeForLike": {
          "agencies": 10,
          "joined": [],
          "left": [],
          "meanScore": 35.4,
          "previousMeanScore": 22.5,
          "previousWeakShare": 90,
          "weakShare": 80,
        },
        "meanScore": 35.4,
        "name": "فرمانداری",
        "notEvaluated": [],
        "previousBands": [
          {
            "count": 4,
            "label": "بسیار ضعیف",
            "percent": 40,
          },
          {
            "count": 5,
            "label": "ضعیف",
            "percent": 50,
          },
          {
            "count": 1,
            "label": "متوسط",
            "percent": 10,
          },
          {
            "count": 0,
            "label": "خوب",
            "percent": 0,
          },
          {
            "count": 0,
            "label": "بسیار خوب",
            "percent": 0,
          },
        ],
        "previousMeanScore": 22.5,
        "previousWeakShare": 90,
        "ranking": [
          {
            "band": "متوسط",
            "id": "g1",
            "name": "بدره",
            "previousScore": 5,
            "previousStanding": 9,
            "rank": 1,
            "score": 58,
            "standing": 1,
          },
          {
            "band": "متوسط",
            "id": "g2",
            "name": "دهلران",
            "previousScore": 10,
            "previousStanding": 8,
            "rank": 2,
            "score": 52,
            "standing": 2,
          },
          {
            "band": "ضعیف",
            "id": "g3",
            "name": "چرداول",
            "previousScore": 15,
            "previousStanding": 7,
            "rank": 3,
            "score": 39,
            "standing": 3,
          },
          {
            "band": "ضعیف",
            "id": "g6",
            "name": "ایوان",
            "previousScore": 30,
            "previousStanding": 3,
            "rank": 4,
            "score": 35,
            "standing": 4,
          },
        ],
        "weakShare": 80,
      }
    `);
  });
});

describe('changes against the month before', () => {
  const indicators: Indicator[] = DIMENSIONS.map((dimension, i) => ({
    code: `i${i + 1}`,
    title: '',
    dimension,
    max: 100,
    weight: 1,
  }));
  const row = rowMaker();
  const agencies = [agency('a1', 'الف', EXEC), agency('a2', 'ب', EXEC)];
  const model = makeModel({
    agencies,
    indicators,
    settings: { headlineDimensions: [INFO, RESP] },
    scores: [
      // Khordad: info 40, resp 47.2, innov 0 (means); headline (40 + 47.2) / 2 = 43.6
      row('1403-03', 'a1', plain(30, 47.2, 0)),
      row('1403-03', 'a2', plain(50, 47.2, 0)),
      // Tir: info 50, resp 50.4, innov 10; headline 50.2: +15.14 %
      row('1403-04', 'a1', plain(50, 50.4, 10)),
      row('1403-04', 'a2', plain(50, 50.4, 10)),
    ],
  });
  const exec = group(computeSummary(model, [], '1403-04', 'sent'), EXEC);

  it('gives the headline change in whole percent', () => {
    expect(exec.headline).toEqual({
      dimensions: [INFO, RESP],
      mean: 50.2,
      previousMean: 43.6,
      changePercent: 15,
    });
  });

  it('gives every dimension its change, none from a previous 0', () => {
    expect(exec.dimensions).toEqual([
      { name: INFO, mean: 50, previousMean: 40, changePercent: 25 },
      { name: RESP, mean: 50.4, previousMean: 47.2, changePercent: 7 },
      { name: INNOV, mean: 10, previousMean: 0, changePercent: null },
    ]);
  });

  it('computes the mean score from the rounded agency scores', () => {
    // Tir scores: (50 + 50.4 + 10) / 3 = 36.8 each; Khordad: 25.73333 -> 25.73, 32.4
    expect([exec.meanScore, exec.previousMeanScore]).toEqual([36.8, 29.07]);
  });
});

describe('means of rounded values', () => {
  it('averages the published scores, not the unrounded ones', () => {
    const row = rowMaker();
    const model = makeModel({
      agencies: [agency('a1', 'الف', EXEC), agency('a2', 'ب', EXEC)],
      scores: [row('1403-04', 'a1', plain(1.0049)), row('1403-04', 'a2', plain(1.005))],
    });
    const exec = group(computeSummary(model, [], '1403-04', 'checked'), EXEC);
    // Published 1.00 and 1.01 average to 1.005 -> 1.01; the unrounded 1.00495 would give 1.00.
    expect(exec.ranking.map((r) => r.score)).toEqual([1.01, 1]);
    expect(exec.meanScore).toBe(1.01);
  });
});

describe('the year boundary', () => {
  const row = rowMaker();
  const agencies = [agency('a1', 'الف', EXEC), agency('a2', 'ب', EXEC), agency('g1', 'بدره', GOV)];
  const model = makeModel({
    agencies,
    scores: [
      row('1402-11', 'a1', plain(10)),
      row('1402-12', 'a1', plain(30)),
      row('1402-12', 'a2', plain(50)),
      row('1403-01', 'a1', plain(45)),
      row('1403-01', 'a2', plain(45)),
      row('1403-01', 'g1', plain(70)),
    ],
  });
  const summary = computeSummary(model, [], '1403-01', 'sent');
  const exec = group(summary, EXEC);
  const gov = group(summary, GOV);

  it('compares Farvardin 1403 with Esfand 1402', () => {
    expect(summary.previousMonth).toBe('1402-12');
    expect([exec.meanScore, exec.previousMeanScore]).toEqual([45, 40]);
    expect(exec.headline.changePercent).toBe(13);
    expect(exec.ranking.map((r) => [r.id, r.previousScore])).toEqual([
      ['a1', 30],
      ['a2', 50],
    ]);
    expect(exec.previousBands?.map((b) => b.count)).toEqual([0, 1, 1, 0, 0]);
  });

  it('keeps last year out of the history', () => {
    expect(exec.history).toEqual([{ month: '1403-01', weakShare: 0, meanScore: 45 }]);
  });

  it('has no previous figures for a group nobody in which was evaluated last month', () => {
    expect(gov.previousBands).toBeNull();
    expect(gov.previousWeakShare).toBeNull();
    expect(gov.previousMeanScore).toBeNull();
    expect(gov.headline.previousMean).toBeNull();
    expect(gov.headline.changePercent).toBeNull();
    expect(gov.dimensions.every((d) => d.previousMean === null)).toBe(true);
    expect(gov.ranking[0]?.previousScore).toBeNull();
  });

  it('has no previous month when nobody was evaluated in it', () => {
    const summary = computeSummary(model, [], '1402-11', 'sent');
    expect(summary.previousMonth).toBeNull();
    expect(group(summary, EXEC).previousBands).toBeNull();
  });
});

describe('history and the top band', () => {
  const row = rowMaker();
  const agencies = [
    agency('a1', 'الف', EXEC),
    agency('a2', 'ب', EXEC),
    agency('x1', 'غیرفعال', EXEC, false),
    agency('g1', 'بدره', GOV),
  ];
  const model = makeModel({
    agencies,
    scores: [
      row('1402-05', 'a1', plain(90)), // top band, last year: counts
      row('1403-01', 'a1', plain(85)), // top band
      row('1403-01', 'a2', plain(10)),
      row('1403-01', 'x1', plain(95)), // inactive: never counts
      row('1403-02', 'a1', plain(null)), // nobody evaluated in 02 in EXEC
      row('1403-02', 'g1', plain(15)),
      row('1403-03', 'a1', plain(80)), // top band (80 is its min)
      row('1403-03', 'a2', plain(79.99)),
      row('1403-04', 'a1', plain(99)), // after the run month: does not count
      row('1403-04', 'x1', plain(99)),
    ],
  });
  const summary = computeSummary(model, [], '1403-03', 'checked');

  it('counts agency-months in the top band up to the run month, active agencies only', () => {
    expect(summary.topBandEver).toBe(3);
  });

  it('lists only months with evaluated agencies in that group', () => {
    expect(group(summary, EXEC).history).toEqual([
      { month: '1403-01', weakShare: 50, meanScore: 47.5 },
      { month: '1403-03', weakShare: 0, meanScore: 80 },
    ]);
    expect(group(summary, GOV).history).toEqual([
      { month: '1403-02', weakShare: 100, meanScore: 15 },
    ]);
  });

  it('leaves inactive agencies out of rankings, counts and not-evaluated lists', () => {
    const s = computeSummary(model, [], '1403-01', 'checked');
    const exec = group(s, EXEC);
    expect(exec.evaluated).toBe(2);
    expect(exec.ranking.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(exec.meanScore).toBe(47.5);
    expect(exec.notEvaluated).toEqual([]);
    expect(s.topBandEver).toBe(2);
  });
});

describe('agencies not evaluated', () => {
  const row = rowMaker();
  const agencies = [
    agency('a3', 'پست', EXEC),
    agency('a1', 'برق', EXEC),
    agency('a2', 'گاز', EXEC),
    agency('a4', 'آب', EXEC),
    agency('a5', 'راه', EXEC, false),
  ];
  const model = makeModel({
    agencies,
    scores: [
      row('1403-04', 'a1', plain(50)),
      row('1403-04', 'a2', plain(50, null)),
      row('1403-04', 'a4', plain(50, 40, null)),
    ],
  });
  const problems: Problem[] = [
    {
      code: 'score.out_of_range',
      severity: 'error',
      tab: 'امتیازها',
      cell: 'D3',
      message: 'بیش از حداکثر',
      month: '1403-04',
      agencyId: 'a2',
    },
    {
      code: 'score.missing',
      severity: 'warning',
      tab: 'امتیازها',
      cell: 'D3',
      message: 'خالی',
      month: '1403-04',
      agencyId: 'a2',
    },
    { code: 'tab.missing', severity: 'error', tab: 'گیرندگان', cell: '', message: 'نیست' },
  ];
  const summary = computeSummary(model, problems, '1403-04', 'blocked');

  it('names them in the order of the agencies tab with the code of their first problem', () => {
    expect(group(summary, EXEC).notEvaluated).toEqual([
      { id: 'a3', name: 'پست', reason: 'agency.no_submission' },
      { id: 'a2', name: 'گاز', reason: 'score.out_of_range' },
      { id: 'a4', name: 'آب', reason: 'score.missing' },
    ]);
    expect(group(summary, EXEC).evaluated).toBe(1);
  });

  it('passes every problem on without its month and agency', () => {
    expect(summary.problems).toEqual([
      {
        code: 'score.out_of_range',
        severity: 'error',
        tab: 'امتیازها',
        cell: 'D3',
        message: 'بیش از حداکثر',
      },
      { code: 'score.missing', severity: 'warning', tab: 'امتیازها', cell: 'D3', message: 'خالی' },
      { code: 'tab.missing', severity: 'error', tab: 'گیرندگان', cell: '', message: 'نیست' },
    ]);
    expect(summarySchema.parse(summary)).toEqual(summary);
  });

  it('gives null figures, zero shares and no weak share to a group nobody was evaluated in', () => {
    const empty = computeSummary(model, problems, '1403-05', 'blocked');
    const exec = group(empty, EXEC);
    expect(exec.evaluated).toBe(0);
    expect(exec.meanScore).toBeNull();
    expect(exec.weakShare).toBeNull();
    expect(exec.bands.map((b) => b.percent)).toEqual([0, 0, 0, 0, 0]);
    expect(exec.headline.mean).toBeNull();
    expect(exec.dimensions.map((d) => d.mean)).toEqual([null, null, null]);
    expect(exec.ranking).toEqual([]);
    // The history still has the earlier months of the year.
    expect(exec.history).toEqual([{ month: '1403-04', weakShare: 0, meanScore: 50 }]);
    expect(exec.notEvaluated.map((a) => a.reason)).toEqual([
      'agency.no_submission',
      'agency.no_submission',
      'agency.no_submission',
      'agency.no_submission',
    ]);
    expect(summarySchema.parse(empty)).toEqual(empty);
  });
});

describe('the month results', () => {
  const row = rowMaker();
  const model = makeModel({
    agencies: [
      agency('a1', 'الف', EXEC),
      agency('a2', 'ب', EXEC),
      agency('a3', 'پ', EXEC),
      agency('a4', 'ت', EXEC),
      agency('g1', 'بدره', GOV),
    ],
    settings: { ranking: 'competition', headlineDimensions: [RESP] },
    scores: [
      row('1403-03', 'a1', plain(40)),
      row('1403-04', 'a1', plain(60, 70, 80)),
      row('1403-04', 'a2', plain(70)),
      row('1403-04', 'a3', plain(50)),
      row('1403-04', 'g1', plain(20)),
    ],
  });

  it('has each agency with its figures, or why it has none', () => {
    expect(computeMonth(model, '1403-04')).toMatchInlineSnapshot(`
      {
        "agencies": [
          {
            "band": "خوب",
            "bandIndex": 3,
            "dimensionScores": [
              60,
              70,
              80,
            ],
            "evaluated": true,
            "group": "دستگاه اجرایی",
            "headlineScore": 70,
            "id": "a1",
            "name": "الف",
            "previousScore": 40,
            "previousStanding": 1,
            "rank": 1,
            "score": 70,
            "standing": 1,
          },
          {
            "band": "خوب",
            "bandIndex": 3,
            "dimensionScores": [
              70,
              70,
              70,
            ],
            "evaluated": true,
            "group": "دستگاه اجرایی",
            "headlineScore": 70,
            "id": "a2",
            "name": "ب",
            "previousScore": null,
            "previousStanding": null,
            "rank": 1,
            "score": 70,
            "standing": 1,
          },
          {
            "band": "متوسط",
            "bandIndex": 2,
            "dimensionScores": [
              50,
              50,
              50,
            ],
            "evaluated": true,
            "group": "دستگاه اجرایی",
            "headlineScore": 50,
            "id": "a3",
            "name": "پ",
            "previousScore": null,
            "previousStanding": null,
            "rank": 3,
            "score": 50,
            "standing": 3,
          },
          {
            "evaluated": false,
            "group": "دستگاه اجرایی",
            "id": "a4",
            "name": "ت",
            "previousScore": null,
            "reason": "agency.no_submission",
          },
          {
            "band": "ضعیف",
            "bandIndex": 1,
            "dimensionScores": [
              20,
              20,
              20,
            ],
            "evaluated": true,
            "group": "فرمانداری",
            "headlineScore": 20,
            "id": "g1",
            "name": "بدره",
            "previousScore": null,
            "previousStanding": null,
            "rank": 1,
            "score": 20,
            "standing": 1,
          },
        ],
        "dimensions": [
          "اطلاع‌رسانی",
          "پاسخگویی",
          "نوآوری",
        ],
        "groups": [
          {
            "name": "دستگاه اجرایی",
            "notEvaluated": [
              {
                "evaluated": false,
                "group": "دستگاه اجرایی",
                "id": "a4",
                "name": "ت",
                "previousScore": null,
                "reason": "agency.no_submission",
              },
            ],
            "ranking": [
              {
                "band": "خوب",
                "bandIndex": 3,
                "dimensionScores": [
                  60,
                  70,
                  80,
                ],
                "evaluated": true,
                "group": "دستگاه اجرایی",
                "headlineScore": 70,
                "id": "a1",
                "name": "الف",
                "previousScore": 40,
                "previousStanding": 1,
                "rank": 1,
                "score": 70,
                "standing": 1,
              },
              {
                "band": "خوب",
                "bandIndex": 3,
                "dimensionScores": [
                  70,
                  70,
                  70,
                ],
                "evaluated": true,
                "group": "دستگاه اجرایی",
                "headlineScore": 70,
                "id": "a2",
                "name": "ب",
                "previousScore": null,
                "previousStanding": null,
                "rank": 1,
                "score": 70,
                "standing": 1,
              },
              {
                "band": "متوسط",
                "bandIndex": 2,
                "dimensionScores": [
                  50,
                  50,
                  50,
                ],
                "evaluated": true,
                "group": "دستگاه اجرایی",
                "headlineScore": 50,
                "id": "a3",
                "name": "پ",
                "previousScore": null,
                "previousStanding": null,
                "rank": 3,
                "score": 50,
                "standing": 3,
              },
            ],
          },
          {
            "name": "فرمانداری",
            "notEvaluated": [],
            "ranking": [
              {
                "band": "ضعیف",
                "bandIndex": 1,
                "dimensionScores": [
                  20,
                  20,
                  20,
                ],
                "evaluated": true,
                "group": "فرمانداری",
                "headlineScore": 20,
                "id": "g1",
                "name": "بدره",
                "previousScore": null,
                "previousStanding": null,
                "rank": 1,
                "score": 20,
                "standing": 1,
              },
            ],
          },
        ],
        "headlineDimensions": [
          "پاسخگویی",
        ],
        "month": "1403-04",
        "previousMonth": "1403-03",
      }
    `);
  });

  it('is what computeResults returns with the summary', () => {
    const both = computeResults(model, [], '1403-04', 'sent');
    expect(both.month).toEqual(computeMonth(model, '1403-04'));
    expect(both.summary).toEqual(computeSummary(model, [], '1403-04', 'sent'));
  });
});

describe('independence from row order', () => {
  it('gives the same summary whatever the order of the score rows', () => {
    const model = articleModel();
    const problems: Problem[] = [];
    const expected = computeSummary(model, problems, '1403-04', 'sent');
    for (const seed of [1, 2, 3]) {
      const reordered = { ...model, scores: shuffled(model.scores, seed) };
      expect(computeSummary(reordered, problems, '1403-04', 'sent')).toEqual(expected);
      expect(computeMonth(reordered, '1403-04')).toEqual(computeMonth(model, '1403-04'));
    }
  });
});

describe('a large workbook', () => {
  it('computes 2,000 agencies × 24 months × 20 indicators (2 years of history) with every agency counted once', () => {
    const random = prng(5);
    const indicators: Indicator[] = Array.from({ length: 20 }, (_, i) => ({
      code: `i${i + 1}`,
      title: '',
      dimension: DIMENSIONS[i % 3] ?? '',
      max: [10, 5, 7.5, 3][i % 4] ?? 10,
      weight: [1, 2, 1.5][i % 3] ?? 1,
    }));
    const agencies = Array.from({ length: 2000 }, (_, i) =>
      agency(`a${i}`, `دستگاه ${i}`, i % 5 === 0 ? GOV : EXEC, i % 97 !== 0),
    );
    const row = rowMaker();
    const scores: ScoreRow[] = [];
    for (const year of [1402, 1403])
      for (let m = 1; m <= 12; m++)
        for (const a of agencies) {
          const values: Record<string, number | null> = {};
          for (const ind of indicators) values[ind.code] = Math.round(random() * ind.max * 2) / 2;
          if (random() < 0.01) values.i3 = null;
          scores.push(row(`${year}-${String(m).padStart(2, '0')}`, a.id, values));
        }
    const model = makeModel({ agencies, indicators, scores });
    const summary = computeSummary(model, [], '1403-12', 'checked');
    expect(summary.groups.reduce((n, g) => n + g.evaluated + g.notEvaluated.length, 0)).toBe(
      agencies.filter((a) => a.active).length,
    );
    expect(summary.groups[0]?.history).toHaveLength(12);
  });
});
