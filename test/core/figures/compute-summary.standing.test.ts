// Standings (1 + the number scoring higher) and like-for-like group figures in the summary JSON.
import { describe, expect, it } from 'vitest';
import { computeResults, computeSummary } from '../../../functions/core/figures/compute-summary.ts';
import { standingsOf } from '../../../functions/core/figures/ranking.ts';
import { summarySchema, type GroupSummary } from '../../../functions/core/figures/summary.ts';
import { agency, makeModel, plain, rowMaker } from '../../support/compute-summary-fixtures.ts';

const EXEC = 'دستگاه اجرایی';
const MUNI = 'شهرداری';

function only(groups: GroupSummary[], name: string): GroupSummary {
  const found = groups.find((g) => g.name === name);
  if (!found) throw new Error(`no group ${name}`);
  return found;
}

describe('standingsOf', () => {
  it('is 1 + the number of items with a higher score, ties sharing it', () => {
    const s = standingsOf([
      { id: 'a', score: 50 },
      { id: 'b', score: 70 },
      { id: 'c', score: 70 },
      { id: 'd', score: 10 },
      { id: 'e', score: 50 },
    ]);
    expect(Object.fromEntries(s)).toEqual({ b: 1, c: 1, a: 3, e: 3, d: 5 });
  });

  it('gives nothing for nothing', () => {
    expect(standingsOf([]).size).toBe(0);
  });
});

/**
 * Six executive agencies, dense ranks: Khordad 90, 80, 80, 70, 60, 60; Tir 90, 90, 80, 70,
 * 60, 60. Two municipalities in Khordad (m1 40, m2 10), m2 drops out in Tir and m3 joins.
 */
function model() {
  const row = rowMaker();
  const exec = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => agency(id, `اداره ${id}`, EXEC));
  const muni = ['m1', 'm2', 'm3'].map((id) => agency(id, `شهرداری ${id}`, MUNI));
  const khordad = [90, 80, 80, 70, 60, 60];
  const tir = [90, 90, 80, 70, 60, 60];
  return makeModel({
    agencies: [...exec, ...muni],
    settings: { ranking: 'dense' },
    scores: [
      ...exec.map((a, i) => row('1403-03', a.id, plain(khordad[i] ?? 0))),
      ...exec.map((a, i) => row('1403-04', a.id, plain(tir[i] ?? 0))),
      row('1403-03', 'm1', plain(40)),
      row('1403-03', 'm2', plain(10)),
      row('1403-04', 'm1', plain(45)),
      row('1403-04', 'm3', plain(5)),
    ],
  });
}

describe('standing and previousStanding', () => {
  it('carries the dense rank and the standing of every agency, in the JSON too', () => {
    const summary = computeSummary(model(), [], '1403-04', 'dry-run');
    expect(summarySchema.parse(summary)).toEqual(summary);
    const rows = only(summary.groups, EXEC).ranking.map((r) => [
      r.id,
      r.rank,
      r.standing,
      r.previousStanding,
    ]);
    expect(rows).toEqual([
      ['e1', 1, 1, 1],
      ['e2', 1, 1, 2],
      ['e3', 2, 3, 2],
      ['e4', 3, 4, 4],
      ['e5', 4, 5, 5],
      ['e6', 4, 5, 5],
    ]);
  });

  it('the last of its group stands last, not at its dense rank', () => {
    const { month } = computeResults(model(), [], '1403-04', 'dry-run');
    const last = month.groups.find((g) => g.name === EXEC)?.ranking.at(-1);
    expect([last?.rank, last?.standing]).toEqual([4, 5]);
  });

  it('previousStanding is null for an agency not evaluated the month before', () => {
    const summary = computeSummary(model(), [], '1403-04', 'dry-run');
    const muni = only(summary.groups, MUNI).ranking;
    expect(muni.map((r) => [r.id, r.standing, r.previousStanding])).toEqual([
      ['m1', 1, 1],
      ['m3', 2, null],
    ]);
  });
});

describe('likeForLike', () => {
  it('compares the agencies evaluated in both months and names who joined and left', () => {
    const muni = only(computeSummary(model(), [], '1403-04', 'dry-run').groups, MUNI);
    // All of it: mean 25 -> 25, weak share 50 -> 50. Like for like (m1): 40 -> 45, 0 -> 0.
    expect([muni.previousMeanScore, muni.meanScore]).toEqual([25, 25]);
    expect(muni.likeForLike).toEqual({
      agencies: 1,
      meanScore: 45,
      previousMeanScore: 40,
      weakShare: 0,
      previousWeakShare: 0,
      joined: ['m3'],
      left: ['m2'],
    });
  });

  it('equals the group figures when the set did not change', () => {
    const exec = only(computeSummary(model(), [], '1403-04', 'dry-run').groups, EXEC);
    expect(exec.likeForLike).toEqual({
      agencies: 6,
      meanScore: exec.meanScore,
      previousMeanScore: exec.previousMeanScore,
      weakShare: exec.weakShare,
      previousWeakShare: exec.previousWeakShare,
      joined: [],
      left: [],
    });
  });

  it('is null when there is no month before', () => {
    const summary = computeSummary(model(), [], '1403-03', 'dry-run');
    expect(summary.groups.map((g) => g.likeForLike)).toEqual([null, null]);
  });

  it('has no figures when nobody was evaluated in both months', () => {
    const row = rowMaker();
    const m = makeModel({
      agencies: [agency('a', 'الف', MUNI), agency('b', 'ب', MUNI)],
      scores: [row('1403-03', 'a', plain(30)), row('1403-04', 'b', plain(50))],
    });
    const g = only(computeSummary(m, [], '1403-04', 'dry-run').groups, MUNI);
    expect(g.likeForLike).toEqual({
      agencies: 0,
      meanScore: null,
      previousMeanScore: null,
      weakShare: null,
      previousWeakShare: null,
      joined: ['b'],
      left: ['a'],
    });
  });
});
