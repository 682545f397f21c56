/** How a run ends: its outcome, a stop by the data, a dry run, and its logged writes. */
import { problemsRows } from '../../core/runs/problems-tab.ts';
import { resultsTabRows } from '../../core/runs/results-tab.ts';
import { readRunsLog } from '../../core/contract/runs-log.ts';
import { deliveryState } from '../../core/contract/runs-state.ts';
import { findTab } from '../../core/contract/tab-lookup.ts';
import type { SummaryStatus } from '../../core/figures/summary.ts';
import type { WriteReport, WriteRequest } from '../../ports.ts';
import { ledgerEntry, ledgerWrite, writesOnly } from '../delivery-ledger/ledger.ts';
import { previewCards } from '../preview-cards.ts';
import { previewMonth } from './publish-month.ts';
import { releaseInput } from './release-items.ts';
import type { MonthRun } from './read-and-decide.ts';
import type { RunMonthOutcome } from './types.ts';

/** The outcome of the run, with this status and exit code. */
export function outcomeOf(
  run: MonthRun,
  status: SummaryStatus,
  exitCode: RunMonthOutcome['exitCode'],
  message: string,
  extra: Partial<RunMonthOutcome> = {},
): RunMonthOutcome {
  return {
    summary: { ...run.summary, status },
    exitCode,
    runId: run.runId,
    message,
    deliveries: [],
    cards: [],
    unconfirmed: [],
    notSent: [],
    previewFiles: [],
    written: null,
    ...extra,
  };
}

/** The problems tab: the parse's problems and the run gate's warnings (run.data_changed). */
export const problemsTab = (run: MonthRun) =>
  problemsRows([...run.parsed.problems, ...run.gate.warnings]);

/** Writes, saying once where the outputs went and each note of the store once. */
export function writeLogged(run: MonthRun, request: WriteRequest): Promise<WriteReport> {
  return ledgerWrite(run.ledger, request);
}

/**
 * The data stops the run before anything is claimed: the problems tab and one runs row say
 * why. A month sent before whose data changed (`already-sent`) also gets its results
 * refreshed, and exits 0.
 */
export async function stopRun(
  run: MonthRun,
  message: string,
  detail: string,
  status: 'blocked' | 'already-sent' = 'blocked',
): Promise<RunMonthOutcome> {
  const results =
    status === 'already-sent' && run.computed
      ? resultsTabRows(findTab(run.raw, 'results'), run.computed.month, run.runId)
      : undefined;
  const written = await writeLogged(run, {
    outputs: { problems: problemsTab(run), ...(results ? { results } : {}) },
    runs: [ledgerEntry(run.ledger, { kind: 'run', status, detail })],
  });
  return outcomeOf(run, status, status === 'blocked' ? 1 : 0, message, { written });
}

/** A dry run: the release rendered into the preview folder; nothing written, nothing sent. */
export async function dryRun(run: MonthRun, note: string): Promise<RunMonthOutcome> {
  const runs = readRunsLog(findTab(run.raw, 'runs'));
  const sent = deliveryState(
    runs,
    run.month,
    'release',
    '',
    writesOnly(run.ports.mailer, run.options.outbox),
  ).monthSent;
  const correction = sent && !!run.options.force;
  const rendered = await run.ports.render(releaseInput(run, correction));
  const previewFiles = run.ports.preview ? await run.ports.preview.write(rendered) : [];
  previewFiles.push(...(await previewMonth(run, rendered, correction)));
  if (run.computed) {
    const { model, problems } = run.parsed;
    const { runId, contentHash } = run.ledger;
    const input = { model, problems, computed: run.computed, runId, contentHash, correction };
    previewFiles.push(...(await previewCards(run.ports, { ...input, computedAt: run.startedAt })));
  }
  return outcomeOf(run, 'dry-run', 0, `dry run: nothing written, nothing sent${note}`, {
    previewFiles,
  });
}
