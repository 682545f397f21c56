// What every card of a run is written from, gathered once from the release's computation.
import type { ScoreBook } from '../figures/agency-scores.ts';
import {
  monthResult,
  type AgencyResult,
  type ComputedResults,
  type MonthResult,
} from '../figures/compute-summary.ts';
import { KarnamehError } from '../contract/errors.ts';
import type { GroupFigures, GroupMonthFigures } from '../figures/group-figures.ts';
import { previousMonth, type MonthKey } from '../language/jalali.ts';
import type { Model, ScoreRow } from '../contract/model.ts';
import type { Problem } from '../contract/problems.ts';
import { createIndicatorLines, type IndicatorLines } from './card-indicators.ts';

/** An agency's place the month before. */
export interface PreviousStanding {
  /** 1 + the number of its group then with a higher score (ranking.ts). */
  standing: number;
  /** How many of its group were evaluated then. */
  groupSize: number;
  score: number;
  band: string;
  bandIndex: number;
}

/**
 * What every card of a run is written from, gathered once from the release's own
 * computation (its ScoreBook and group figures, both cached): the month's results by
 * agency, group sizes, the month before ranked the same way, and the run month's problems
 * by agency. Nothing here reads the workbook again or recomputes an agency-month.
 */
export class CardFacts {
  readonly model: Model;
  readonly month: MonthKey;
  readonly dimensions: readonly string[];
  readonly figures: GroupFigures;
  readonly book: ScoreBook;
  /** True when anybody was evaluated the month before. */
  readonly previousHeld: boolean;
  private readonly results = new Map<string, AgencyResult>();
  private readonly sizes = new Map<string, number>();
  private readonly previous = new Map<string, PreviousStanding>();
  private readonly problems = new Map<string, Problem[]>();
  private readonly lines: (values: Readonly<Record<string, number | null>>) => IndicatorLines;

  constructor(model: Model, problems: readonly Problem[], computed: ComputedResults) {
    this.model = model;
    this.month = computed.month.month;
    this.figures = computed.figures;
    this.book = computed.figures.book;
    this.dimensions = computed.month.dimensions;
    this.lines = createIndicatorLines(model.indicators);
    for (const a of computed.month.agencies) this.results.set(a.id, a);
    for (const g of computed.month.groups) this.sizes.set(g.name, g.ranking.length);
    const before = previousMonth(this.month);
    this.previousHeld = this.book.month(before).evaluatedCount > 0;
    if (this.previousHeld) this.rememberPrevious(monthResult(this.book, before));
    for (const p of problems) {
      if (p.month !== this.month || p.agencyId === undefined) continue;
      const list = this.problems.get(p.agencyId) ?? [];
      list.push(p);
      this.problems.set(p.agencyId, list);
    }
  }

  private rememberPrevious(result: MonthResult): void {
    for (const group of result.groups) {
      for (const a of group.ranking) {
        this.previous.set(a.id, {
          standing: a.standing,
          groupSize: group.ranking.length,
          score: a.score,
          band: a.band,
          bandIndex: a.bandIndex,
        });
      }
    }
  }

  /** The run month's result of an active agency. */
  result(agencyId: string): AgencyResult {
    const found = this.results.get(agencyId);
    if (!found) throw new KarnamehError('internal', `no active agency ${agencyId} this month`);
    return found;
  }

  has(agencyId: string): boolean {
    return this.results.has(agencyId);
  }

  /** How many of the group were evaluated this month. */
  groupSize(group: string): number {
    return this.sizes.get(group) ?? 0;
  }

  groupNow(group: string): GroupMonthFigures {
    return this.figures.of(group, this.month);
  }

  /** Its standing the month before, when it was evaluated then. */
  previousOf(agencyId: string): PreviousStanding | null {
    return this.previous.get(agencyId) ?? null;
  }

  /** Its score row this month (the one that counts). */
  row(agencyId: string): ScoreRow | undefined {
    return this.book.row(this.month, agencyId);
  }

  /** Its indicators this month, most lost and best (none without a complete row). */
  indicatorLines(agencyId: string): IndicatorLines | null {
    const row = this.row(agencyId);
    return row ? this.lines(row.values) : null;
  }

  /** The run month's problems that belong to the agency, in the problems tab's order. */
  problemsOf(agencyId: string): readonly Problem[] {
    return this.problems.get(agencyId) ?? [];
  }
}
