// What `karnameh run` and `check` tell the person at the terminal: the problems and logs on stderr, the figures (or, with --json, the summary JSON with its deliveries) on stdout.
import { dirname, join } from 'node:path';
import { previewDir } from '../compose.ts';
import type { ErrorCode } from '../core/contract/errors.ts';
import type { Summary } from '../core/figures/summary.ts';
import type { Logger } from '../ports.ts';
import type { RunMonthOutcome } from '../use-cases/run-month.ts';
import { summaryAnswer } from '../use-cases/run-month/answer.ts';

/** Where the problems past the 20 shown are, when the run wrote no problems tab. */
const DRY_RUN_REST =
  'not shown: a dry run writes nothing (`karnameh check` writes them all to the problems tab)';

/**
 * The problems, each as `karnameh error:` or `karnameh warning:` by its severity; past 20,
 * one line saying where the rest are (`rest`: in the problems tab, unless told otherwise).
 */
export function reportProblems(summary: Summary, log: Logger, rest = 'in the problems tab'): void {
  const shown = summary.problems.slice(0, 20);
  for (const p of shown) {
    const where = p.cell ? `${p.tab}!${p.cell}` : p.tab;
    (p.severity === 'error' ? log.error : log.warn)(`${where} ${p.code}: ${p.message}`);
  }
  const more = summary.problems.length - shown.length;
  if (more > 0) log.info(`… and ${more} more ${rest}`);
}

/** `N error(s), M warning(s)`, counted as the lines above label them. */
export function counts(summary: Summary): string {
  const errors = summary.problems.filter((p) => p.severity === 'error').length;
  return `${errors} error(s), ${summary.problems.length - errors} warning(s)`;
}

/** A few lines of the figures for a person at a terminal. */
export function figureLines(summary: Summary): string {
  const lines = [`${summary.monthName} (${summary.month})`];
  for (const g of summary.groups) {
    const bands = g.bands.map((b) => `${b.label} ${b.percent}%`).join(' | ');
    lines.push(
      `  ${g.name}: ${g.evaluated} evaluated, mean ${g.meanScore ?? '-'}, weak ${g.weakShare ?? '-'}%`,
    );
    lines.push(`    ${bands}`);
    const top = g.ranking
      .filter((r) => r.rank <= 3)
      .map((r) => `${r.rank}. ${r.name} (${r.score})`);
    lines.push(`    ${top.join('  ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Without SMTP the messages were written, not sent: one line naming the run's folder of
 * .eml files (`<outbox>/<month>/<run id>/`), taken from a file written.
 */
export function outboxLine(outcome: RunMonthOutcome): string | null {
  const file = [...outcome.deliveries, ...outcome.cards].find((d) => d.file)?.file;
  if (!file) return null;
  return `no SMTP_URL: nothing went out; the messages are .eml files in ${dirname(dirname(file))}`;
}

/** The logs of a run after it: problems, previews, messages never confirmed, what it did. */
export function logRun(
  outcome: RunMonthOutcome,
  outbox: string,
  log: Logger,
  dryRun: boolean,
): void {
  reportProblems(outcome.summary, log, dryRun ? DRY_RUN_REST : undefined);
  if (outcome.summary.problems.length > 0) log.info(`problems: ${counts(outcome.summary)}`);
  const cards = join(previewDir(outbox), 'cards');
  const cardFiles = outcome.previewFiles.filter((file) => dirname(file) === cards);
  for (const file of outcome.previewFiles)
    if (!cardFiles.includes(file)) log.info(`preview: ${file}`);
  if (cardFiles.length > 0) log.info(`preview: ${cardFiles.length / 2} agency cards in ${cards}`);
  if (outcome.unconfirmed.length > 0) {
    log.warn(
      `deliveries never confirmed (not sent again; check with them, then use --resend-unconfirmed): ${outcome.unconfirmed.join(', ')}`,
    );
  }
  // A dry run of a month a real run would stop says so as a warning.
  const blockedPreview = dryRun && outcome.message.includes('BLOCKED');
  const say = outcome.exitCode !== 0 ? log.error : blockedPreview ? log.warn : log.info;
  // Stopped by a signal: the last line carries its code, as a failure's does.
  const stopped: ErrorCode = 'run.interrupted';
  say(outcome.notSent.length > 0 ? `${outcome.message} [${stopped}]` : outcome.message);
  const written = outboxLine(outcome);
  if (written) log.info(written);
}

/**
 * The run's output on stdout: with `--json` the summary JSON with `deliveries` (as the HTTP
 * answer gives them), else the figures when the run went through.
 */
export function printRun(
  outcome: RunMonthOutcome,
  options: { json: boolean },
  stdout: (text: string) => void,
  nobodyEvaluated: boolean,
): void {
  if (options.json) {
    stdout(`${JSON.stringify(summaryAnswer(outcome), null, 2)}\n`);
  } else if (outcome.exitCode === 0 && !nobodyEvaluated) {
    // The figures are the command's output (`> summary.txt` keeps them); logs stay on stderr.
    stdout(figureLines(outcome.summary));
  }
}
