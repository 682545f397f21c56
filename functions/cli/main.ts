/** `karnameh …`: parses the arguments, wires the ports and runs the command; returns the exit code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCardRenderer } from '../adapters/mail/render-card.ts';
import { createReleaseRenderer, packageRoot } from '../adapters/mail/render-release.ts';
import { createPreviewWriter } from '../adapters/mail/preview-writer.ts';
import { HelpRequested, parseCliArgs } from './args.ts';
import type { CliOptions } from './args.ts';
import {
  createJournal,
  createMailer,
  createStore,
  newRunId,
  previewDir,
  siteDir,
} from '../compose.ts';
import { createFolderSite } from '../adapters/site/folder-site.ts';
import { latestMonthHint, nobodyEvaluated } from './hints.ts';
import { isKarnamehError, KarnamehError } from '../core/contract/errors.ts';
import { folderProblem } from '../adapters/make-folder.ts';
import type { Summary } from '../core/figures/summary.ts';
import { createTextLogger } from '../adapters/logger.ts';
import type { Logger } from '../ports.ts';
import { runMonth } from '../use-cases/run-month.ts';
import { CLI_SENDING_LIMIT } from '../use-cases/run-month/pace-check.ts';
import { stopOnSignals } from './signals.ts';
import type { CliIo } from './io.ts';
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
    io.stderr(`karnameh error: ${isKarnamehError(error) ? error.message : String(error)}\n`);
    return 2;
  }
  const log = createTextLogger(io.stderr, { verbose: options.verbose });
  try {
    return await dispatch(options, io, log);
  } catch (error) {
    if (isKarnamehError(error)) {
      log.error(`${error.message} [${error.code}]`);
      // Another run of the month is sending: stopped, as by the data (docs/command-line.md#exit-codes: 1).
      return error.code === 'usage' ? 2 : error.code === 'run.in_progress' ? 1 : 3;
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
  const now = io.now ?? (() => new Date());
  if (options.command === 'publish') {
    const { publishCommand } = await import('./publish.ts');
    return publishCommand(options, log);
  }
  if (options.command === 'mail-test') {
    const { mailTestCommand } = await import('./mail-test.ts');
    return mailTestCommand(options, io, log, now());
  }
  const store = createStore(options, io.env);
  const printJson = (summary: Summary): void => {
    if (options.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  };

  if (options.command === 'init') {
    const example = options.example
      ? await createStore({ workbook: io.exampleWorkbook ?? bundledExample() }, io.env).read()
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
    printJson(outcome.summary);
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
    return remindCommand(options, { io, log, store, now });
  }

  if (options.command === 'watch') {
    const { watchCommand } = await import('./watch.ts');
    return watchCommand(options, { io, log, store, now });
  }

  if (options.command === 'open' || options.command === 'close' || options.command === 'reopen') {
    const entry = await import('./entry.ts');
    const command = {
      open: entry.openCommand,
      close: entry.closeCommand,
      reopen: entry.reopenCommand,
    }[options.command];
    return command(options, { io, log, store, now });
  }

  // An outbox that cannot be made or written is said before the month is claimed.
  const unusable = await folderProblem(options.outbox);
  if (unusable !== null) {
    throw new KarnamehError(
      'usage',
      `the outbox ${options.outbox} cannot be used: ${unusable}; nothing was claimed, written or sent (give --outbox a folder)`,
    );
  }
  const runId = newRunId(now());
  const requestedBy = io.env.USER ? `cli:${io.env.USER}` : 'cli';
  const mailer = options.dryRun ? undefined : createMailer(io.env, options.outbox, runId);
  const render = createReleaseRenderer();
  const journal = options.dryRun ? undefined : await createJournal(options, io.env, log.warn);
  const stop = stopOnSignals(io, log, options.dryRun);
  let cardRenderer: ReturnType<typeof createCardRenderer> | undefined;
  try {
    const outcome = await runMonth(
      {
        store,
        mailer,
        preview: createPreviewWriter(previewDir(options.outbox)),
        render,
        renderCard: (view) => (cardRenderer ??= createCardRenderer())(view),
        site: {
          store: createFolderSite(siteDir(options.outbox)),
          preview: createFolderSite(join(previewDir(options.outbox), 'site')),
        },
        now,
        newRunId: () => runId,
        log,
        ...(journal ? { journal } : {}),
      },
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
        sendingLimit: CLI_SENDING_LIMIT,
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
