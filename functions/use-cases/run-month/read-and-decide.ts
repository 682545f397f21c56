import { computeResults } from '../../core/compute-summary.ts';
import { fatalSummary } from '../../core/fatal-summary.ts';
import { defaultMonth, type MonthKey } from '../../core/jalali.ts';
import { parseWorkbook } from '../../core/parse-workbook.ts';
import type { RawWorkbook } from '../../core/cells.ts';
import type { Summary } from '../../core/summary.ts';
import type { LedgerRun } from '../delivery-ledger/ledger.ts';
import { inputDigest } from '../input-digest.ts';
import type { RunMonthOptions, RunMonthPorts } from './types.ts';

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
  /** The run as the delivery ledger knows it. */
  ledger: LedgerRun;
}

/** Step 1a: read the workbook, check it, compute the month. */
export async function readMonth(ports: RunMonthPorts, options: RunMonthOptions): Promise<MonthRun> {
  const startedAt = ports.now();
  const month = options.month ?? defaultMonth(startedAt);
  const runId = ports.newRunId();
  const raw = await ports.store.read();
  const digest = inputDigest(raw);
  const parsed = parseWorkbook(raw, { month });
  ports.log.info(`read ${ports.store.description}`, { runId, month, digest });
  const computed = parsed.fatal
    ? null
    : computeResults(parsed.model, parsed.problems, month, 'checked');
  return {
    ports,
    options,
    month,
    runId,
    startedAt,
    raw,
    parsed,
    computed,
    summary: computed?.summary ?? fatalSummary(month, parsed.problems, 'blocked'),
    ledger: {
      store: ports.store,
      runId,
      month,
      requestedBy: options.requestedBy ?? '',
      digest,
      now: ports.now,
      log: ports.log,
    },
  };
}

export type Decision =
  | { kind: 'stop'; message: string; detail: string }
  | { kind: 'dry-run'; note: string }
  | { kind: 'send' };

/**
 * Step 1b: whether the data lets the month go out. Pure. The blocking rules of the data
 * (a run gate) belong here; who gets the release is decided after the claim, from the runs
 * tab as it is then (plan-deliveries.ts).
 */
export function decide(run: MonthRun): Decision {
  const { summary, options, month } = run;
  if (!run.computed) {
    return {
      kind: 'stop',
      message: 'the workbook cannot be read as a scorecard: see the problems',
      detail: 'ساختار کارنامه ناقص است',
    };
  }
  const missing = summary.groups.flatMap((g) => g.notEvaluated);
  const evaluated = summary.groups.reduce((n, g) => n + g.evaluated, 0);
  if (evaluated === 0) {
    return {
      kind: 'stop',
      message: `no agency was evaluated in ${month}`,
      detail: 'هیچ دستگاهی در این ماه ارزیابی نشده است',
    };
  }
  const incomplete = missing.length > 0 && !options.allowIncomplete;
  if (options.dryRun) {
    return {
      kind: 'dry-run',
      note: incomplete ? ` (a real run would stop: ${missing.length} agencies not evaluated)` : '',
    };
  }
  if (incomplete) {
    const names = missing.map((m) => `${m.name} (${m.reason})`).join('، ');
    return {
      kind: 'stop',
      message: `${missing.length} agencies are not evaluated in ${month}; use --allow-incomplete to send anyway: ${missing.map((m) => m.name).join(', ')}`,
      detail: `${missing.length} دستگاه ارزیابی نشده‌اند: ${names}`,
    };
  }
  return { kind: 'send' };
}
