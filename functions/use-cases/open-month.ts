/**
 * `karnameh open` (docs/workbook.md#opening-and-closing-a-month): the month's rows for every
 * active agency that has none, with validation on their indicator cells, recorded in the
 * runs tab; definition errors stop it; a second open adds nothing.
 */
import type { RawWorkbook } from '../core/contract/cells.ts';
import { KarnamehError } from '../core/contract/errors.ts';
import { defaultMonth, monthName, type MonthKey } from '../core/language/jalali.ts';
import { planOpen, type OpenPlan } from '../core/runs/open-month.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import type { Problem } from '../core/contract/problems.ts';
import { readRunsLog, type RunsEntry } from '../core/contract/runs-log.ts';
import { openMonths } from '../core/contract/close-month.ts';
import { guardWanted } from '../core/runs/guard-wanted.ts';
import { runningExtensions } from '../core/runs/extensions.ts';
import type { ParseResult } from '../core/contract/model.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import type { Logger, MonthEdit, WorkbookStore } from '../ports.ts';

export interface OpenDeps {
  store: WorkbookStore;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
}

export interface OpenOptions {
  month?: MonthKey;
  dryRun: boolean;
  requestedBy: string;
}

export interface OpenOutcome {
  month: MonthKey;
  monthName: string;
  /** opened: rows added; unchanged: every active agency had its row; blocked: definition errors. */
  status: 'opened' | 'unchanged' | 'dry-run' | 'blocked';
  /** The rows added (or, in a dry run, to add), in the order they went in. */
  rows: { row: number; agency: string; name: string; group: string }[];
  /** Header cells added (the agency_name column when the tab lacked it). */
  header: string[];
  problems: Problem[];
  /** Where it was written and what the store said (an .xlsx has no accounts to guard). */
  notes: string[];
  runId: string | null;
  exitCode: number;
}

/**
 * The scores tab's edit, the runs row and the guard for `plan`; with no row to add, the
 * guard alone (a Sheet's protections put right when they drifted; nothing else written).
 */
function editOf(
  plan: OpenPlan,
  entry: Omit<RunsEntry, 'detail'>,
  raw: RawWorkbook,
  parsed: ParseResult,
): MonthEdit {
  const log = readRunsLog(findTab(raw, 'runs'));
  const months = new Set([...openMonths(log), plan.month]);
  const added = plan.rows.map((r) => ({ ...r, month: plan.month }));
  const guard = guardWanted(raw, parsed, months, added, runningExtensions(log, new Date(entry.at)));
  if (plan.rows.length === 0) return { runs: [], guard };
  return {
    guard,
    scores: {
      header: plan.header,
      rows: plan.rows.map((r) => r.cells),
      startRow: plan.rows[0]?.rowIndex ?? 1,
      validation: plan.validation.map(({ column, max }) => ({ column, max })),
    },
    runs: [{ ...entry, detail: `rows added: ${plan.rows.length} (${plan.scoresTitle})` }],
  };
}

function outcomeOf(
  month: MonthKey,
  status: OpenOutcome['status'],
  plan: OpenPlan | null,
  problems: Problem[],
): OpenOutcome {
  return {
    month,
    monthName: monthName(month),
    status,
    rows: (plan?.rows ?? []).map((r) => ({
      row: r.rowIndex + 1,
      agency: r.agencyId,
      name: r.name,
      group: r.group,
    })),
    header: plan && plan.rows.length > 0 ? plan.header.map((h) => h.text) : [],
    problems,
    notes: [],
    runId: null,
    exitCode: status === 'blocked' ? 1 : 0,
  };
}

/** Opens `month` (default: the month being collected, the one before today in Tehran). */
export async function openMonth(deps: OpenDeps, options: OpenOptions): Promise<OpenOutcome> {
  const month = options.month ?? defaultMonth(deps.now());
  const decide = (raw: RawWorkbook) => {
    const parsed = parseWorkbook(raw, { month });
    return { decision: planOpen(raw, parsed, month), problems: parsed.problems, parsed };
  };
  if (options.dryRun) {
    const { decision, problems } = decide(await deps.store.read());
    return decision.kind === 'blocked'
      ? outcomeOf(month, 'blocked', null, decision.problems)
      : outcomeOf(month, 'dry-run', decision.plan, problems);
  }
  if (!deps.store.editMonth) {
    throw new KarnamehError('source.write_failed', `${deps.store.description} cannot open a month`);
  }
  const runId = deps.newRunId();
  let outcome: OpenOutcome | undefined;
  const report = await deps.store.editMonth((raw) => {
    const { decision, problems, parsed } = decide(raw);
    if (decision.kind === 'blocked') {
      outcome = outcomeOf(month, 'blocked', null, decision.problems);
      return null;
    }
    const { plan } = decision;
    outcome = outcomeOf(month, plan.rows.length > 0 ? 'opened' : 'unchanged', plan, problems);
    const entry = {
      runId,
      month,
      at: deps.now().toISOString(),
      kind: 'open' as const,
      status: 'done' as const,
      recipient: '',
      requestedBy: options.requestedBy,
      contentHash: '',
    };
    return editOf(plan, entry, raw, parsed);
  });
  const done = outcome as OpenOutcome;
  if (report.applied && done.status === 'opened') done.runId = runId;
  if (report.note) done.notes.push(report.note);
  if (report.guarded && report.applied) {
    done.notes.push(
      'protections set: each agency may edit only the score and note cells of its own row of the open month (share the sheet with the agencies as editors: docs/secretary-calendar.md)',
    );
  }
  return done;
}
