import { describe, expect, it } from 'vitest';
import {
  createScoreCalculator,
  headlineDimensionsOf,
  ScoreBook,
  weightedScore,
} from '../../../functions/core/figures/agency-scores.ts';
import { KarnamehError } from '../../../functions/core/contract/errors.ts';
import type { Indicator } from '../../../functions/core/contract/model.ts';
import type { Problem } from '../../../functions/core/contract/problems.ts';
import {
  agency,
  DIMENSIONS,
  makeModel,
  plain,
  prng,
  rowMaker,
  settings,
} from '../../support/compute-summary-fixtures.ts';

const [INFO = '', RESP = '', INNOV = ''] = DIMENSIONS;

const ind = (code: string, dimension: string, max: number, weight = 1): Indicator => ({
  code,
  title: code,
  dimension,
  max,
  weight,
});

const calculatorFor = (indicators: Indicator[], headline: string[] | null = null) =>
  createScoreCalculator({
    settings: settings({ headlineDimensions: headline }),
    dimensions: [...new Set(indicators.map((i) => i.dimension))],
    indicators,
  });

describe('an agency score', () => {
  it.each([
    // [indicators, values, score]
    ['equal weights', [ind('a', INFO, 10), ind('b', INFO, 20)], { a: 5, b: 20 }, 75],
    ['weights', [ind('a', INFO, 10, 1), ind('b', INFO, 20, 3)], { a: 10, b: 0 }, 25],
    ['weights the other way', [ind('a', INFO, 10, 1), ind('b', INFO, 20, 3)], { a: 0, b: 20 }, 75],
    ['decimal weights', [ind('a', INFO, 1, 0.1), ind('b', INFO, 1, 0.2)], { a: 1, b: 0.5 }, 66.67],
    ['87.125 rounds up', [ind('a', INFO, 1000)], { a: 871.25 }, 87.13],
    ['1.005 rounds up (floats say 1.00)', [ind('a', INFO, 100)], { a: 1.005 }, 1.01],
    ['0.005 rounds up', [ind('a', INFO, 100)], { a: 0.005 }, 0.01],
    [
      'a max of 7.5 and Persian-style 37.5',
      [ind('a', INFO, 7.5), ind('b', RESP, 50)],
      { a: 2.5, b: 37.5 },
      54.17,
    ],
    ['thirds', [ind('a', INFO, 3)], { a: 1 }, 33.33],
    ['two thirds', [ind('a', INFO, 3)], { a: 2 }, 66.67],
  ] as const)('%s', (_, indicators, values, score) => {
    expect(weightedScore(indicators, values)).toBe(score);
    expect(calculatorFor([...indicators]).scores(values)?.score).toBe(score);
  });

  it('is not computed while a value is missing', () => {
    const calc = calculatorFor([ind('a', INFO, 10), ind('b', RESP, 10)]);
    expect(calc.scores({ a: 5, b: null })).toBeNull();
    expect(calc.scores({ a: 5 })).toBeNull();
    expect(calc.scores({ a: 5, b: Number.NaN })).toBeNull();
    expect(weightedScore([ind('a', INFO, 10)], { a: null })).toBeNull();
  });

  it('scores dimensions and the headline over their own indicators', () => {
    const indicators = [
      ind('a', INFO, 10, 2),
      ind('b', INFO, 10, 1),
      ind('c', RESP, 5),
      ind('d', INNOV, 4),
    ];
    const values = { a: 10, b: 4, c: 1, d: 1 };
    const all = calculatorFor(indicators).scores(values);
    expect(all).toEqual({
      // (2×1 + 1×0.4 + 0.2 + 0.25) / 5 = 0.57
      score: 57,
      headlineScore: 57,
      // info (2 + 0.4) / 3 = 80; resp 20; innov 25
      dimensionScores: [80, 20, 25],
    });
    const headline = calculatorFor(indicators, [RESP, INNOV]).scores(values);
    // (0.2 + 0.25) / 2 = 22.5
    expect(headline?.headlineScore).toBe(22.5);
    expect(headline?.score).toBe(57);
    expect(weightedScore(indicators.slice(2), values)).toBe(22.5);
  });

  it('needs indicators, with max and weight above 0', () => {
    expect(() => calculatorFor([])).toThrow(KarnamehError);
    expect(() => calculatorFor([ind('a', INFO, 0)])).toThrow(KarnamehError);
    expect(() => calculatorFor([ind('a', INFO, 10, 0)])).toThrow(KarnamehError);
  });
});

describe('the headline dimensions', () => {
  it.each([
    [null, DIMENSIONS],
    [
      [RESP, INFO],
      [RESP, INFO],
    ],
    [[INFO, 'ناشناخته'], [INFO]],
    [['ناشناخته'], DIMENSIONS],
    [[], DIMENSIONS],
    [[INNOV, INNOV], [INNOV]],
  ])('%j gives %j', (wanted, expected) => {
    expect(
      headlineDimensionsOf({
        settings: settings({ headlineDimensions: wanted }),
        dimensions: DIMENSIONS,
      }),
    ).toEqual(expected);
  });
});

describe('the fast calculator agrees with the definition', () => {
  const random = prng(21);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  it.each([
    ['ordinary maxes and weights', [10, 5, 20, 100], [1, 2, 3], true],
    ['awkward maxes and weights', [7.5, 3, 0.7, 12.25, 9], [1.5, 0.25, 3, 0.1], true],
    [
      'coefficients too large for doubles',
      [0.000000123, 1234567.891],
      [0.000001, 987654.321],
      false,
    ],
  ])('%s', (_, maxes, weights, fast) => {
    const lanes = new Set<boolean>();
    for (let trial = 0; trial < 40; trial++) {
      const indicators = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, k) =>
        ind(`i${k}`, pick(DIMENSIONS), pick(maxes), pick(weights)),
      );
      const dims = [...new Set(indicators.map((i) => i.dimension))];
      const headline = dims.slice(0, 1 + Math.floor(random() * dims.length));
      const calc = calculatorFor(indicators, headline);
      lanes.add(calc.fastLane);
      for (let r = 0; r < 25; r++) {
        const values: Record<string, number> = {};
        for (const i of indicators) {
          const kind = random();
          values[i.code] =
            kind < 0.4
              ? Math.round(random() * i.max)
              : kind < 0.8
                ? Math.round(random() * i.max * 1000) / 1000
                : kind < 0.95
                  ? random() * i.max // full-length doubles
                  : Math.round(random() * 1e14) / 7; // huge, long
        }
        const got = calc.scores(values);
        expect(got?.score).toBe(weightedScore(indicators, values));
        expect(got?.headlineScore).toBe(
          weightedScore(
            indicators.filter((i) => headline.includes(i.dimension)),
            values,
          ),
        );
        expect(got?.dimensionScores).toEqual(
          dims.map((d) =>
            weightedScore(
              indicators.filter((i) => i.dimension === d),
              values,
            ),
          ),
        );
      }
    }
    expect(lanes.has(fast)).toBe(true);
  });
});

describe('who is evaluated in a month', () => {
  const row = rowMaker();
  const agencies = [
    agency('a1', 'برق', 'دستگاه اجرایی'),
    agency('a2', 'گاز', 'دستگاه اجرایی'),
    agency('a3', 'آب', 'دستگاه اجرایی'),
    agency('a4', 'بهزیستی', 'دستگاه اجرایی'),
    agency('a5', 'پست', 'دستگاه اجرایی', false),
    agency('a6', 'راهداری', 'دستگاه اجرایی'),
  ];
  const scores = [
    row('1403-04', 'a1', plain(50)),
    row('1403-04', 'a2', plain(50, null)),
    // a3 has no row
    row('1403-04', 'a4', plain(50, 60, null)),
    row('1403-04', 'a5', plain(90)),
    row('1403-04', 'a6', plain(null)),
    row('1403-04', 'zz', plain(90)), // unknown agency: ignored
  ];
  const problem = (
    code: Problem['code'],
    month: string,
    agencyId: string,
    cell: string,
  ): Problem => ({
    code,
    severity: 'error',
    tab: 'امتیازها',
    cell,
    message: '...',
    month,
    agencyId,
  });
  const problems: Problem[] = [
    problem('score.out_of_range', '1403-03', 'a2', 'C2'), // another month
    problem('score.not_number', '1403-04', 'a2', 'D3'),
    problem('score.missing', '1403-04', 'a2', 'E3'),
    problem('score.missing', '1403-04', 'a5', 'E6'),
  ];
  const book = new ScoreBook(makeModel({ agencies, scores }), problems);

  it('names each active agency in the order of the agencies tab, with its reason', () => {
    const month = book.month('1403-04');
    expect(
      month.agencies.map((a) => (a.evaluated ? [a.agency.id, a.score] : [a.agency.id, a.reason])),
    ).toEqual([
      ['a1', 50],
      ['a2', 'score.not_number'], // its first problem that month
      ['a3', 'agency.no_submission'], // no row
      ['a4', 'score.missing'], // a row with a blank and no problem given: the fallback
      ['a6', 'score.missing'],
    ]);
    expect(month.evaluatedCount).toBe(1);
    expect([...month.byId.keys()]).toEqual(['a1']);
  });

  it('leaves inactive agencies out', () => {
    expect(book.month('1403-04').agencies.some((a) => a.agency.id === 'a5')).toBe(false);
  });

  it('has every active agency without a submission in a month with no rows', () => {
    const empty = book.month('1403-05');
    expect(empty.evaluatedCount).toBe(0);
    expect(empty.agencies.every((a) => !a.evaluated && a.reason === 'agency.no_submission')).toBe(
      true,
    );
  });

  it('computes each month once', () => {
    expect(book.month('1403-04')).toBe(book.month('1403-04'));
  });

  it('takes the row higher in the sheet when a month has two, whatever the array order', () => {
    const first = { ...row('1403-04', 'a1', plain(30)), rowIndex: 5 };
    const later = { ...row('1403-04', 'a1', plain(70)), rowIndex: 9 };
    for (const rows of [
      [first, later],
      [later, first],
    ]) {
      const b = new ScoreBook(makeModel({ agencies, scores: rows }));
      expect(b.month('1403-04').byId.get('a1')?.score).toBe(30);
    }
  });

  it('places each evaluated agency in its band', () => {
    const b = new ScoreBook(
      makeModel({
        agencies: agencies.slice(0, 3),
        scores: [
          row('1403-04', 'a1', plain(19.99)),
          row('1403-04', 'a2', plain(20)),
          row('1403-04', 'a3', plain(80)),
        ],
      }),
    );
    expect([...b.month('1403-04').byId.values()].map((a) => a.bandIndex)).toEqual([0, 1, 4]);
  });

  it('needs bands', () => {
    expect(() => new ScoreBook(makeModel({ agencies, scores, bands: [] }))).toThrow(KarnamehError);
  });
});
