/**
 * `karnameh remind` and the watcher's reminder days (docs/texts.md#reminders): each active agency with an email whose row for the month is missing,
 * incomplete or wrong gets a reminder naming its cells; the recipients get the digest.
 * Nobody gets the same one twice on a day (deliver-reminders.ts).
 */
import type { RawWorkbook } from '../core/contract/cells.ts';
import { isKarnamehError } from '../core/contract/errors.ts';
import { inputHash } from '../core/runs/input-hash.ts';
import type { ProcessHere } from '../core/runs/run-claims.ts';
import { defaultMonth, monthName, type MonthKey } from '../core/language/jalali.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import { collectReminders } from '../core/reminders/collect-reminders.ts';
import { dayKey, daysBetween, deadlineOf, tehranDay } from '../core/runs/reminder-calendar.ts';
import type { ReminderContext } from '../core/reminders/reminder-view.ts';
import { readRunsLog } from '../core/contract/runs-log.ts';
import { deliveryState } from '../core/contract/runs-state.ts';
import { secretariatContact, secretariatName } from '../core/contract/secretariat.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import type { DeliveryJournal, Mailer } from '../ports.ts';
import type { SendingLimit } from './run-month/pace-check.ts';
import type { RenderReminders, ReminderPreview, ReminderPreviewWriter } from '../ports.ts';
import { mailsOf, renderRound, type Trace } from './reminder-mails.ts';
import { deliverReminders, type ReminderDelivery, type ReminderMail } from './deliver-reminders.ts';
import { deliveredMessage, NOTHING, summaryOf, type RemindOutcome } from './remind-outcome.ts';
import type { RunPorts } from './run-ports.ts';
import { writesOnly } from './delivery-ledger/ledger.ts';

export type { RemindOutcome } from './remind-outcome.ts';

export interface RemindPorts extends RunPorts {
  /** Needed unless the round is a dry run. */
  mailer?: Mailer;
  /** Needed for a dry run. */
  preview?: ReminderPreviewWriter;
  render: RenderReminders;
  /** This process, for the month's claim (default: the real one). */
  here?: ProcessHere;
  /** The command line's delivery journal of the workbook (none in the functions). */
  journal?: DeliveryJournal;
  /** How long a round's messages may take at SMTP_RATE (run-month/pace-check.ts). */
  sendingLimit?: SendingLimit;
}

export interface RemindOptions {
  /** Default: the month whose scores are being collected, the one before today (Tehran). */
  month?: MonthKey;
  dryRun?: boolean;
  /** A dry run (no mailer): the round it previews would only write .eml files (no SMTP_URL). */
  outbox?: boolean;
  requestedBy?: string;
  /** The workbook as just read by the caller (the watcher), to save a read. */
  raw?: RawWorkbook;
  /** Aborted (Ctrl-C, SIGTERM): the message in flight is finished and recorded, no more sent. */
  signal?: AbortSignal;
}

/** What every outcome of a round says: the month, the run, today and the deadline. */
type RoundBase = Pick<
  RemindOutcome,
  'month' | 'monthName' | 'runId' | 'today' | 'deadline' | 'deliveries' | 'previewFiles'
>;

/** Why a round sends nothing at all, before anything is rendered: null when it may go on. */
function roundStopped(
  raw: RawWorkbook,
  parsed: ReturnType<typeof parseWorkbook>,
  base: RoundBase,
  outbox: boolean,
): RemindOutcome | null {
  if (parsed.fatal) {
    return {
      ...base,
      ...NOTHING,
      status: 'blocked',
      exitCode: 1,
      message: 'the workbook cannot be read as a scorecard: see `karnameh check`; nothing sent',
    };
  }

  const runs = readRunsLog(findTab(raw, 'runs'));
  // A round that sends by SMTP goes on after a release only written as .eml (nobody got it).
  if (deliveryState(runs, base.month, 'release', '', outbox).monthSent) {
    const done = deliveryState(runs, base.month).monthSent ? 'sent' : 'written as .eml, not sent';
    // The month's release is out: its figures are published, a reminder would ask for
    // scores that can no longer count («۵ روز مانده…» after publication).
    return {
      ...base,
      ...NOTHING,
      status: 'nothing-to-send',
      exitCode: 0,
      message: `the release of ${base.month} was ${done} (runs tab): reminders for it have stopped; nothing sent`,
    };
  }
  return null;
}

/** The round's facts the views need: the province, today, the deadline, the secretariat. */
function contextOf(
  settings: ReturnType<typeof parseWorkbook>['model']['settings'],
  today: ReminderContext['today'],
  deadline: ReminderContext['deadline'],
): ReminderContext {
  return {
    province: settings.province,
    deadline,
    today,
    daysLeft: deadline ? daysBetween(today, deadline) : null,
    secretariat: secretariatName(settings),
    contact: secretariatContact(settings),
  };
}

/** A round that sends: what has not gone out today, through the delivery ledger. */
async function sendRound(
  ports: RemindPorts,
  options: RemindOptions,
  round: { raw: RawWorkbook; day: string; mails: (trace: Trace) => ReminderMail[] },
  base: RoundBase,
  summary: ReturnType<typeof summaryOf>,
): Promise<RemindOutcome> {
  if (!ports.mailer) throw new Error('remind: a mailer is needed for a round that sends');
  const contentHash = inputHash(round.raw);
  const { runId, month } = base;
  let deliveries: ReminderDelivery[];
  try {
    deliveries = await deliverReminders(
      {
        store: ports.store,
        mailer: ports.mailer,
        now: ports.now,
        log: ports.log,
        here: ports.here,
        ...(ports.journal ? { journal: ports.journal } : {}),
        ...(ports.sendingLimit ? { sendingLimit: ports.sendingLimit } : {}),
      },
      {
        runId,
        month,
        day: round.day,
        requestedBy: options.requestedBy ?? '',
        contentHash,
        runs: readRunsLog(findTab(round.raw, 'runs')),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      round.mails({ runId, contentHash }),
    );
  } catch (error) {
    if (!isKarnamehError(error) || error.code !== 'run.in_progress') throw error;
    return {
      ...base,
      ...summary,
      status: 'in-progress',
      exitCode: 1,
      message: `${error.message}: nothing sent`,
    };
  }
  const failed = deliveries.some((d) => d.status === 'failed');
  const sent = deliveries.some((d) => d.status === 'sent');
  const unconfirmed = deliveries.some((d) => d.status === 'unconfirmed');
  const interrupted = options.signal?.aborted === true;
  return {
    ...base,
    ...summary,
    deliveries,
    status: interrupted ? 'interrupted' : sent || failed ? 'sent' : 'nothing-to-send',
    exitCode: failed || unconfirmed || interrupted ? 3 : 0,
    message: deliveredMessage(month, deliveries, ports.mailer.outbox !== undefined),
  };
}

/** One reminder round for a month: dry run, or send what has not gone out today. */
export async function remind(
  ports: RemindPorts,
  options: RemindOptions = {},
): Promise<RemindOutcome> {
  const now = ports.now();
  const month = options.month ?? defaultMonth(now);
  const raw = options.raw ?? (await ports.store.read());
  const parsed = parseWorkbook(raw, { month });
  const { settings } = parsed.model;
  const today = tehranDay(now);
  const deadline = deadlineOf(month, settings.deadline);
  const base: RoundBase = {
    month,
    monthName: monthName(month),
    runId: ports.newRunId(),
    today: dayKey(today),
    deadline: deadline ? dayKey(deadline) : null,
    deliveries: [],
    previewFiles: [],
  };
  const stopped = roundStopped(raw, parsed, base, writesOnly(ports.mailer, options.outbox));
  if (stopped) return stopped;

  const round = collectReminders(raw, parsed, month);
  const recipients = parsed.model.recipients;
  const context = contextOf(settings, today, deadline);
  const { reminders, digest } = await renderRound(ports.render, round, context);
  const summary = summaryOf(
    round,
    recipients.map((r) => r.email),
  );
  const counts = `${round.reminders.length} reminder(s), digest to ${recipients.length} recipient(s)`;
  if (recipients.length === 0)
    ports.log.warn('no active recipient: the digest goes to nobody', { month });

  if (options.dryRun) {
    const previews: ReminderPreview[] = [
      ...reminders.map(({ reminder, mail }) => ({ agencyId: reminder.agency.id, mail })),
      { agencyId: null, mail: digest },
    ];
    const previewFiles = ports.preview ? await ports.preview.write(previews) : [];
    return {
      ...base,
      ...summary,
      previewFiles,
      status: 'dry-run',
      exitCode: 0,
      message: `dry run: ${counts} rendered, nothing sent, nothing written`,
    };
  }
  const mails = (trace: Trace) => mailsOf(reminders, recipients, digest, trace);
  return sendRound(ports, options, { raw, day: dayKey(today), mails }, base, summary);
}
