// The ports of one run, watcher pass or reminder round, made from the composition the same way for every front end.
import type { DeliveryJournal, Logger, Mailer, WorkbookStore } from '../ports.ts';
import type { RemindPorts } from '../use-cases/remind.ts';
import type { WatchSheetPorts } from '../use-cases/watch-sheet.ts';
import type { Composition } from './compose.ts';

export interface RunContext {
  runId: string;
  log: Logger;
  /** None for a dry run: nothing is sent. */
  mailer?: Mailer | undefined;
  /** The command line's journal (Composition.journal); none in the functions. */
  journal?: DeliveryJournal | undefined;
  /** The store already made for this command (default: a new one from the composition). */
  store?: WorkbookStore;
}

/**
 * A run of the month, or a watcher pass (which may run one and send reminders): the
 * store, the mailer, every renderer, the previews, the site and the lock.
 */
export async function monthPorts(c: Composition, run: RunContext): Promise<WatchSheetPorts> {
  const preview = c.preview();
  return {
    store: run.store ?? (await c.store()),
    ...(run.mailer ? { mailer: run.mailer } : {}),
    ...(preview ? { preview } : {}),
    render: c.render,
    renderCard: c.renderCard,
    renderReminders: c.renderReminders,
    site: c.site(),
    lock: c.lock,
    now: c.now,
    newRunId: () => run.runId,
    log: run.log,
    ...(run.journal ? { journal: run.journal } : {}),
  };
}

/** A reminder round (`karnameh remind`). */
export async function remindPorts(c: Composition, run: RunContext): Promise<RemindPorts> {
  const preview = c.reminderPreview();
  return {
    store: run.store ?? (await c.store()),
    ...(run.mailer ? { mailer: run.mailer } : {}),
    ...(preview ? { preview } : {}),
    render: c.renderReminders,
    now: c.now,
    newRunId: () => run.runId,
    log: run.log,
    ...(run.journal ? { journal: run.journal } : {}),
    sendingLimit: c.sendingLimit,
  };
}
