import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createSheetsStore } from './adapters/google-sheets/sheets-store.ts';
import { createOutboxMailer } from './adapters/mail/outbox-mailer.ts';
import { createSmtpMailer } from './adapters/mail/smtp-mailer.ts';
import { createXlsxStore } from './adapters/xlsx/xlsx-store.ts';
import type { Mailer, WorkbookStore } from './ports.ts';

export interface SourceOptions {
  workbook?: string;
  sheet?: string;
}

/** The store for `--workbook` / `--sheet`, with the stand-in hooks of interfaces.md. */
export function createStore(source: SourceOptions, env: NodeJS.ProcessEnv): WorkbookStore {
  if (source.sheet) {
    return createSheetsStore({
      spreadsheetId: source.sheet,
      rootUrl: env.SHEETS_API_URL || undefined,
      accessToken: env.SHEETS_ACCESS_TOKEN || undefined,
    });
  }
  if (source.workbook) return createXlsxStore(source.workbook);
  throw new Error('createStore: no source');
}

/** SMTP when `SMTP_URL` is set, otherwise .eml files in the outbox folder. */
export function createMailer(env: NodeJS.ProcessEnv, outbox: string, runId: string): Mailer {
  const from = env.MAIL_FROM || undefined;
  return env.SMTP_URL
    ? createSmtpMailer({ url: env.SMTP_URL, from })
    : createOutboxMailer({ dir: outbox, from, prefix: runId });
}

export const previewDir = (outbox: string): string => join(outbox, 'preview');

/** `r-20240725-081530-3fa2`: sortable, readable, unique enough for one sheet. */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r-${stamp}-${randomBytes(2).toString('hex')}`;
}
