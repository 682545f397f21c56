/** A store and a mailer whose adapter modules load on first use, to keep start-up light. */
import type { Mailer, Pace, WorkbookStore } from '../ports.ts';

/**
 * A store whose adapter module is loaded on first use: the functions' cold start does not
 * pay for the xlsx reader when the workbook is a Google Sheet, nor the CLI for the Sheets client.
 */
export function lazyStore(description: string, load: () => Promise<WorkbookStore>): WorkbookStore {
  let store: Promise<WorkbookStore> | undefined;
  const get = (): Promise<WorkbookStore> => (store ??= load());
  return {
    description,
    read: async () => (await get()).read(),
    write: async (request) => (await get()).write(request),
    init: async (template) => (await get()).init(template),
    checkWritable: async () => (await get()).checkWritable(),
    readRuns: async () => (await get()).readRuns(),
    editMonth: async (plan) => {
      const store = await get();
      if (!store.editMonth) throw new Error(`${description} cannot open or close a month`);
      return store.editMonth(plan);
    },
    lockRun: async (request) => {
      const store = await get();
      return store.lockRun ? store.lockRun(request) : null;
    },
  };
}

/**
 * A mailer whose transport (nodemailer) is loaded when the first message goes out; `outbox`
 * is the folder of a mailer that writes files (Mailer.outbox).
 */
export function lazyMailer(
  description: string,
  load: () => Promise<Mailer>,
  extra: { pace?: Pace; outbox?: string } = {},
): Mailer {
  let mailer: Promise<Mailer> | undefined;
  const { pace, outbox } = extra;
  return {
    description,
    ...(pace ? { pace } : {}),
    ...(outbox !== undefined ? { outbox } : {}),
    send: async (mail, place) => (await (mailer ??= load())).send(mail, place),
    close: async () => {
      if (mailer) await (await mailer).close();
    },
  };
}
