// Ranks and standings of a group's agencies by score.
import type { RankingMethod } from '../contract/model.ts';

/** What can be ranked: an agency's id, name and (rounded) score. */
export interface Rankable {
  id: string;
  name: string;
  score: number;
}

export interface Ranked<T extends Rankable> {
  rank: number;
  item: T;
}

const persian = new Intl.Collator('fa');

/** Names in Persian collation, then ids (code-point order) so the order is total. */
export function compareByName(
  a: Pick<Rankable, 'id' | 'name'>,
  b: Pick<Rankable, 'id' | 'name'>,
): number {
  return persian.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Ranks by score descending. dense: 1 + the number of distinct higher scores (1, 1, 2);
 * competition: 1 + the number of items with a higher score (1, 1, 3). Listed by rank,
 * equal ranks by name in Persian collation, then id.
 */
export function rankByScore<T extends Rankable>(
  items: readonly T[],
  method: RankingMethod,
): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => b.score - a.score || compareByName(a, b));
  const ranked: Ranked<T>[] = [];
  let distinctHigher = 0;
  let rank = 0;
  let previous: number | undefined;
  sorted.forEach((item, index) => {
    if (previous === undefined || item.score !== previous) {
      rank = method === 'dense' ? distinctHigher + 1 : index + 1;
      distinctHigher++;
      previous = item.score;
    }
    ranked.push({ rank, item });
  });
  return ranked;
}

/**
 * The standing of each item (docs/texts.md#ranks-in-words): 1 + the number of items
 * with a higher score, whatever the ranking method; by id. The last of 100 stands 100th
 * unless it shares that place.
 */
export function standingsOf(items: readonly Pick<Rankable, 'id' | 'score'>[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const standings = new Map<string, number>();
  let standing = 0;
  let previous: number | undefined;
  sorted.forEach((item, index) => {
    if (previous === undefined || item.score !== previous) {
      standing = index + 1;
      previous = item.score;
    }
    standings.set(item.id, standing);
  });
  return standings;
}
