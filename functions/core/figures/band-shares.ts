/** Which band a score falls in, and each band's whole-percent share of a group (largest remainder). */
import {
  compareDecimals,
  decimalPlaces,
  pow10Number,
  SAFE_BOUND,
  smallDecimal,
} from '../language/decimal.ts';
import type { Band } from '../contract/model.ts';

/** One band's share of a group's evaluated agencies, as published. */
export interface BandShare {
  label: string;
  count: number;
  percent: number;
}

/**
 * A finder of the band a score belongs to: the band with the greatest min <= score
 * (exact decimal comparison). Bands are sorted by min ascending; a score below the first
 * min (which is 0 in a valid workbook) falls in the first band.
 */
export function createBandFinder(bands: readonly Band[]): (score: number) => number {
  if (bands.length === 0) throw new RangeError('no bands');
  const mins = bands.map((b) => b.min);
  const small = mins.map(smallDecimal);
  const exact = (score: number): number => {
    for (let i = mins.length - 1; i > 0; i--) {
      if (compareDecimals(score, mins[i] ?? 0) >= 0) return i;
    }
    return 0;
  };
  return (score: number): number => {
    const e = decimalPlaces(score);
    if (e < 0) return exact(score);
    const m = e === 0 ? score : Math.round(score * pow10Number(e));
    for (let i = mins.length - 1; i > 0; i--) {
      const min = small[i];
      if (!min) return exact(score);
      const scale = Math.max(e, min.e);
      const left = m * pow10Number(scale - e);
      const right = min.m * pow10Number(scale - min.e);
      if (!(Math.abs(left) < SAFE_BOUND && Math.abs(right) < SAFE_BOUND)) return exact(score);
      if (left >= right) return i;
    }
    return 0;
  };
}

/** The index in `bands` of the band a score belongs to. */
export function bandIndexOf(bands: readonly Band[], score: number): number {
  return createBandFinder(bands)(score);
}

/**
 * Whole percentages of the counts that sum to exactly 100, by largest remainder: floor
 * each, then hand the missing points one by one to the largest remainders; equal
 * remainders go to the lower index first. All zeros when the total is 0.
 */
export function largestRemainderPercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * 100) / total));
  // Remainders as integers over `total`: exact, no floating point.
  const remainders = counts.map((c) => (c * 100) % total);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = counts
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  for (const i of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    missing--;
  }
  return floors;
}

/** Counts per band (every band, low to high, zeros included) and their percentages. */
export function bandShares(bands: readonly Band[], bandIndexes: readonly number[]): BandShare[] {
  const counts = bands.map(() => 0);
  for (const i of bandIndexes) counts[i] = (counts[i] ?? 0) + 1;
  const percents = largestRemainderPercents(counts);
  return bands.map((b, i) => ({
    label: b.label,
    count: counts[i] ?? 0,
    percent: percents[i] ?? 0,
  }));
}

/**
 * The weak share: the sum of the lowest `weakBands` published percentages, so the text
 * never disagrees with itself; null when nobody was evaluated.
 */
export function weakShareOf(shares: readonly BandShare[], weakBands: number): number | null {
  if (shares.every((s) => s.count === 0)) return null;
  return shares.slice(0, Math.max(0, weakBands)).reduce((sum, s) => sum + s.percent, 0);
}
