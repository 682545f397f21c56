// `karnameh remind`: the reminders of the month sent to the agencies with something to fix, or previewed.
import { resolve } from 'node:path';
import type { CommandContext } from './main.ts';
import type { CliOptions } from './args.ts';
import { newRunId } from '../compose/compose.ts';
import { remindPorts } from '../compose/use-case-ports.ts';
import { remind } from '../use-cases/remind.ts';
import { stopOnSignals } from './signals.ts';

/** `karnameh remind`: returns the exit code (0 done, 1 stopped by the data, 3 a send failed). */
export async function remindCommand(options: CliOptions, context: CommandContext): Promise<number> {
  const { io, log, store, composition } = context;
  const runId = newRunId(composition.now());
  const mailer = options.dryRun ? undefined : composition.mailer(runId);
  const journal = options.dryRun ? undefined : await composition.journal(log.warn);
  const stop = stopOnSignals(io, log, options.dryRun);
  try {
    const outcome = await remind(
      await remindPorts(composition, { runId, log, mailer, journal, store }),
      {
        month: options.month,
        dryRun: options.dryRun,
        requestedBy: io.env.USER ? `cli:${io.env.USER}` : 'cli',
        signal: stop.signal,
      },
    );
    for (const r of outcome.reminders) {
      const cells = r.items.map((i) => (i.cell ? `${i.tab}!${i.cell}` : i.tab)).join(', ');
      log.info(
        `${r.agencyId} ${r.name} <${r.emails.join(', ')}>: ${r.items.length} to fix (${cells})`,
      );
    }
    for (const file of outcome.previewFiles) log.info(`preview: ${file}`);
    (outcome.exitCode === 0 ? log.info : log.error)(outcome.message);
    if (mailer && !io.env.SMTP_URL && outcome.deliveries.some((d) => d.status === 'sent')) {
      log.info(`no SMTP_URL: the messages are .eml files in ${resolve(options.outbox)}`);
    }
    if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    return outcome.exitCode;
  } finally {
    stop.unsubscribe();
    await mailer?.close();
  }
}
