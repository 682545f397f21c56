/**
 * The content hashes of the agencies' cards as the runs tab recorded them when each card
 * was sent (its `digest` column; core/figures/content-hash.ts), and which reached cards say other
 * facts now than they did then.
 */
import { isContentHash } from '../figures/content-hash.ts';
import { type RunsEntry } from '../contract/runs-log.ts';
import { isDone } from '../contract/runs-state.ts';

/**
 * The content hash of the last card sent under each key in the month. A row written by an
 * earlier version (its hash the whole workbook's, not the card's) gives '' (unknown). A card
 * `written` as .eml (no SMTP) counts only for a run that writes to the outbox too (`outbox`).
 */
export function lastCardHashes(
  runs: readonly RunsEntry[],
  month: string,
  outbox = false,
): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of runs) {
    if (entry.month !== month || entry.kind !== 'card' || !isDone(entry.status, outbox)) continue;
    hashes.set(entry.recipient, isContentHash(entry.contentHash) ? entry.contentHash : '');
  }
  return hashes;
}

/** A card sent before whose facts changed since: its key and both hashes. */
export interface ChangedCard {
  key: string;
  then: string;
  now: string;
}

/**
 * The cards of the month sent before (a known hash) whose content hash now (`now`, by
 * key) differs. A card sent under an unknown hash (an earlier version's row) is not listed.
 */
export function changedCards(
  runs: readonly RunsEntry[],
  month: string,
  now: ReadonlyMap<string, string>,
  outbox = false,
): ChangedCard[] {
  const changed: ChangedCard[] = [];
  for (const [key, then] of lastCardHashes(runs, month, outbox)) {
    const hash = now.get(key);
    if (then !== '' && hash !== undefined && hash !== then) changed.push({ key, then, now: hash });
  }
  return changed;
}
