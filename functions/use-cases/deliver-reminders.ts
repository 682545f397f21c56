/**
 * Sending the reminders and digests of a round, recorded in the runs tab so that nobody
 * gets the same one twice on a day. This one function is all the reminders know of the
 * runs tab: it is where the delivery ledger plugs in.
 */
import type { MonthKey } from '../core/jalali.ts';
import type { RunsEntry } from '../core/runs-log.ts';
import type { Logger, Mailer, OutgoingMail, WorkbookStore } from '../ports.ts';

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
   * `sent`, `failed`; `skipped` when already sent today; `unconfirmed` when a delivery
   * today was recorded as pending and never confirmed (not sent again automatically).
   */
  status: 'sent' | 'failed' | 'skipped' | 'unconfirmed';
  detail: string;
}

export interface DeliverPorts {
  store: WorkbookStore;
  mailer: Mailer;
  now: () => Date;
  log: Logger;
}

export interface DeliverRound {
  runId: string;
  month: MonthKey;
  /** Today in Tehran, `1403-05-07`: one reminder per agency and day. */
  day: string;
  requestedBy: string;
  digest: string;
  /** The runs tab as read at the start of the round. */
  runs: RunsEntry[];
}

/** The runs tab's recipient column of a reminder or digest: `1403-05-07/d001`, lower-case. */
export const reminderKey = (day: string, key: string): string => `${day}/${key}`.toLowerCase();

/**
 * Sends each mail not already sent today (same month, kind and key), recording it in the
 * runs tab as pending before it goes out and sent or failed after. A failed one is sent
 * again by the next round; a pending one (a round that died in between) is reported, never
 * sent again automatically. Upserts this round's rows into the runs tab (ports.ts) twice,
 * or not at all when there is nothing to send.
 */
export async function deliverReminders(
  ports: DeliverPorts,
  round: DeliverRound,
  mails: ReminderMail[],
): Promise<ReminderDelivery[]> {
  const { log } = ports;
  const earlier = new Map<string, RunsEntry['status']>();
  for (const e of round.runs) {
    if (e.month !== round.month || (e.kind !== 'reminder' && e.kind !== 'digest')) continue;
    const id = `${e.kind} ${e.recipient}`;
    if (earlier.get(id) !== 'sent') earlier.set(id, e.status);
  }
  const deliveries: ReminderDelivery[] = [];
  const todo: { mail: ReminderMail; row: RunsEntry; delivery: ReminderDelivery }[] = [];
  for (const m of mails) {
    const recipient = reminderKey(round.day, m.key);
    const before = earlier.get(`${m.kind} ${recipient}`);
    const base = { kind: m.kind, key: m.key, email: m.mail.to.email };
    if (before === 'sent' || before === 'pending') {
      const status = before === 'sent' ? 'skipped' : 'unconfirmed';
      deliveries.push({ ...base, status, detail: `already ${before} today` });
      continue;
    }
    const row: RunsEntry = {
      runId: round.runId,
      month: round.month,
      at: ports.now().toISOString(),
      kind: m.kind,
      status: 'pending',
      recipient,
      requestedBy: round.requestedBy,
      digest: round.digest,
      detail: m.mail.to.email,
    };
    const delivery: ReminderDelivery = { ...base, status: 'failed', detail: '' };
    deliveries.push(delivery);
    todo.push({ mail: m, row, delivery });
  }
  if (todo.length === 0) return deliveries;

  const rows = todo.map((t) => t.row);
  await ports.store.write({ outputs: {}, runs: rows });
  for (const { mail, row, delivery } of todo) {
    try {
      const { messageId } = await ports.mailer.send(mail.mail);
      Object.assign(delivery, { status: 'sent', detail: messageId });
      Object.assign(row, { status: 'sent', detail: `${mail.mail.to.email} ${messageId}` });
      log.info(`${mail.kind} sent to ${mail.mail.to.email}`, { month: round.month, key: mail.key });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      Object.assign(delivery, { status: 'failed', detail });
      Object.assign(row, { status: 'failed', detail: `${mail.mail.to.email} ${detail}` });
      log.warn(`${mail.kind} to ${mail.mail.to.email} failed: ${detail}`, { month: round.month });
    }
    row.at = ports.now().toISOString();
  }
  await ports.store.write({ outputs: {}, runs: rows });
  return deliveries;
}
