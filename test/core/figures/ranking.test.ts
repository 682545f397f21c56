import { describe, expect, it } from 'vitest';
import { compareByName, rankByScore } from '../../../functions/core/figures/ranking.ts';

const item = (id: string, name: string, score: number) => ({ id, name, score });

const scores = [
  item('a1', 'الف', 70),
  item('a2', 'ب', 90),
  item('a3', 'ج', 80),
  item('a4', 'د', 90),
  item('a5', 'ه', 80),
  item('a6', 'و', 60),
];

describe('ranks', () => {
  it.each([
    ['dense', [1, 1, 2, 2, 3, 4]],
    ['competition', [1, 1, 3, 3, 5, 6]],
  ] as const)('%s ranking gives %j', (method, ranks) => {
    const ranked = rankByScore(scores, method);
    expect(ranked.map((r) => r.rank)).toEqual(ranks);
    expect(ranked.map((r) => r.item.id)).toEqual(['a2', 'a4', 'a3', 'a5', 'a1', 'a6']);
  });

  it('gives everybody rank 1 when all scores are equal', () => {
    const tied = [item('x', 'ب', 50), item('y', 'آ', 50), item('z', 'پ', 50)];
    expect(rankByScore(tied, 'dense').map((r) => [r.rank, r.item.name])).toEqual([
      [1, 'آ'],
      [1, 'ب'],
      [1, 'پ'],
    ]);
    expect(rankByScore(tied, 'competition').map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('ranks nothing as nothing', () => {
    expect(rankByScore([], 'dense')).toEqual([]);
  });

  it('tells scores apart to the hundredth', () => {
    const close = [item('a', 'الف', 45.01), item('b', 'ب', 45), item('c', 'ج', 45.01)];
    expect(rankByScore(close, 'dense').map((r) => [r.rank, r.item.id])).toEqual([
      [1, 'a'],
      [1, 'c'],
      [2, 'b'],
    ]);
  });
});

describe('ties listed by name in Persian collation', () => {
  it('puts پ after ب and before ت, and ک گ before ل (code points would not)', () => {
    const names = ['تعاون', 'لوله', 'پست', 'گاز', 'برق', 'کار'];
    const tied = names.map((name, i) => item(`a${i}`, name, 75));
    const listed = rankByScore(tied, 'competition').map((r) => r.item.name);
    expect(listed).toEqual(['برق', 'پست', 'تعاون', 'کار', 'گاز', 'لوله']);
    expect([...names].sort()).not.toEqual(listed);
  });

  it('orders equal names by id', () => {
    const tied = [item('b2', 'برق', 10), item('b1', 'برق', 10)];
    expect(rankByScore(tied, 'dense').map((r) => r.item.id)).toEqual(['b1', 'b2']);
    expect(compareByName(item('b2', 'برق', 1), item('b1', 'برق', 1))).toBeGreaterThan(0);
  });

  it('lists by rank first, name second', () => {
    const listed = rankByScore([item('a', 'آب', 10), item('b', 'یاس', 20)], 'dense');
    expect(listed.map((r) => r.item.name)).toEqual(['یاس', 'آب']);
  });

  it('does not depend on the input order', () => {
    const reversed = rankByScore([...scores].reverse(), 'dense');
    expect(reversed).toEqual(rankByScore(scores, 'dense'));
  });
});
