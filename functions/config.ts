/**
 * The HTTP functions' configuration: environment variables, validated once per cold start.
 * A bad or missing variable is a `config.invalid` error naming every variable at fault.
 * Values that hold secrets (the password in SMTP_URL, SHEETS_ACCESS_TOKEN) never appear
 * in a message or a log line; `describeConfig` gives what may be logged.
 */
import * as z from 'zod';
import type { SourceOptions } from './compose.ts';
import { smtpRateSchema } from './adapters/mail/pacer.ts';
import { KarnamehError } from './core/contract/errors.ts';

export interface FunctionsConfig {
  /** Exactly one of them: the Google Sheet (production) or an .xlsx file (local development). */
  source: SourceOptions;
  /** Replaces https://sheets.googleapis.com/ (tests and local development against the stand-in). */
  sheetsApiUrl: string | undefined;
  /** A static bearer token for the Sheets API instead of the service account's credentials. */
  sheetsAccessToken: string | undefined;
  /** `smtps://user:password@host:465`; mail goes into `outboxDir` as .eml files when unset. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** SMTP_RATE: messages per second (adapters/mail/pacer.ts); unset: no pace. */
  smtpRate: number | undefined;
  /** .eml files when there is no SMTP_URL (`<month>/<run id>/{release,cards,reminders}/`); dry-run previews go into its `preview/` folder. */
  outboxDir: string | undefined;
  /** True on Cloud Run (env `K_SERVICE`), where IAM has checked the caller before any code runs. */
  onCloudRun: boolean;
  /** The Cloud Run service name (`K_SERVICE`), for the logs. */
  service: string | undefined;
  /** The public site's bucket (`KARNAMEH_SITE_BUCKET`); unset: the functions publish nothing. */
  siteBucket: string | undefined;
}

/** The variables read, for messages and for the local runner. */
export const CONFIG_VARIABLES = [
  'SPREADSHEET_ID',
  'KARNAMEH_WORKBOOK',
  'SMTP_URL',
  'SMTP_RATE',
  'MAIL_FROM',
  'OUTBOX_DIR',
  'SHEETS_API_URL',
  'SHEETS_ACCESS_TOKEN',
  'K_SERVICE',
  'KARNAMEH_SITE_BUCKET',
] as const;

type Variable = (typeof CONFIG_VARIABLES)[number];

/** Unset and blank are the same: a deployment that sets `FOO=` means "no FOO". */
const optional = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  });

/** `…/spreadsheets/d/<ID>/edit#gid=0` → `<ID>`: people paste the sheet's address. */
function spreadsheetIdOf(text: string): string {
  return /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? text;
}

function parsesAsUrl(text: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** The address of `Name <address>` or of a bare address. */
function senderAddress(text: string): string {
  return (/<([^<>]*)>\s*$/.exec(text)?.[1] ?? text).trim();
}

/** A Cloud Storage bucket name (dots allow up to 222 characters; kept simple here). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;

const envSchema = z
  .object({
    SPREADSHEET_ID: optional.transform((v) => (v === undefined ? v : spreadsheetIdOf(v))),
    KARNAMEH_WORKBOOK: optional,
    SMTP_URL: optional,
    SMTP_RATE: optional,
    MAIL_FROM: optional,
    OUTBOX_DIR: optional,
    SHEETS_API_URL: optional,
    SHEETS_ACCESS_TOKEN: optional,
    K_SERVICE: optional,
    KARNAMEH_SITE_BUCKET: optional.transform((v) => v?.replace(/^gs:\/\//, '').replace(/\/$/, '')),
  })
  .superRefine((env, ctx) => {
    const bad = (variable: Variable, message: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message });
    if (!env.SPREADSHEET_ID && !env.KARNAMEH_WORKBOOK) {
      bad(
        'SPREADSHEET_ID',
        'missing: the id of the Google Sheet (from its address, …/spreadsheets/d/<ID>/edit); or KARNAMEH_WORKBOOK=FILE.xlsx for local development',
      );
    }
    if (env.SPREADSHEET_ID && env.KARNAMEH_WORKBOOK) {
      bad('KARNAMEH_WORKBOOK', 'set together with SPREADSHEET_ID: give only one source');
    }
    if (env.SPREADSHEET_ID && !/^[A-Za-z0-9_-]{10,}$/.test(env.SPREADSHEET_ID)) {
      bad(
        'SPREADSHEET_ID',
        'is not a spreadsheet id (letters, digits, - and _, as in …/spreadsheets/d/<ID>/edit)',
      );
    }
    if (env.KARNAMEH_WORKBOOK && !/\.xlsx$/i.test(env.KARNAMEH_WORKBOOK)) {
      bad('KARNAMEH_WORKBOOK', 'is not an .xlsx file name');
    }
    if (env.SMTP_URL && !parsesAsUrl(env.SMTP_URL, ['smtp:', 'smtps:'])) {
      // The value is never repeated: it holds the password.
      bad('SMTP_URL', 'is not an smtp:// or smtps:// URL (smtps://user:password@host:465)');
    }
    if (!env.SMTP_URL && (env.K_SERVICE || !env.OUTBOX_DIR)) {
      bad(
        'SMTP_URL',
        env.K_SERVICE
          ? 'missing: on Google Cloud the release goes out over SMTP (smtps://user:password@host:465, from Secret Manager)'
          : 'missing: smtps://user:password@host:465; or OUTBOX_DIR=DIR to write .eml files for local development',
      );
    }
    if (env.SMTP_RATE !== undefined) {
      const rate = smtpRateSchema.safeParse(env.SMTP_RATE);
      if (!rate.success) bad('SMTP_RATE', rate.error.issues[0]?.message ?? 'is invalid');
    }
    if (env.SMTP_URL && !env.MAIL_FROM) {
      bad('MAIL_FROM', 'missing: the sender, e.g. "روابط‌عمومی استانداری <pr@example.org>"');
    }
    if (env.MAIL_FROM) {
      const address = senderAddress(env.MAIL_FROM);
      if (/[\r\n]/.test(env.MAIL_FROM) || !z.email().safeParse(address).success) {
        bad('MAIL_FROM', 'is not one address, e.g. "روابط‌عمومی استانداری <pr@example.org>"');
      }
    }
    if (env.SHEETS_API_URL && !parsesAsUrl(env.SHEETS_API_URL, ['http:', 'https:'])) {
      bad('SHEETS_API_URL', 'is not an http:// or https:// URL');
    }
    if (env.KARNAMEH_SITE_BUCKET && !BUCKET_NAME.test(env.KARNAMEH_SITE_BUCKET)) {
      bad(
        'KARNAMEH_SITE_BUCKET',
        'is not a bucket name (3 to 63 lower-case letters, digits, -, _ and ., e.g. karnameh-ilam-site)',
      );
    }
    if (env.SHEETS_API_URL && !env.SPREADSHEET_ID) {
      bad('SHEETS_API_URL', 'is set but there is no SPREADSHEET_ID to read through it');
    }
  });

/** Reads and checks the configuration; `config.invalid` names each bad or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv): FunctionsConfig {
  const picked = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, env[name]]));
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new KarnamehError(
      'config.invalid',
      `karnameh is not configured: ${[...new Set(lines)].join('; ')}`,
    );
  }
  const e = result.data;
  return {
    source: e.SPREADSHEET_ID ? { sheet: e.SPREADSHEET_ID } : { workbook: e.KARNAMEH_WORKBOOK },
    sheetsApiUrl: e.SHEETS_API_URL,
    sheetsAccessToken: e.SHEETS_ACCESS_TOKEN,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smtpRate: e.SMTP_RATE === undefined ? undefined : Number(e.SMTP_RATE),
    outboxDir: e.OUTBOX_DIR,
    onCloudRun: e.K_SERVICE !== undefined,
    service: e.K_SERVICE,
    siteBucket: e.KARNAMEH_SITE_BUCKET,
  };
}

const SECRET_PARAM = /pass|secret|token|key|auth/i;

/** The URL with its password (and any secret-looking query value) replaced by `***`. */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '(not a URL)';
  }
  if (url.password) url.password = '***';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, '***');
  }
  return url.toString();
}

/** What the configuration says, safe to log. */
export function describeConfig(config: FunctionsConfig): Record<string, unknown> {
  return {
    source: config.source.sheet
      ? `Google Sheet ${config.source.sheet}`
      : `workbook ${config.source.workbook}`,
    mail: config.smtpUrl ? redactUrl(config.smtpUrl) : `outbox ${config.outboxDir}`,
    mailFrom: config.mailFrom ?? null,
    ...(config.smtpRate !== undefined ? { smtpRate: config.smtpRate } : {}),
    ...(config.sheetsApiUrl ? { sheetsApiUrl: config.sheetsApiUrl } : {}),
    ...(config.sheetsAccessToken ? { sheetsAccessToken: '(set)' } : {}),
    onCloudRun: config.onCloudRun,
    site: config.siteBucket ? `gs://${config.siteBucket}` : 'none (KARNAMEH_SITE_BUCKET unset)',
  };
}

/** The env-shaped view the CLI's composition functions take (compose.ts). */
export function composeEnv(config: FunctionsConfig): NodeJS.ProcessEnv {
  return {
    ...(config.sheetsApiUrl ? { SHEETS_API_URL: config.sheetsApiUrl } : {}),
    ...(config.sheetsAccessToken ? { SHEETS_ACCESS_TOKEN: config.sheetsAccessToken } : {}),
    ...(config.smtpUrl ? { SMTP_URL: config.smtpUrl } : {}),
    ...(config.mailFrom ? { MAIL_FROM: config.mailFrom } : {}),
    ...(config.smtpRate !== undefined ? { SMTP_RATE: String(config.smtpRate) } : {}),
  };
}

/**
 * The functions' request timeout, in seconds (scripts/deploy.ts deploys them with it): a
 * run whose messages would take longer at SMTP_RATE is refused (run-month/pace-check.ts).
 */
export const FUNCTIONS_TIMEOUT_S = 300;
