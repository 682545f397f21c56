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

/** A mailer whose transport (nodemailer) is loaded when the first message goes out. */
export function lazyMailer(description: string, load: () => Promise<Mailer>, pace?: Pace): Mailer {
  let mailer: Promise<Mailer> | undefined;
  return {
    description,
    ...(pace ? { pace } : {}),
    send: async (mail) => (await (mailer ??= load())).send(mail),
    close: async () => {
      if (mailer) await (await mailer).close();
    },
  };
}
