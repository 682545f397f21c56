import { Fraction } from 'fraction.js';
import { meanRounded, roundToNumber, toFraction } from '../../decimal.ts';
import { joinList, outOf100Text, persianNumber } from '../../persian-text.ts';
import type { Summary } from '../../summary.ts';
import { groupNaming } from './names.ts';

/**
 * Statement 2, the lede: whether performance improved, declined or held, by the mean score
 * of every evaluated agency against the month before, with counts per group.
 */
export interface OverallView {
  hasEvaluated: boolean;
  /** Counts per group, never one number mixing groups: «۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری». */
  countsText: string;
  mean: number | null;
  /** `۴۱٫۷۷ از ۱۰۰` (the scale said once, held to the figure). */
  meanText: string;
  previousMean: number | null;
  previousMeanText: string;
  hasDirection: boolean;
  improved: boolean;
  declined: boolean;
  /** Exactly the same mean. */
  held: boolean;
  /** Under {@link SMALL_CHANGE} points, weak shares unchanged: «تقریباً ثابت ماند». */
  nearlyHeld: boolean;
  /** A change below {@link SLIGHT_CHANGE} points with weak shares unchanged: «اندکی». */
  slightlyImproved: boolean;
  slightlyDeclined: boolean;
}

/** With every weak share unchanged, a change of mean under this many points is not a change. */
export const SMALL_CHANGE = 1;
/** With every weak share unchanged, a change under this many points is only «اندکی». */
export const SLIGHT_CHANGE = 3;

function sumCounts(bands: readonly { count: number }[] | null): number {
  return (bands ?? []).reduce((total, band) => total + band.count, 0);
}

/**
 * The mean score of every evaluated agency this month: the plain mean of all the groups'
 * ranking scores (the rounded agency scores), rounded half away from zero to 2 decimals.
 */
export function overallMean(summary: Summary): number | null {
  return meanRounded(summary.groups.flatMap((group) => group.ranking.map((entry) => entry.score)));
}

/**
 * The mean score of every agency evaluated the month before: Σ(previousMeanScore × n) / Σ n
 * over the groups that have one, n being the group's evaluated count that month, rounded
 * half away from zero to 2 decimals. Exact (decimal.ts).
 */
export function previousOverallMean(summary: Summary): number | null {
  let total = new Fraction(0);
  let count = 0;
  for (const group of summary.groups) {
    const n = sumCounts(group.previousBands);
    if (group.previousMeanScore === null || n === 0) continue;
    total = total.add(toFraction(group.previousMeanScore).mul(n));
    count += n;
  }
  return count === 0 ? null : roundToNumber(total.div(count), 2);
}

/** True when every group with a weak share the month before has the same one now. */
function weakSharesUnchanged(summary: Summary): boolean {
  return summary.groups.every(
    (group) => group.previousWeakShare === null || group.weakShare === group.previousWeakShare,
  );
}

export function overallView(
  summary: Summary,
  plurals: Readonly<Record<string, string>>,
): OverallView {
  const mean = overallMean(summary);
  const previousMean = previousOverallMean(summary);
  const counted = summary.groups.filter((group) => group.evaluated > 0);
  const counts = counted.map(
    (group) => `${persianNumber(group.evaluated)} ${groupNaming(group.name, plurals).singular}`,
  );
  const delta =
    mean !== null && previousMean !== null
      ? roundToNumber(toFraction(mean).sub(toFraction(previousMean)), 2)
      : null;
  const steady = weakSharesUnchanged(summary);
  const size = delta === null ? 0 : Math.abs(delta);
  const small = delta !== null && steady && size < SMALL_CHANGE;
  const slight = delta !== null && steady && !small && size < SLIGHT_CHANGE;
  return {
    hasEvaluated: counted.length > 0,
    countsText: joinList(counts),
    mean,
    meanText: mean === null ? '' : outOf100Text(mean),
    previousMean,
    previousMeanText: previousMean === null ? '' : persianNumber(previousMean),
    hasDirection: delta !== null,
    improved: delta !== null && !small && !slight && delta > 0,
    declined: delta !== null && !small && !slight && delta < 0,
    held: delta === 0,
    nearlyHeld: small && delta !== 0,
    slightlyImproved: slight && (delta ?? 0) > 0,
    slightlyDeclined: slight && (delta ?? 0) < 0,
  };
}
