// One month's results: each active agency with its figures, rank and standing, or why it has none.
import type { ScoreBook } from './agency-scores.ts';
import { previousMonth, type MonthKey } from '../language/jalali.ts';
import type { Model } from '../contract/model.ts';
import { normalizeName } from '../language/normalize.ts';
import { rankByScore, standingsOf } from './ranking.ts';

/** An evaluated agency in the month's results. */
export interface EvaluatedResult {
  evaluated: true;
  id: string;
  name: string;
  group: string;
  rank: number;
  /** 1 + the number of agencies of its group with a higher score (docs/texts.md#ranks-in-words). */
  standing: number;
  /** Its standing in its group the month before, or null when it was not evaluated then. */
  previousStanding: number | null;
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
interface NotEvaluatedResult {
  evaluated: false;
  id: string;
  name: string;
  group: string;
  reason: string;
  previousScore: number | null;
}

export type AgencyResult = EvaluatedResult | NotEvaluatedResult;

interface GroupResult {
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
      standing: 0,
      previousStanding: null,
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
    const standings = standingsOf(ranked.map((r) => r.item));
    const previousStandings = standingsOf(
      before.agencies.flatMap((a) =>
        a.evaluated && a.agency.group === name ? [{ id: a.agency.id, score: a.score }] : [],
      ),
    );
    for (const r of ranked) {
      r.item.rank = r.rank;
      r.item.standing = standings.get(r.item.id) ?? r.rank;
      r.item.previousStanding = previousStandings.get(r.item.id) ?? null;
    }
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
