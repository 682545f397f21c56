import { describe, expect, it } from 'vitest';
import {
  bandIndexOf,
  bandShares,
  createBandFinder,
  largestRemainderPercents,
  weakShareOf,
} from '../../../functions/core/figures/band-shares.ts';
import { DEFAULT_BANDS, prng } from '../../support/compute-summary-fixtures.ts';

describe('the band of a score', () => {
  it.each([
    [0, 'بسیار ضعیف'],
    [19.99, 'بسیار ضعیف'],
    [20, 'ضعیف'],
    [39.99, 'ضعیف'],
    [40, 'متوسط'],
    [59.99, 'متوسط'],
    [60, 'خوب'],
    [79.99, 'خوب'],
    [80, 'بسیار خوب'],
    [100, 'بسیار خوب'],
  ])('%s is %s', (score, label) => {
    expect(DEFAULT_BANDS[bandIndexOf(DEFAULT_BANDS, score)]?.label).toBe(label);
  });

  it('compares with mins exactly, decimals included', () => {
    const bands = [
      { label: 'low', min: 0 },
      { label: 'mid', min: 33.3 },
      { label: 'high', min: 66.675 },
    ];
    const find = createBandFinder(bands);
    expect([33.29, 33.3, 33.31, 66.67, 66.68, 66.675].map(find)).toEqual([0, 1, 1, 1, 2, 2]);
  });

  it('puts a score below the first min in the first band', () => {
    expect(bandIndexOf(DEFAULT_BANDS, -5)).toBe(0);
  });

  it('needs bands', () => {
    expect(() => createBandFinder([])).toThrow(RangeError);
  });
});

describe('largest-remainder percentages', () => {
  it.each([
    [
      [1, 1, 1],
      [34, 33, 33],
    ],
    [
      [1, 2],
      [33, 67],
    ],
    [
      [2, 1],
      [67, 33],
    ],
    [
      [1, 1, 1, 1, 1, 1, 1],
      [15, 15, 14, 14, 14, 14, 14],
    ],
    [
      [0, 1, 1, 1, 0],
      [0, 34, 33, 33, 0],
    ],
    [
      [4, 37, 50, 9, 0],
      [4, 37, 50, 9, 0],
    ],
    [
      [3, 5, 2, 0, 0],
      [30, 50, 20, 0, 0],
    ],
    [
      [0, 0, 0],
      [0, 0, 0],
    ],
    [[5], [100]],
    // 3 of 7 = 42.857, 2 of 7 = 28.571 twice: floors 42+28+28 = 98, two points missing.
    [
      [3, 2, 2],
      [43, 29, 28],
    ],
  ])('%j counts make %j', (counts, percents) => {
    expect(largestRemainderPercents(counts)).toEqual(percents);
  });

  it('always sums to exactly 100 and stays within one point of the exact share', () => {
    const random = prng(3);
    for (let k = 0; k < 500; k++) {
      const counts = Array.from({ length: 5 }, () => Math.floor(random() * 40));
      const total = counts.reduce((a, b) => a + b, 0);
      const percents = largestRemainderPercents(counts);
      if (total === 0) {
        expect(percents).toEqual([0, 0, 0, 0, 0]);
        continue;
      }
      expect(percents.reduce((a, b) => a + b, 0)).toBe(100);
      percents.forEach((p, i) => {
        const exact = ((counts[i] ?? 0) * 100) / total;
        expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(p).toBeLessThanOrEqual(Math.floor(exact) + 1);
      });
    }
  });

  it.each([84, 100, 129])('reproduces the article with %s executive agencies', (total) => {
    const target = [4, 37, 50, 9, 0];
    // Search counts near each share for ones whose percents are the article's.
    const near = (p: number): number[] => {
      const c = Math.round((p * total) / 100);
      return [c - 2, c - 1, c, c + 1, c + 2].filter((x) => x >= 0);
    };
    const hits: number[][] = [];
    for (const a of near(4))
      for (const b of near(37))
        for (const c of near(50)) {
          const d = total - a - b - c;
          if (d < 0) continue;
          const counts = [a, b, c, d, 0];
          if (largestRemainderPercents(counts).join() === target.join()) hits.push(counts);
        }
    expect(hits.length).toBeGreaterThan(0);
    if (total === 100) expect(hits).toEqual([[4, 37, 50, 9, 0]]);
  });
});

describe('band shares and the weak share', () => {
  it('lists every band low to high, zeros included', () => {
    const shares = bandShares(DEFAULT_BANDS, [1, 1, 2, 0, 1, 2, 2, 2, 1, 2]);
    expect(shares).toEqual([
      { label: 'بسیار ضعیف', count: 1, percent: 10 },
      { label: 'ضعیف', count: 4, percent: 40 },
      { label: 'متوسط', count: 5, percent: 50 },
      { label: 'خوب', count: 0, percent: 0 },
      { label: 'بسیار خوب', count: 0, percent: 0 },
    ]);
    expect(weakShareOf(shares, 2)).toBe(50);
    expect(weakShareOf(shares, 1)).toBe(10);
    expect(weakShareOf(shares, 0)).toBe(0);
    expect(weakShareOf(shares, 9)).toBe(100);
  });

  it('sums published percents, not exact shares: 34 + 33 for thirds', () => {
    const shares = bandShares(DEFAULT_BANDS.slice(0, 3), [0, 1, 2]);
    expect(shares.map((s) => s.percent)).toEqual([34, 33, 33]);
    expect(weakShareOf(shares, 2)).toBe(67);
  });

  it('has percents of 0 and no weak share when nobody was evaluated', () => {
    const shares = bandShares(DEFAULT_BANDS, []);
    expect(shares.map((s) => [s.count, s.percent])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(weakShareOf(shares, 2)).toBeNull();
  });
});
