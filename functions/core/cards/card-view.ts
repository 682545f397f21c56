// An agency's report card as plain data: every figure and sentence already in Persian.
import { afterCloseView, type AfterCloseView } from './card-after-close.ts';
import type { EvaluatedResult } from '../figures/compute-summary.ts';
import {
  jalaliDate,
  monthName,
  monthOnlyName,
  previousMonth,
  splitMonth,
} from '../language/jalali.ts';
import { persianNumber, pressMonth } from '../language/persian-text.ts';
import { secretariatContact, secretariatName } from '../contract/secretariat.ts';
import type { IndicatorLines } from './card-indicators.ts';
import { EMPTY_LIST } from './card-indicator-list.ts';
import { standingView, changeView, type ChangeView, type StandingView } from './card-standing.ts';
import { countText, provinceOnly, scoreText, shown } from './card-text.ts';
import type { CardFacts } from './card-facts.ts';
import { notEvaluatedView, type NotEvaluatedCardView } from './card-not-evaluated.ts';
import { yearView, type YearView } from './card-year.ts';
import { jalaliDayText } from '../runs/reminder-calendar.ts';

/** What a card needs besides the figures: who ran it, on which data, and how it is sent. */
export interface CardContext {
  runId: string;
  /** The content hash of what is sent (hex). */
  contentHash: string;
  computedAt: Date;
  /** Re-sent on purpose after a change (`--force`): «اصلاحیه». */
  correction: boolean;
  /** `--to ADDRESS --agency ID`: «نسخه آزمایشی». */
  testCopy: boolean;
}

/** One dimension: the agency's score beside its group's mean, the comparison in words. */
interface DimensionLine {
  name: string;
  /** On the 100 scale, said once in the heading: `۳۶٫۲۵`. */
  scoreText: string;
  hasGroupMean: boolean;
  groupMeanText: string;
  above: boolean;
  below: boolean;
  same: boolean;
  /** «بالاتر از میانگین گروه», «پایین‌تر از میانگین گروه», «برابر میانگین گروه», or empty. */
  comparisonText: string;
}

/** The letter's date, signature and contact (docs/texts.md#agency-report-cards). */
interface LetterFooter {
  /** The Jalali day of the computation: `۱۵ آذر ۱۴۰۵`. */
  dateText: string;
  secretariat: string;
  hasContact: boolean;
  contact: string;
  /** The contact has no Persian letters (an address, a phone in Latin digits): shown left to right. */
  contactLatin: boolean;
}

/**
 * An agency's report card as plain data (docs/texts.md#agency-report-cards): every
 * figure written in Persian, every `has…`/`present` flag deciding whether a statement is
 * said. Nothing in it names or scores another agency: its group appears only as a mean,
 * a count and the agency's place. Nothing internal: the run id and the content hash travel
 * in the mail headers (CardToSend.trace), not in the text.
 */
export interface CardView {
  agencyId: string;
  agencyName: string;
  groupName: string;
  province: string;
  month: string;
  /** `تیر ۱۴۰۳`, «تیرماه ۱۴۰۳» for a sentence, `تیر`, and the month before (`خردادماه`). */
  monthName: string;
  monthText: string;
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
  /** The agency's cells changed after the month's close, from what to what. */
  afterClose: AfterCloseView;
  footer: LetterFooter;
}

const COMPARISON = {
  above: 'بالاتر از میانگین گروه',
  below: 'پایین‌تر از میانگین گروه',
  same: 'برابر میانگین گروه',
} as const;

function dimensionLines(facts: CardFacts, entry: EvaluatedResult, sole: boolean): DimensionLine[] {
  const group = facts.groupNow(entry.group);
  return facts.dimensions.map((name, d) => {
    const score = entry.dimensionScores[d] ?? 0;
    const mean = group.dimensionMeans[d] ?? null;
    const hasGroupMean = !sole && mean !== null;
    const above = hasGroupMean && score > (mean ?? 0);
    const below = hasGroupMean && score < (mean ?? 0);
    const same = hasGroupMean && score === mean;
    const comparisonText = above
      ? COMPARISON.above
      : below
        ? COMPARISON.below
        : same
          ? COMPARISON.same
          : '';
    return {
      name: shown(name),
      scoreText: scoreText(score),
      hasGroupMean,
      groupMeanText: mean === null ? '' : scoreText(mean),
      above,
      below,
      same,
      comparisonText,
    };
  });
}

const NO_INDICATORS: IndicatorLines = {
  weakest: EMPTY_LIST,
  strongest: EMPTY_LIST,
  weakestLostText: '',
  allFull: false,
};

function footerOf(facts: CardFacts, computedAt: Date): LetterFooter {
  const contact = secretariatContact(facts.model.settings);
  return {
    dateText: jalaliDayText(jalaliDate(computedAt)),
    secretariat: secretariatName(facts.model.settings),
    hasContact: contact !== null,
    contact: contact ?? '',
    contactLatin: contact !== null && !/[\u0600-\u06FF]/.test(contact),
  };
}

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
    monthText: `${pressMonth(month, month)} ${persianNumber(splitMonth(month).year)}`,
    monthOnly: monthOnlyName(month),
    previousMonthName: pressMonth(previousMonth(month), month),
    correction: context.correction,
    testCopy: context.testCopy,
    evaluated: entry !== null,
    standing: standingView(facts, entry),
    change: changeView(facts, entry),
    hasDimensions: dimensions.length > 1,
    dimensions,
    indicators: {
      ...lines,
      hasWeakest: lines.weakest.lines.length > 0,
      hasStrongest: lines.strongest.lines.length > 0,
      count: countText(facts.model.indicators.length),
    },
    year: yearView(facts, result),
    notEvaluated: notEvaluatedView(facts, result),
    afterClose: afterCloseView(facts, agencyId),
    footer: footerOf(facts, context.computedAt),
  };
}
