/**
 * The fast, exact calculator of an agency-month's figures: the integers of score-terms.ts
 * summed in doubles while they provably stay exact, else in bigints, row by row.
 */
import {
  decimalParts,
  divideRounded,
  divideRoundedSafe,
  pow10,
  pow10Number,
  SAFE_BOUND,
  decimalPlaces,
  smallUnitsToNumber,
  unitsToNumber,
  type DecimalParts,
} from '../language/decimal.ts';
import type { Model } from '../contract/model.ts';
import { scoreTerms, type AgencyScores, type Divisor, type ScoreTerms } from './score-terms.ts';

/** Computes an agency-month's figures from its row's values. */
export interface ScoreCalculator {
  readonly dimensions: readonly string[];
  readonly headlineDimensions: readonly string[];
  /** Diagnostic: whether rows are computed in doubles (falling back per row), or in bigints only. */
  readonly fastLane: boolean;
  /** null when an indicator's value is missing (null, absent or not finite). */
  scores(values: Values): AgencyScores | null;
}

type Values = Readonly<Record<string, number | null | undefined>>;

const toScore = (sum: bigint, scale: bigint, by: Divisor): number =>
  unitsToNumber(divideRounded(sum * by.numerator, scale * by.denominator), 2);

/** The definition in bigints, over the row's values in `row`: always exact, used when the fast lane cannot be. */
function exactLane(terms: ScoreTerms, row: Float64Array): () => AgencyScores {
  const { dimensions, dimensionOf, coefficients, headlineIndexes } = terms;
  const count = coefficients.length;
  const parts: DecimalParts[] = new Array<DecimalParts>(count);
  return () => {
    let scale = 0;
    for (let k = 0; k < count; k++) {
      const p = decimalParts(row[k] ?? 0);
      if (p.scale > scale) scale = p.scale;
      parts[k] = p;
    }
    const sums = dimensions.map(() => 0n);
    for (let k = 0; k < count; k++) {
      const p = parts[k] as DecimalParts;
      const d = dimensionOf[k] ?? 0;
      sums[d] = (sums[d] ?? 0n) + (coefficients[k] ?? 0n) * p.units * pow10(scale - p.scale);
    }
    const rowScale = pow10(scale);
    let total = 0n;
    for (const sum of sums) total += sum;
    let headline = 0n;
    for (const d of headlineIndexes) headline += sums[d] ?? 0n;
    return {
      score: toScore(total, rowScale, terms.totalDivisor),
      headlineScore: toScore(headline, rowScale, terms.headlineDivisor),
      dimensionScores: sums.map((sum, d) =>
        toScore(sum, rowScale, terms.dimensionDivisors[d] ?? terms.totalDivisor),
      ),
    };
  };
}

/** The fast lane: the same integers in doubles while they stay below 2^50 (decimal.ts). */
interface FastLane {
  /** Whether the model's integers fit at all. */
  open: boolean;
  coefficients: number[];
  /** Each dimension's sum of the row being computed. */
  sums: Float64Array;
  /** The scores from `sums` at 10^-scale; null when a figure leaves the lane. */
  finish(scale: number): AgencyScores | null;
}

function fastLane(terms: ScoreTerms): FastLane {
  const small = (x: bigint): boolean => x < BigInt(SAFE_BOUND) && x > -BigInt(SAFE_BOUND);
  const divisors = [terms.totalDivisor, terms.headlineDivisor, ...terms.dimensionDivisors];
  const open =
    terms.coefficients.every(small) &&
    divisors.every((by) => small(by.numerator) && small(by.denominator));
  const numerators = divisors.map((by) => Number(by.numerator));
  const denominators = divisors.map((by) => Number(by.denominator));
  const dimensionCount = terms.dimensions.length;
  const sums = new Float64Array(dimensionCount);

  /** One figure to cents, then to a number; null when it leaves the fast lane. */
  const fastScore = (sum: number, rowScale: number, which: number): number | null => {
    const x = sum * (numerators[which] ?? 0);
    const y = rowScale * (denominators[which] ?? 0);
    if (Math.abs(x) >= SAFE_BOUND || y >= SAFE_BOUND) return null;
    return smallUnitsToNumber(divideRoundedSafe(x, y), 2);
  };

  const finish = (scale: number): AgencyScores | null => {
    const rowScale = pow10Number(scale);
    let total = 0;
    for (let d = 0; d < dimensionCount; d++) total += sums[d] as number;
    let headline = 0;
    for (const d of terms.headlineIndexes) headline += sums[d] as number;
    const score = fastScore(total, rowScale, 0);
    const headlineScore = fastScore(headline, rowScale, 1);
    if (score === null || headlineScore === null) return null;
    const dimensionScores: number[] = [];
    for (let d = 0; d < dimensionCount; d++) {
      const x = fastScore(sums[d] as number, rowScale, d + 2);
      if (x === null) return null;
      dimensionScores.push(x);
    }
    return { score, headlineScore, dimensionScores };
  };
  return { open, coefficients: terms.coefficients.map(Number), sums, finish };
}

/**
 * The fast, exact calculator. Each indicator's weight/max is a rational p/q; with Q the
 * lcm of the q's, a = p × Q/q is an integer. A row's values are decimals m / 10^e; with E
 * the largest e in the row, a dimension's sum N = Σ a × m × 10^(E−e) is an integer and its
 * score is 100 × N / (Q × 10^E × W), W the dimension's weight sum, rounded to cents by
 * integer division. The score, headline and dimension scores share the same N's. These
 * integers are held in doubles while they provably stay below 2^50 (the usual case: a
 * multiply-add per value, no allocation), else in bigints, row by row; both are exact.
 * weightedScore (score-terms.ts) is the definition it is tested against.
 */
export function createScoreCalculator(
  model: Pick<Model, 'settings' | 'dimensions' | 'indicators'>,
): ScoreCalculator {
  const terms = scoreTerms(model);
  const { codes, dimensionOf } = terms;
  const count = codes.length;
  const dimensionCount = terms.dimensions.length;
  /** The row's values, read once per row by `scores`. */
  const row = new Float64Array(count);
  const exactScores = exactLane(terms, row);
  const lane = fastLane(terms);
  const { sums, coefficients } = lane;

  return {
    dimensions: terms.dimensions,
    headlineDimensions: terms.headlineDimensions,
    fastLane: lane.open,
    scores(values) {
      // One pass: check and keep each value, and (in the fast lane) add a × m at the
      // largest scale seen so far, rescaling the sums when a value has more decimals.
      // `bound` (Σ|terms|, only growing) caps every intermediate; below 2^50 all is exact.
      let fast = lane.open;
      let scale = 0;
      let bound = 0;
      sums.fill(0);
      for (let k = 0; k < count; k++) {
        const value = values[codes[k] as string];
        if (typeof value !== 'number' || !Number.isFinite(value)) return null;
        row[k] = value;
        if (!fast) continue;
        let m = value;
        let e = 0;
        if (!Number.isInteger(value)) {
          e = decimalPlaces(value);
          if (e < 0) {
            fast = false;
            continue;
          }
          m = Math.round(value * pow10Number(e));
        }
        if (e > scale) {
          const f = pow10Number(e - scale);
          for (let d = 0; d < dimensionCount; d++) sums[d] = (sums[d] as number) * f;
          bound *= f;
          scale = e;
        }
        let term = (coefficients[k] as number) * m;
        if (e < scale) term *= pow10Number(scale - e);
        const d = dimensionOf[k] as number;
        sums[d] = (sums[d] as number) + term;
        bound += Math.abs(term);
      }
      return (fast && bound < SAFE_BOUND ? lane.finish(scale) : null) ?? exactScores();
    },
  };
}
