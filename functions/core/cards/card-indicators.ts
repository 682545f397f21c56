// The indicators a card names: where the agency lost the most points, and where it did best.
import { Fraction } from 'fraction.js';
import { toFraction } from '../language/decimal.ts';
import type { Indicator } from '../contract/model.ts';
import {
  codeText,
  cutWithoutSplittingTies,
  EMPTY_LIST,
  indicatorList,
  type IndicatorList,
  type Listed,
} from './card-indicator-list.ts';
import { pointsText, rounded, shown, valueOfMax, NBSP } from './card-text.ts';
import { persianNumber } from '../language/persian-text.ts';

export interface IndicatorLines {
  weakest: IndicatorList;
  strongest: IndicatorList;
  /** The points the weakest list (lines and tied rest) cost together: `۳۵ امتیاز`. */
  weakestLostText: string;
  /** Every indicator at its maximum. */
  allFull: boolean;
}

/** The best list is said only of indicators where the agency reached at least this share of the maximum. */
const BEST_AT_LEAST = new Fraction(1, 2);

/** One indicator of one card. */
interface Standing extends Listed {
  order: number;
  ratio: Fraction;
  weight: Fraction;
  /** Points of the total lost, as shown (the share less the points earned, both rounded). */
  lost: Fraction;
}

/** What depends only on the indicator and the value: the same for every card that has it. */
interface Known {
  ratio: Fraction;
  lost: Fraction;
  line: Listed['line'];
}

/** Per indicator, once per run: its weight, its max and its share of the total (100 × weight / Σ weight). */
interface Factors {
  indicator: Indicator;
  weight: Fraction;
  max: Fraction;
  share: Fraction;
  /** The share rounded as shown, and whether it equals the maximum (one scale, then). */
  shareShown: Fraction;
  sameScale: boolean;
  code: string;
  title: string;
}

/** A line's figures: on the indicator's scale, in the total when that differs, and the points lost. */
function known(f: Factors, value: number): Known {
  const ratio = toFraction(value).div(f.max);
  const earned = new Fraction(rounded(f.share.mul(ratio)));
  const lost = f.shareShown.sub(earned);
  const inTotal = `${persianNumber(earned.valueOf())}${NBSP}از${NBSP}${persianNumber(f.shareShown.valueOf())}`;
  return {
    ratio,
    lost,
    line: {
      code: f.code,
      title: f.title,
      valueText: valueOfMax(value, f.indicator.max),
      inTotalText: f.sameScale ? '' : inTotal,
      hasInTotal: !f.sameScale,
      lostText: pointsText(lost.valueOf()),
    },
  };
}

/**
 * Where the agency lost the most points of its total (most first; equal losses in sheet
 * order) and where it did best (highest value/max among the rest, at least half the
 * maximum; then the heavier weight, then sheet order). Neither list ends inside a tie
 * (card-indicator-list.ts). Exact arithmetic; the per-value figures are prepared once for
 * every card of the run.
 */
export function createIndicatorLines(
  indicators: readonly Indicator[],
): (values: Readonly<Record<string, number | null>>) => IndicatorLines {
  const total = indicators.reduce((sum, i) => sum.add(toFraction(i.weight)), new Fraction(0));
  const factors: Factors[] = indicators.map((indicator) => {
    const weight = toFraction(indicator.weight);
    const max = toFraction(indicator.max);
    const share = weight.mul(100).div(total);
    const shareShown = new Fraction(rounded(share));
    return {
      indicator,
      weight,
      max,
      share,
      shareShown,
      sameScale: shareShown.equals(max),
      code: codeText(shown(indicator.code)),
      title: shown(indicator.title),
    };
  });
  // Scores repeat (whole and half points), so most cards reuse these.
  const memo = factors.map(() => new Map<number, Known>());
  const knownAt = (k: number, value: number): Known => {
    const found = memo[k]?.get(value);
    if (found) return found;
    const made = known(factors[k] as Factors, value);
    memo[k]?.set(value, made);
    return made;
  };
  return (values) => linesOf(factors, values, knownAt);
}

function linesOf(
  factors: readonly Factors[],
  values: Readonly<Record<string, number | null>>,
  knownAt: (k: number, value: number) => Known,
): IndicatorLines {
  const standings: Standing[] = [];
  factors.forEach(({ indicator, weight }, order) => {
    const value = values[indicator.code];
    if (typeof value !== 'number') return;
    const { ratio, lost, line } = knownAt(order, value);
    const self: Standing = { order, ratio, weight, lost, line, tiesWith: () => false };
    standings.push(self);
  });
  const lossOrder = standings
    .filter((s) => s.lost.compare(0) > 0)
    .map((s) => ({ ...s, tiesWith: (o: Listed) => (o as Standing).lost.equals(s.lost) }))
    .sort((a, b) => b.lost.compare(a.lost) || a.order - b.order);
  const weakest = cutWithoutSplittingTies(lossOrder);
  const taken = new Set([...weakest.named, ...weakest.moreTied].map((s) => s.order));
  const bestOrder = standings
    .filter((s) => !taken.has(s.order) && s.ratio.compare(BEST_AT_LEAST) >= 0)
    .map((s) => ({ ...s, tiesWith: (o: Listed) => (o as Standing).ratio.equals(s.ratio) }))
    .sort((a, b) => b.ratio.compare(a.ratio) || b.weight.compare(a.weight) || a.order - b.order);
  const best = cutWithoutSplittingTies(bestOrder);
  const lostTogether = [...weakest.named, ...weakest.moreTied].reduce(
    (sum, s) => sum.add(s.lost),
    new Fraction(0),
  );
  // Full marks everywhere is said as such, not as a list of «best» indicators.
  const allFull = standings.length > 0 && lossOrder.length === 0;
  return {
    weakest: indicatorList(weakest.named, weakest.moreTied),
    strongest: allFull ? EMPTY_LIST : indicatorList(best.named, best.moreTied),
    weakestLostText: pointsText(lostTogether.valueOf()),
    allFull,
  };
}
