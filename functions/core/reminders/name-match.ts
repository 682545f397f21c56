/**
 * Which agency an unknown name in a score row most likely means: the one whose name (or
 * id), normalized, is within a few edits of it or contains it, when exactly one is
 * closest. Used only to tell an agency that a row it may have typed was not read.
 */
import { normalizeName } from '../language/normalize.ts';

/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** How far `typed` is from `name` (both normalized), or null when too far to be meant. */
function closeness(typed: string, name: string): number | null {
  if (typed === '' || name === '') return null;
  const shorter = Math.min([...typed].length, [...name].length);
  // A name cut short or with a word added: «آموزش و پرورش» for «اداره کل آموزش و پرورش».
  if (shorter >= 5 && (name.includes(typed) || typed.includes(name))) return 0.5;
  const distance = editDistance(typed, name);
  const allowed = Math.max(1, Math.floor([...name].length / 5));
  return distance <= allowed ? distance : null;
}

/**
 * The one candidate `typed` most likely names, or null when none is close or two are
 * equally close. Candidates are matched by name and by id.
 */
export function closestAgency<T extends { id: string; name: string }>(
  typed: string,
  candidates: readonly T[],
): T | null {
  const key = normalizeName(typed);
  let best: T | null = null;
  let bestScore = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    const scores = [
      closeness(key, normalizeName(candidate.name)),
      closeness(key, normalizeName(candidate.id)),
    ].filter((s): s is number => s !== null);
    if (scores.length === 0) continue;
    const score = Math.min(...scores);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) {
      tied = true;
    }
  }
  return tied ? null : best;
}
