/**
 * Sending the reminders and digests of a round through the delivery ledger
 * (delivery-ledger/ledger.ts), so that nobody gets the same one twice on a day. This one
 * function is all the reminders know of the runs tab.
 *
 * - Keys carry the Tehran day: `<agencyId>:<day>:<email>` for a reminder (kind `reminder`),
 *   `<day>:<address>` for the secretary's digest (kind `digest`), lower-case. A key `sent`
 *   is skipped; a `failed` one is sent again by the next round; a `pending` or
 *   `unconfirmed` one (handed over, no reply; or a round killed mid-batch) is never sent
 *   again automatically and is named in the outcome. The next day has new keys.
 * - One round at a time per workbook and month across processes: the round claims the
 *   month (claimRun: the .xlsx run lock, then a `run` row `started`) before sending; the
 *   loser gets `run.in_progress` and sends nothing. A round with nothing to send, and no
 *   other run at the month, writes nothing and takes no claim (the watcher's every pass).
 * - The round's `run` row ends `sent`, `partial`, `failed` or `already-sent` with a detail
 *   starting «یادآوری»; the release's readers (deliveryState, lastSent) pass over the runs
 *   that sent reminders or digests, so a reminder round never counts as the month sent.
 */
import type { MonthKey } from '../core/language/jalali.ts';
import { liveClaims, type ProcessHere } from '../core/runs/run-claims.ts';
import { type RunsEntry } from '../core/contract/runs-log.ts';
import { deliveryState } from '../core/contract/runs-state.ts';
import type { DeliveryJournal, Logger, Mailer, OutgoingMail, WorkbookStore } from '../ports.ts';
import { claimRun, processHere, type Claim } from './delivery-ledger/claim.ts';
import { deliverInBatches } from './delivery-ledger/deliver.ts';
import { foldJournals, openJournal } from './delivery-ledger/journal-fold.ts';
import {
  writesOnly,
  type DeliveryLimits,
  type DeliveryOutcome,
  type LedgerRun,
} from './delivery-ledger/ledger.ts';
import { pickTargets } from './delivery-ledger/targets.ts';
import { checkPace, type SendingLimit } from './run-month/pace-check.ts';
import { closing, stopped } from './reminder-round-row.ts';
import { reminderFailedNote, reminderRoundNote } from '../core/runs/run-notes.ts';

export interface ReminderMail {
  kind: 'reminder' | 'digest';
  /** The agency id of a reminder, the address of a digest. */
  key: string;
  mail: OutgoingMail;
}

export interface ReminderDelivery {
  kind: 'reminder' | 'digest';
  key: string;
  email: string;
  /**
   * `sent`, `failed`; `skipped` when already sent today; `unconfirmed` when handed over
   * with no reply, now or by an earlier round today (not sent again automatically).
   */
  status: 'sent' | 'failed' | 'skipped' | 'unconfirmed';
  detail: string;
  /** The .eml file it was written as, when there is no SMTP. */
  file?: string;
}

export interface DeliverPorts {
  store: WorkbookStore;
  mailer: Mailer;
  now: () => Date;
  log: Logger;
  /** This process, for claims (default: the real one). */
  here?: ProcessHere;
  limits?: DeliveryLimits;
  /** The command line's delivery journal (delivery-ledger/journal-fold.ts). */
  journal?: DeliveryJournal;
  /** How long the round's messages may take at SMTP_RATE (run-month/pace-check.ts). */
  sendingLimit?: SendingLimit;
}

export interface DeliverRound {
  runId: string;
  month: MonthKey;
  /** Today in Tehran, `1403-05-07`: one reminder per agency, address and day. */
  day: string;
  requestedBy: string;
  contentHash: string;
  /** The runs tab as read at the start of the round. */
  runs: RunsEntry[];
  /** Aborted (Ctrl-C, SIGTERM): the message in flight is finished and recorded, no more sent. */
  signal?: AbortSignal;
}

/** The ledger key of a mail: `d003:1403-05-07:ali@x.org` or `1403-05-07:sec@x.org`. */
function reminderKey(day: string, mail: ReminderMail): string {
  const parts = mail.kind === 'reminder' ? [mail.key, day] : [day];
  return [...parts, mail.mail.to.email].join(':').toLowerCase();
}

const KINDS = ['reminder', 'digest'] as const;
type Keyed = { key: string; mail: OutgoingMail; source: ReminderMail };

/**
 * Per kind, what to send now and what was reached or left unconfirmed before (a round that
 * only writes .eml files, `outbox`, counts what earlier outbox rounds wrote as reached).
 */
function plan(keyed: Keyed[], runs: RunsEntry[], month: MonthKey, outbox: boolean, exceptRun = '') {
  return KINDS.map((kind) => {
    const state = deliveryState(runs, month, kind, exceptRun, outbox);
    return {
      kind,
      ...pickTargets(
        keyed.filter((k) => k.source.kind === kind),
        state,
      ),
    };
  });
}

/** Sends each mail not already sent today; throws `run.in_progress` when another round holds the month. */
export async function deliverReminders(
  ports: DeliverPorts,
  round: DeliverRound,
  mails: ReminderMail[],
): Promise<ReminderDelivery[]> {
  const keyed: Keyed[] = mails.map((m) => ({
    key: reminderKey(round.day, m),
    mail: m.mail,
    source: m,
  }));
  const here = ports.here ?? processHere();
  const outbox = writesOnly(ports.mailer);
  const early = plan(keyed, round.runs, round.month, outbox);
  const others = liveClaims(round.runs, round.month, ports.now(), here, round.runId);
  const journaled = ((await ports.journal?.earlier()) ?? []).length > 0;
  if (early.every((p) => p.send.length === 0) && others.length === 0 && !journaled) {
    return held(keyed, early, outbox);
  }
  await ports.store.checkWritable();
  const run: LedgerRun = { store: ports.store, ...round, now: ports.now, log: ports.log };
  const claim = await claimRun(run, here, reminderRoundNote(round.day));
  try {
    for (const note of claim.notes)
      ports.log.warn(note, { runId: round.runId, month: round.month });
    await foldJournals(run, ports.journal, claim);
    const now = plan(keyed, claim.runs, round.month, outbox, round.runId);
    const count = now.reduce((n, p) => n + p.send.length, 0);
    checkPace(run, ports.mailer, count, ports.sendingLimit);
    await openJournal(run, ports.journal, here);
    const { outcomes, untried } = await send(run, claim, ports, now, round.signal);
    await run.journal?.finish();
    const byKey = new Map(keyed.map((k) => [k.key.toLowerCase(), k.source]));
    const stop = `stopped (${String(round.signal?.reason)}) before it was sent: the next round sends it`;
    return [
      ...held(keyed, now, outbox),
      ...outcomes.map((o) => {
        const source = byKey.get(o.key.toLowerCase());
        return {
          kind: source?.kind ?? 'reminder',
          key: source?.key ?? o.key,
          email: o.email,
          status: o.status,
          detail: o.detail,
          ...(o.file ? { file: o.file } : {}),
        };
      }),
      ...untried.flatMap((key) => {
        const source = byKey.get(key);
        return source
          ? [
              {
                kind: source.kind,
                key: source.key,
                email: source.mail.to.email,
                status: 'skipped' as const,
                detail: stop,
              },
            ]
          : [];
      }),
    ];
  } catch (error) {
    await run.journal?.leave();
    if (claim.entry.status === 'started') {
      const why = error instanceof Error ? error.message : String(error);
      Object.assign(claim.entry, {
        status: 'failed',
        detail: reminderFailedNote(why),
        at: ports.now().toISOString(),
      });
      await ports.store.write({ outputs: {}, runs: [claim.entry] }).catch(() => undefined);
    }
    throw error;
  } finally {
    await claim.release();
  }
}

/** The mails not sent now: reached today (`skipped`) or never confirmed (`unconfirmed`). */
function held(keyed: Keyed[], plans: ReturnType<typeof plan>, outbox: boolean): ReminderDelivery[] {
  const byKey = new Map(keyed.map((k) => [k.key.toLowerCase(), k.source]));
  return plans.flatMap((p) =>
    [
      ...p.reached.map((key) => ({
        key,
        status: 'skipped' as const,
        detail: outbox ? 'already written as .eml today' : 'already sent today',
      })),
      ...p.unconfirmed.map((key) => ({
        key,
        status: 'unconfirmed' as const,
        detail: 'sent earlier today but never confirmed: not sent again automatically',
      })),
    ].flatMap(({ key, status, detail }) => {
      const source = byKey.get(key);
      return source
        ? [{ kind: source.kind, key: source.key, email: source.mail.to.email, status, detail }]
        : [];
    }),
  );
}

/**
 * Delivers the plan in batches, reminders first; the last batch closes the run row. Stopped
 * (`round.signal`): the run row is closed `interrupted` at once, and what was not tried is
 * `skipped` (the next round sends it).
 */
async function send(
  run: LedgerRun,
  claim: Claim,
  ports: DeliverPorts,
  plans: ReturnType<typeof plan>,
  signal?: AbortSignal,
): Promise<{ outcomes: DeliveryOutcome[]; untried: string[] }> {
  const jobs = plans.filter((p) => p.send.length > 0);
  const outcomes: DeliveryOutcome[] = [];
  if (jobs.length === 0) {
    Object.assign(claim.entry, closing([]), { at: ports.now().toISOString() });
    await ports.store.write({ outputs: {}, runs: [claim.entry] });
    return { outcomes, untried: [] };
  }
  for (const [i, job] of jobs.entries()) {
    const result = await deliverInBatches(run, claim.entry, {
      kind: job.kind,
      items: job.send,
      mailer: ports.mailer,
      limits: ports.limits,
      ...(signal ? { signal } : {}),
      ...(i === jobs.length - 1 ? { closeRun: (r) => closing([...outcomes, ...r.outcomes]) } : {}),
    });
    outcomes.push(...result.outcomes);
    if (result.interrupted || (signal?.aborted && i < jobs.length - 1)) {
      const later = jobs.slice(i + 1).flatMap((j) => j.send.map((item) => item.key));
      const untried = [...result.skipped, ...later].map((key) => key.toLowerCase());
      await stopped(claim, ports, outcomes, untried.length, String(signal?.reason));
      return { outcomes, untried };
    }
  }
  return { outcomes, untried: [] };
}
