/** `karnameh watch`: one pass of the watcher's work from the command line, for cron, a systemd timer or Windows Task Scheduler. */
import { join } from 'node:path';
import { createCardRenderer } from '../adapters/mail/render-card.ts';
import { createReleaseRenderer } from '../adapters/mail/render-release.ts';
import { createReminderRenderer } from '../adapters/mail/render-reminder.ts';
import { createFolderSite } from '../adapters/site/folder-site.ts';
import type { CliIo } from './io.ts';
import type { CliOptions } from './args.ts';
import { stopOnSignals } from './signals.ts';
import { createJournal, createMailer, newRunId, previewDir, siteDir } from '../compose.ts';
import type { Logger, WorkbookStore } from '../ports.ts';
import { createMonthLock } from '../use-cases/month-lock.ts';
import { CLI_SENDING_LIMIT } from '../use-cases/run-month/pace-check.ts';
import { watchSheet, type WatchSheetOutcome } from '../use-cases/watch-sheet.ts';

/** The pass in a few lines: what it checked and what it did (nothing, when nothing was due). */
function passLines(outcome: WatchSheetOutcome): string[] {
  const lines = [
    `checked ${outcome.month}: ${outcome.errors} error(s), ${outcome.warnings} warning(s)${outcome.wroteProblems ? '; problems tab rewritten' : ''}`,
  ];
  const entry = outcome.entry;
  if (entry?.opened) lines.push(`opened ${entry.opened} for the agencies' entry`);
  if (entry?.closed) lines.push(`closed ${entry.closed}`);
  for (const back of entry?.takenBack ?? []) lines.push(`extension ran out, taken back: ${back}`);
  for (const error of entry?.errors ?? []) lines.push(`open/close failed: ${error}`);
  for (const round of outcome.reminders) {
    lines.push(
      `reminders for ${round.month}: ${round.outcome?.message ?? round.error?.message ?? ''}`,
    );
  }
  const request = outcome.request;
  if (request) {
    const run = request.run ? `: ${request.run.message}` : '';
    lines.push(`run_request ${request.raw}: ${request.state}${run}`);
  }
  return lines;
}

/** Exit 0 when the pass did its work (or had none), 3 when a part of it failed. */
function exitOf(outcome: WatchSheetOutcome): 0 | 3 {
  const failed =
    (outcome.entry?.errors.length ?? 0) > 0 ||
    outcome.reminders.some((r) => r.error !== null || (r.outcome?.exitCode ?? 0) === 3) ||
    outcome.request?.state === 'failed' ||
    (outcome.request?.run?.exitCode ?? 0) === 3;
  return failed ? 3 : 0;
}

/** One pass; safe to call every 15 minutes (each step happens once, as in the functions). */
export async function watchCommand(
  options: CliOptions,
  context: { io: CliIo; log: Logger; store: WorkbookStore; now: () => Date },
): Promise<number> {
  const { io, log, store, now } = context;
  const runId = newRunId(now());
  const mailer = createMailer(io.env, options.outbox, runId);
  const journal = await createJournal(options, io.env, log.warn);
  const stop = stopOnSignals(io, log, false);
  let cardRenderer: ReturnType<typeof createCardRenderer> | undefined;
  try {
    const outcome = await watchSheet(
      {
        store,
        mailer,
        render: createReleaseRenderer(),
        renderCard: (view) => (cardRenderer ??= createCardRenderer())(view),
        renderReminders: createReminderRenderer(),
        site: {
          store: createFolderSite(siteDir(options.outbox)),
          preview: createFolderSite(join(previewDir(options.outbox), 'site')),
        },
        lock: createMonthLock(),
        now,
        newRunId: () => runId,
        log,
        ...(journal ? { journal } : {}),
      },
      {
        requestedBy: io.env.USER ? `cli:${io.env.USER}` : 'cli',
        signal: stop.signal,
        sendingLimit: CLI_SENDING_LIMIT,
      },
    );
    // The pass's summary on stdout, once (as remind and run); the logs said it on stderr.
    if (options.json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
    else
      io.stdout(
        passLines(outcome)
          .map((line) => `${line}\n`)
          .join(''),
      );
    return exitOf(outcome);
  } finally {
    stop.unsubscribe();
    await mailer.close();
  }
}
