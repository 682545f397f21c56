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
import { collectReminders, type ReminderRound } from '../core/reminders/collect-reminders.ts';
import { dayKey, daysBetween, deadlineOf, tehranDay } from '../core/runs/reminder-calendar.ts';
import { digestView, reminderView, type ReminderContext } from '../core/reminders/reminder-view.ts';
import { deliveryState, readRunsLog } from '../core/contract/runs-log.ts';
import { secretariatContact, secretariatName } from '../core/contract/secretariat.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import type { DeliveryJournal, Logger, Mailer, WorkbookStore } from '../ports.ts';
import type { SendingLimit } from './run-month/pace-check.ts';
import type {
  RenderedMail,
  RenderReminders,
  ReminderPreview,
  ReminderPreviewWriter,
} from '../reminder-ports.ts';
import { deliverReminders, type ReminderDelivery, type ReminderMail } from './deliver-reminders.ts';
import { deliveredMessage, NOTHING, summaryOf, type RemindOutcome } from './remind-outcome.ts';
import { writesOnly } from './delivery-ledger/ledger.ts';

export type { RemindOutcome } from './remind-outcome.ts';

export interface RemindPorts {
  store: WorkbookStore;
  /** Needed unless the round is a dry run. */
  mailer?: Mailer;
  /** Needed for a dry run. */
  preview?: ReminderPreviewWriter;
  render: RenderReminders;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
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

/** The run id and the input hash (a reminder's content hash) travel in the headers, never in the text. */
type Trace = { runId: string; contentHash: string };

const outgoing = (
  to: { email: string; name: string | null },
  mail: RenderedMail,
  trace: Trace,
) => ({
  to,
  subject: mail.subject,
  html: mail.html,
  text: mail.text,
  attachments: [],
  headers: { 'X-Karnameh-Run': trace.runId, 'X-Karnameh-Digest': trace.contentHash },
});

/** Each reminder to each address of its agency, the digest to each recipient. */
function mailsOf(
  reminders: { reminder: ReminderRound['reminders'][number]; mail: RenderedMail }[],
  recipients: readonly { email: string; name: string | null }[],
  digest: RenderedMail,
  trace: Trace,
): ReminderMail[] {
  return [
    ...reminders.flatMap(({ reminder, mail }) =>
      reminder.agency.emails.map((email) => ({
        kind: 'reminder' as const,
        key: reminder.agency.id,
        mail: outgoing({ email, name: reminder.agency.name }, mail, trace),
      })),
    ),
    ...recipients.map((r) => ({
      kind: 'digest' as const,
      key: r.email,
      mail: outgoing(r, digest, trace),
    })),
  ];
}

/** The round's reminders and its digest, rendered. */
async function renderRound(
  render: RenderReminders,
  round: ReminderRound,
  context: ReminderContext,
) {
  const reminders = await Promise.all(
    round.reminders.map(async (reminder) => ({
      reminder,
      mail: await render.reminder(reminderView(reminder, round.month, context)),
    })),
  );
  return { reminders, digest: await render.digest(digestView(round, context)) };
}

/** One reminder round for a month: dry run, or send what has not gone out today. */
export async function remind(
  ports: RemindPorts,
  options: RemindOptions = {},
): Promise<RemindOutcome> {
  const now = ports.now();
  const month = options.month ?? defaultMonth(now);
  const runId = ports.newRunId();
  const raw = options.raw ?? (await ports.store.read());
  const parsed = parseWorkbook(raw, { month });
  const { settings } = parsed.model;
  const today = tehranDay(now);
  const deadline = deadlineOf(month, settings.deadline);
  const base = {
    month,
    monthName: monthName(month),
    runId,
    today: dayKey(today),
    deadline: deadline ? dayKey(deadline) : null,
    deliveries: [] as ReminderDelivery[],
    previewFiles: [] as string[],
  };
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
  const outbox = writesOnly(ports.mailer, options.outbox);
  if (deliveryState(runs, month, 'release', '', outbox).monthSent) {
    const done = deliveryState(runs, month).monthSent ? 'sent' : 'written as .eml, not sent';
    // The month's release is out: its figures are published, a reminder would ask for
    // scores that can no longer count («۵ روز مانده…» after publication).
    return {
      ...base,
      ...NOTHING,
      status: 'nothing-to-send',
      exitCode: 0,
      message: `the release of ${month} was ${done} (runs tab): reminders for it have stopped; nothing sent`,
    };
  }

  const round = collectReminders(raw, parsed, month);
  const recipients = parsed.model.recipients;
  const context: ReminderContext = {
    province: settings.province,
    deadline,
    today,
    daysLeft: deadline ? daysBetween(today, deadline) : null,
    secretariat: secretariatName(settings),
    contact: secretariatContact(settings),
  };
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

  if (!ports.mailer) throw new Error('remind: a mailer is needed for a round that sends');
  const contentHash = inputHash(raw);
  const mails = mailsOf(reminders, parsed.model.recipients, digest, {
    runId,
    contentHash,
  });
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
        day: dayKey(today),
        requestedBy: options.requestedBy ?? '',
        contentHash,
        runs,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      mails,
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
