// Month-on-month group statements like for like: the direction a sentence may say, and who joined or left.
import { createBandFinder } from '../figures/band-shares.ts';
import { roundToNumber, toFraction } from '../language/decimal.ts';
import type { Band } from '../contract/model.ts';
import type { GroupSummary } from '../figures/summary.ts';
import { displayName } from './names.ts';

export type Direction = 'up' | 'down' | 'same';

/** The direction from `before` to `now`, or null when either is missing. */
function directionOf(now: number | null, before: number | null): Direction | null {
  if (now === null || before === null) return null;
  return now > before ? 'up' : now < before ? 'down' : 'same';
}

/** The group's set of evaluated agencies changed since the month before. */
export function setChanged(group: GroupSummary): boolean {
  const lfl = group.likeForLike;
  return lfl !== null && (lfl.joined.length > 0 || lfl.left.length > 0);
}

/**
 * The direction a sentence comparing the whole group's `now` and `before` may say: the
 * plain direction when the set did not change, or when the like-for-like direction agrees;
 * otherwise null (no direction word: the figures are said without one).
 */
function sayableDirection(
  group: GroupSummary,
  now: number | null,
  before: number | null,
  likeNow: number | null,
  likeBefore: number | null,
): Direction | null {
  const plain = directionOf(now, before);
  if (plain === null || !setChanged(group)) return plain;
  return directionOf(likeNow, likeBefore) === plain ? plain : null;
}

/** The weak share's direction, as a sentence may say it (see {@link sayableDirection}). */
export function weakDirection(group: GroupSummary): Direction | null {
  const lfl = group.likeForLike;
  return sayableDirection(
    group,
    group.weakShare,
    group.previousWeakShare,
    lfl?.weakShare ?? null,
    lfl?.previousWeakShare ?? null,
  );
}

/** Difference of two scores to 2 decimals, exact. */
export function scoreDelta(now: number, before: number): number {
  return roundToNumber(toFraction(now).sub(toFraction(before)), 2);
}

/** Who joined and who left the group's evaluated set, by name (the ids of likeForLike). */
export function joinedAndLeft(group: GroupSummary): { joined: string[]; left: string[] } {
  const lfl = group.likeForLike;
  if (!lfl) return { joined: [], left: [] };
  const names = new Map<string, string>();
  for (const a of group.ranking) names.set(a.id, displayName(a.name));
  for (const a of group.notEvaluated) names.set(a.id, displayName(a.name));
  const nameOf = (id: string): string => names.get(id) ?? id;
  return { joined: lfl.joined.map(nameOf), left: lfl.left.map(nameOf) };
}

/**
 * How many of the agencies evaluated in both months were in the weak bands, this month and
 * the month before (from each one's band and previous score); null without the bands.
 */
export function likeWeakCounts(
  group: GroupSummary,
  bands: readonly Band[],
  weakBands: number,
): { now: number; before: number } | null {
  if (bands.length === 0) return null;
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const find = createBandFinder(sorted);
  const weakLabels = new Set(sorted.slice(0, weakBands).map((b) => b.label));
  let now = 0;
  let before = 0;
  for (const entry of group.ranking) {
    if (entry.previousScore === null) continue;
    if (weakLabels.has(entry.band)) now++;
    if (find(entry.previousScore) < weakBands) before++;
  }
  return { now, before };
}
