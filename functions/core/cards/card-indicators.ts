import { Fraction } from 'fraction.js';
import { toFraction } from '../decimal.ts';
import type { Indicator } from '../model.ts';
import { listSeparator } from '../persian-text.ts';
import { pointsText, rounded, shown, valueOfMax } from './card-text.ts';

/** One indicator of an agency's month, as the card lists it. */
export interface IndicatorLine {
  code: string;
  title: string;
  /** `۴ از ۱۰`. */
  valueText: string;
  /** Weighted points lost on the 100 scale: `۲٫۵۰ امتیاز`. */
  lostText: string;
  sep: string;
}

export interface IndicatorLines {
  weakest: IndicatorLine[];
  strongest: IndicatorLine[];
  /** The points the weakest lines cost together, `۷٫۵۰ امتیاز`. */
  weakestLostText: string;
  /** Every indicator at its maximum. */
  allFull: boolean;
}

/** How many indicators each list names at most. */
export const LISTED = 3;

interface Standing {
  indicator: Indicator;
  order: number;
  value: number;
  ratio: Fraction;
  weight: Fraction;
  /** 100 × weight × (1 − value/max) / Σ weight: what the indicator cost the score. */
  lost: Fraction;
}

function line(s: Standing, index: number, count: number): IndicatorLine {
  return {
    code: shown(s.indicator.code),
    title: shown(s.indicator.title),
    valueText: valueOfMax(s.value, s.indicator.max),
    lostText: pointsText(rounded(s.lost)),
    sep: listSeparator(index, count),
  };
}

/** Per indicator, once per run: its weight, its max and 100 × weight / Σ weight. */
interface Factors {
  indicator: Indicator;
  weight: Fraction;
  max: Fraction;
  share: Fraction;
}

/**
 * Where the agency lost the most weighted points (most first; equal losses in sheet order)
 * and where it did best (highest value/max among the rest, then the heavier weight, then
 * sheet order); each at most {@link LISTED}. Exact arithmetic throughout. The factors that
 * depend only on the indicators are prepared once, for every card of the run.
 */
export function createIndicatorLines(
  indicators: readonly Indicator[],
): (values: Readonly<Record<string, number | null>>) => IndicatorLines {
  const total = indicators.reduce((sum, i) => sum.add(toFraction(i.weight)), new Fraction(0));
  const factors: Factors[] = indicators.map((indicator) => {
    const weight = toFraction(indicator.weight);
    return { indicator, weight, max: toFraction(indicator.max), share: weight.mul(100).div(total) };
  });
  return (values) => linesOf(factors, values);
}

const ONE = new Fraction(1);

function linesOf(
  factors: readonly Factors[],
  values: Readonly<Record<string, number | null>>,
): IndicatorLines {
  const standings: Standing[] = [];
  factors.forEach(({ indicator, weight, max, share }, order) => {
    const value = values[indicator.code];
    if (typeof value !== 'number') return;
    const ratio = toFraction(value).div(max);
    const lost = share.mul(ONE.sub(ratio));
    standings.push({ indicator, order, value, ratio, weight, lost });
  });
  const weakest = standings
    .filter((s) => s.lost.compare(0) > 0)
    .sort((a, b) => b.lost.compare(a.lost) || a.order - b.order)
    .slice(0, LISTED);
  const named = new Set(weakest);
  const strongest = standings
    .filter((s) => !named.has(s) && s.ratio.compare(0) > 0)
    .sort((a, b) => b.ratio.compare(a.ratio) || b.weight.compare(a.weight) || a.order - b.order)
    .slice(0, LISTED);
  const lostTogether = weakest.reduce((sum, s) => sum.add(s.lost), new Fraction(0));
  // Full marks everywhere is said as such, not as a list of «best» indicators.
  const allFull = standings.length > 0 && weakest.length === 0;
  const best = allFull ? [] : strongest;
  return {
    weakest: weakest.map((s, i) => line(s, i, weakest.length)),
    strongest: best.map((s, i) => line(s, i, best.length)),
    weakestLostText: pointsText(rounded(lostTogether)),
    allFull,
  };
}
