// The agency's path through the Jalali year on its card.
import type { AgencyResult } from '../figures/compute-summary.ts';
import { monthKey, monthOnlyName, splitMonth } from '../language/jalali.ts';
import { toPersianDigits } from '../language/jalali.ts';
import type { CardFacts } from './card-facts.ts';
import { scoreText, shown } from './card-text.ts';

/** One month of the year so far. */
interface YearRow {
  monthName: string;
  current: boolean;
  evaluated: boolean;
  /** Two decimals, for the table: `۴۷٫۳۱`. */
  scoreText: string;
  band: string;
  hasGroupMean: boolean;
  groupMeanText: string;
}

/** The agency's path through the Jalali year up to the run month. */
export interface YearView {
  /** The table: at least two months of the year in which anybody was evaluated. */
  present: boolean;
  /** The run month is the year's first (Farvardin): there is no path yet. */
  firstMonth: boolean;
  /** `۱۴۰۳`. */
  yearText: string;
  rows: YearRow[];
}

/**
 * Each month of the run month's year, from Farvardin up to the run month, in which anybody
 * was evaluated: the agency's score and band (or that it was not evaluated) and its
 * group's mean, from the release's cached month evaluations.
 */
export function yearView(facts: CardFacts, result: AgencyResult): YearView {
  const { year, month: last } = splitMonth(facts.month);
  const rows: YearRow[] = [];
  for (let m = 1; m <= last; m++) {
    const key = monthKey(year, m);
    const evaluation = facts.book.month(key);
    if (evaluation.evaluatedCount === 0) continue;
    const own = evaluation.byId.get(result.id);
    const group = facts.figures.of(result.group, key);
    const sole = group.evaluated.length === 1 && own !== undefined;
    rows.push({
      monthName: monthOnlyName(key),
      current: key === facts.month,
      evaluated: own !== undefined,
      scoreText: own ? scoreText(own.score) : '',
      band: own ? shown(facts.model.bands[own.bandIndex]?.label ?? '') : '',
      hasGroupMean: group.meanScore !== null && !sole,
      groupMeanText: group.meanScore === null ? '' : scoreText(group.meanScore),
    });
  }
  return {
    present: rows.length >= 2,
    firstMonth: last === 1,
    yearText: toPersianDigits(year),
    rows,
  };
}
