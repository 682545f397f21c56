/**
 * The content hash of a message (docs/sent-record.md#when-a-sent-month-is-changed): 16 hex characters of
 * sha-256 over the canonical JSON (RFC 8785) of the facts the message states, per message
 * kind: the release (the month's summary figures, bands, ranks and standings, names, the
 * agencies not evaluated, and the settings it states) here, and each agency's card in
 * core/cards/card-content-hash.ts. Not the wording, the run id, the dates, or anything else
 * in the workbook: a month is "changed" only when a message's readers would get other facts.
 *
 * The facts are taken as structured objects with a short list of what is left out, so a
 * field added to them later (a new figure in the summary) is part of the hash by itself.
 */
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { Model } from '../contract/model.ts';
import type { Summary } from './summary.ts';

/**
 * RFC 8785 canonical JSON. The package is CommonJS (`module.exports = serialize`), which a
 * default import gives as it is; its types declare an ES default export instead.
 */
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** A content hash: 16 lower-case hex characters. */
const CONTENT_HASH = /^[0-9a-f]{16}$/;

/**
 * True for a content hash as this version records it in the runs tab's `digest` column.
 * Rows written by earlier versions carry a 12-character hash of the whole workbook
 * instead: their content is unknown, and they never make a month "changed".
 */
export const isContentHash = (value: string): boolean => CONTENT_HASH.test(value);

/** sha-256 of the canonical JSON of `facts`, first 16 hex characters. */
export function hashFacts(facts: unknown): string {
  const json = canonicalize(facts) ?? 'null';
  return createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 16);
}

/** Summary fields that are not facts of the release: the run's state and the hash itself. */
const NOT_RELEASE_FACTS = new Set(['status', 'problems', 'deliveries', 'contentHash']);

/**
 * The facts the release states: every field of the summary but the run's status, its
 * problems and deliveries; and the settings the release names or that decide what it
 * shows (province, spokesperson, the ranks announced, the weak bands, the bands' bounds).
 */
function releaseFacts(summary: Summary, model: Model): Record<string, unknown> {
  const figures = Object.fromEntries(
    Object.entries(summary).filter(([key]) => !NOT_RELEASE_FACTS.has(key)),
  );
  const { settings } = model;
  return {
    figures,
    stated: {
      province: settings.province,
      spokesperson: settings.spokesperson,
      spokespersonTitle: settings.spokespersonTitle,
      top: settings.top,
      weakBands: settings.weakBands,
      bands: model.bands.map((band) => ({ label: band.label, min: band.min })),
    },
  };
}

/** The release's content hash (`contentHash` of the summary JSON). */
export const releaseContentHash = (summary: Summary, model: Model): string =>
  hashFacts(releaseFacts(summary, model));
