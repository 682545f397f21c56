/** What a reminder round reports (use-cases/remind.ts): the summary JSON of `remind --json`. */
import { monthName, type MonthKey } from '../core/language/jalali.ts';
import { shortList } from '../core/language/short-list.ts';
import type { ReminderRound } from '../core/reminders/collect-reminders.ts';
import type { ReminderDelivery } from './deliver-reminders.ts';

export interface RemindOutcome {
  month: MonthKey;
  monthName: string;
  /**
   * `sent`: something went out; `nothing-to-send`: everyone already has today's;
   * `in-progress`: another round (or run) of the month holds it, nothing sent;
   * `interrupted`: stopped by Ctrl-C or SIGTERM after the message in flight.
   */
  status: 'sent' | 'nothing-to-send' | 'dry-run' | 'blocked' | 'in-progress' | 'interrupted';
  /**
   * 0 done, 1 stopped by the data or by another round in progress, 3 a message could not be
   * sent, was never confirmed, or the round was stopped.
   */
  exitCode: 0 | 1 | 3;
  runId: string;
  message: string;
  /** `1403-05-07`: today in Tehran. */
  today: string;
  /** `1403-05-10`, or null without a deadline. */
  deadline: string | null;
  reminders: {
    agencyId: string;
    name: string;
    /** The addresses it went to (an agency may have several). */
    emails: string[];
    notSubmitted: boolean;
    items: { code: string; tab: string; cell: string }[];
  }[];
  digest: {
    submitted: number;
    notSubmitted: number;
    withErrors: number;
    withoutEmail: string[];
    recipients: string[];
  };
  deliveries: ReminderDelivery[];
  previewFiles: string[];
}

export function summaryOf(round: ReminderRound, recipients: string[]) {
  return {
    reminders: round.reminders.map((r) => ({
      agencyId: r.agency.id,
      name: r.agency.name,
      emails: r.agency.emails,
      notSubmitted: r.notSubmitted,
      items: r.items.map(({ code, tab, cell }) => ({ code, tab, cell })),
    })),
    digest: {
      submitted: round.submitted.length,
      notSubmitted: round.notSubmitted.length,
      withErrors: round.withErrors.length,
      withoutEmail: round.withoutEmail.map((a) => a.id),
      recipients,
    },
  };
}

/** The tally of a round that could not be made. */
export const NOTHING = {
  reminders: [],
  digest: { submitted: 0, notSubmitted: 0, withErrors: 0, withoutEmail: [], recipients: [] },
};

/**
 * One line for a person: what went out (or, with no SMTP, was `written` as .eml files),
 * what was already out, what failed.
 */
export function deliveredMessage(
  month: MonthKey,
  deliveries: ReminderDelivery[],
  written = false,
): string {
  const emails = (status: ReminderDelivery['status']) =>
    deliveries.filter((d) => d.status === status).map((d) => d.email);
  const sent = (kind: ReminderDelivery['kind']) =>
    deliveries.filter((d) => d.kind === kind && d.status === 'sent').length;
  const stopped = deliveries.filter(
    (d) => d.status === 'skipped' && d.detail.startsWith('stopped'),
  );
  const skipped = emails('skipped').length - stopped.length;
  const failed = emails('failed');
  const unconfirmed = emails('unconfirmed');
  return [
    `${monthName(month)}: ${sent('reminder')} reminder(s) and ${sent('digest')} digest(s) ${written ? 'written as .eml' : 'sent'}`,
    skipped > 0 ? `${skipped} already ${written ? 'written as .eml' : 'sent'} today` : '',
    failed.length > 0 ? `failed: ${failed.join(', ')}` : '',
    unconfirmed.length > 0
      ? `never confirmed today, not sent again: ${unconfirmed.join(', ')}`
      : '',
    stopped.length > 0
      ? `stopped before ${stopped.length} (${shortList(stopped.map((d) => d.email))}), not sent; the next round sends them`
      : '',
  ]
    .filter(Boolean)
    .join('; ');
}
