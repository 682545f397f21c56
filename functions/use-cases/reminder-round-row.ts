/** The run row of a reminder round at its end: done (`closing`) or stopped by a signal (`stopped`). */
import type { RunsEntry } from '../core/contract/runs-log.ts';
import type { WorkbookStore } from '../ports.ts';
import type { Claim } from './delivery-ledger/claim.ts';
import type { DeliveryOutcome } from './delivery-ledger/ledger.ts';

/** A round stopped by a signal: its run row closed `interrupted`, saying what was not sent. */
export async function stopped(
  claim: Claim,
  ports: { store: WorkbookStore; now: () => Date },
  outcomes: DeliveryOutcome[],
  untried: number,
  why: string,
): Promise<void> {
  const sent = outcomes.filter((o) => o.status === 'sent').length;
  Object.assign(claim.entry, {
    status: 'interrupted',
    detail: `یادآوری: با ${why} متوقف شد؛ ${sent} فرستاده شد، ${untried} فرستاده نشد`,
    at: ports.now().toISOString(),
  });
  await ports.store.write({ outputs: {}, runs: [claim.entry] });
}

/** The round's run row at its end. */
export function closing(outcomes: DeliveryOutcome[]): Pick<RunsEntry, 'status' | 'detail'> {
  const count = (status: DeliveryOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length;
  const sent = count('sent');
  const missed = outcomes.length - sent;
  const status =
    outcomes.length === 0
      ? 'already-sent'
      : missed === 0
        ? 'sent'
        : sent > 0
          ? 'partial'
          : 'failed';
  const detail = `یادآوری: ${sent} فرستاده شد${missed > 0 ? `، ${count('failed')} ناموفق، ${count('unconfirmed')} تأییدنشده` : ''}`;
  return { status, detail };
}
