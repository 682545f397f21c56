/** Sending ledger items in batches, each announced `pending` before and recorded after. */
import { KarnamehError, isKarnamehError } from '../../core/contract/errors.ts';
import type { RunsEntry } from '../../core/contract/runs-log.ts';
import type { MailPlace, Mailer, OutputTabs } from '../../ports.ts';
import {
  DEFAULT_LIMITS,
  ledgerEntry,
  ledgerWrite,
  rowStatus,
  type DeliveryLimits,
  type DeliveryOutcome,
  type LedgerItem,
  type LedgerRun,
  type MailKind,
} from './ledger.ts';

export interface DeliveryJob {
  kind: MailKind;
  /** Where the mailer files the messages, when not by `kind` (a test copy of a card: `card`). */
  place?: MailPlace['kind'];
  items: readonly LedgerItem[];
  mailer: Mailer;
  limits?: DeliveryLimits;
  /** Aborted (SIGINT, SIGTERM): finish the message in flight, record, send no more. */
  signal?: AbortSignal;
  /** Whole output tabs to write with the first record (results, problems). */
  firstWrite?: OutputTabs;
  /** The run row's last word, written with the last record (leave out to keep the run open). */
  closeRun?: (result: DeliveryResult) => Pick<RunsEntry, 'status' | 'detail'>;
  /**
   * Awaited after the last message, just before the last record (with `closeRun`): work
   * whose outcome the run row's last word says (the public pages), at no write of its own.
   */
  beforeClose?: (result: DeliveryResult) => Promise<void>;
  /**
   * The run row was written a moment ago (the claim, nothing sent since): the first record
   * leaves it out, so that it only adds rows (a Sheet then needs no read of its runs tab).
   */
  runRowWritten?: boolean;
  /**
   * Another job follows at once (the cards after the release): the last record is not
   * written but handed back (`result.carried`) for that job's first record (`carried`).
   * The next job must be started right away, with nothing sent in between.
   */
  carryLast?: boolean;
  /** The last record of the job before (its `result.carried`), written with this job's first. */
  carried?: Carried;
}

/** A record held back for the next job's first write, with what it says (for errors). */
export interface Carried {
  runs: RunsEntry[];
  outputs: OutputTabs;
  result: DeliveryResult;
}

export interface DeliveryResult {
  outcomes: DeliveryOutcome[];
  /** Keys not tried because the run was stopped (recorded `skipped` when they were announced). */
  skipped: string[];
  interrupted: boolean;
  /** With `carryLast`: the last record, not yet written. */
  carried?: Carried;
}

/** Sends one message; the mailer's typed failure decides `failed` or `unconfirmed`. */
async function sendOne(
  mailer: Mailer,
  item: LedgerItem,
  place: Omit<MailPlace, 'key'>,
): Promise<DeliveryOutcome> {
  const base = { key: item.key.toLowerCase(), email: item.mail.to.email };
  try {
    const { messageId, file } = await mailer.send(item.mail, { ...place, key: base.key });
    return { ...base, status: 'sent', detail: messageId, ...(file ? { file } : {}) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const unconfirmed = isKarnamehError(error) && error.code === 'mail.unconfirmed';
    return { ...base, status: unconfirmed ? 'unconfirmed' : 'failed', detail };
  }
}

/** The batch's rows, announced `pending` before it goes out. */
function announce(run: LedgerRun, job: DeliveryJob, items: LedgerItem[]): RunsEntry[] {
  return items.map((item) =>
    ledgerEntry(run, {
      kind: job.kind,
      status: 'pending',
      recipient: item.key.toLowerCase(),
      detail: item.note ?? '',
      ...(item.contentHash ? { contentHash: item.contentHash } : {}),
    }),
  );
}

/**
 * Sends a batch in order until its window closes (`limits.maxMs`, the pause before the
 * next message counted) or a stop: each outcome journaled, added to `result` and written
 * into its row; the rows done, in order.
 */
async function sendBatch(
  run: LedgerRun,
  job: DeliveryJob,
  limits: DeliveryLimits,
  { batch, rows }: { batch: LedgerItem[]; rows: RunsEntry[] },
  result: DeliveryResult,
): Promise<RunsEntry[]> {
  const started = run.now().getTime();
  const done: RunsEntry[] = [];
  const pace = job.mailer.pace;
  for (const [i, item] of batch.entries()) {
    if (job.signal?.aborted) break;
    // The batch window counts the pause before the next message (SMTP_RATE): what went
    // out before a long pause is recorded before it.
    const pause = pace?.readyIn() ?? 0;
    if (done.length > 0 && run.now().getTime() - started + pause >= limits.maxMs) break;
    // A stop during the pause ends it: nothing goes out after the stop.
    if (pace && !(await pace.ready(job.signal))) break;
    const key = item.key.toLowerCase();
    await run.journal?.attempt(job.kind, key, item.contentHash);
    const place = { month: run.month, runId: run.runId, kind: job.place ?? job.kind };
    const outcome = await sendOne(job.mailer, item, place);
    const detail = item.note ? `${item.note} ${outcome.detail}` : outcome.detail;
    const status = rowStatus(outcome);
    await run.journal?.outcome(job.kind, key, status, detail);
    result.outcomes.push(outcome);
    const row = rows[i];
    if (row) {
      Object.assign(row, { status, detail, at: run.now().toISOString() });
      done.push(row);
    }
    logOutcome(run, job.kind, outcome);
  }
  return done;
}

/**
 * Sends `items` in batches (ledger.ts): each batch announced `pending` before it goes out,
 * its outcomes recorded with the announcement of the next, the last ones with the run
 * row's end (`closeRun`). One write per batch; every write refreshes the claim's heartbeat
 * (but the first, when the run row was just written: `runRowWritten`). With `carryLast`,
 * the last record goes to the next job (`result.carried`), whose first write carries it.
 */
export async function deliverInBatches(
  run: LedgerRun,
  runEntry: RunsEntry,
  job: DeliveryJob,
): Promise<DeliveryResult> {
  const limits = job.limits ?? DEFAULT_LIMITS;
  const queue = [...job.items];
  const result: DeliveryResult = { outcomes: [], skipped: [], interrupted: false };
  let extra: OutputTabs | undefined = job.firstWrite;
  let carried = job.carried;
  let first = true;
  const record = async (rows: RunsEntry[], last: boolean): Promise<void> => {
    if (last && job.closeRun && job.beforeClose) await job.beforeClose(result);
    runEntry.at = run.now().toISOString();
    if (last && job.closeRun) Object.assign(runEntry, job.closeRun(result));
    const outputs = { ...carried?.outputs, ...extra };
    if (last && job.carryLast && !job.closeRun) {
      result.carried = { runs: [runEntry, ...rows], outputs, result };
      return;
    }
    const own = first && job.runRowWritten && !carried && !last ? [] : [runEntry];
    const before = (carried?.runs ?? []).filter((row) => row !== runEntry);
    try {
      await ledgerWrite(run, { outputs, runs: [...own, ...before, ...rows] });
    } catch (error) {
      throw unrecorded(error, result, queue, rows, carried, run.journal?.location);
    }
    extra = undefined;
    carried = undefined;
    first = false;
  };

  let batch = queue.splice(0, limits.maxMessages);
  let rows = announce(run, job, batch);
  await record(rows, batch.length === 0);
  while (batch.length > 0) {
    const done = await sendBatch(run, job, limits, { batch, rows }, result);
    const leftItems = batch.slice(done.length);
    const leftRows = rows.slice(done.length);
    if (job.signal?.aborted) {
      result.interrupted = true;
      for (const row of leftRows)
        Object.assign(row, { status: 'skipped', at: run.now().toISOString() });
      result.skipped = [...leftItems, ...queue].map((item) => item.key.toLowerCase());
      await record([...done, ...leftRows], true);
      return result;
    }
    batch = [...leftItems, ...queue.splice(0, limits.maxMessages - leftItems.length)];
    const fresh = announce(run, job, batch.slice(leftItems.length));
    rows = [...leftRows, ...fresh];
    await record([...done, ...fresh], batch.length === 0);
  }
  return result;
}

/** What a message is called in a log line. */
const KIND_WORDS: Record<MailKind, string> = {
  release: 'release',
  correction: 'correction',
  test: 'test copy',
  card: 'card',
  reminder: 'reminder',
  digest: 'digest',
};

/**
 * One line per message: one not sent is a warning; one sent (or, without SMTP, written as
 * an .eml file) a `detail` line, which the summary counts (the terminal shows it with
 * `--verbose`).
 */
function logOutcome(run: LedgerRun, kind: MailKind, outcome: DeliveryOutcome): void {
  const fields = { runId: run.runId, month: run.month };
  if (outcome.status !== 'sent') {
    const what = `${KIND_WORDS[kind]} to ${outcome.email}`;
    run.log.warn(`${outcome.status} ${what}: ${outcome.detail}`, fields);
    return;
  }
  const line = outcome.file
    ? `wrote ${outcome.file} (${KIND_WORDS[kind]} for ${outcome.email})`
    : `sent ${KIND_WORDS[kind]} to ${outcome.email}`;
  (run.log.detail ?? run.log.info)(line, fields);
}

/**
 * A record that could not be written after messages went out: the error says who was sent,
 * who was not, and that those sent are recorded nowhere (not to be sent again).
 */
function unrecorded(
  error: unknown,
  result: DeliveryResult,
  queue: readonly LedgerItem[],
  rows: readonly RunsEntry[],
  carried?: Carried,
  journal?: string,
): unknown {
  const outcomes = [...(carried?.result.outcomes ?? []), ...result.outcomes];
  if (outcomes.length === 0) return error;
  const sent = outcomes.filter((o) => o.status === 'sent').map((o) => o.email);
  const tried = new Set(result.outcomes.map((o) => o.key));
  const untried = [
    ...outcomes.filter((o) => o.status === 'failed').map((o) => o.email),
    ...(carried?.result.skipped ?? []),
    ...rows
      .filter((r) => r.status === 'pending' && !tried.has(r.recipient))
      .map((r) => r.recipient),
    ...queue.map((item) => item.key.toLowerCase()),
  ];
  const why = error instanceof Error ? error.message : String(error);
  const where = journal
    ? `Sent, recorded in the delivery journal ${journal} (the next run of this workbook writes them into the runs tab and does not send them again)`
    : 'Sent, but recorded nowhere, so do not send them again';
  return new KarnamehError(
    'source.write_failed',
    `the delivery records could not be written (${why}). ${where}: ${sent.join(', ') || 'nobody'}; not sent: ${untried.join(', ') || 'nobody'}.`,
    { cause: error },
  );
}
