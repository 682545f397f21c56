// What the press release is written from: the summary, the settings' wording, and figures the summary JSON does not carry.
import { ScoreBook } from '../figures/agency-scores.ts';
import { meanRounded } from '../language/decimal.ts';
import { GroupFigures } from '../figures/group-figures.ts';
import { monthKey, previousMonth, splitMonth, type MonthKey } from '../language/jalali.ts';
import type { Model } from '../contract/model.ts';
import { monthResult } from '../figures/month-result.ts';
import type { Problem } from '../contract/problems.ts';
import type { Summary } from '../figures/summary.ts';
import type { HeadlineLikeForLike } from './title.ts';
import type { HistoryCounts } from './year-table.ts';

/** Everything the press release is written from: the summary plus what the sheet says about wording. */
export interface ReleaseInput {
  summary: Summary;
  province: string;
  spokesperson: string | null;
  spokespersonTitle: string | null;
  /** How many ranks per group the release announces (settings `top`). */
  top: number;
  /** How many of the lowest bands count as weak (settings `weak_bands`). */
  weakBands: number;
  indicatorCount: number;
  /** All dimension names, in sheet order. */
  dimensions: string[];
  runId: string;
  /** The content hash of what is sent (hex; the input hash when there is none), so every figure can be traced. */
  contentHash: string;
  computedAt: Date;
  /** True when the month was already sent and is sent again on purpose (`--force`): a correction. */
  correction: boolean;
  /** A test copy (`--to`): the subject says «نسخه آزمایشی». */
  test?: boolean;
  /** Settings `source`: «به گزارش {source}،». */
  source?: string | null;
  /** Settings `purpose`: why the council evaluates, in the spokesperson's name. */
  purpose?: string | null;
  /** The plural of each group (`Model.groupPlurals`); missing ones follow the rule. */
  groupPlurals?: Record<string, string>;
  /** The bands with their lower bounds, for the thresholds in the method. */
  bands?: { label: string; min: number }[];
  /** Each agency's rank the month before (id → rank), for a leader that lost its rank. */
  previousRanks?: Record<string, number>;
  /** The first group's headline mean on the agencies evaluated in both months. */
  headlineLikeForLike?: HeadlineLikeForLike | null;
  /** Per group and month of the year: weak and evaluated counts, for small groups' year table. */
  historyCounts?: HistoryCounts;
  /** The secretariat's contact for the closing line (settings `contact`). */
  contact?: string | null;
}

/** Each agency's rank in its group in `month` (id → rank); empty when nobody was evaluated. */
function ranksOf(book: ScoreBook, month: MonthKey): Record<string, number> {
  const ranks: Record<string, number> = {};
  for (const group of monthResult(book, month).groups) {
    for (const entry of group.ranking) ranks[entry.id] = entry.rank;
  }
  return ranks;
}

/** The first group's headline mean this month and the month before, on the agencies of both. */
function headlineLikeForLike(book: ScoreBook, month: MonthKey): HeadlineLikeForLike | null {
  const first = (m: MonthKey) => monthResult(book, m).groups[0]?.ranking ?? [];
  const now = first(month);
  const before = new Map(first(previousMonth(month)).map((a) => [a.id, a.headlineScore]));
  if (before.size === 0) return null;
  const both = now.filter((a) => before.has(a.id));
  return {
    agencies: both.length,
    mean: meanRounded(both.map((a) => a.headlineScore)),
    previousMean: meanRounded(both.map((a) => before.get(a.id) ?? 0)),
  };
}

/** Each group's weak and evaluated counts in each month of the year up to `month`. */
function historyCounts(book: ScoreBook, month: MonthKey): HistoryCounts {
  const { model } = book;
  const figures = new GroupFigures(book);
  const { year, month: last } = splitMonth(month);
  const out: HistoryCounts = {};
  for (const group of model.groups) {
    const byMonth: HistoryCounts[string] = {};
    for (let m = 1; m <= last; m++) {
      const f = figures.of(group, monthKey(year, m));
      const weak = f.bands
        .slice(0, Math.max(0, model.settings.weakBands))
        .reduce((n, band) => n + band.count, 0);
      byMonth[f.month] = { weak, evaluated: f.evaluated.length };
    }
    out[group] = byMonth;
  }
  return out;
}

/** What the release needs from the model beyond the summary (pure). */
export function releaseWording(
  model: Model,
  problems: readonly Problem[],
  month: MonthKey,
): Pick<
  ReleaseInput,
  | 'source'
  | 'purpose'
  | 'contact'
  | 'groupPlurals'
  | 'bands'
  | 'previousRanks'
  | 'headlineLikeForLike'
  | 'historyCounts'
> {
  // One pass over the score rows for every figure below (each month computed once).
  const book = new ScoreBook(model, problems);
  return {
    source: model.settings.source,
    purpose: model.settings.purpose,
    contact: model.settings.contact,
    groupPlurals: model.groupPlurals,
    bands: model.bands.map((band) => ({ label: band.label, min: band.min })),
    previousRanks: ranksOf(book, previousMonth(month)),
    headlineLikeForLike: headlineLikeForLike(book, month),
    historyCounts: historyCounts(book, month),
  };
}
