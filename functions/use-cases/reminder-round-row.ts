/** The run row of a reminder round at its end: done (`closing`) or stopped by a signal (`stopped`). */
import type { RunsEntry } from '../core/contract/runs-log.ts';
import { reminderClosingNote, reminderStoppedNote } from '../core/runs/run-notes.ts';
import type { WorkbookStore } from '../ports.ts';
import type { Claim } from './delivery-ledger/claim.ts';
import type { DeliveryOutcome } from './delivery-ledger/ledger.ts';

/** A round stopped by a signal: its run row closed `interrupted`, saying what was not sent. */
export async function stopped(
  claim: Claim,
  ports: { store: WorkbookStore; now: () => Date },
  outcomes: DeliveryOutcome[],
  untried: number,
  why: string,
): Promise<void> {
  const sent = outcomes.filter((o) => o.status === 'sent').length;
  Object.assign(claim.entry, {
    status: 'interrupted',
    detail: reminderStoppedNote(why, sent, untried, onlyWritten(outcomes)),
    at: ports.now().toISOString(),
  });
  await ports.store.write({ outputs: {}, runs: [claim.entry] });
}

/** Whether the round's messages that went out were only written as .eml files (no SMTP). */
const onlyWritten = (outcomes: DeliveryOutcome[]): boolean =>
  outcomes.some((o) => o.file !== undefined) &&
  outcomes.every((o) => o.status !== 'sent' || o.file !== undefined);

/**
 * The round's run row at its end: `written` (not `sent`) when the outbox only wrote its
 * messages as .eml files (a later round with SMTP sends them).
 */
export function closing(outcomes: DeliveryOutcome[]): Pick<RunsEntry, 'status' | 'detail'> {
  const count = (status: DeliveryOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length;
  const sent = count('sent');
  const missed = outcomes.length - sent;
  const written = onlyWritten(outcomes);
  const status =
    outcomes.length === 0
      ? 'already-sent'
      : missed === 0
        ? written
          ? 'written'
          : 'sent'
        : sent > 0
          ? 'partial'
          : 'failed';
  const detail = reminderClosingNote(
    sent,
    missed > 0 ? { failed: count('failed'), unconfirmed: count('unconfirmed') } : null,
    written,
  );
  return { status, detail };
}
