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
  /** The same as doubles, to order quickly (exact comparison only when they are close). */
  ratioNumber: number;
  lostNumber: number;
  weightNumber: number;
  code: string;
  title: string;
  valueText: string;
  lostText: string;
}

/** What depends only on the indicator and the value: the same for every card that has it. */
type Known = Pick<
  Standing,
  'ratio' | 'lost' | 'ratioNumber' | 'lostNumber' | 'valueText' | 'lostText'
>;

/** Exact order of two rationals, through their doubles unless those are too close to tell. */
function compareExact(a: Fraction, x: number, b: Fraction, y: number): number {
  if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return x < y ? -1 : 1;
  return a.compare(b);
}

function line(s: Standing, index: number, count: number): IndicatorLine {
  return {
    code: s.code,
    title: s.title,
    valueText: s.valueText,
    lostText: s.lostText,
    sep: listSeparator(index, count),
  };
}

/** Per indicator, once per run: its weight, its max and 100 × weight / Σ weight. */
interface Factors {
  indicator: Indicator;
  weight: Fraction;
  weightNumber: number;
  max: Fraction;
  share: Fraction;
  /** Code and title as shown. */
  code: string;
  title: string;
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
    return {
      indicator,
      weight,
      weightNumber: weight.valueOf(),
      max: toFraction(indicator.max),
      share: weight.mul(100).div(total),
      code: shown(indicator.code),
      title: shown(indicator.title),
    };
  });
  // value/max and the loss of each indicator at each value, computed once per run: scores
  // repeat (whole and half points), so most cards reuse them.
  const memo = factors.map(() => new Map<number, Known>());
  const standing = (k: number, value: number): Known => {
    const known = memo[k]?.get(value);
    if (known) return known;
    const { max, share, indicator } = factors[k] as Factors;
    const ratio = toFraction(value).div(max);
    const lost = share.mul(ONE.sub(ratio));
    const made: Known = {
      ratio,
      lost,
      ratioNumber: ratio.valueOf(),
      lostNumber: lost.valueOf(),
      valueText: valueOfMax(value, indicator.max),
      lostText: pointsText(rounded(lost)),
    };
    memo[k]?.set(value, made);
    return made;
  };
  return (values) => linesOf(factors, values, standing);
}

const ONE = new Fraction(1);

function linesOf(
  factors: readonly Factors[],
  values: Readonly<Record<string, number | null>>,
  standing: (k: number, value: number) => Known,
): IndicatorLines {
  const standings: Standing[] = [];
  factors.forEach(({ indicator, weight, weightNumber, code, title }, order) => {
    const value = values[indicator.code];
    if (typeof value !== 'number') return;
    const known = standing(order, value);
    standings.push({ indicator, order, value, weight, weightNumber, code, title, ...known });
  });
  const weakest = standings
    .filter((s) => s.lostNumber > 0)
    .sort((a, b) => compareExact(b.lost, b.lostNumber, a.lost, a.lostNumber) || a.order - b.order)
    .slice(0, LISTED);
  const named = new Set(weakest);
  const strongest = standings
    .filter((s) => !named.has(s) && s.ratioNumber > 0)
    .sort(
      (a, b) =>
        compareExact(b.ratio, b.ratioNumber, a.ratio, a.ratioNumber) ||
        compareExact(b.weight, b.weightNumber, a.weight, a.weightNumber) ||
        a.order - b.order,
    )
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
