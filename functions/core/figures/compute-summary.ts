// The month's summary JSON (docs/command-line.md#the-summary-json) and results, from one pass over the data.
import { ScoreBook } from './agency-scores.ts';
import { releaseContentHash } from './content-hash.ts';
import { changePercent } from '../language/decimal.ts';
import { GroupFigures } from './group-figures.ts';
import { compareMonths, monthName, previousMonth, type MonthKey } from '../language/jalali.ts';
import { likeForLike } from './like-for-like.ts';
import type { Model } from '../contract/model.ts';
import { monthResult, type MonthResult } from './month-result.ts';
import type { Problem } from '../contract/problems.ts';
import type { GroupSummary, Summary, SummaryStatus } from './summary.ts';

export {
  monthResult,
  NO_GROUP,
  type AgencyResult,
  type EvaluatedResult,
  type MonthResult,
} from './month-result.ts';

function summaryOf(
  book: ScoreBook,
  figures: GroupFigures,
  result: MonthResult,
  problems: readonly Problem[],
  status: SummaryStatus,
): Summary {
  const { model, calculator } = book;
  const month = result.month;
  const before = previousMonth(month);

  const groups: GroupSummary[] = result.groups.map((group): GroupSummary => {
    const now = figures.of(group.name, month);
    const then = figures.of(group.name, before);
    const hadBefore = then.evaluated.length > 0;
    const headlineMean = now.headlineMean;
    const previousHeadlineMean = hadBefore ? then.headlineMean : null;
    return {
      name: group.name,
      evaluated: group.ranking.length,
      notEvaluated: group.notEvaluated.map((a) => ({ id: a.id, name: a.name, reason: a.reason })),
      meanScore: now.meanScore,
      previousMeanScore: hadBefore ? then.meanScore : null,
      bands: now.bands.map((b) => ({ ...b })),
      previousBands: hadBefore ? then.bands.map((b) => ({ ...b })) : null,
      weakShare: now.weakShare,
      previousWeakShare: hadBefore ? then.weakShare : null,
      headline: {
        dimensions: [...calculator.headlineDimensions],
        mean: headlineMean,
        previousMean: previousHeadlineMean,
        changePercent: changePercent(headlineMean, previousHeadlineMean),
      },
      dimensions: calculator.dimensions.map((name, d) => {
        const mean = now.dimensionMeans[d] ?? null;
        const previousMean = hadBefore ? (then.dimensionMeans[d] ?? null) : null;
        return { name, mean, previousMean, changePercent: changePercent(mean, previousMean) };
      }),
      likeForLike: hadBefore ? likeForLike(model, now.evaluated, then.evaluated) : null,
      history: figures.history(group.name, month),
      ranking: group.ranking.map((a) => ({
        rank: a.rank,
        standing: a.standing,
        id: a.id,
        name: a.name,
        score: a.score,
        band: a.band,
        previousScore: a.previousScore,
        previousStanding: a.previousStanding,
      })),
    };
  });

  const top = model.bands.length - 1;
  let topBandEver = 0;
  for (const m of book.months) {
    if (compareMonths(m, month) > 0) continue;
    for (const a of book.month(m).byId.values()) if (a.bandIndex === top) topBandEver++;
  }

  return {
    month,
    monthName: monthName(month),
    previousMonth: result.previousMonth,
    status,
    groups,
    topBandEver,
    problems: problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      tab: p.tab,
      cell: p.cell,
      message: p.message,
    })),
  };
}

/**
 * The month's results (each active agency with its scores, band, rank and previous score,
 * or the reason it was not evaluated). `problems` supply the reasons: the code of the
 * first problem (in array order) with that month and agency.
 */
export function computeMonth(
  model: Model,
  month: MonthKey,
  problems: readonly Problem[] = [],
): MonthResult {
  return monthResult(new ScoreBook(model, problems), month);
}

/** What one computation yields: the summary, the month's results, and (for the agency cards) its figures. */
export interface ComputedResults {
  summary: Summary;
  month: MonthResult;
  /** Group figures per month over the same ScoreBook (`figures.book`), cached: nothing is read twice. */
  figures: GroupFigures;
}

/** The summary and the month's results from one pass over the data (each agency-month once). */
export function computeResults(
  model: Model,
  problems: readonly Problem[],
  month: MonthKey,
  status: SummaryStatus,
): ComputedResults {
  const book = new ScoreBook(model, problems);
  const result = monthResult(book, month);
  const figures = new GroupFigures(book);
  const { problems: listed, ...facts } = summaryOf(book, figures, result, problems, status);
  const contentHash = releaseContentHash({ ...facts, problems: [] }, model);
  return { summary: { ...facts, contentHash, problems: listed }, month: result, figures };
}

/** Every figure of the month's summary JSON (docs/command-line.md#the-summary-json). */
export function computeSummary(
  model: Model,
  problems: Problem[],
  month: MonthKey,
  status: SummaryStatus,
): Summary {
  return computeResults(model, problems, month, status).summary;
}
