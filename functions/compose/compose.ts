// The composition root: every port of the use cases, made from the settings, for the command line, the HTTP functions and the watcher alike.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createJsonLogger, createTextLogger } from '../adapters/logger.ts';
import { createPreviewWriter } from '../adapters/mail/previews/preview-writer.ts';
import { createReminderPreviewWriter } from '../adapters/mail/previews/reminder-preview-writer.ts';
import { createPacer } from '../adapters/mail/transports/pacer.ts';
import { describeSmtpUrl } from '../adapters/mail/transports/smtp-url.ts';
import { createBucketSite } from '../adapters/site/bucket-site.ts';
import { createFolderSite } from '../adapters/site/folder-site.ts';
import type {
  DeliveryJournal,
  Logger,
  Mailer,
  PreviewWriter,
  RenderCard,
  RenderReminders,
  RenderRelease,
  ReminderPreviewWriter,
  SitePorts,
  WorkbookStore,
} from '../ports.ts';
import { createMonthLock, type MonthLock } from '../use-cases/month-lock.ts';
import { CLI_SENDING_LIMIT, type SendingLimit } from '../use-cases/run-month/pace-check.ts';
import { lazyMailer, lazyRenderers } from './lazy.ts';
import { FUNCTIONS_TIMEOUT_S, type Settings, type SourceOptions } from './settings.ts';

export interface ComposeOptions {
  /** A logger with these fields on every line (default: text on stderr, JSON lines on stdout for the functions). */
  logger?: (fields?: Record<string, unknown>) => Logger;
  now?: () => Date;
  lock?: MonthLock;
  /** Replaces the store of the settings (tests: a store of their own). */
  store?: (settings: Settings) => WorkbookStore;
  /** Where the user's state folder is (HOME, XDG_STATE_HOME, LOCALAPPDATA); default: this process's. */
  env?: NodeJS.ProcessEnv;
}

/** Every port a command, a function or the watcher hands to its use case. */
export interface Composition {
  settings: Settings;
  now: () => Date;
  logger: (fields?: Record<string, unknown>) => Logger;
  /** Runs of a month in this process take turns (month-lock.ts). */
  lock: MonthLock;
  /** The workbook of the settings, or `source` (the bundled example for `init --example`). */
  store(source?: SourceOptions): Promise<WorkbookStore>;
  /** SMTP with SMTP_RATE's pace when SMTP_URL is set, else .eml files in the outbox. */
  mailer(runId: string): Mailer;
  /** The command line's delivery journal of the workbook; none in the functions. */
  journal(warn: (message: string) => void): Promise<DeliveryJournal | undefined>;
  render: RenderRelease;
  renderCard: RenderCard;
  renderReminders: RenderReminders;
  /** Where a dry run puts the rendered release: `<outbox>/preview`, or nowhere without an outbox. */
  preview(): PreviewWriter | undefined;
  /** Where `remind --dry-run` puts what it would send: `<outbox>/preview/reminders`. */
  reminderPreview(): ReminderPreviewWriter | undefined;
  /** The public site (docs/publishing.md). */
  site(): SitePorts;
  /** How long a run's messages may take at SMTP_RATE. */
  sendingLimit: SendingLimit;
}

/** `<outbox>/preview`: a dry run's release, cards, reminders and site. */
export const previewDir = (outbox: string): string => join(outbox, 'preview');

/** The public site of the command line, and where each sending run keeps its month's figures. */
export const siteDir = (outbox: string): string => join(outbox, 'site');

/** `r-20240725-081530-3fa2`: sortable, readable, unique enough for one sheet. */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r-${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Hands out the ports of these settings; adapters are loaded when first used. */
export function compose(settings: Settings, options: ComposeOptions = {}): Composition {
  const outbox = settings.outbox;
  const onCli = settings.shell === 'cli';
  return {
    settings,
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? defaultLogger(settings),
    lock: options.lock ?? createMonthLock(),
    store: async (source) =>
      !source && options.store
        ? options.store(settings)
        : createStore(source ?? settings.source, settings),
    mailer: (runId) => createMailer(settings, runId),
    journal: (warn) =>
      onCli
        ? createJournal(settings.source, options.env ?? process.env, warn)
        : Promise.resolve(undefined),
    ...lazyRenderers(),
    preview: () => (outbox ? createPreviewWriter(previewDir(outbox)) : undefined),
    reminderPreview: () =>
      outbox ? createReminderPreviewWriter(join(previewDir(outbox), 'reminders')) : undefined,
    site: () => siteOf(settings),
    sendingLimit: onCli
      ? CLI_SENDING_LIMIT
      : {
          ms: FUNCTIONS_TIMEOUT_S * 1000,
          label: `the functions' timeout of ${FUNCTIONS_TIMEOUT_S} s`,
        },
  };
}

/** Text lines on stderr for the command line, JSON lines on stdout for Cloud Logging. */
function defaultLogger(settings: Settings): (fields?: Record<string, unknown>) => Logger {
  const write = (stream: NodeJS.WriteStream) => (line: string) => void stream.write(line);
  return settings.shell === 'cli'
    ? () => createTextLogger(write(process.stderr))
    : (fields = {}) => createJsonLogger(write(process.stdout), fields);
}

/** The Sheets store (with the stand-in hooks of docs/command-line.md#environment) or the .xlsx store. */
async function createStore(source: SourceOptions, settings: Settings): Promise<WorkbookStore> {
  const { sheet, workbook, editor } = source;
  if (sheet) {
    const { createSheetsStore } = await import('../adapters/google-sheets/sheets-store.ts');
    return createSheetsStore({
      spreadsheetId: sheet,
      rootUrl: settings.sheetsApiUrl,
      accessToken: settings.sheetsAccessToken,
      ...(editor ? { editor } : {}),
    });
  }
  if (workbook) {
    return (await import('../adapters/xlsx/xlsx-store.ts')).createXlsxStore(workbook);
  }
  throw new Error('compose: no workbook in the settings');
}

/** SMTP (MAIL_FROM is required with it: settings.ts) paced at SMTP_RATE, or the outbox. */
function createMailer(settings: Settings, runId: string): Mailer {
  const { smtpUrl: url, mailFrom: from } = settings;
  if (url) {
    const pacer = settings.smtpRate ? createPacer(settings.smtpRate) : undefined;
    const load = async () =>
      (await import('../adapters/mail/transports/smtp-mailer.ts')).createSmtpMailer({
        url,
        from,
        ...(pacer ? { pacer } : {}),
      });
    return lazyMailer(describeSmtpUrl(url), load, pacer ? { pace: pacer } : {});
  }
  const dir = settings.outbox ?? 'outbox';
  const load = async () =>
    (await import('../adapters/mail/transports/outbox-mailer.ts')).createOutboxMailer({
      dir,
      from,
      prefix: runId,
    });
  return lazyMailer(`outbox ${dir}`, load, { outbox: dir });
}

/**
 * The command line's delivery journal (adapters/journal/file-journal.ts): beside the real
 * path of an .xlsx, under the user's state folder for a Sheet.
 */
async function createJournal(
  source: SourceOptions,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): Promise<DeliveryJournal | undefined> {
  const journal = await import('../adapters/journal/file-journal.ts');
  const { processHere } = await import('../use-cases/delivery-ledger/claim.ts');
  const dir = source.sheet
    ? journal.sheetJournalDir(source.sheet, env)
    : source.workbook
      ? await journal.workbookJournalDir(source.workbook)
      : undefined;
  return dir ? journal.createFileJournal({ dir, here: processHere(), warn }) : undefined;
}

/**
 * The command line publishes into `<outbox>/site` (the bucket is the functions'); the functions into the bucket of
 * KARNAMEH_SITE_BUCKET, or nowhere (the run row says why). A dry run renders the whole
 * site into `<outbox>/preview/site` when there is an outbox.
 */
function siteOf(settings: Settings): SitePorts {
  const { outbox, siteBucket } = settings;
  const preview = outbox ? { preview: createFolderSite(join(previewDir(outbox), 'site')) } : {};
  if (settings.shell === 'cli' && outbox) {
    return { store: createFolderSite(siteDir(outbox)), ...preview };
  }
  if (siteBucket) return { store: createBucketSite(siteBucket), ...preview };
  return { store: null, none: 'KARNAMEH_SITE_BUCKET تعیین نشده است', ...preview };
}
