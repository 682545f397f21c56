/** The command line's adapters chosen from its options and environment: store, mailer, journal, folders. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { lazyMailer, lazyStore } from './adapters/lazy.ts';
import { parseSender } from './adapters/mail/mail-options.ts';
import { createPacer, parseSmtpRate } from './adapters/mail/pacer.ts';
import { describeSmtpUrl } from './adapters/mail/smtp-url.ts';
import { KarnamehError } from './core/contract/errors.ts';
import type { DeliveryJournal, Mailer, WorkbookStore } from './ports.ts';

export interface SourceOptions {
  workbook?: string;
  sheet?: string;
  /** The account `init` makes an editor of the protected output tabs (Sheets only). */
  editor?: string;
}

/** The store for `--workbook` / `--sheet`, with the stand-in hooks of docs/command-line.md#environment. */
export function createStore(source: SourceOptions, env: NodeJS.ProcessEnv): WorkbookStore {
  const { sheet, workbook, editor } = source;
  if (sheet) {
    return lazyStore(`Google Sheet ${sheet}`, async () =>
      (await import('./adapters/google-sheets/sheets-store.ts')).createSheetsStore({
        spreadsheetId: sheet,
        rootUrl: env.SHEETS_API_URL || undefined,
        accessToken: env.SHEETS_ACCESS_TOKEN || undefined,
        ...(editor ? { editor } : {}),
      }),
    );
  }
  if (workbook) {
    return lazyStore(workbook, async () =>
      (await import('./adapters/xlsx/xlsx-store.ts')).createXlsxStore(workbook),
    );
  }
  throw new Error('createStore: no source');
}

/**
 * SMTP when `SMTP_URL` is set (then `MAIL_FROM` is required, as in the functions: mail
 * never goes out over a real server from karnameh@localhost), otherwise .eml files in the
 * outbox folder, by month and run (`<outbox>/<month>/<run id>/{release,cards,reminders}/`);
 * `runId` names a message sent outside a run (mail-test).
 */
export function createMailer(env: NodeJS.ProcessEnv, outbox: string, runId: string): Mailer {
  const from = env.MAIL_FROM?.trim() || undefined;
  const url = env.SMTP_URL?.trim() || undefined;
  if (url && !from) {
    throw new KarnamehError(
      'config.invalid',
      'MAIL_FROM missing: SMTP_URL is set, so the sender must be given, e.g. MAIL_FROM="روابط‌عمومی استانداری <pr@example.org>"; nothing was written or sent',
    );
  }
  parseSender(from); // a bad MAIL_FROM stops the run before anything is written or sent
  const rate = parseSmtpRate(env.SMTP_RATE); // a bad SMTP_RATE stops the run before sending
  if (url) {
    const pacer = rate ? createPacer(rate) : undefined;
    return lazyMailer(
      describeSmtpUrl(url),
      async () =>
        (await import('./adapters/mail/smtp-mailer.ts')).createSmtpMailer({
          url,
          from,
          ...(pacer ? { pacer } : {}),
        }),
      pacer ? { pace: pacer } : {},
    );
  }
  return lazyMailer(
    `outbox ${outbox}`,
    async () =>
      (await import('./adapters/mail/outbox-mailer.ts')).createOutboxMailer({
        dir: outbox,
        from,
        prefix: runId,
      }),
    { outbox },
  );
}

/**
 * The command line's delivery journal of the workbook (adapters/journal/file-journal.ts):
 * beside the real path of an .xlsx, under the user's state folder for a Sheet.
 */
export async function createJournal(
  source: SourceOptions,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): Promise<DeliveryJournal | undefined> {
  const journal = await import('./adapters/journal/file-journal.ts');
  const { processHere } = await import('./use-cases/delivery-ledger/claim.ts');
  const dir = source.sheet
    ? journal.sheetJournalDir(source.sheet, env)
    : source.workbook
      ? await journal.workbookJournalDir(source.workbook)
      : undefined;
  return dir ? journal.createFileJournal({ dir, here: processHere(), warn }) : undefined;
}

export const previewDir = (outbox: string): string => join(outbox, 'preview');

/** The public site of the command line, and where each sending run keeps its month's figures. */
export const siteDir = (outbox: string): string => join(outbox, 'site');

/** `r-20240725-081530-3fa2`: sortable, readable, unique enough for one sheet. */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r-${stamp}-${randomBytes(2).toString('hex')}`;
}
