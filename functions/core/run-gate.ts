/**
 * What stops a run (workbook.md, "What stops a run"), decided in one place from what was
 * read: the parse's problems, the month's summary, the recipients and the runs tab. Pure:
 * the use case does what the decision says (write the problems tab, send or not).
 */
import type { RawTab } from './cells.ts';
import { a1 } from './cells.ts';
import type { MonthKey } from './jalali.ts';
import { DEFINITION_CODES, severityOf, type Problem } from './problems.ts';
import { REMINDER_KINDS, reminderRuns, type RunsEntry } from './runs-log.ts';
import type { Summary } from './summary.ts';
import { TABS } from './tabs.ts';

export interface RunGateInput {
  month: MonthKey;
  /** The parse could not give figures at all (a required tab or column missing, …). */
  fatal: boolean;
  problems: readonly Problem[];
  summary: Summary;
  /** Valid active recipients in the workbook. */
  recipients: number;
  /** The runs tab as read, and its entries (runs-log.ts). */
  runsTab: RawTab | undefined;
  runs: readonly RunsEntry[];
  /** The digest of the input tabs as read now. */
  digest: string;
  options: { force?: boolean; allowIncomplete?: boolean; testTo?: string };
}

export type BlockReason =
  'structure' | 'definition' | 'none-evaluated' | 'no-recipients' | 'incomplete';

export type RunGate =
  /** Nothing is sent; exit 1. A dry run still renders unless the reason is structure or none-evaluated. */
  | { kind: 'blocked'; reason: BlockReason; message: string; detail: string; warnings: Problem[] }
  /** The month was sent and its data changed since: results refreshed, nothing sent; exit 0. */
  | { kind: 'data-changed'; message: string; detail: string; warnings: Problem[] }
  | { kind: 'proceed'; warnings: Problem[] };

/** Problems listed in a message: the first few, each as `tab!cell code`. */
function places(problems: readonly Problem[], max = 5): string {
  const shown = problems
    .slice(0, max)
    .map((p) => `${p.cell ? `${p.tab}!${p.cell}` : p.tab} ${p.code}`);
  const more = problems.length > max ? `, … ${problems.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** The definition errors of workbook.md: they block every real run, --allow-incomplete included. */
export function definitionErrors(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error' && DEFINITION_CODES.has(p.code));
}

/**
 * The digest the month was last sent with (the last `run` or `delivery` row of the month
 * marked sent or partial; not a test copy, not a reminder round), and that row in the runs
 * tab (for the problem's place).
 */
export function lastSent(
  runs: readonly RunsEntry[],
  runsTab: RawTab | undefined,
  month: MonthKey,
): { entry: RunsEntry; rowIndex: number | null } | null {
  let found: RunsEntry | null = null;
  const reminders = reminderRuns(runs);
  for (const entry of runs) {
    if (entry.month !== month || entry.digest === '') continue;
    // A reminder round's rows (and its run row) are not the release going out.
    if (REMINDER_KINDS.has(entry.kind) || reminders.has(entry.runId)) continue;
    const sent = entry.status === 'sent' || (entry.kind === 'run' && entry.status === 'partial');
    if (sent && entry.kind !== 'test') found = entry;
  }
  if (!found) return null;
  const target = found;
  const rows = runsTab?.rows ?? [];
  let rowIndex: number | null = null;
  for (let r = rows.length - 1; r >= 1 && rowIndex === null; r--) {
    const cells = (rows[r] ?? []).map((c) => (c === null ? '' : String(c).trim()));
    if (cells.includes(target.runId) && cells.includes(target.digest)) rowIndex = r;
  }
  return { entry: target, rowIndex };
}

/** `run.data_changed` when the month was sent with other data than is there now. */
export function dataChanged(input: RunGateInput): Problem | null {
  if (input.options.testTo) return null;
  const sent = lastSent(input.runs, input.runsTab, input.month);
  if (!sent || sent.entry.digest === input.digest) return null;
  const tab = input.runsTab ? String(input.runsTab.name) : TABS.runs.label;
  const digestColumn = TABS.runs.columns.findIndex((c) => c.key === 'digest');
  return {
    code: 'run.data_changed',
    severity: severityOf('run.data_changed'),
    tab,
    cell: sent.rowIndex === null ? '' : a1(sent.rowIndex, digestColumn),
    message: `داده‌های این ماه پس از ارسال خبر تغییر کرده است (چکیده داده هنگام ارسال ${sent.entry.digest}، اکنون ${input.digest})؛ برگه نتایج به‌روز شد ولی خبر دوباره فرستاده نمی‌شود. برای فرستادن اصلاحیه، اجرا را با --force (یا force) تکرار کنید.`,
    month: input.month,
  };
}

/**
 * The decision, in the order of workbook.md: a workbook that cannot be read as a
 * scorecard, then definition errors, nobody evaluated, no recipient (not for a test copy),
 * an incomplete month without allowIncomplete; then a month sent before whose data changed
 * (a correction only with force). The `run.data_changed` warning is in `warnings` whenever
 * it applies, also with force.
 */
export function decideRun(input: RunGateInput): RunGate {
  const { summary, options } = input;
  const changed = dataChanged(input);
  const warnings = changed ? [changed] : [];
  const blocked = (reason: BlockReason, message: string, detail: string): RunGate => ({
    kind: 'blocked',
    reason,
    message,
    detail,
    warnings,
  });

  if (input.fatal) {
    return blocked(
      'structure',
      'the workbook cannot be read as a scorecard: see the problems',
      'ساختار کارنامه ناقص است',
    );
  }
  const definition = definitionErrors(input.problems);
  if (definition.length > 0) {
    return blocked(
      'definition',
      `${definition.length} definition error(s) stop every run, --allow-incomplete included: ${places(definition)}`,
      `خطای تعریف در کارنامه (${definition.length} مورد)؛ تا درست نشود چیزی فرستاده نمی‌شود`,
    );
  }
  const evaluated = summary.groups.reduce((n, g) => n + g.evaluated, 0);
  if (evaluated === 0) {
    return blocked(
      'none-evaluated',
      `no agency was evaluated in ${input.month}`,
      'هیچ دستگاهی در این ماه ارزیابی نشده است',
    );
  }
  if (input.recipients === 0 && !options.testTo) {
    const none = input.problems.filter((p) => p.code === 'recipient.none');
    return blocked(
      'no-recipients',
      `no valid active recipient: nothing can be sent${none.length > 0 ? ` (${places(none)})` : ''}`,
      'هیچ گیرنده فعال با ایمیل درستی نیست',
    );
  }
  const missing = summary.groups.flatMap((g) => g.notEvaluated);
  if (missing.length > 0 && !options.allowIncomplete) {
    const names = missing.map((m) => `${m.name} (${m.reason})`).join('، ');
    return blocked(
      'incomplete',
      `${missing.length === 1 ? '1 agency is' : `${missing.length} agencies are`} not evaluated in ${input.month}; use --allow-incomplete to send anyway: ${missing.map((m) => m.name).join(', ')}`,
      `${missing.length} دستگاه ارزیابی نشده‌اند: ${names}`,
    );
  }
  if (changed && !options.force) {
    const sent = lastSent(input.runs, input.runsTab, input.month);
    return {
      kind: 'data-changed',
      message: `${input.month} was already sent, but its data changed since (digest then ${sent?.entry.digest ?? '?'}, now ${input.digest}): the results tab is refreshed, nothing is sent; use --force to send a correction`,
      detail: `داده پس از ارسال تغییر کرده است (${sent?.entry.digest ?? '?'} → ${input.digest})؛ نتایج به‌روز شد`,
      warnings,
    };
  }
  return { kind: 'proceed', warnings };
}
