import { resolve } from 'node:path';
import { createReleaseRenderer } from './adapters/mail/render-release.ts';
import { createPreviewWriter } from './adapters/mail/preview-writer.ts';
import { parseCliArgs } from './cli-args.ts';
import type { CliOptions } from './cli-args.ts';
import { createMailer, createStore, newRunId, previewDir } from './compose.ts';
import { isKarnamehError } from './core/errors.ts';
import type { Summary } from './core/summary.ts';
import { remindCommand } from './cli-remind.ts';
import { createTextLogger } from './logger.ts';
import type { Logger } from './ports.ts';
import { checkMonth } from './use-cases/check-month.ts';
import { initWorkbook } from './use-cases/init-workbook.ts';
import { runMonth } from './use-cases/run-month.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
  /** Where the bundled example lives (for `init --example`). */
  exampleWorkbook?: string;
}

const EXAMPLE = new URL('../examples/ilam-1403.xlsx', import.meta.url).pathname;

/** `karnameh …`: returns the exit code (0 done, 1 stopped by the data, 2 usage, 3 failure). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const log = createTextLogger(io.stderr);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, io.env);
  } catch (error) {
    io.stderr(`${isKarnamehError(error) ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    return await dispatch(options, io, log);
  } catch (error) {
    if (isKarnamehError(error)) {
      log.error(`${error.message} [${error.code}]`);
      return error.code === 'usage' ? 2 : 3;
    }
    log.error(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    return 3;
  }
}

async function dispatch(options: CliOptions, io: CliIo, log: Logger): Promise<number> {
  const now = io.now ?? (() => new Date());
  const store = createStore(options, io.env);
  const printJson = (summary: Summary): void => {
    if (options.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  };

  if (options.command === 'init') {
    const example = options.example
      ? await createStore({ workbook: io.exampleWorkbook ?? EXAMPLE }, io.env).read()
      : undefined;
    const report = await initWorkbook(store, { example });
    log.info(report.note ?? `${store.description} is ready`);
    return 0;
  }

  if (options.command === 'check') {
    const outcome = await checkMonth({ store, now, log }, { month: options.month });
    reportProblems(outcome.summary, log);
    log.info(
      `${outcome.summary.monthName}: ${outcome.errors} error(s), ${outcome.warnings} warning(s); problems tab written`,
    );
    printJson(outcome.summary);
    return outcome.exitCode;
  }

  if (options.command === 'remind') return remindCommand(options, { io, log, store, now });

  const runId = newRunId(now());
  const mailer = options.dryRun ? undefined : createMailer(io.env, options.outbox, runId);
  const render = createReleaseRenderer();
  try {
    const outcome = await runMonth(
      {
        store,
        mailer,
        preview: createPreviewWriter(previewDir(options.outbox)),
        render,
        now,
        newRunId: () => runId,
        log,
      },
      {
        month: options.month,
        dryRun: options.dryRun,
        force: options.force,
        allowIncomplete: options.allowIncomplete,
        testTo: options.to,
        requestedBy: io.env.USER ? `cli:${io.env.USER}` : 'cli',
      },
    );
    reportProblems(outcome.summary, log);
    for (const file of outcome.previewFiles) log.info(`preview: ${file}`);
    if (outcome.unconfirmed.length > 0) {
      log.warn(
        `earlier deliveries never confirmed (not sent again; check with them, then use --force): ${outcome.unconfirmed.join(', ')}`,
      );
    }
    const say = outcome.exitCode === 0 ? log.info : log.error;
    say(outcome.message);
    if (mailer && !io.env.SMTP_URL && outcome.deliveries.some((d) => d.status === 'sent')) {
      log.info(`no SMTP_URL: the messages are .eml files in ${resolve(options.outbox)}`);
    }
    if (outcome.exitCode === 0 && !options.json) io.stderr(digestLines(outcome.summary));
    printJson(outcome.summary);
    return outcome.exitCode;
  } finally {
    await mailer?.close();
  }
}

function reportProblems(summary: Summary, log: Logger): void {
  const shown = summary.problems.slice(0, 20);
  for (const p of shown) {
    const where = p.cell ? `${p.tab}!${p.cell}` : p.tab;
    (p.severity === 'error' ? log.warn : log.info)(`${where} ${p.code}: ${p.message}`);
  }
  if (summary.problems.length > shown.length) {
    log.info(`… and ${summary.problems.length - shown.length} more in the problems tab`);
  }
}

/** A few lines of the figures for a person at a terminal. */
function digestLines(summary: Summary): string {
  const lines = [`\n${summary.monthName} (${summary.month})`];
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
  return `${lines.join('\n')}\n\n`;
}
