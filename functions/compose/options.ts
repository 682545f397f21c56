// The settings table: each setting declared once (env var, older name, flag, default, check, description).
import * as z from 'zod';
import { parseSender } from '../adapters/mail/transports/mail-options.ts';
import { smtpRateSchema } from '../adapters/mail/transports/pacer.ts';
import { isKarnamehError } from '../core/contract/errors.ts';

export interface Option {
  /** The environment variable (docs/command-line.md#environment). */
  env: string;
  /** The name it had before; read for one release, with a warning. */
  legacy?: string;
  /** The command line's flag (`--<flag>`), which wins over the environment. */
  flag?: string;
  /** The value on the command line when neither the flag nor the variable is given. */
  cliDefault?: string;
  /** Never repeated in a message or a log line. */
  secret?: boolean;
  /** Checks (and tidies) the text; the message follows the setting's name. */
  schema: z.ZodType<string | number>;
  /** What it is, for docs/command-line.md. */
  description: string;
}

/** A text that is there; blank counts as unset before a schema sees it. */
const text = z.string().trim().min(1, 'needs a value');

/** `…/spreadsheets/d/<ID>/edit#gid=0` → `<ID>`: people paste the sheet's address. */
function spreadsheetIdOf(value: string): string {
  return /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(value)?.[1] ?? value;
}

function parsesAsUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** MAIL_FROM as the mailers read it (adapters/mail/transports/mail-options.ts): one mailbox, one line. */
function isOneSender(value: string): boolean {
  try {
    parseSender(value);
    return true;
  } catch (error) {
    if (isKarnamehError(error)) return false;
    throw error;
  }
}

/** A Cloud Storage bucket name (dots allow up to 222 characters; kept simple here). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

export const OPTIONS = {
  workbook: {
    env: 'KARNAMEH_WORKBOOK',
    flag: 'workbook',
    schema: text.regex(/\.xlsx$/i, 'is not an .xlsx file name'),
    description: 'The workbook as an .xlsx file (the office PC, local development).',
  },
  sheet: {
    env: 'KARNAMEH_SHEET',
    legacy: 'SPREADSHEET_ID',
    flag: 'sheet',
    schema: text
      .transform(spreadsheetIdOf)
      .pipe(
        z
          .string()
          .regex(
            /^[A-Za-z0-9_-]{10,}$/,
            'is not a spreadsheet id (letters, digits, - and _, as in …/spreadsheets/d/<ID>/edit)',
          ),
      ),
    description: 'The Google Sheet: its id, or its address pasted whole.',
  },
  editor: {
    env: 'KARNAMEH_EDITOR',
    flag: 'editor',
    schema: text.pipe(z.email('is not an email address')),
    description: 'The account `init` makes an editor of the protected output tabs (Sheets only).',
  },
  outbox: {
    env: 'KARNAMEH_OUTBOX',
    legacy: 'OUTBOX_DIR',
    flag: 'outbox',
    cliDefault: 'outbox',
    schema: text,
    description:
      'Mail as .eml files when SMTP_URL is unset; previews in its preview/ folder (the command line keeps its public site in site/).',
  },
  siteBucket: {
    env: 'KARNAMEH_SITE_BUCKET',
    schema: text
      .transform((v) => v.replace(/^gs:\/\//, '').replace(/\/$/, ''))
      .pipe(
        z
          .string()
          .regex(
            BUCKET_NAME,
            'is not a bucket name (3 to 63 lower-case letters, digits, -, _ and ., e.g. karnameh-ilam-site)',
          ),
      ),
    description:
      "The public site's Cloud Storage bucket (the functions); unset: they publish nothing.",
  },
  smtpUrl: {
    env: 'SMTP_URL',
    secret: true,
    schema: text.refine(
      (v) => parsesAsUrl(v, ['smtp:', 'smtps:']),
      'is not an smtp:// or smtps:// URL (smtps://user:password@host:465)',
    ),
    description:
      'The SMTP server, `smtps://user:password@host:465`; unset: .eml files in the outbox.',
  },
  mailFrom: {
    env: 'MAIL_FROM',
    schema: text.refine(
      isOneSender,
      'is not one address, e.g. "روابط‌عمومی استانداری <pr@example.org>"',
    ),
    description: 'The sender, `Name <address>`; required whenever SMTP_URL is set.',
  },
  smtpRate: {
    env: 'SMTP_RATE',
    schema: smtpRateSchema,
    description: 'Messages per second (e.g. 2 or 0.5); unset: no pause between messages.',
  },
  sheetsApiUrl: {
    env: 'SHEETS_API_URL',
    schema: text.refine(
      (v) => parsesAsUrl(v, ['http:', 'https:']),
      'is not an http:// or https:// URL',
    ),
    description: 'Replaces https://sheets.googleapis.com/ (the stand-in of the tests).',
  },
  sheetsAccessToken: {
    env: 'SHEETS_ACCESS_TOKEN',
    secret: true,
    schema: text,
    description: "A bearer token for the Sheets API instead of Google's credentials (tests).",
  },
  service: {
    env: 'K_SERVICE',
    schema: text,
    description:
      'Set by Cloud Run: the service name; the functions then refuse calls without a token.',
  },
} as const satisfies Record<string, Option>;

export type OptionName = keyof typeof OPTIONS;

/** The settings that have a flag: the source of the workbook and the outbox. */
export type FlagName = Extract<(typeof OPTIONS)[OptionName], { flag: string }>['flag'];

/** The settings' flags as node:util `parseArgs` declares them (each takes a value). */
export const SETTING_FLAGS = Object.fromEntries(
  Object.values(OPTIONS).flatMap((o: Option) => (o.flag ? [[o.flag, { type: 'string' }]] : [])),
) as Record<FlagName, { type: 'string' }>;
