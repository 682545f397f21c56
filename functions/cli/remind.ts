/** `karnameh remind`: reminders for the month from the command line. */
import { join, resolve } from 'node:path';
import { createReminderPreviewWriter } from '../adapters/mail/reminder-preview-writer.ts';
import { createReminderRenderer } from '../adapters/mail/render-reminder.ts';
import type { CliIo } from './io.ts';
import type { CliOptions } from './args.ts';
import { createJournal, createMailer, newRunId, previewDir } from '../compose.ts';
import type { Logger, WorkbookStore } from '../ports.ts';
import { remind } from '../use-cases/remind.ts';
import { CLI_SENDING_LIMIT } from '../use-cases/run-month/pace-check.ts';
import { stopOnSignals } from './signals.ts';

/** `karnameh remind`: returns the exit code (0 done, 1 stopped by the data, 3 a send failed). */
export async function remindCommand(
  options: CliOptions,
  context: { io: CliIo; log: Logger; store: WorkbookStore; now: () => Date },
): Promise<number> {
  const { io, log, store, now } = context;
  const runId = newRunId(now());
  const mailer = options.dryRun ? undefined : createMailer(io.env, options.outbox, runId);
  const journal = options.dryRun ? undefined : await createJournal(options, io.env, log.warn);
  const stop = stopOnSignals(io, log, options.dryRun);
  try {
    const outcome = await remind(
      {
        store,
        mailer,
        preview: createReminderPreviewWriter(join(previewDir(options.outbox), 'reminders')),
        render: createReminderRenderer(),
        now,
        newRunId: () => runId,
        log,
        ...(journal ? { journal } : {}),
        sendingLimit: CLI_SENDING_LIMIT,
      },
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
