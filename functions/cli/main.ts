/** `karnameh …`: parses the arguments and settings, composes the ports, runs the command; returns the exit code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../adapters/mail/templates/mail-templates.ts';
import { HelpRequested, parseCliArgs } from './args.ts';
import type { CliOptions } from './args.ts';
import { compose, newRunId } from '../compose/compose.ts';
import { monthPorts } from '../compose/use-case-ports.ts';
import { latestMonthHint, nobodyEvaluated } from './hints.ts';
import { exitCodeOf, isKarnamehError, KarnamehError } from '../core/contract/errors.ts';
import { folderProblem } from '../adapters/make-folder.ts';
import type { Summary } from '../core/figures/summary.ts';
import { createTextLogger } from '../adapters/logger.ts';
import type { Logger } from '../ports.ts';
import { runMonth } from '../use-cases/run-month.ts';
import { stopOnSignals } from './signals.ts';
import type { CliIo, CommandContext } from './io.ts';
import { counts, logRun, printRun, reportProblems } from './run-report.ts';

/**
 * The example of the package (sources, tsc's dist/functions or the bundle in dist/cli), as
 * a path (a folder with a space or Persian letters in its name stays readable).
 */
const bundledExample = (): string =>
  join(packageRoot(import.meta.url), 'examples', 'ilam-1403.xlsx');

/** The version in the package's package.json (sources, dist/ or the bundle alike). */
function packageVersion(): string {
  const text = readFileSync(join(packageRoot(import.meta.url), 'package.json'), 'utf8');
  return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
}

/** `karnameh …`: returns the exit code (0 done, 1 stopped by the data, 2 usage, 3 failure). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, io.env, (io.now ?? (() => new Date()))());
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(`${error.version ? `karnameh ${packageVersion()}` : error.text}\n`);
      return 0;
    }
    if (isKarnamehError(error) && error.code !== 'usage') {
      // A setting from the environment (config.invalid): said as any failure is, with its code.
      createTextLogger(io.stderr).error(`${error.message} [${error.code}]`);
      return exitCodeOf(error.code);
    }
    io.stderr(`karnameh error: ${isKarnamehError(error) ? error.message : String(error)}\n`);
    return 2;
  }
  const log = createTextLogger(io.stderr, { verbose: options.verbose });
  for (const warning of options.settings.warnings) log.warn(warning);
  try {
    return await dispatch(options, io, log);
  } catch (error) {
    if (isKarnamehError(error)) {
      log.error(`${error.message} [${error.code}]`);
      return exitCodeOf(error.code);
    }
    log.error(failureLine(error));
    return 3;
  }
}

/**
 * A failure karnameh did not foresee, in one line: a file or folder the system refused
 * (an outbox that cannot be made, a full disk) names the path and the system's reason.
 */
function failureLine(error: unknown): string {
  const { code, path, message } = error as Partial<NodeJS.ErrnoException>;
  if (typeof code === 'string' && typeof path === 'string') {
    return `cannot use ${path}: ${message ?? code} (check the path and its permissions)`;
  }
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
}

async function dispatch(options: CliOptions, io: CliIo, log: Logger): Promise<number> {
  const composition = compose(options.settings, {
    logger: () => log,
    env: io.env,
    ...(io.now ? { now: io.now } : {}),
  });
  const now = composition.now;
  if (options.command === 'publish') {
    const { publishCommand } = await import('./publish.ts');
    return publishCommand(options, log);
  }
  if (options.command === 'mail-test') {
    const { mailTestCommand } = await import('./mail-test.ts');
    return mailTestCommand(options, composition, log);
  }
  const store = await composition.store();
  const context: CommandContext = { io, log, store, now, composition };

  if (options.command === 'init') {
    const example = options.example
      ? await (await composition.store({ workbook: io.exampleWorkbook ?? bundledExample() })).read()
      : undefined;
    const { initWorkbook } = await import('../use-cases/init-workbook.ts');
    const report = await initWorkbook(store, { example });
    log.info(report.note ?? `${store.description} is ready`);
    return 0;
  }

  if (options.command === 'check') {
    const { checkMonth } = await import('../use-cases/check-month.ts');
    const outcome = await checkMonth(
      { store, now, log },
      { month: options.month, reportRefusal: true },
    );
    reportProblems(
      outcome.summary,
      log,
      outcome.notWritten === undefined ? undefined : 'not shown (the problems tab was not written)',
    );
    if (options.json) io.stdout(`${JSON.stringify(outcome.summary, null, 2)}\n`);
    if (outcome.notWritten !== undefined) {
      log.error(
        `${counts(outcome.summary)}; the problems tab was not written: ${outcome.notWritten}`,
      );
      return 3;
    }
    const tab = outcome.wrote ? 'problems tab written' : 'problems tab unchanged';
    log.info(`${outcome.summary.monthName}: ${counts(outcome.summary)}; ${tab}`);
    await hintMonth(options, store, outcome.summary, log);
    return outcome.exitCode;
  }

  // Each command loads what only it needs (a dry run's start is measured: bench/xlsx-targets.ts).
  if (options.command === 'remind') {
    const { remindCommand } = await import('./remind.ts');
    return remindCommand(options, context);
  }

  if (options.command === 'watch') {
    const { watchCommand } = await import('./watch.ts');
    return watchCommand(options, context);
  }

  if (options.command === 'open' || options.command === 'close' || options.command === 'reopen') {
    const entry = await import('./entry.ts');
    const command = {
      open: entry.openCommand,
      close: entry.closeCommand,
      reopen: entry.reopenCommand,
    }[options.command];
    return command(options, context);
  }
  return runCommand(options, context);
}

/** `karnameh run`: the month's release (and cards) sent, or previewed with --dry-run. */
async function runCommand(options: CliOptions, context: CommandContext): Promise<number> {
  const { io, log, store, composition } = context;
  // An outbox that cannot be made or written is said before the month is claimed.
  const unusable = await folderProblem(options.outbox);
  if (unusable !== null) {
    throw new KarnamehError(
      'usage',
      `the outbox ${options.outbox} cannot be used: ${unusable}; nothing was claimed, written or sent (give --outbox a folder)`,
    );
  }
  const runId = newRunId(composition.now());
  const requestedBy = io.env.USER ? `cli:${io.env.USER}` : 'cli';
  const mailer = options.dryRun ? undefined : composition.mailer(runId);
  const journal = options.dryRun ? undefined : await composition.journal(log.warn);
  const stop = stopOnSignals(io, log, options.dryRun);
  try {
    const outcome = await runMonth(
      await monthPorts(composition, { runId, log, mailer, journal, store }),
      {
        month: options.month,
        dryRun: options.dryRun,
        // A dry run has no mailer: without SMTP_URL it previews a run that writes .eml files.
        outbox: !io.env.SMTP_URL?.trim(),
        force: options.force,
        resendUnconfirmed: options.resendUnconfirmed,
        allowIncomplete: options.allowIncomplete,
        testTo: options.to,
        ...(options.agency ? { testAgency: options.agency } : {}),
        requestedBy,
        signal: stop.signal,
        sendingLimit: composition.sendingLimit,
      },
    );
    logRun(outcome, options.outbox, log, options.dryRun);
    await hintMonth(options, store, outcome.summary, log);
    printRun(outcome, { json: options.json }, io.stdout, nobodyEvaluated(outcome.summary));
    return outcome.exitCode;
  } finally {
    stop.unsubscribe();
    await mailer?.close();
  }
}

/** After a run or check of the default month with nobody evaluated: the month to give. */
async function hintMonth(
  options: CliOptions,
  store: Parameters<typeof latestMonthHint>[0],
  summary: Summary,
  log: Logger,
): Promise<void> {
  if (options.month !== undefined || !nobodyEvaluated(summary)) return;
  const hint = await latestMonthHint(store, summary.month).catch(() => null);
  if (hint) log.info(`hint: ${hint}`);
}
