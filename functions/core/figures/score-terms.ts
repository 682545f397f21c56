/**
 * What an agency's scores are (docs/workbook.md#how-figures-are-computed): the definition in fractions, the headline
 * dimensions, and the integers the fast calculator (score-calculator.ts) computes them
 * with, worked out once per model.
 */
import { Fraction } from 'fraction.js';
import { roundToNumber, toFraction } from '../language/decimal.ts';
import { KarnamehError } from '../contract/errors.ts';
import type { Indicator, Model } from '../contract/model.ts';

/** An agency's scores for a month: weighted means per dimension, exact and rounded to 2 decimals (half away from zero). */
export interface AgencyScores {
  score: number;
  headlineScore: number;
  /** Aligned with the calculator's `dimensions`. */
  dimensionScores: number[];
}

/**
 * The definition, straight from docs/workbook.md#how-figures-are-computed with fraction.js: 100 × Σ(weight × value/max) /
 * Σ weight over the given indicators, rounded half away from zero to 2 decimals; null when
 * a value is missing. The calculator (score-calculator.ts) computes the same, faster; the tests hold them
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

/** `100 × N / (Q × 10^E × W)` to cents: the factors that do not depend on the row. */
export interface Divisor {
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
 * The integers of the fast calculator for a model (see score-calculator.ts): each
 * indicator's coefficient a = p × Q/q, its dimension, and the divisors of the score, the
 * headline score and each dimension's score.
 */
export interface ScoreTerms {
  dimensions: string[];
  headlineDimensions: string[];
  codes: string[];
  /** Each indicator's dimension, as an index into `dimensions`. */
  dimensionOf: number[];
  coefficients: bigint[];
  totalDivisor: Divisor;
  headlineDivisor: Divisor;
  dimensionDivisors: Divisor[];
  /** The headline dimensions, as indexes into `dimensions`. */
  headlineIndexes: number[];
}

/** The weight sum of each dimension (aligned with `dimensions`). */
function dimensionWeights(indicators: readonly Indicator[], dimensions: string[]): Fraction[] {
  const weights = dimensions.map(() => new Fraction(0));
  for (const indicator of indicators) {
    const d = dimensions.indexOf(indicator.dimension);
    weights[d] = (weights[d] ?? new Fraction(0)).add(toFraction(indicator.weight));
  }
  return weights;
}

export function scoreTerms(
  model: Pick<Model, 'settings' | 'dimensions' | 'indicators'>,
): ScoreTerms {
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
  const weights = dimensionWeights(indicators, dimensions);
  const divisor = (weight: Fraction): Divisor => {
    if (weight.n === 0n) throw new KarnamehError('internal', 'indicator weights sum to 0');
    return { numerator: 10000n * weight.d, denominator: q * weight.s * weight.n };
  };
  const sumOf = (names: readonly string[]): Fraction =>
    names.reduce((acc, name) => acc.add(weights[dimensions.indexOf(name)] ?? 0), new Fraction(0));
  return {
    dimensions,
    headlineDimensions,
    codes: indicators.map((i) => i.code),
    dimensionOf: indicators.map((i) => dimensions.indexOf(i.dimension)),
    coefficients: ratios.map((r) => r.s * r.n * (q / r.d)),
    totalDivisor: divisor(sumOf(dimensions)),
    headlineDivisor: divisor(sumOf(headlineDimensions)),
    dimensionDivisors: weights.map(divisor),
    headlineIndexes: headlineDimensions.map((name) => dimensions.indexOf(name)),
  };
}
