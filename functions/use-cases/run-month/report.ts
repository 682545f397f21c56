/** The run row's last word and the person's lines after delivering the release and the cards. */
import { shortList } from '../../core/language/short-list.ts';
import { monthName } from '../../core/language/jalali.ts';
import type { RunsEntry } from '../../core/contract/runs-log.ts';
import {
  cardsNote,
  joinNotes,
  releaseNote,
  type DeliveryCounts,
} from '../../core/runs/run-notes.ts';
import type { DeliveryResult } from '../delivery-ledger/deliver.ts';
import { outcomeOf } from './outcome.ts';
import type { MonthRun } from './read-and-decide.ts';
import type { RunMonthOutcome } from './types.ts';

const emails = (result: DeliveryResult, status: 'sent' | 'failed' | 'unconfirmed'): string[] =>
  result.outcomes.filter((o) => o.status === status).map((o) => o.key);

/** Whether the messages that went out were only written as .eml files (the outbox, no SMTP). */
const onlyWritten = (result: DeliveryResult): boolean =>
  result.outcomes.some((o) => o.file !== undefined) &&
  result.outcomes.every((o) => o.status !== 'sent' || o.file !== undefined);

/** A delivery's result as the runs tab's notes count it. */
const countsOf = (result: DeliveryResult): DeliveryCounts => ({
  sent: emails(result, 'sent').length,
  failed: emails(result, 'failed'),
  unconfirmed: emails(result, 'unconfirmed'),
  skipped: result.interrupted ? result.skipped : null,
  written: onlyWritten(result),
});

/**
 * The run row's last word after delivering: status, and a Persian line of what went out.
 * A run whose messages the outbox only wrote as .eml files ends `written` (not `sent`):
 * nobody got them, and a later run with SMTP sends them.
 */
export function closingRow(
  result: DeliveryResult,
  lead: string,
): Pick<RunsEntry, 'status' | 'detail'> {
  const counts = countsOf(result);
  const status = result.interrupted
    ? 'interrupted'
    : counts.failed.length + counts.unconfirmed.length === 0
      ? counts.written
        ? 'written'
        : 'sent'
      : counts.sent === 0
        ? 'failed'
        : 'partial';
  return { status, detail: releaseNote(counts, lead) };
}

/**
 * The run row's last word when the run sent cards too: the status of all its mail together
 * (`sent` when every message of both kinds was confirmed, `partial` when some were,
 * `failed` when none were, `interrupted` when stopped), the release's line, then
 * «کارنامه: ارسال به N دستگاه» and the cards not reached. With no release sent in this run
 * (a rerun that only sends the cards left), the release's part is left out.
 */
export function closingWithCards(
  release: DeliveryResult | null,
  cards: DeliveryResult,
  lead: string,
): Pick<RunsEntry, 'status' | 'detail'> {
  const all: DeliveryResult = {
    outcomes: [...(release?.outcomes ?? []), ...cards.outcomes],
    skipped: [...(release?.skipped ?? []), ...cards.skipped],
    interrupted: (release?.interrupted ?? false) || cards.interrupted,
  };
  const { status } = closingRow(all, '');
  const releasePart = release ? closingRow(release, lead).detail : lead;
  const detail = joinNotes([releasePart, cardsNote(countsOf(cards))]);
  return { status, detail };
}

/**
 * How a message that went out is said: `sent to` over SMTP, `written as .eml for` when the
 * mailer only writes files (no SMTP_URL: nothing went over the network).
 */
export const sentWords = (run: MonthRun): string =>
  run.ports.mailer?.outbox !== undefined ? 'written as .eml for' : 'sent to';

/** One line on the cards of the run, for the person (empty when none were tried). */
export function cardsLine(
  cards: DeliveryResult | null,
  heldBack: string[],
  sentAs = 'sent to',
): string {
  if (!cards || (cards.outcomes.length === 0 && heldBack.length === 0 && !cards.interrupted)) {
    return '';
  }
  const sent = emails(cards, 'sent').length;
  const notReached = [...emails(cards, 'failed'), ...emails(cards, 'unconfirmed')];
  const parts = [`cards ${sentAs} ${sent} agenc${sent === 1 ? 'y' : 'ies'}`];
  if (notReached.length > 0) parts.push(`not reached: ${notReached.join(', ')}`);
  if (cards.interrupted)
    parts.push(`stopped before ${cards.skipped.length} (${shortList(cards.skipped)})`);
  if (heldBack.length > 0) parts.push(`never confirmed, held back: ${heldBack.join(', ')}`);
  return parts.join(', ');
}

/** Whether every card tried was confirmed sent. */
export const cardsClean = (cards: DeliveryResult | null): boolean =>
  !cards || (!cards.interrupted && cards.outcomes.every((o) => o.status === 'sent'));

/** Step 6: what a person is told, and the exit code (0 all sent, 3 anything else). */
export function reportDelivery(
  run: MonthRun,
  result: DeliveryResult,
  what: string,
  heldBack: string[],
  cards: { result: DeliveryResult | null; heldBack: string[] } = { result: null, heldBack: [] },
  /** A test copy (`--to`): recorded as nothing sent, so no later run sends it; say so. */
  testCopy = false,
): RunMonthOutcome {
  const sent = emails(result, 'sent').length;
  const failed = emails(result, 'failed');
  const unconfirmed = emails(result, 'unconfirmed');
  const name = monthName(run.month);
  const sentAs = sentWords(run);
  const parts = [`${name}: ${what} ${sentAs} ${sent}`];
  if (failed.length > 0) parts.push(`failed for ${failed.length} (${failed.join(', ')})`);
  if (unconfirmed.length > 0) {
    parts.push(
      testCopy
        ? `unconfirmed for ${unconfirmed.length} (${unconfirmed.join(', ')}: the server took the message but never said so; check that mailbox)`
        : `unconfirmed for ${unconfirmed.length} (${unconfirmed.join(', ')}: the server took the message but never said so; not sent again without --resend-unconfirmed)`,
    );
  }
  if (result.interrupted) {
    parts.push(
      testCopy
        ? `stopped before ${result.skipped.length} (${shortList(result.skipped)}), not sent`
        : `stopped before ${result.skipped.length} (${shortList(result.skipped)}), not sent; the next run sends to them`,
    );
  }
  const clean = parts.length === 1;
  // A test copy is never sent by a later run: only the same command, run again, sends it.
  const next = testCopy
    ? '; nothing is sent later by itself: run the same command again to send the test copy'
    : failed.length > 0
      ? '; the next run sends only to those not reached'
      : '';
  const released = clean ? `${parts[0]} recipient(s)` : `${parts.join(', ')}${next}`;
  const cardText = cardsLine(cards.result, cards.heldBack, sentAs);
  const message = cardText ? `${released}; ${cardText}` : released;
  const code = clean && cardsClean(cards.result) ? 0 : 3;
  return outcomeOf(run, 'sent', code, message, {
    cards: cards.result?.outcomes ?? [],
    deliveries: result.outcomes,
    unconfirmed: [...heldBack, ...unconfirmed],
    notSent: [...result.skipped, ...(cards.result?.skipped ?? [])],
  });
}
