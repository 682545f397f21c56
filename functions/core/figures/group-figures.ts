/** A group's figures per month (means, counts, history), each month computed once. */
import type { EvaluatedAgencyMonth, MonthEvaluation, ScoreBook } from './agency-scores.ts';
import { bandShares, weakShareOf, type BandShare } from './band-shares.ts';
import { meanRounded } from '../language/decimal.ts';
import { splitMonth, monthKey, type MonthKey } from '../language/jalali.ts';
import type { Model } from '../contract/model.ts';

/** One group's figures for one month. Means are of the rounded agency values, to 2 decimals. */
export interface GroupMonthFigures {
  group: string;
  month: MonthKey;
  evaluated: EvaluatedAgencyMonth[];
  /** null when nobody in the group was evaluated. */
  meanScore: number | null;
  headlineMean: number | null;
  /** Aligned with the calculator's dimensions. */
  dimensionMeans: (number | null)[];
  /** Every band, low to high, zeros included. */
  bands: BandShare[];
  weakShare: number | null;
}

export interface HistoryPoint {
  month: MonthKey;
  weakShare: number;
  meanScore: number;
}

/** The group's figures in an evaluated month. */
function groupMonthFigures(
  model: Pick<Model, 'bands' | 'settings'>,
  evaluation: MonthEvaluation,
  group: string,
  dimensionCount: number,
): GroupMonthFigures {
  const evaluated: EvaluatedAgencyMonth[] = [];
  for (const a of evaluation.agencies) {
    if (a.evaluated && a.agency.group === group) evaluated.push(a);
  }
  const bands = bandShares(
    model.bands,
    evaluated.map((a) => a.bandIndex),
  );
  const dimensionMeans: (number | null)[] = [];
  for (let d = 0; d < dimensionCount; d++) {
    dimensionMeans.push(meanRounded(evaluated.map((a) => a.dimensionScores[d] ?? 0)));
  }
  return {
    group,
    month: evaluation.month,
    evaluated,
    meanScore: meanRounded(evaluated.map((a) => a.score)),
    headlineMean: meanRounded(evaluated.map((a) => a.headlineScore)),
    dimensionMeans,
    bands,
    weakShare: weakShareOf(bands, model.settings.weakBands),
  };
}

/** Group figures per month, each computed once. */
export class GroupFigures {
  readonly book: ScoreBook;
  private readonly cache = new Map<string, GroupMonthFigures>();

  constructor(book: ScoreBook) {
    this.book = book;
  }

  of(group: string, month: MonthKey): GroupMonthFigures {
    const key = `${month}\u0000${group}`;
    const known = this.cache.get(key);
    if (known) return known;
    const figures = groupMonthFigures(
      this.book.model,
      this.book.month(month),
      group,
      this.book.calculator.dimensions.length,
    );
    this.cache.set(key, figures);
    return figures;
  }

  /**
   * For each month of the run month's Jalali year, from month 01 up to and including the
   * run month, in which the group has evaluated agencies: its weak share and mean score.
   */
  history(group: string, runMonth: MonthKey): HistoryPoint[] {
    const { year, month: last } = splitMonth(runMonth);
    const points: HistoryPoint[] = [];
    for (let m = 1; m <= last; m++) {
      const f = this.of(group, monthKey(year, m));
      if (f.evaluated.length === 0 || f.weakShare === null || f.meanScore === null) continue;
      points.push({ month: f.month, weakShare: f.weakShare, meanScore: f.meanScore });
    }
    return points;
  }
}
