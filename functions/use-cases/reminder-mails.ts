// A reminder round's mails: the reminders and the digest rendered, then addressed with the run's trace.
import type { ReminderRound } from '../core/reminders/collect-reminders.ts';
import { digestView, reminderView, type ReminderContext } from '../core/reminders/reminder-view.ts';
import { traceHeaders } from '../core/runs/trace-headers.ts';
import type { RenderedMail, RenderReminders } from '../ports.ts';
import type { ReminderMail } from './deliver-reminders.ts';
import { outgoingMail } from './outgoing-mail.ts';

/** The run id and the input hash (a reminder's content hash) travel in the headers, never in the text. */
export type Trace = { runId: string; contentHash: string };

const outgoing = (to: { email: string; name: string | null }, mail: RenderedMail, trace: Trace) =>
  outgoingMail(to, mail, traceHeaders(trace));

/** Each reminder to each address of its agency, the digest to each recipient. */
export function mailsOf(
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
export async function renderRound(
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
