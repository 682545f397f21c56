/**
 * The watcher's part in reminders: on a reminder day (reminder-calendar.ts), one reminder
 * round per month due. Called on every watcher pass; `remind` sends only what has not gone
 * out today and claims the month before sending (deliver-reminders.ts), so however often
 * the watcher runs, and however many instances run it at once, each agency gets one
 * reminder a day. A pass with nothing left to send writes nothing.
 */
import type { RawWorkbook } from '../core/contract/cells.ts';
import { isKarnamehError } from '../core/contract/errors.ts';
import type { MonthKey } from '../core/language/jalali.ts';
import type { Settings } from '../core/contract/model.ts';
import type { ProcessHere } from '../core/runs/run-claims.ts';
import { monthsDue } from '../core/runs/reminder-calendar.ts';
import type { Mailer } from '../ports.ts';
import type { RenderReminders } from '../ports.ts';
import { remind, type RemindOutcome } from './remind.ts';
import type { SendingLimit } from './run-month/pace-check.ts';
import type { RunPorts } from './run-ports.ts';

export interface WatchReminderPorts extends RunPorts {
  mailer?: Mailer;
  /** Without it the watcher sends no reminders. */
  renderReminders?: RenderReminders;
  here?: ProcessHere;
  /** Aborted on SIGTERM: a round records what it sent and stops. */
  signal?: AbortSignal;
  /** How long a round's messages may take at SMTP_RATE: the functions' timeout. */
  sendingLimit?: SendingLimit;
}

export interface WatchReminders {
  month: MonthKey;
  daysBefore: number | null;
  outcome: RemindOutcome | null;
  /** The round stopped on an error (the sheet, a template); the next pass tries again. */
  error: { code: string; message: string } | null;
}

/** Today's reminder rounds, for the settings as the watcher just read them; [] on other days. */
export async function remindOnWatch(
  ports: WatchReminderPorts,
  settings: Pick<Settings, 'deadline' | 'reminderDays'>,
  requestedBy?: string,
  raw?: RawWorkbook,
): Promise<WatchReminders[]> {
  const due = monthsDue(ports.now(), settings);
  if (due.length === 0 || !ports.renderReminders || !ports.mailer) return [];
  const rounds: WatchReminders[] = [];
  for (const { month, daysBefore } of due) {
    try {
      // A run id of its own: the pass's id may also name a run of the month (run_request),
      // and a reminder round's rows must never pass for the release's.
      const runId = `${ports.newRunId()}-remind-${month}`;
      const outcome = await remind(
        {
          ...ports,
          mailer: ports.mailer,
          render: ports.renderReminders,
          newRunId: () => runId,
        },
        {
          month,
          requestedBy: ['reminder_days', requestedBy].filter(Boolean).join(' via '),
          // The workbook as the watcher just read it: no second read of the sheet; the
          // runs tab is read again after the month's claim, if anything is to be sent.
          raw,
          ...(ports.signal ? { signal: ports.signal } : {}),
        },
      );
      ports.log.info(`reminders for ${month}: ${outcome.message}`, { month });
      rounds.push({ month, daysBefore, outcome, error: null });
    } catch (error) {
      const failure = {
        code: isKarnamehError(error) ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
      };
      ports.log.error(`reminders for ${month} failed: ${failure.message}`, { month });
      rounds.push({ month, daysBefore, outcome: null, error: failure });
    }
  }
  return rounds;
}
