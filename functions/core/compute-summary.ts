import { ScoreBook } from './agency-scores.ts';
import { releaseContentHash } from './content-hash.ts';
import { changePercent } from './decimal.ts';
import { GroupFigures } from './group-figures.ts';
import { compareMonths, monthName, previousMonth, type MonthKey } from './jalali.ts';
import type { Model } from './model.ts';
import { normalizeName } from './normalize.ts';
import type { Problem } from './problems.ts';
import { rankByScore } from './ranking.ts';
import type { GroupSummary, Summary, SummaryStatus } from './summary.ts';

/** An evaluated agency in the month's results. */
export interface EvaluatedResult {
  evaluated: true;
  id: string;
  name: string;
  group: string;
  rank: number;
  score: number;
  headlineScore: number;
  /** Aligned with `MonthResult.dimensions`. */
  dimensionScores: number[];
  band: string;
  bandIndex: number;
  /** Its score the month before, or null when it was not evaluated then. */
  previousScore: number | null;
}

/** An active agency that was not evaluated, with the code of its first problem. */
export interface NotEvaluatedResult {
  evaluated: false;
  id: string;
  name: string;
  group: string;
  reason: string;
  previousScore: number | null;
}

export type AgencyResult = EvaluatedResult | NotEvaluatedResult;

export interface GroupResult {
  name: string;
  /** Every evaluated agency, by rank, then name (Persian collation), then id. */
  ranking: EvaluatedResult[];
  /** In the order of the agencies tab. */
  notEvaluated: NotEvaluatedResult[];
}

/** One month's results, for the results tab. Inactive agencies are not in it. */
export interface MonthResult {
  month: MonthKey;
  /** The month before, when anybody was evaluated in it; else null. */
  previousMonth: MonthKey | null;
  dimensions: string[];
  headlineDimensions: string[];
  groups: GroupResult[];
  /** Every active agency, in the order of the agencies tab. */
  agencies: AgencyResult[];
}

/** The group an agency with an empty group cell is listed under, among the not evaluated. */
export const NO_GROUP = 'بدون گروه';

/** The groups: model.groups, then (defensively) any active agency's group it lacks. */
function groupsOf(model: Model): string[] {
  const groups = [...model.groups];
  for (const a of model.agencies) if (a.active && !groups.includes(a.group)) groups.push(a.group);
  return groups;
}

/**
 * The agencies that could not be placed (model.unplaced), as not evaluated with their
 * problem's code: under their group as the group is written elsewhere, or `NO_GROUP`.
 */
function unplacedResults(model: Model, groups: string[]): NotEvaluatedResult[] {
  const byKey = new Map(groups.map((g) => [normalizeName(g), g]));
  return (model.unplaced ?? []).map((a) => {
    const key = normalizeName(a.group);
    let group = byKey.get(key);
    if (group === undefined) {
      group = key === '' ? NO_GROUP : a.group;
      byKey.set(key, group);
      groups.push(group);
    }
    return {
      evaluated: false,
      id: a.id,
      name: a.name,
      group,
      reason: a.reason,
      previousScore: null,
    };
  });
}

export function monthResult(book: ScoreBook, month: MonthKey): MonthResult {
  const { model, calculator } = book;
  const now = book.month(month);
  const before = book.month(previousMonth(month));
  const previousScore = (id: string): number | null => before.byId.get(id)?.score ?? null;

  const agencies: AgencyResult[] = now.agencies.map((a): AgencyResult => {
    const common = {
      id: a.agency.id,
      name: a.agency.name,
      group: a.agency.group,
      previousScore: previousScore(a.agency.id),
    };
    if (!a.evaluated) return { evaluated: false, ...common, reason: a.reason };
    return {
      evaluated: true,
      ...common,
      rank: 0, // set below, within the group
      score: a.score,
      headlineScore: a.headlineScore,
      dimensionScores: [...a.dimensionScores],
      band: model.bands[a.bandIndex]?.label ?? '',
      bandIndex: a.bandIndex,
    };
  });

  const names = groupsOf(model);
  agencies.push(...unplacedResults(model, names));
  const groups: GroupResult[] = names.map((name) => {
    const members = agencies.filter((a) => a.group === name);
    const ranked = rankByScore(
      members.filter((a): a is EvaluatedResult => a.evaluated),
      model.settings.ranking,
    );
    for (const r of ranked) r.item.rank = r.rank;
    return {
      name,
      ranking: ranked.map((r) => r.item),
      notEvaluated: members.filter((a): a is NotEvaluatedResult => !a.evaluated),
    };
  });

  return {
    month,
    previousMonth: before.evaluatedCount > 0 ? before.month : null,
    dimensions: [...calculator.dimensions],
    headlineDimensions: [...calculator.headlineDimensions],
    groups,
    agencies,
  };
}

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
      history: figures.history(group.name, month),
      ranking: group.ranking.map((a) => ({
        rank: a.rank,
        id: a.id,
        name: a.name,
        score: a.score,
        band: a.band,
        previousScore: a.previousScore,
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

/** Every figure of the month's summary JSON (interfaces.md). */
export function computeSummary(
  model: Model,
  problems: Problem[],
  month: MonthKey,
  status: SummaryStatus,
): Summary {
  return computeResults(model, problems, month, status).summary;
}
