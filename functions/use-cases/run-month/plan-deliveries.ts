/** Step 3 of a run: who gets the release, from the runs tab read right after the claim. */
import { monthName } from '../../core/language/jalali.ts';
import type { Recipient } from '../../core/contract/model.ts';
import { type RunsEntry } from '../../core/contract/runs-log.ts';
import { deliveryState } from '../../core/contract/runs-state.ts';
import { pickTargets } from '../delivery-ledger/targets.ts';
import { writesOnly } from '../delivery-ledger/ledger.ts';
import type { MonthRun } from './read-and-decide.ts';
import { unconfirmedBeforeNote } from '../../core/runs/run-notes.ts';

export type DeliveryPlan =
  | {
      kind: 'stop';
      status: 'already-sent' | 'blocked';
      message: string;
      detail: string;
      unconfirmed: string[];
    }
  | {
      kind: 'send';
      recipients: Recipient[];
      /** The month went out before and is sent again on purpose (--force). */
      correction: boolean;
      /** Held back: their earlier delivery was never confirmed. */
      unconfirmed: string[];
    };

/**
 * How a month with nothing left to send was done: `sent`, or, for a run that only writes
 * .eml files, `written as .eml` when no earlier run sent it by SMTP (nobody got it yet).
 */
function alreadyWords(runs: RunsEntry[], run: MonthRun, outbox: boolean): string {
  if (!outbox || deliveryState(runs, run.month, 'release', run.runId).monthSent) return 'sent';
  return 'written as .eml (no SMTP_URL: nothing went out; set SMTP_URL and MAIL_FROM to send it)';
}

/**
 * Step 3: who gets the release, from the runs tab as read right after the claim (so a run
 * that finished a moment ago is seen). Pure. Nobody reached is sent again without --force;
 * nobody whose delivery was never confirmed without --resend-unconfirmed (or --force).
 */
export function planDeliveries(run: MonthRun, runs: RunsEntry[]): DeliveryPlan {
  const { options, month } = run;
  const outbox = writesOnly(run.ports.mailer, run.options.outbox);
  const state = deliveryState(runs, month, 'release', run.runId, outbox);
  const recipients = run.parsed.model.recipients;
  const seen = new Set<string>();
  const items = recipients
    .map((r) => ({ key: r.email.toLowerCase(), recipient: r }))
    .filter((i) => !seen.has(i.key) && seen.add(i.key));
  const targets = pickTargets(items, state, {
    force: options.force,
    resendUnconfirmed: options.resendUnconfirmed,
  });
  const chosen = new Set(targets.send.map((t) => t.key));
  const unconfirmed = state.unconfirmed.map((e) => e.recipient);
  const list = unconfirmed.join(', ');
  if (chosen.size === 0 && state.monthSent) {
    const more = unconfirmed.length > 0 ? `; unconfirmed deliveries: ${list}` : '';
    return {
      kind: 'stop',
      status: 'already-sent',
      message: `${monthName(month)} was already ${alreadyWords(runs, run, outbox)}${more}`,
      detail: '',
      unconfirmed,
    };
  }
  if (chosen.size === 0 && unconfirmed.length > 0) {
    return {
      kind: 'stop',
      status: 'blocked',
      message: `${monthName(month)}: nothing sent; earlier deliveries were never confirmed (${list}): check with them, then use --resend-unconfirmed to send them the release on purpose`,
      detail: unconfirmedBeforeNote(unconfirmed),
      unconfirmed,
    };
  }
  return {
    kind: 'send',
    recipients: items.filter((i) => chosen.has(i.key)).map((i) => i.recipient),
    correction: !!options.force && state.monthSent,
    unconfirmed: targets.unconfirmed,
  };
}
