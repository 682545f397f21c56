import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { lazyMailer, lazyStore } from './adapters/lazy.ts';
import { parseSender } from './adapters/mail/mail-options.ts';
import { parseSmtpRate } from './adapters/mail/pacer.ts';
import { describeSmtpUrl } from './adapters/mail/smtp-url.ts';
import type { Mailer, WorkbookStore } from './ports.ts';

export interface SourceOptions {
  workbook?: string;
  sheet?: string;
  /** The account `init` makes an editor of the protected output tabs (Sheets only). */
  editor?: string;
}

/** The store for `--workbook` / `--sheet`, with the stand-in hooks of interfaces.md. */
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

/** SMTP when `SMTP_URL` is set, otherwise .eml files in the outbox folder. */
export function createMailer(env: NodeJS.ProcessEnv, outbox: string, runId: string): Mailer {
  const from = env.MAIL_FROM || undefined;
  parseSender(from); // a bad MAIL_FROM stops the run before anything is written or sent
  const url = env.SMTP_URL;
  const rate = parseSmtpRate(env.SMTP_RATE); // a bad SMTP_RATE stops the run before sending
  if (url) {
    return lazyMailer(describeSmtpUrl(url), async () =>
      (await import('./adapters/mail/smtp-mailer.ts')).createSmtpMailer({
        url,
        from,
        ...(rate ? { rate } : {}),
      }),
    );
  }
  return lazyMailer(`outbox ${outbox}`, async () =>
    (await import('./adapters/mail/outbox-mailer.ts')).createOutboxMailer({
      dir: outbox,
      from,
      prefix: runId,
    }),
  );
}

export const previewDir = (outbox: string): string => join(outbox, 'preview');

/** The public site of the command line, and where each sending run keeps its month's figures. */
export const siteDir = (outbox: string): string => join(outbox, 'site');

/** `r-20240725-081530-3fa2`: sortable, readable, unique enough for one sheet. */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r-${stamp}-${randomBytes(2).toString('hex')}`;
}
