import { monthName } from '../../core/jalali.ts';
import type { RunsEntry } from '../../core/runs-log.ts';
import type { DeliveryResult } from '../delivery-ledger/deliver.ts';
import { outcomeOf } from './outcome.ts';
import type { MonthRun } from './read-and-decide.ts';
import type { RunMonthOutcome } from './types.ts';

const emails = (result: DeliveryResult, status: 'sent' | 'failed' | 'unconfirmed'): string[] =>
  result.outcomes.filter((o) => o.status === status).map((o) => o.key);

/** The run row's last word after delivering: status, and a Persian line of what went out. */
export function closingRow(
  result: DeliveryResult,
  lead: string,
): Pick<RunsEntry, 'status' | 'detail'> {
  const sent = emails(result, 'sent').length;
  const failed = emails(result, 'failed');
  const unconfirmed = emails(result, 'unconfirmed');
  const status = result.interrupted
    ? 'interrupted'
    : failed.length + unconfirmed.length === 0
      ? 'sent'
      : sent === 0
        ? 'failed'
        : 'partial';
  const detail = [
    lead,
    `ارسال به ${sent} گیرنده`,
    failed.length > 0 ? `ناموفق: ${failed.join('، ')}` : '',
    unconfirmed.length > 0 ? `تأییدنشده: ${unconfirmed.join('، ')}` : '',
    result.interrupted ? `متوقف شد؛ فرستاده‌نشده: ${result.skipped.join('، ')}` : '',
  ]
    .filter(Boolean)
    .join('؛ ');
  return { status, detail };
}

/** Step 6: what a person is told, and the exit code (0 all sent, 3 anything else). */
export function reportDelivery(
  run: MonthRun,
  result: DeliveryResult,
  what: string,
  heldBack: string[],
): RunMonthOutcome {
  const sent = emails(result, 'sent').length;
  const failed = emails(result, 'failed');
  const unconfirmed = emails(result, 'unconfirmed');
  const name = monthName(run.month);
  const parts = [`${name}: ${what} sent to ${sent}`];
  if (failed.length > 0) parts.push(`failed for ${failed.length} (${failed.join(', ')})`);
  if (unconfirmed.length > 0) {
    parts.push(
      `unconfirmed for ${unconfirmed.length} (${unconfirmed.join(', ')}: the server took the message but never said so; not sent again without --resend-unconfirmed)`,
    );
  }
  if (result.interrupted) {
    parts.push(
      `stopped before ${result.skipped.length} (${result.skipped.join(', ')}), not sent; the next run sends to them`,
    );
  }
  const clean = parts.length === 1;
  const message = clean
    ? `${parts[0]} recipient(s)`
    : `${parts.join(', ')}${failed.length > 0 ? '; the next run sends only to those not reached' : ''}`;
  return outcomeOf(run, 'sent', clean ? 0 : 3, message, {
    deliveries: result.outcomes,
    unconfirmed: [...heldBack, ...unconfirmed],
    notSent: result.skipped,
  });
}
