/**
 * What stops a run (docs/workbook.md#what-stops-a-run), decided in one place from what was
 * read: the parse's problems, the month's summary, the recipients and the runs tab. Pure:
 * the use case does what the decision says (write the problems tab, send or not).
 */
import type { RawTab } from '../contract/cells.ts';
import { a1 } from '../contract/cells.ts';
import type { MonthKey } from '../language/jalali.ts';
import { DEFINITION_CODES, severityOf, type Problem } from '../contract/problems.ts';
import { changedCards } from './card-hashes.ts';
import { isContentHash } from '../figures/content-hash.ts';
import { RELEASE_KINDS, runKindOf, type RunKind, type RunsEntry } from '../contract/runs-log.ts';
import { isDone, reminderRuns } from '../contract/runs-state.ts';
import type { Summary } from '../figures/summary.ts';
import { TABS } from '../contract/tabs.ts';
import { CARDS_FATE, RELEASE_FATE, type ChangedFate } from './changed-fate.ts';

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
  /** The release's content hash now (core/figures/content-hash.ts); null when nothing was computed. */
  contentHash: string | null;
  /** Each card's content hash now, by its ledger key (`<agencyId>:<email>`). */
  cardHashes?: ReadonlyMap<string, string>;
  /** Tabs besides the runs tab that hold records of mail sent (runs-log.ts sentRecordTabs). */
  strayRecords?: readonly string[];
  /** Who has not got the month's release or card yet (named when nothing is sent). */
  notReached?: readonly string[];
  options: {
    force?: boolean;
    allowIncomplete?: boolean;
    testTo?: string;
    dryRun?: boolean;
    /** The run only writes .eml files (no SMTP): earlier `written` rows count as gone out. */
    outbox?: boolean;
  };
}

type BlockReason =
  'structure' | 'runs-record' | 'definition' | 'none-evaluated' | 'no-recipients' | 'incomplete';

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

/** The definition errors of docs/workbook.md#what-stops-a-run: they block every real run, --allow-incomplete included. */
export function definitionErrors(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error' && DEFINITION_CODES.has(p.code));
}

/** The kinds of row that record the release going out (not a card, test or reminder). */
const SENT_RELEASE = new Set<RunKind>(['run', ...RELEASE_KINDS]);

/**
 * The content hash the month's release was last sent with (the last `run`, `release` or
 * `correction` row of the month marked sent or partial; not a card, a test copy or a
 * reminder round; `written` as .eml only for a run that writes to the outbox too), and that row in the runs tab (for the problem's place). Its content
 * hash is '' or an earlier version's hash of the whole workbook when the hash is unknown
 * (isContentHash).
 */
export function lastSent(
  runs: readonly RunsEntry[],
  runsTab: RawTab | undefined,
  month: MonthKey,
  outbox = false,
): { entry: RunsEntry; rowIndex: number | null } | null {
  let found: RunsEntry | null = null;
  const reminders = reminderRuns(runs);
  for (const entry of runs) {
    if (entry.month !== month || !SENT_RELEASE.has(entry.kind)) continue;
    // A reminder round's run row is not the release going out.
    if (reminders.has(entry.runId)) continue;
    if (isDone(entry.status, outbox) || (entry.kind === 'run' && entry.status === 'partial')) {
      found = entry;
    }
  }
  if (!found) return null;
  return { entry: found, rowIndex: rowOf(runsTab, found) };
}

/** The row of the runs tab holding `entry` (by its run id, kind and recipient). */
function rowOf(runsTab: RawTab | undefined, entry: RunsEntry): number | null {
  const rows = runsTab?.rows ?? [];
  for (let r = rows.length - 1; r >= 1; r--) {
    const cells = (rows[r] ?? []).map((c) => (c === null ? '' : String(c).trim().toLowerCase()));
    const recipient = entry.recipient === '' || cells.includes(entry.recipient);
    const kind = cells.some((cell) => runKindOf(cell) === entry.kind);
    if (cells.includes(entry.runId.toLowerCase()) && kind && recipient) {
      return r;
    }
  }
  return null;
}

const contentHashColumn = TABS.runs.columns.findIndex((c) => c.key === 'digest');

const changedProblem = (input: RunGateInput, cell: string, message: string): Problem => ({
  code: 'run.data_changed',
  severity: severityOf('run.data_changed'),
  tab: input.runsTab ? String(input.runsTab.name) : TABS.runs.label,
  cell,
  message,
  month: input.month,
});

/**
 * `run.data_changed` when the release was sent stating other facts than it would now: its
 * content hash then (a known one) differs from the one now. An earlier version's row,
 * whose hash is of the whole workbook, is not compared: nothing says its facts changed.
 */
export function dataChanged(input: RunGateInput, fate: ChangedFate = 'held'): Problem | null {
  if (input.options.testTo || input.contentHash === null) return null;
  const sent = lastSent(input.runs, input.runsTab, input.month, input.options.outbox);
  if (
    !sent ||
    !isContentHash(sent.entry.contentHash) ||
    sent.entry.contentHash === input.contentHash
  ) {
    return null;
  }
  const cell = sent.rowIndex === null ? '' : a1(sent.rowIndex, contentHashColumn);
  // A release the outbox only wrote as .eml files (no SMTP) was never sent: say so.
  const act = sent.entry.status === 'written' ? 'نوشتن در پوشهٔ خروجی (.eml)' : 'ارسال';
  return changedProblem(
    input,
    cell,
    `آنچه خبر این ماه می‌گوید پس از ${act} تغییر کرده است (چکیدهٔ محتوای خبر هنگام ${act} ${sent.entry.contentHash}، اکنون ${input.contentHash})؛ ${RELEASE_FATE[fate]}`,
  );
}

/**
 * `run.data_changed` for the agencies' cards sent before that would state other facts now
 * (both hashes of the first few): they are not sent again without --force; every other
 * delivery goes on.
 */
export function cardsChanged(input: RunGateInput, fate: ChangedFate = 'held'): Problem | null {
  if (input.options.testTo || !input.cardHashes) return null;
  const changed = changedCards(input.runs, input.month, input.cardHashes, input.options.outbox);
  const [first] = changed;
  if (!first) return null;
  const entry = input.runs.findLast(
    (e) =>
      e.month === input.month &&
      e.kind === 'card' &&
      isDone(e.status, input.options.outbox) &&
      e.recipient === first.key,
  );
  const row = entry ? rowOf(input.runsTab, entry) : null;
  const shown = changed
    .slice(0, 5)
    .map((c) => `${c.key.split(':')[0] ?? c.key} (${c.then} → ${c.now})`)
    .join('، ');
  const more = changed.length > 5 ? ` و ${changed.length - 5} کارنامهٔ دیگر` : '';
  return changedProblem(
    input,
    row === null ? '' : a1(row, contentHashColumn),
    `کارنامهٔ ${changed.length} دستگاه پس از ارسال تغییر کرده است: ${shown}${more}؛ ${CARDS_FATE[fate]}`,
  );
}

/** A month sent whose release would now state other facts: nothing sent, who waits named. */
function changedGate(input: RunGateInput, warnings: Problem[]): RunGate {
  const last = lastSent(input.runs, input.runsTab, input.month, input.options.outbox)?.entry;
  const then = last?.contentHash ?? '?';
  const done = last?.status === 'written' ? 'written as .eml' : 'sent';
  const now = input.contentHash ?? '?';
  const left = input.notReached ?? [];
  const shown = left.slice(0, 10).join(', ');
  const more = left.length > 10 ? `, … ${left.length - 10} more` : '';
  const waiting =
    left.length > 0 ? `; not reached yet (they get nothing until then): ${shown}${more}` : '';
  return {
    kind: 'data-changed',
    message: `${input.month} was already ${done}, but what its release states changed since (content hash then ${then}, now ${now}): the results tab is refreshed, nothing is sent; use --force to send a correction${waiting}`,
    detail: `محتوای خبر پس از ارسال تغییر کرده است (${then} → ${now})؛ نتایج به‌روز شد`,
    warnings,
  };
}

/**
 * The decision, in the order of docs/workbook.md#what-stops-a-run: a workbook that cannot be read as a
 * scorecard, then definition errors, nobody evaluated, no recipient (not for a test copy),
 * an incomplete month without allowIncomplete; then a month sent before whose data changed
 * (a correction only with force). The `run.data_changed` warning is in `warnings` whenever
 * it applies, also with force, saying what this run does with the changed messages.
 */
export function decideRun(input: RunGateInput): RunGate {
  const { summary, options } = input;
  const changed = dataChanged(input);
  // The warnings say what this run does with the changed messages: decided below.
  const warnings = (fate: ChangedFate): Problem[] =>
    [dataChanged(input, fate), cardsChanged(input, fate)].filter((p): p is Problem => p !== null);
  const blocked = (reason: BlockReason, message: string, detail: string): RunGate => ({
    kind: 'blocked',
    reason,
    message,
    detail,
    warnings: warnings('blocked'),
  });

  if (input.fatal) {
    return blocked(
      'structure',
      'the workbook cannot be read as a scorecard: see the problems',
      'ساختار کارنامه ناقص است',
    );
  }
  const stray = input.strayRecords ?? [];
  if (stray.length > 0 && !options.testTo) {
    const names = stray.map((name) => `«${name}»`).join(', ');
    return blocked(
      'runs-record',
      `${names} hold(s) records of mail sent but row 1 is not the runs tab's header, so what was sent cannot be read: put the header back in row 1 (or move those rows into the runs tab) and run again; nothing is sent until then, so nobody gets the month twice`,
      `سوابق ارسال در برگهٔ ${names} است ولی ردیف اول آن سرستون‌های برگهٔ اجراها نیست؛ تا درست نشود چیزی فرستاده نمی‌شود`,
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
  const held: ChangedFate = options.dryRun ? 'held-dry' : 'held';
  if (changed && !options.force) return changedGate(input, warnings(held));
  const forced: ChangedFate = options.dryRun ? 'preview' : 'sending';
  return { kind: 'proceed', warnings: warnings(options.force ? forced : held) };
}
