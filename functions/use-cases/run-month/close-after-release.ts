/**
 * A month opened and never closed is closed by the first run that sends its release
 * (docs/workbook.md#opening-and-closing-a-month): after the release reached someone, the
 * month's open row in the runs tab calls for `close`. The release is out by then, so a
 * close that fails is said as a warning, never a failed run.
 */
import { monthState } from '../../core/contract/close-month.ts';
import { readRunsLog } from '../../core/contract/runs-log.ts';
import { findTab } from '../../core/contract/tab-lookup.ts';
import { closeMonth } from '../close-month.ts';
import type { MonthRun } from './read-and-decide.ts';
import type { RunMonthOutcome } from './types.ts';

export async function closeAfterRelease(run: MonthRun, outcome: RunMonthOutcome): Promise<void> {
  const { store, log, now } = run.ports;
  const released = outcome.deliveries.some((d) => d.status === 'sent');
  if (!released || !store.editMonth) return;
  const runs = readRunsLog(findTab(run.raw, 'runs'));
  if (monthState(runs, run.month) !== 'open') return;
  try {
    const closed = await closeMonth(
      { store, now, log, newRunId: () => run.runId },
      { month: run.month, requestedBy: run.options.requestedBy ?? '' },
    );
    if (closed.status === 'closed') {
      log.info(
        `${closed.monthName} was still open: closed with its release (${closed.archived.length} row(s) archived)`,
        { runId: run.runId, month: run.month },
      );
    }
  } catch (error) {
    log.warn(
      `${run.month} is still open after its release and could not be closed: ${error instanceof Error ? error.message : String(error)}; run karnameh close --month ${run.month}`,
      { runId: run.runId, month: run.month },
    );
  }
}
