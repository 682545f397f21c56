/** What the runs tab says was delivered: a month's release and each recipient's mail, sent or written, and the reminder rounds. */
import type { MonthKey } from '../language/jalali.ts';
import { RELEASE_KINDS, type RunKind, type RunStatus, type RunsEntry } from './runs-log.ts';

/** Whether a row of kind `row` is mail of kind `kind` for the ledger (a correction is a release). */
const sameMail = (row: RunKind, kind: RunKind): boolean =>
  row === kind || (RELEASE_KINDS.has(kind) && RELEASE_KINDS.has(row));

/** The mail kinds of a reminder round (use-cases/deliver-reminders.ts): never the release. */
const REMINDER_KINDS: ReadonlySet<RunKind> = new Set<RunKind>(['reminder', 'digest']);

/**
 * The runs that sent reminders or digests: their `run` rows (ended `sent`, `partial`, …)
 * say nothing about the month's release.
 */
export function reminderRuns(entries: readonly RunsEntry[]): Set<string> {
  return new Set(entries.filter((e) => REMINDER_KINDS.has(e.kind)).map((e) => e.runId));
}

/**
 * Whether a row's status says its message is out for a run: `sent` always; `written` (an
 * .eml in the outbox) only for a run that writes to the outbox itself (`outbox`).
 */
export const isDone = (status: RunStatus, outbox = false): boolean =>
  status === 'sent' || (outbox && status === 'written');

/** What the runs tab says about one kind of mail of a month, per recipient key. */
export interface DeliveryState {
  /** Some run of the month went out (fully or partly; with `outbox`, written counts). */
  monthSent: boolean;
  /** Keys (lower-case) whose mail was confirmed sent (with `outbox`, or written as .eml). */
  reached: Set<string>;
  /**
   * Keys whose last try was never confirmed: `pending` (the run stopped between sending and
   * recording) or `unconfirmed` (handed over, no reply). Not sent again automatically.
   */
  unconfirmed: RunsEntry[];
}

/**
 * The delivery state of `kind` mail for `month`: a key ever `sent` is reached; otherwise
 * its last row decides (`pending`/`unconfirmed`: unconfirmed; `failed`/`skipped`: to be
 * sent again). Rows of `exceptRun` (the run asking) are left out. For the release, its
 * `correction` rows count as release rows (and an earlier version's `delivery` rows are
 * read as `release`: runKindOf).
 *
 * A row `written` (an .eml in the outbox, no SMTP_URL) reached nobody: it counts as done
 * only for a run that writes to the outbox too (`outbox`), so a later SMTP run sends it.
 */
export function deliveryState(
  entries: readonly RunsEntry[],
  month: MonthKey,
  kind: RunKind = 'release',
  exceptRun = '',
  outbox = false,
): DeliveryState {
  const done = (status: RunStatus): boolean => isDone(status, outbox);
  const reached = new Set<string>();
  const last = new Map<string, RunsEntry>();
  let monthSent = false;
  const reminders = reminderRuns(entries);
  for (const entry of entries) {
    if (entry.month !== month || entry.runId === exceptRun) continue;
    if (RELEASE_KINDS.has(kind) && entry.kind === 'run' && !reminders.has(entry.runId)) {
      if (done(entry.status) || entry.status === 'partial') monthSent = true;
    }
    if (!sameMail(entry.kind, kind)) continue;
    if (done(entry.status)) {
      monthSent = true;
      reached.add(entry.recipient);
    }
    last.set(entry.recipient, entry);
  }
  const unconfirmed = [...last.values()].filter(
    (e) => !reached.has(e.recipient) && (e.status === 'pending' || e.status === 'unconfirmed'),
  );
  return { monthSent, reached, unconfirmed };
}
