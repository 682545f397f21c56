/** `karnameh open` and `karnameh close`: the agencies' data entry, what was done said on stderr. */
import type { CliIo } from './io.ts';
import type { CliOptions } from './args.ts';
import { newRunId } from '../compose.ts';
import type { Logger, WorkbookStore } from '../ports.ts';
import { closeMonth } from '../use-cases/close-month.ts';
import { reopenMonth } from '../use-cases/reopen-month.ts';
import { KarnamehError } from '../core/contract/errors.ts';
import { openMonth } from '../use-cases/open-month.ts';

export async function openCommand(
  options: CliOptions,
  context: { io: CliIo; log: Logger; store: WorkbookStore; now: () => Date },
): Promise<number> {
  const { io, log, store, now } = context;
  const outcome = await openMonth(
    { store, now, log, newRunId: () => newRunId(now()) },
    {
      month: options.month,
      dryRun: options.dryRun,
      requestedBy: io.env.USER ? `cli:${io.env.USER}` : 'cli',
    },
  );
  const where = `${outcome.monthName} (${outcome.month})`;
  if (outcome.status === 'blocked') {
    for (const p of outcome.problems.slice(0, 20)) {
      log.error(`${p.cell ? `${p.tab}!${p.cell}` : p.tab} ${p.code}: ${p.message}`);
    }
    log.error(
      `${where} not opened: the definitions above must be fixed first (open cannot tell who is who); nothing was written`,
    );
  } else {
    const verb = outcome.status === 'dry-run' ? 'would add' : 'added';
    const [first, last] = [outcome.rows[0], outcome.rows.at(-1)];
    if (outcome.rows.length <= 10) {
      for (const r of outcome.rows) log.info(`row ${r.row}: ${r.agency} ${r.name} (${r.group})`);
    } else if (first && last) {
      log.info(
        `rows ${first.row}–${last.row}: ${first.agency} ${first.name} … ${last.agency} ${last.name}`,
      );
    }
    if (outcome.header.length > 0) log.info(`header ${verb}: ${outcome.header.join('، ')}`);
    for (const note of outcome.notes) log.info(note);
    log.info(
      outcome.rows.length === 0
        ? `${where} is open already: every active agency has its row; nothing added`
        : `${where}: ${verb} ${outcome.rows.length} row(s)${outcome.status === 'dry-run' ? ' (dry run: nothing written)' : ''}`,
    );
  }
  if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
  return outcome.exitCode;
}

export async function closeCommand(
  options: CliOptions,
  context: { io: CliIo; log: Logger; store: WorkbookStore; now: () => Date },
): Promise<number> {
  const { io, log, store, now } = context;
  const outcome = await closeMonth(
    { store, now, log, newRunId: () => newRunId(now()) },
    { month: options.month, requestedBy: io.env.USER ? `cli:${io.env.USER}` : 'cli' },
  );
  const where = `${outcome.monthName} (${outcome.month})`;
  for (const note of outcome.notes) log.info(note);
  if (outcome.status === 'closed' && outcome.archived.length === 0) {
    log.warn(
      `${where} has no row in the scores tab: nothing to archive (was it ever opened? a wrong --month?); it is recorded as closed`,
    );
  }
  log.info(
    outcome.status === 'closed'
      ? `${where} closed: ${outcome.archived.length} row(s) archived at ${outcome.closedAt ?? ''}`
      : `${where} is closed already (not opened or reopened since); nothing done`,
  );
  if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
  return outcome.exitCode;
}

export async function reopenCommand(
  options: CliOptions,
  context: { io: CliIo; log: Logger; store: WorkbookStore; now: () => Date },
): Promise<number> {
  const { io, log, store, now } = context;
  if (!options.month || !options.agency) {
    throw new KarnamehError('usage', 'karnameh reopen needs --month YYYY-MM and --agency ID');
  }
  const outcome = await reopenMonth(
    { store, now, log, newRunId: () => newRunId(now()) },
    {
      month: options.month,
      agency: options.agency,
      ...(options.until ? { until: options.until } : {}),
      requestedBy: io.env.USER ? `cli:${io.env.USER}` : 'cli',
    },
  );
  for (const note of outcome.notes) log.info(note);
  log.info(
    `${outcome.agency}: its row of ${outcome.monthName} (${outcome.month}) is open to it until the end of ${outcome.untilText} (${outcome.until})`,
  );
  if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
  return outcome.exitCode;
}
