/**
 * Who is evaluated in a month, with what figures (score-calculator.ts), and in which band:
 * the score book a month's result, the cards and the release read from.
 */
import { createBandFinder } from './band-shares.ts';
import { createScoreCalculator, type ScoreCalculator } from './score-calculator.ts';
import type { AgencyScores } from './score-terms.ts';
import { KarnamehError } from '../contract/errors.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { Agency, Model, ScoreRow } from '../contract/model.ts';
import type { Problem } from '../contract/problems.ts';

/** An active agency's standing in a month. */
type AgencyMonth =
  | ({ agency: Agency; evaluated: true; bandIndex: number } & AgencyScores)
  | { agency: Agency; evaluated: false; reason: string };

export type EvaluatedAgencyMonth = Extract<AgencyMonth, { evaluated: true }>;

/** Every active agency's standing in a month, in the order of the agencies tab. */
export interface MonthEvaluation {
  month: MonthKey;
  agencies: AgencyMonth[];
  evaluatedCount: number;
  /** Evaluated agencies by id. */
  byId: ReadonlyMap<string, EvaluatedAgencyMonth>;
}

/**
 * Who is evaluated, with what figures, month by month: score rows are grouped by month
 * once and each month is computed once (cached). Inactive agencies are left out; rows of
 * unknown agencies are ignored; should a month hold two rows of one agency, the one
 * higher in the sheet (lower rowIndex) counts, so nothing depends on the rows' order.
 */
export class ScoreBook {
  readonly model: Model;
  readonly calculator: ScoreCalculator;
  readonly findBand: (score: number) => number;
  /** Months that have score rows, ascending. */
  readonly months: readonly MonthKey[];
  private readonly rows: Map<MonthKey, Map<string, ScoreRow>>;
  private readonly firstProblem: Map<string, string>;
  private readonly active: Agency[];
  private readonly cache = new Map<MonthKey, MonthEvaluation>();

  constructor(model: Model, problems: readonly Problem[] = []) {
    if (model.bands.length === 0)
      throw new KarnamehError('internal', 'no bands to place scores in');
    this.model = model;
    this.calculator = createScoreCalculator(model);
    this.findBand = createBandFinder(model.bands);
    this.active = model.agencies.filter((a) => a.active);
    this.rows = new Map();
    for (const row of model.scores) {
      let month = this.rows.get(row.month);
      if (!month) this.rows.set(row.month, (month = new Map()));
      const seen = month.get(row.agencyId);
      if (!seen || row.rowIndex < seen.rowIndex) month.set(row.agencyId, row);
    }
    this.months = [...this.rows.keys()].sort();
    this.firstProblem = new Map();
    for (const p of problems) {
      if (p.month === undefined || p.agencyId === undefined) continue;
      const key = `${p.month}\u0000${p.agencyId}`;
      if (!this.firstProblem.has(key)) this.firstProblem.set(key, p.code);
    }
  }

  /** The row that counts for an agency in a month (the one higher in the sheet), if any. */
  row(month: MonthKey, agencyId: string): ScoreRow | undefined {
    return this.rows.get(month)?.get(agencyId);
  }

  /** The month's standing of every active agency. */
  month(month: MonthKey): MonthEvaluation {
    const known = this.cache.get(month);
    if (known) return known;
    const rows = this.rows.get(month);
    const agencies: AgencyMonth[] = [];
    const byId = new Map<string, EvaluatedAgencyMonth>();
    for (const agency of this.active) {
      const row = rows?.get(agency.id);
      const scores = row ? this.calculator.scores(row.values) : null;
      if (scores) {
        const entry: EvaluatedAgencyMonth = {
          agency,
          evaluated: true,
          bandIndex: this.findBand(scores.score),
          score: scores.score,
          headlineScore: scores.headlineScore,
          dimensionScores: scores.dimensionScores,
        };
        agencies.push(entry);
        byId.set(agency.id, entry);
      } else {
        const reason =
          this.firstProblem.get(`${month}\u0000${agency.id}`) ??
          (row ? 'score.missing' : 'agency.no_submission');
        agencies.push({ agency, evaluated: false, reason });
      }
    }
    const evaluation: MonthEvaluation = { month, agencies, evaluatedCount: byId.size, byId };
    this.cache.set(month, evaluation);
    return evaluation;
  }
}
