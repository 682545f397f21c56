/**
 * The delivery ledger: exactly-once mail, recorded in the runs tab, for any mail kind.
 *
 * A run that sends mail (the release: kind `release`, or `correction` when sent again with
 * --force; a test copy: `test`; agencies' cards: `card`; reminders: `reminder`, the
 * secretary's digest: `digest`) uses it so:
 *
 *   const claim = await claimRun(run, here);              // claim.ts: one run per month
 *   try {
 *     const state = deliveryState(claim.runs, run.month, kind, run.runId); // core/contract/runs-log.ts
 *     const { send, unconfirmed } = pickTargets(items, state, { resendUnconfirmed });
 *     const result = await deliverInBatches(run, claim.entry, { kind, items: send, mailer });
 *     await finishRun(run, claim.entry, status, detail);  // the run row's last word
 *   } finally {
 *     await claim.release();
 *   }
 *
 * - `run` (LedgerRun) names the store, run id, month, who asked, the content hash, the
 *   clock and the log.
 * - An item (LedgerItem) is one message under a key: the lower-case recipient address for
 *   the release; whatever identifies "this mail to this recipient for this month" for
 *   another kind (e.g. `a17:ali@x.org` for an agency's card, `a17:1403-05-03:ali@x.org` for
 *   a reminder of one day). The key goes in the runs tab's recipient column. A key already
 *   `sent` in the month (for that kind) is reached and never sent again; a key whose last
 *   row is `pending` or `unconfirmed` is unconfirmed and only sent on purpose
 *   (`resendUnconfirmed`); `failed` and `skipped` keys, and keys never tried, are sent.
 * - Delivery goes in batches of at most `maxMessages` (25) messages or `maxMs` (10 s) of
 *   sending: before a batch its keys are recorded `pending` (one write, carrying the
 *   outcomes of the batch before); after the last, the outcomes. A message is `sent`
 *   (the server confirmed it), `failed` (refused, or not handed over: sent again by the
 *   next run) or `unconfirmed` (handed over, no reply: Mailer `mail.unconfirmed`). After a
 *   kill -9 at most one batch is left `pending`; every other key is known sent or not yet
 *   tried. With a journal (`run.journal`, the command line), each message's attempt and
 *   outcome are on disk as they happen, and the next run folds them in (journal-fold.ts):
 *   the doubt is the one message in flight. A stop (`signal` aborted, also during an
 *   SMTP_RATE pause) finishes the message in flight, records it, and records the rest of
 *   the batch `skipped`. The batch window counts the pause before the next message.
 * - Every write upserts only this run's rows against the runs tab as it is then
 *   (WriteRequest.runs), and refreshes the run row's `at` (the claim's heartbeat), but the
 *   first right after the claim (`runRowWritten`), which then only adds rows (a Sheet
 *   needs no read for it). Two jobs back to back (the release, then the cards) share a
 *   write: the first's last outcomes go with the second's first announcement
 *   (`carryLast`, `carried`); nothing is sent between them.
 */
import type { MonthKey } from '../../core/language/jalali.ts';
import type { RunKind, RunsEntry } from '../../core/contract/runs-log.ts';
import type {
  Logger,
  Mailer,
  OutgoingMail,
  RunJournal,
  WorkbookStore,
  WriteReport,
  WriteRequest,
} from '../../ports.ts';

/**
 * Whether a run's mailer only writes .eml files (the outbox, no SMTP_URL): its messages are
 * recorded `written`, and it counts earlier `written` rows as done (runs-log.ts deliveryState).
 * A dry run has no mailer: `outbox` says what the run it previews would have.
 */
export const writesOnly = (mailer: Mailer | undefined, outbox = false): boolean =>
  mailer ? mailer.outbox !== undefined : outbox;

/** The run that writes the ledger. */
export interface LedgerRun {
  store: WorkbookStore;
  runId: string;
  month: MonthKey;
  requestedBy: string;
  contentHash: string;
  now: () => Date;
  log: Logger;
  /** Said in the run's own row whatever else it says (`changed after close: 3 cell(s)`). */
  runNote?: string;
  /**
   * The command line's delivery journal of this run (ports.ts RunJournal): each message's
   * attempt and outcome synced to disk as it happens, so that after a crash the doubt is
   * the one message in flight, not its batch. None in the functions (no disk outlives them).
   */
  journal?: RunJournal | null;
}

export type MailKind = Exclude<RunKind, 'run' | 'open' | 'close' | 'reopen' | 'request'>;

/** One message under its ledger key. */
export interface LedgerItem {
  key: string;
  mail: OutgoingMail;
  /**
   * Written before the outcome in the row's detail (e.g. an agency card's `hash=<16 hex>`,
   * so a correction run can tell which cards changed): `hash=… <messageId>` once sent.
   */
  note?: string;
  /** The content hash of this message (an agency card's), for its row; default the run's. */
  contentHash?: string;
}

export interface DeliveryOutcome {
  /** The item's key (for the release: the recipient's address, lower-case). */
  key: string;
  email: string;
  /** `sent` also for a message written as an .eml (`file`): its row says `written` (rowStatus). */
  status: 'sent' | 'failed' | 'unconfirmed';
  /** The message id when sent; the server's words (or the failure) otherwise. */
  detail: string;
  /** The .eml file an outbox wrote it as (no SMTP: nothing went over the network). */
  file?: string;
}

/**
 * The status of an outcome's row in the runs tab (and its journal line): a message the
 * outbox wrote as an .eml file (`file`) is `written`, not `sent`: it reached nobody, and a
 * later run with SMTP sends it (runs-log.ts deliveryState).
 */
export const rowStatus = (outcome: DeliveryOutcome): 'written' | DeliveryOutcome['status'] =>
  outcome.status === 'sent' && outcome.file !== undefined ? 'written' : outcome.status;

export interface DeliveryLimits {
  maxMessages: number;
  maxMs: number;
}

export const DEFAULT_LIMITS: DeliveryLimits = { maxMessages: 25, maxMs: 10_000 };

/** A row of this run in the runs tab. */
export function ledgerEntry(
  run: LedgerRun,
  fields: Partial<RunsEntry> & Pick<RunsEntry, 'kind' | 'status'>,
): RunsEntry {
  return {
    runId: run.runId,
    month: run.month,
    at: run.now().toISOString(),
    recipient: '',
    requestedBy: run.requestedBy,
    contentHash: run.contentHash,
    detail: '',
    ...fields,
  };
}

/** The request with the run's note in its own run row's detail (once). */
function withRunNote(run: LedgerRun, request: WriteRequest): WriteRequest {
  const note = run.runNote;
  if (!note || !request.runs) return request;
  const runs = request.runs.map((e) =>
    e.kind === 'run' && e.runId === run.runId && !e.detail.includes(note)
      ? { ...e, detail: e.detail ? `${e.detail}; ${note}` : note }
      : e,
  );
  return { ...request, runs };
}

const said = new WeakMap<LedgerRun, Set<string>>();

/** A write of the run, saying once where the outputs went and each store note once. */
export async function ledgerWrite(run: LedgerRun, request: WriteRequest): Promise<WriteReport> {
  const report = await run.store.write(withRunNote(run, request));
  const seen = said.get(run) ?? new Set<string>();
  said.set(run, seen);
  const fields = { runId: run.runId, month: run.month };
  if (!seen.has(report.location)) {
    seen.add(report.location);
    run.log.info(`wrote ${report.location}`, fields);
  }
  if (report.note && !seen.has(report.note)) {
    seen.add(report.note);
    (report.routine ? run.log.info : run.log.warn)(report.note, fields);
  }
  return report;
}
