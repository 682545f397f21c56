// What a run answers, shared by `karnameh run --json` and the HTTP functions: the summary JSON with its deliveries (docs/command-line.md), and the run's own facts.
import { basename, dirname } from 'node:path';
import type { Summary } from '../../core/figures/summary.ts';
import type { DeliveryOutcome } from '../delivery-ledger/ledger.ts';
import type { RunMonthOutcome } from './types.ts';

/** One message of the run, as the summary JSON of docs/command-line.md gives it. */
export interface DeliveryLine {
  /** `test`: a test copy (`--to`), never counted as the month sent. */
  kind: 'release' | 'correction' | 'card' | 'test';
  recipient: string;
  /** The agency of a card; null for the release. */
  agency: string | null;
  /**
   * `sent` (over SMTP, or written as an .eml file: then `file`); `failed` (the next run
   * sends it); `held` (never confirmed: not sent again without --resend-unconfirmed);
   * `skipped` (the run was stopped before it; the next run sends it).
   */
  status: 'sent' | 'failed' | 'held' | 'skipped';
  /** Why it is not `sent`; null when it is. */
  reason: string | null;
  /** The .eml file it was written as, when there is no SMTP. */
  file?: string;
}

const HELD_EARLIER =
  'an earlier delivery was never confirmed: not sent again without --resend-unconfirmed';
const UNCONFIRMED =
  'the server took the message but never said so: not sent again without --resend-unconfirmed';
const STOPPED = 'the run was stopped before it: the next run sends it';

/** `a17:ali@x.org` → agency a17, recipient ali@x.org (a card's ledger key). */
function cardKey(key: string): { agency: string; recipient: string } {
  const at = key.lastIndexOf(':');
  return { agency: key.slice(0, at), recipient: key.slice(at + 1) };
}

function line(kind: DeliveryLine['kind'], outcome: DeliveryOutcome): DeliveryLine {
  const card = kind === 'card' ? cardKey(outcome.key) : null;
  const status = outcome.status === 'unconfirmed' ? 'held' : outcome.status;
  return {
    kind,
    recipient: card?.recipient ?? outcome.email,
    agency: card?.agency ?? null,
    status,
    reason:
      status === 'sent' ? null : outcome.status === 'unconfirmed' ? UNCONFIRMED : outcome.detail,
    ...(outcome.file ? { file: outcome.file } : {}),
  };
}

/** A key this run did not try: held back (never confirmed) or skipped (the run stopped). */
function untried(
  key: string,
  release: DeliveryLine['kind'],
  status: 'held' | 'skipped',
): DeliveryLine {
  const card = key.includes(':') ? cardKey(key) : null;
  return {
    kind: card ? 'card' : release,
    recipient: card?.recipient ?? key,
    agency: card?.agency ?? null,
    status,
    reason: status === 'held' ? HELD_EARLIER : STOPPED,
  };
}

/**
 * Every message of the run with its outcome: the release (or correction, or test copy),
 * then the cards, then those held back because an earlier delivery was never confirmed,
 * and those not tried because the run was stopped.
 */
export function deliveriesOf(outcome: RunMonthOutcome): DeliveryLine[] {
  const release = outcome.releaseKind ?? 'release';
  const tried = new Set([...outcome.deliveries, ...outcome.cards].map((d) => d.key));
  return [
    ...outcome.deliveries.map((d) => line(release, d)),
    ...outcome.cards.map((d) => line('card', d)),
    ...outcome.unconfirmed.filter((k) => !tried.has(k)).map((k) => untried(k, release, 'held')),
    ...outcome.notSent.map((k) => untried(k, release, 'skipped')),
  ];
}

/**
 * What a run answers besides the summary. The agencies' cards are said as counts and the
 * keys not reached (each card is in `deliveries`), and a dry run's card previews as their
 * folder and count (not hundreds of paths).
 */
export function runInfo(outcome: RunMonthOutcome, requestedBy: string | undefined) {
  const isCard = (file: string) => basename(dirname(file)) === 'cards';
  const cardFiles = outcome.previewFiles.filter(isCard);
  const notReached = (status: string) =>
    outcome.cards.filter((c) => c.status === status).map((c) => c.key);
  return {
    runId: outcome.runId,
    message: outcome.message,
    deliveries: deliveriesOf(outcome),
    cards: {
      sent: outcome.cards.filter((c) => c.status === 'sent').length,
      failed: notReached('failed'),
      unconfirmed: notReached('unconfirmed'),
    },
    unconfirmed: outcome.unconfirmed,
    previewFiles: outcome.previewFiles.filter((file) => !isCard(file)),
    cardPreviews:
      cardFiles.length > 0
        ? { folder: dirname(cardFiles[0] ?? ''), files: cardFiles.length }
        : null,
    requestedBy: requestedBy ?? null,
  };
}

export type RunInfo = Omit<ReturnType<typeof runInfo>, 'deliveries'>;

/** The summary JSON of a run (docs/command-line.md), `deliveries` included: `karnameh run --json`. */
export function summaryAnswer(outcome: RunMonthOutcome): Summary & { deliveries: DeliveryLine[] } {
  return { ...outcome.summary, deliveries: deliveriesOf(outcome) };
}

/** The summary JSON of a run, plus the run's facts (`run`): the HTTP answer. */
export function runAnswer(
  outcome: RunMonthOutcome,
  requestedBy: string | undefined,
): Summary & { deliveries: DeliveryLine[]; run: RunInfo } {
  const { deliveries, ...run } = runInfo(outcome, requestedBy);
  return { ...outcome.summary, deliveries, run };
}
