/** An agency's scores for a month: weighted means per dimension, exact and rounded to 2 decimals. */
import { Fraction } from 'fraction.js';
import { createBandFinder } from './band-shares.ts';
import {
  decimalParts,
  divideRounded,
  divideRoundedSafe,
  pow10,
  pow10Number,
  SAFE_BOUND,
  decimalPlaces,
  smallUnitsToNumber,
  roundToNumber,
  toFraction,
  unitsToNumber,
  type DecimalParts,
} from '../language/decimal.ts';
import { KarnamehError } from '../contract/errors.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { Agency, Indicator, Model, ScoreRow } from '../contract/model.ts';
import type { Problem } from '../contract/problems.ts';

/** An agency's figures for one month, each rounded half away from zero to 2 decimals. */
interface AgencyScores {
  score: number;
  headlineScore: number;
  /** Aligned with the calculator's `dimensions`. */
  dimensionScores: number[];
}

/**
 * The definition, straight from docs/workbook.md#how-figures-are-computed with fraction.js: 100 × Σ(weight × value/max) /
 * Σ weight over the given indicators, rounded half away from zero to 2 decimals; null when
 * a value is missing. The calculator below computes the same, faster; the tests hold them
 * together.
 */
export function weightedScore(
  indicators: readonly Indicator[],
  values: Readonly<Record<string, number | null | undefined>>,
): number | null {
  let sum = new Fraction(0);
  let weights = new Fraction(0);
  for (const indicator of indicators) {
    const value = values[indicator.code];
    if (value === null || value === undefined || !Number.isFinite(value)) return null;
    const weight = toFraction(indicator.weight);
    sum = sum.add(weight.mul(toFraction(value)).div(toFraction(indicator.max)));
    weights = weights.add(weight);
  }
  if (weights.n === 0n) return null;
  return roundToNumber(sum.mul(100).div(weights), 2);
}

/**
 * The headline dimensions: settings.headlineDimensions that name a known dimension (in the
 * order written, without repeats), or every dimension when the setting is null or names
 * none that exists.
 */
export function headlineDimensionsOf(model: Pick<Model, 'settings' | 'dimensions'>): string[] {
  const wanted = model.settings.headlineDimensions;
  if (wanted === null) return [...model.dimensions];
  const known = [...new Set(wanted)].filter((d) => model.dimensions.includes(d));
  return known.length > 0 ? known : [...model.dimensions];
}

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

/** `100 × N / (Q × 10^E × W)` to cents: the factors that do not depend on the row. */
interface Divisor {
  /** 10000 × W's denominator. */
  numerator: bigint;
  /** Q × W's numerator. */
  denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/**
 * The fast, exact calculator. Each indicator's weight/max is a rational p/q; with Q the
 * lcm of the q's, a = p × Q/q is an integer. A row's values are decimals m / 10^e; with E
 * the largest e in the row, a dimension's sum N = Σ a × m × 10^(E−e) is an integer and its
 * score is 100 × N / (Q × 10^E × W), W the dimension's weight sum, rounded to cents by
 * integer division. The score, headline and dimension scores share the same N's. These
 * integers are held in doubles while they provably stay below 2^50 (the usual case: a
 * multiply-add per value, no allocation), else in bigints, row by row; both are exact.
 * weightedScore above is the definition it is tested against.
 */
export function createScoreCalculator(
  model: Pick<Model, 'settings' | 'dimensions' | 'indicators'>,
): ScoreCalculator {
  const { indicators } = model;
  if (indicators.length === 0) throw new KarnamehError('internal', 'no indicators to score');
  if (indicators.some((i) => !(i.max > 0) || !(i.weight > 0))) {
    throw new KarnamehError('internal', 'indicator max and weight must be numbers > 0');
  }
  const dimensions = [...model.dimensions];
  for (const i of indicators) if (!dimensions.includes(i.dimension)) dimensions.push(i.dimension);
  const headlineDimensions = headlineDimensionsOf({ settings: model.settings, dimensions });

  const ratios = indicators.map((i) => toFraction(i.weight).div(toFraction(i.max)));
  const q = ratios.reduce((acc, r) => (acc / gcd(acc, r.d)) * r.d, 1n);
  const coefficients = ratios.map((r) => r.s * r.n * (q / r.d));
  const codes = indicators.map((i) => i.code);
  const dimensionOf = indicators.map((i) => dimensions.indexOf(i.dimension));

  const dimensionWeights = dimensions.map(() => new Fraction(0));
  indicators.forEach((indicator, k) => {
    const d = dimensionOf[k] ?? 0;
    dimensionWeights[d] = (dimensionWeights[d] ?? new Fraction(0)).add(
      toFraction(indicator.weight),
    );
  });
  const divisor = (weight: Fraction): Divisor => {
    if (weight.n === 0n) throw new KarnamehError('internal', 'indicator weights sum to 0');
    return { numerator: 10000n * weight.d, denominator: q * weight.s * weight.n };
  };
  const sumOf = (names: readonly string[]): Fraction =>
    names.reduce(
      (acc, name) => acc.add(dimensionWeights[dimensions.indexOf(name)] ?? 0),
      new Fraction(0),
    );
  const dimensionDivisors = dimensionWeights.map(divisor);
  const totalDivisor = divisor(sumOf(dimensions));
  const headlineIndexes = headlineDimensions.map((name) => dimensions.indexOf(name));
  const headlineDivisor = divisor(sumOf(headlineDimensions));

  const toScore = (sum: bigint, scale: bigint, by: Divisor): number =>
    unitsToNumber(divideRounded(sum * by.numerator, scale * by.denominator), 2);

  const count = indicators.length;
  const dimensionCount = dimensions.length;
  const parts: DecimalParts[] = new Array<DecimalParts>(count);

  /** The row's values, read once per row by `scores`. */
  const row = new Float64Array(count);

  /** The definition in bigints: always exact, used when the fast lane cannot be. */
  const exactScores = (): AgencyScores => {
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
      score: toScore(total, rowScale, totalDivisor),
      headlineScore: toScore(headline, rowScale, headlineDivisor),
      dimensionScores: sums.map((sum, d) =>
        toScore(sum, rowScale, dimensionDivisors[d] ?? totalDivisor),
      ),
    };
  };

  // The fast lane: the same integers in doubles while they stay below 2^50 (decimal.ts).
  const small = (x: bigint): boolean => x < BigInt(SAFE_BOUND) && x > -BigInt(SAFE_BOUND);
  const divisors = [totalDivisor, headlineDivisor, ...dimensionDivisors];
  const fastLane =
    coefficients.every(small) &&
    divisors.every((by) => small(by.numerator) && small(by.denominator));
  const fastCoefficients = coefficients.map(Number);
  const numerators = divisors.map((by) => Number(by.numerator));
  const denominators = divisors.map((by) => Number(by.denominator));
  const sums = new Float64Array(dimensionCount);

  /** One figure to cents, then to a number; null when it leaves the fast lane. */
  const fastScore = (sum: number, rowScale: number, which: number): number | null => {
    const x = sum * (numerators[which] ?? 0);
    const y = rowScale * (denominators[which] ?? 0);
    if (Math.abs(x) >= SAFE_BOUND || y >= SAFE_BOUND) return null;
    return smallUnitsToNumber(divideRoundedSafe(x, y), 2);
  };

  /** The scores from the fast lane's sums at 10^-scale; null when a figure leaves the lane. */
  const fastFinish = (scale: number): AgencyScores | null => {
    const rowScale = pow10Number(scale);
    let total = 0;
    for (let d = 0; d < dimensionCount; d++) total += sums[d] as number;
    let headline = 0;
    for (const d of headlineIndexes) headline += sums[d] as number;
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

  return {
    dimensions,
    headlineDimensions,
    fastLane,
    scores(values) {
      // One pass: check and keep each value, and (in the fast lane) add a × m at the
      // largest scale seen so far, rescaling the sums when a value has more decimals.
      // `bound` (Σ|terms|, only growing) caps every intermediate; below 2^50 all is exact.
      let fast = fastLane;
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
        let term = (fastCoefficients[k] as number) * m;
        if (e < scale) term *= pow10Number(scale - e);
        const d = dimensionOf[k] as number;
        sums[d] = (sums[d] as number) + term;
        bound += Math.abs(term);
      }
      return (fast && bound < SAFE_BOUND ? fastFinish(scale) : null) ?? exactScores();
    },
  };
}

/** An active agency's standing in a month. */
type AgencyMonth =
  | ({ agency: Agency; evaluated: true; bandIndex: number } & AgencyScores)
  | { agency: Agency; evaluated: false; reason: string };

export type EvaluatedAgencyMonth = Extract<AgencyMonth, { evaluated: true }>;

/** Every active agency's standing in a month, in the order of the agencies tab. */
export interface MonthEvaluation {
  month: MonthKey;
  agencies: AgencyMonth[];
  evaluatedCount: number;
  /** Evaluated agencies by id. */
  byId: ReadonlyMap<string, EvaluatedAgencyMonth>;
}

/**
 * Who is evaluated, with what figures, month by month: score rows are grouped by month
 * once and each month is computed once (cached). Inactive agencies are left out; rows of
 * unknown agencies are ignored; should a month hold two rows of one agency, the one
 * higher in the sheet (lower rowIndex) counts, so nothing depends on the rows' order.
 */
export class ScoreBook {
  readonly model: Model;
  readonly calculator: ScoreCalculator;
  readonly findBand: (score: number) => number;
  /** Months that have score rows, ascending. */
  readonly months: readonly MonthKey[];
  private readonly rows: Map<MonthKey, Map<string, ScoreRow>>;
  private readonly firstProblem: Map<string, string>;
  private readonly active: Agency[];
  private readonly cache = new Map<MonthKey, MonthEvaluation>();

  constructor(model: Model, problems: readonly Problem[] = []) {
    if (model.bands.length === 0)
      throw new KarnamehError('internal', 'no bands to place scores in');
    this.model = model;
    this.calculator = createScoreCalculator(model);
    this.findBand = createBandFinder(model.bands);
    this.active = model.agencies.filter((a) => a.active);
    this.rows = new Map();
    for (const row of model.scores) {
      let month = this.rows.get(row.month);
      if (!month) this.rows.set(row.month, (month = new Map()));
      const seen = month.get(row.agencyId);
      if (!seen || row.rowIndex < seen.rowIndex) month.set(row.agencyId, row);
    }
    this.months = [...this.rows.keys()].sort();
    this.firstProblem = new Map();
    for (const p of problems) {
      if (p.month === undefined || p.agencyId === undefined) continue;
      const key = `${p.month}\u0000${p.agencyId}`;
      if (!this.firstProblem.has(key)) this.firstProblem.set(key, p.code);
    }
  }

  /** The row that counts for an agency in a month (the one higher in the sheet), if any. */
  row(month: MonthKey, agencyId: string): ScoreRow | undefined {
    return this.rows.get(month)?.get(agencyId);
  }

  /** The month's standing of every active agency. */
  month(month: MonthKey): MonthEvaluation {
    const known = this.cache.get(month);
    if (known) return known;
    const rows = this.rows.get(month);
    const agencies: AgencyMonth[] = [];
    const byId = new Map<string, EvaluatedAgencyMonth>();
    for (const agency of this.active) {
      const row = rows?.get(agency.id);
      const scores = row ? this.calculator.scores(row.values) : null;
      if (scores) {
        const entry: EvaluatedAgencyMonth = {
          agency,
          evaluated: true,
          bandIndex: this.findBand(scores.score),
          score: scores.score,
          headlineScore: scores.headlineScore,
          dimensionScores: scores.dimensionScores,
        };
        agencies.push(entry);
        byId.set(agency.id, entry);
      } else {
        const reason =
          this.firstProblem.get(`${month}\u0000${agency.id}`) ??
          (row ? 'score.missing' : 'agency.no_submission');
        agencies.push({ agency, evaluated: false, reason });
      }
    }
    const evaluation: MonthEvaluation = { month, agencies, evaluatedCount: byId.size, byId };
    this.cache.set(month, evaluation);
    return evaluation;
  }
}
