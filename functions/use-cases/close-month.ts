/**
 * `karnameh close` (docs/workbook.md#opening-and-closing-a-month): the month's scores as they
 * stand kept in the archive tab with the time of closing, recorded in the runs tab, and on
 * a Sheet the agencies' edit rights on the month taken back. Definition errors never stop
 * it; a month already closed (no open or reopen since) is left alone.
 */
import type { RawWorkbook } from '../core/contract/cells.ts';
import { monthState, openMonths, planArchive } from '../core/contract/close-month.ts';
import { guardWanted } from '../core/runs/guard-wanted.ts';
import { runningExtensions } from '../core/runs/extensions.ts';
import { KarnamehError } from '../core/contract/errors.ts';
import { defaultMonth, monthName, type MonthKey } from '../core/language/jalali.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import { readRunsLog } from '../core/contract/runs-log.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import type { Logger, MonthEdit, WorkbookStore } from '../ports.ts';

export interface CloseDeps {
  store: WorkbookStore;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
}

export interface CloseOptions {
  month?: MonthKey;
  requestedBy: string;
}

export interface CloseOutcome {
  month: MonthKey;
  monthName: string;
  /** closed: archived now; already-closed: closed before and not opened since (nothing done). */
  status: 'closed' | 'already-closed';
  /** The agencies whose rows were archived. */
  archived: string[];
  closedAt: string | null;
  notes: string[];
  runId: string | null;
  exitCode: number;
}

/** The close of `month` planned against `raw`; null when it is closed already. */
function planClose(
  raw: RawWorkbook,
  month: MonthKey,
  entry: { runId: string; at: string; requestedBy: string },
): { edit: MonthEdit; archived: string[] } | null {
  const log = readRunsLog(findTab(raw, 'runs'));
  if (monthState(log, month) === 'closed') return null;
  const parsed = parseWorkbook(raw, { month });
  const archive = planArchive(raw, parsed, month, entry.at);
  // The agencies' rights on the month go; those on other months still open stay.
  const stillOpen = new Set(openMonths(log).filter((m) => m !== month));
  const archived = parsed.model.scores.filter((s) => s.month === month).map((s) => s.agencyId);
  return {
    archived,
    edit: {
      archive,
      guard: guardWanted(
        raw,
        parsed,
        stillOpen,
        [],
        runningExtensions(log, new Date(entry.at)).filter((e) => e.month !== month),
      ),
      runs: [
        {
          runId: entry.runId,
          month,
          at: entry.at,
          kind: 'close',
          status: 'done',
          recipient: '',
          requestedBy: entry.requestedBy,
          contentHash: '',
          detail: `rows archived: ${archive.rows.length} (${archive.title})`,
        },
      ],
    },
  };
}

/** Closes `month` (default: the month being collected, the one before today in Tehran). */
export async function closeMonth(deps: CloseDeps, options: CloseOptions): Promise<CloseOutcome> {
  const month = options.month ?? defaultMonth(deps.now());
  if (!deps.store.editMonth) {
    throw new KarnamehError(
      'source.write_failed',
      `${deps.store.description} cannot close a month`,
    );
  }
  const runId = deps.newRunId();
  const at = deps.now().toISOString();
  let archived: string[] = [];
  const report = await deps.store.editMonth((raw) => {
    const planned = planClose(raw, month, { runId, at, requestedBy: options.requestedBy });
    archived = planned?.archived ?? [];
    return planned?.edit ?? null;
  });
  return {
    month,
    monthName: monthName(month),
    status: report.applied ? 'closed' : 'already-closed',
    archived: report.applied ? archived : [],
    closedAt: report.applied ? at : null,
    notes: [
      ...(report.note ? [report.note] : []),
      ...(report.guarded && report.applied
        ? ["protections set: the agencies' edit rights on the month are taken back"]
        : []),
    ],
    runId: report.applied ? runId : null,
    exitCode: 0,
  };
}
