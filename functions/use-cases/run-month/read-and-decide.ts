/** Steps 1a and 1b of a run: read, check and compute the month, then decide whether it may go out. */
import { computeResults } from '../../core/figures/compute-summary.ts';
import { fatalSummary } from '../../core/figures/fatal-summary.ts';
import { defaultMonth, type MonthKey } from '../../core/language/jalali.ts';
import { parseWorkbook } from '../../core/contract/parse-workbook.ts';
import { decideRun, type RunGate } from '../../core/runs/run-gate.ts';
import {
  type RunsEntry,
  readRunsLog,
  runsHeaderGaps,
  runsHeaderMessage,
  sentRecordTabs,
} from '../../core/contract/runs-log.ts';
import { withJournals } from '../../core/runs/delivery-journal.ts';
import { findTab } from '../../core/contract/tab-lookup.ts';
import type { RawWorkbook } from '../../core/contract/cells.ts';
import type { Summary } from '../../core/figures/summary.ts';
import type { Problem } from '../../core/contract/problems.ts';
import { writesOnly, type LedgerRun } from '../delivery-ledger/ledger.ts';
import { inputHash } from '../../core/runs/input-hash.ts';
import { gateFacts } from './gate-input.ts';
import type { RunMonthOptions, RunMonthPorts } from './types.ts';
import { BROKEN_WORKBOOK_NOTE } from '../../core/runs/run-notes.ts';

/** What the run read and computed: every later step works from this. */
export interface MonthRun {
  ports: RunMonthPorts;
  options: RunMonthOptions;
  month: MonthKey;
  runId: string;
  startedAt: Date;
  raw: RawWorkbook;
  parsed: ReturnType<typeof parseWorkbook>;
  computed: ReturnType<typeof computeResults> | null;
  summary: Summary;
  /** What the data lets the run do (core/runs/run-gate.ts); its warnings are in the summary. */
  gate: RunGate;
  /** The run as the delivery ledger knows it. */
  ledger: LedgerRun;
  /**
   * The runs tab as read, with what journals of earlier runs add (not yet written: the
   * fold is written after the claim, delivery-ledger/journal-fold.ts).
   */
  runsRead: RunsEntry[];
  /** Some journal of an earlier run waits to be folded into the runs tab. */
  journaled: boolean;
}

/** Step 1a: read the workbook, check it, compute the month. */
export async function readMonth(ports: RunMonthPorts, options: RunMonthOptions): Promise<MonthRun> {
  const startedAt = ports.now();
  const month = options.month ?? defaultMonth(startedAt);
  const runId = ports.newRunId();
  const raw = options.workbook ?? (await ports.store.read());
  const parsed = parseWorkbook(raw, { month });
  const computed = parsed.fatal
    ? null
    : computeResults(parsed.model, parsed.problems, month, 'checked');
  const summary = computed?.summary ?? fatalSummary(month, parsed.problems, 'blocked');
  // The runs rows record what the release stated (its content hash); a run that computed
  // nothing records the input tabs' hash, for tracing what it read.
  const inputs = inputHash(raw);
  const contentHash = summary.contentHash ?? inputs;
  ports.log.info(`read ${ports.store.description}`, { runId, month, contentHash, inputs });
  const runsTab = findTab(raw, 'runs');
  // What a journal of an earlier run knows counts already (a release sent whose record
  // could not be written is a month sent).
  const journals = (await ports.journal?.earlier()) ?? [];
  const runs = withJournals(readRunsLog(runsTab), journals, startedAt);
  const { model, problems } = parsed;
  const gate = decideRun({
    month,
    fatal: !computed,
    problems: parsed.problems,
    summary,
    recipients: parsed.model.recipients.length,
    runsTab,
    runs,
    contentHash: summary.contentHash ?? null,
    strayRecords: sentRecordTabs(raw.tabs, runsTab),
    ...gateFacts(model, problems, computed, runs, month, writesOnly(ports.mailer, options.outbox)),
    options: { ...options, outbox: writesOnly(ports.mailer, options.outbox) },
  });
  summary.problems.push(...gate.warnings);
  return {
    ports,
    options,
    month,
    runId,
    startedAt,
    raw,
    parsed,
    computed,
    summary,
    gate,
    runsRead: runs,
    journaled: journals.length > 0,
    ledger: {
      store: ports.store,
      runId,
      month,
      requestedBy: options.requestedBy ?? '',
      contentHash,
      now: ports.now,
      log: ports.log,
      ...changedNote(parsed.problems),
    },
  };
}

export type Decision =
  | { kind: 'stop'; message: string; detail: string }
  | { kind: 'dry-run'; note: string }
  /** A dry run with nothing to render (no figures, nobody evaluated): nothing written. */
  | { kind: 'dry-blocked'; message: string }
  /** The month was sent with other data: results refreshed, nothing sent (a correction needs force). */
  | { kind: 'data-changed'; message: string; detail: string }
  | { kind: 'send' };

/**
 * Step 1b: whether the data lets the month go out, by the run gate (core/runs/run-gate.ts). Pure.
 * Who gets the release is decided after the claim, from the runs tab as it is then
 * (plan-deliveries.ts). A dry run still renders, marked blocked, unless there is nothing to
 * render (no figures, nobody evaluated).
 */
export function decide(run: MonthRun): Decision {
  const { gate, options } = run;
  const renderable =
    gate.kind !== 'blocked' || !['structure', 'none-evaluated'].includes(gate.reason);
  if (options.dryRun && (!run.computed || !renderable)) {
    // Nothing to render, and a dry run writes nothing: the problems are in the summary.
    const why = gate.kind === 'blocked' ? gate.message : 'the workbook cannot be read';
    return { kind: 'dry-blocked', message: why };
  }
  if (!run.computed || (gate.kind === 'blocked' && (!options.dryRun || !renderable))) {
    return gate.kind === 'blocked'
      ? { kind: 'stop', message: gate.message, detail: gate.detail }
      : {
          kind: 'stop',
          message: 'the workbook cannot be read as a scorecard: see the problems',
          detail: BROKEN_WORKBOOK_NOTE,
        };
  }
  if (options.dryRun) {
    // The claim would not be found in a runs tab whose header left row 1 (claim.ts).
    const gaps = runsHeaderGaps(findTab(run.raw, 'runs'));
    const note =
      gaps.length > 0
        ? ` (BLOCKED: a real run would stop: ${runsHeaderMessage(gaps)})`
        : gate.kind === 'blocked'
          ? ` (BLOCKED: a real run would stop: ${gate.message})`
          : gate.kind === 'data-changed'
            ? ` (a real run would send nothing: ${gate.message})`
            : '';
    return { kind: 'dry-run', note };
  }
  if (gate.kind === 'data-changed') {
    return { kind: 'data-changed', message: gate.message, detail: gate.detail };
  }
  return { kind: 'send' };
}

/** The run row's count of cells changed after the close (docs/workbook.md#opening-and-closing-a-month), when there are any. */
function changedNote(problems: readonly Problem[]): { runNote?: string } {
  const changed = problems.filter((p) => p.code === 'score.changed_after_close').length;
  return changed > 0 ? { runNote: `changed after close: ${changed} cell(s)` } : {};
}
