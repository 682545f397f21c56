import type { EvaluatedResult } from '../compute-summary.ts';
import { jalaliDateTime, monthName, monthOnlyName, previousMonth } from '../jalali.ts';
import { monthInYear } from '../persian-text.ts';
import type { IndicatorLines } from './card-indicators.ts';
import { standingView, changeView, type ChangeView, type StandingView } from './card-standing.ts';
import { countText, outOf100, provinceOnly, shown } from './card-text.ts';
import type { CardFacts } from './card-facts.ts';
import { notEvaluatedView, type NotEvaluatedCardView } from './card-not-evaluated.ts';
import { yearView, type YearView } from './card-year.ts';

/** What a card needs besides the figures: who ran it, on which data, and how it is sent. */
export interface CardContext {
  runId: string;
  /** Short digest of the input tabs (hex). */
  digest: string;
  computedAt: Date;
  /** Re-sent on purpose after a change (`--force`): «اصلاحیه». */
  correction: boolean;
  /** `--to ADDRESS --agency ID`: «نسخه آزمایشی». */
  testCopy: boolean;
}

/** One dimension: the agency's score beside its group's mean. */
export interface DimensionLine {
  name: string;
  scoreText: string;
  hasGroupMean: boolean;
  groupMeanText: string;
  above: boolean;
  below: boolean;
  same: boolean;
}

/**
 * An agency's report card as plain data (press-release.md, "Agency report cards"): every
 * figure written in Persian, every `has…`/`present` flag deciding whether a statement is
 * said. Nothing in it names or scores another agency: its group appears only as a mean,
 * a count and the agency's rank.
 */
export interface CardView {
  agencyId: string;
  agencyName: string;
  groupName: string;
  province: string;
  month: string;
  /** `تیر ۱۴۰۳`, `تیر`, and the month before (`خرداد`, or `اسفند ۱۴۰۲` across a year). */
  monthName: string;
  monthOnly: string;
  previousMonthName: string;
  correction: boolean;
  testCopy: boolean;
  evaluated: boolean;
  standing: StandingView;
  change: ChangeView;
  hasDimensions: boolean;
  dimensions: DimensionLine[];
  indicators: IndicatorLines & { hasWeakest: boolean; hasStrongest: boolean; count: string };
  year: YearView;
  notEvaluated: NotEvaluatedCardView;
  footer: { computedAt: string; runId: string; digest: string };
}

function dimensionLines(facts: CardFacts, entry: EvaluatedResult, sole: boolean): DimensionLine[] {
  const group = facts.groupNow(entry.group);
  return facts.dimensions.map((name, d) => {
    const score = entry.dimensionScores[d] ?? 0;
    const mean = group.dimensionMeans[d] ?? null;
    const hasGroupMean = !sole && mean !== null;
    return {
      name: shown(name),
      scoreText: outOf100(score),
      hasGroupMean,
      groupMeanText: mean === null ? '' : outOf100(mean),
      above: hasGroupMean && score > (mean ?? 0),
      below: hasGroupMean && score < (mean ?? 0),
      same: hasGroupMean && score === mean,
    };
  });
}

const NO_INDICATORS: IndicatorLines = {
  weakest: [],
  strongest: [],
  weakestLostText: '',
  allFull: false,
};

/** The card of one active agency, from the facts of the run. */
export function cardView(facts: CardFacts, agencyId: string, context: CardContext): CardView {
  const result = facts.result(agencyId);
  const month = facts.month;
  const entry = result.evaluated ? result : null;
  const sole = entry !== null && facts.groupSize(entry.group) === 1;
  const lines = (entry ? facts.indicatorLines(agencyId) : null) ?? NO_INDICATORS;
  const dimensions = entry ? dimensionLines(facts, entry, sole) : [];
  return {
    agencyId,
    agencyName: shown(result.name),
    groupName: shown(result.group),
    province: provinceOnly(facts.model.settings.province),
    month,
    monthName: monthName(month),
    monthOnly: monthOnlyName(month),
    previousMonthName: monthInYear(previousMonth(month), month),
    correction: context.correction,
    testCopy: context.testCopy,
    evaluated: entry !== null,
    standing: standingView(facts, entry),
    change: changeView(facts, entry),
    hasDimensions: dimensions.length > 1,
    dimensions,
    indicators: {
      ...lines,
      hasWeakest: lines.weakest.length > 0,
      hasStrongest: lines.strongest.length > 0,
      count: countText(facts.model.indicators.length),
    },
    year: yearView(facts, result),
    notEvaluated: notEvaluatedView(facts, result),
    footer: {
      computedAt: jalaliDateTime(context.computedAt),
      runId: context.runId,
      digest: context.digest,
    },
  };
}
