/**
 * The watcher's part in reminders: on a reminder day (reminder-calendar.ts), one reminder
 * round per month due. Called on every watcher pass; `remind` sends only what has not gone
 * out today, so however often the watcher runs, each agency gets one reminder a day.
 */
import { isKarnamehError } from '../core/errors.ts';
import type { MonthKey } from '../core/jalali.ts';
import type { Settings } from '../core/model.ts';
import { monthsDue } from '../core/reminders/reminder-calendar.ts';
import type { Logger, Mailer, WorkbookStore } from '../ports.ts';
import type { RenderReminders } from '../reminder-ports.ts';
import { remind, type RemindOutcome } from './remind.ts';

export interface WatchReminderPorts {
  store: WorkbookStore;
  mailer?: Mailer;
  /** Without it the watcher sends no reminders. */
  renderReminders?: RenderReminders;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
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
): Promise<WatchReminders[]> {
  const due = monthsDue(ports.now(), settings);
  if (due.length === 0 || !ports.renderReminders || !ports.mailer) return [];
  const rounds: WatchReminders[] = [];
  for (const { month, daysBefore } of due) {
    try {
      const outcome = await remind(
        { ...ports, mailer: ports.mailer, render: ports.renderReminders },
        { month, requestedBy: ['reminder_days', requestedBy].filter(Boolean).join(' via ') },
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
