/**
 * An agency card's content hash (core/figures/content-hash.ts says what a content hash is):
 * what the card states about the agency itself, hashed.
 */
import { monthKey, splitMonth } from '../language/jalali.ts';
import { hashFacts } from '../figures/content-hash.ts';
import type { CardFacts } from './card-facts.ts';

/**
 * What an agency's card states about the agency itself: its result (score, band, rank,
 * dimension scores, or why it was not evaluated), its group and the group's size, its
 * standing the month before, its indicator values, its path through the year, and the
 * problems of its row (by code and cell). Its group's means are left out on purpose: one
 * agency corrected moves them, and its group-mates' cards would count as changed and get
 * a correction for a figure that was never wrong about them (the release, which states
 * those means, is changed then anyway).
 */
function cardFacts(facts: CardFacts, agencyId: string): Record<string, unknown> {
  const result = facts.result(agencyId);
  const { year, month: last } = splitMonth(facts.month);
  const path: unknown[] = [];
  for (let m = 1; m <= last; m++) {
    const key = monthKey(year, m);
    const evaluation = facts.book.month(key);
    if (evaluation.evaluatedCount === 0) continue;
    const own = evaluation.byId.get(agencyId);
    path.push({ month: key, score: own?.score ?? null, band: own?.bandIndex ?? null });
  }
  return {
    month: facts.month,
    result,
    groupSize: facts.groupSize(result.group),
    dimensions: facts.dimensions,
    previous: facts.previousOf(agencyId),
    indicators: result.evaluated ? (facts.row(agencyId)?.values ?? null) : null,
    year: path,
    problems: facts.problemsOf(agencyId).map((p) => ({ code: p.code, tab: p.tab, cell: p.cell })),
  };
}

/** An agency card's content hash. */
export const cardContentHash = (facts: CardFacts, agencyId: string): string =>
  hashFacts(cardFacts(facts, agencyId));
