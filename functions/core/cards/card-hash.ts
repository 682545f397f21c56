// The hash that decides whether a correction run re-sends an agency's card.
import { createHash } from 'node:crypto';
import type { RunsEntry } from '../runs-log.ts';
import type { CardView } from './card-view.ts';

/**
 * The hash that decides whether a correction run (`--force`) re-sends an agency's card:
 * 16 hex characters of sha-256 over what the card says about the agency itself (its score,
 * band, rank, changes, dimension scores, indicators, year, why not evaluated), without the
 * run's marks (footer, correction, test copy) and without its group's means (the
 * standing's, each dimension's, each month's of the year table).
 *
 * The group's means are left out on purpose: when one agency's scores are corrected, the
 * means of its group move, and every group-mate's card would otherwise count as changed
 * and get a correction for a figure that was never wrong about it. A change of its own
 * rank (the corrected agency passing it) does count, as does the `above/below/same`
 * comparison only through the agency's own dimension score.
 */
export function cardCorrectionHash(view: CardView): string {
  const { footer: _f, correction: _c, testCopy: _t, standing, dimensions, year, ...rest } = view;
  const { hasGroupMean: _g, groupMeanText: _m, ...ownStanding } = standing;
  const ownDimensions = dimensions.map((d) => ({ name: d.name, score: d.scoreText }));
  const ownYear = {
    ...year,
    rows: year.rows.map(({ hasGroupMean: _h, groupMeanText: _y, ...own }) => own),
  };
  const content = { ...rest, standing: ownStanding, dimensions: ownDimensions, year: ownYear };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

/** `hash=<16 hex>` as written at the head of a card row's detail. */
export const cardHashNote = (hash: string): string => `hash=${hash}`;

/** The hash of the last card sent under each key in the month (from `hash=…` in the detail). */
export function lastCardHashes(runs: readonly RunsEntry[], month: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of runs) {
    if (entry.month !== month || entry.kind !== 'card' || entry.status !== 'sent') continue;
    const found = /^hash=([0-9a-f]{16})\b/.exec(entry.detail);
    hashes.set(entry.recipient, found?.[1] ?? '');
  }
  return hashes;
}
