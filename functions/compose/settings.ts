// The configuration read from the settings table: the same names and checks for the command line and the functions.
import { KarnamehError } from '../core/contract/errors.ts';
import { OPTIONS, type FlagName, type Option, type OptionName } from './options.ts';

/** Which front end reads them: a few rules differ (the functions need a source and SMTP on Cloud Run). */
export type Shell = 'cli' | 'functions';

/** The workbook: exactly one of an .xlsx file or a Google Sheet. */
export interface SourceOptions {
  workbook?: string | undefined;
  sheet?: string | undefined;
  /** The account `init` makes an editor of the protected output tabs (Sheets only). */
  editor?: string | undefined;
}

export interface Settings {
  shell: Shell;
  source: SourceOptions;
  /** .eml files when there is no SMTP_URL, and the previews; always set on the command line. */
  outbox: string | undefined;
  siteBucket: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** SMTP_RATE: messages per second; unset: no pace. */
  smtpRate: number | undefined;
  sheetsApiUrl: string | undefined;
  sheetsAccessToken: string | undefined;
  /** The Cloud Run service (`K_SERVICE`); set: IAM checked the caller before any code ran. */
  service: string | undefined;
  /** One line per older variable name read (said once, on stderr or in the log). */
  warnings: string[];
}

export interface SettingsInput {
  shell: Shell;
  env: NodeJS.ProcessEnv;
  /** The command line's flags as given (undefined: not given). */
  flags?: Partial<Record<FlagName, string | undefined>>;
}

/**
 * The functions' request timeout, in seconds (scripts/deploy.ts deploys them with it): a
 * run whose messages would take longer at SMTP_RATE is refused (run-month/pace-check.ts).
 */
export const FUNCTIONS_TIMEOUT_S = 300;

interface Found {
  text: string;
  /** The name it was given under: `--sheet`, `KARNAMEH_SHEET` or `SPREADSHEET_ID`. */
  from: string;
  byFlag: boolean;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** Where the setting's text comes from: its flag, its variable, its older name, the default. */
function find(name: OptionName, input: SettingsInput, warnings: string[]): Found | undefined {
  const option: Option = OPTIONS[name];
  const flags = input.flags ?? {};
  const flag = option.flag ? flags[option.flag as FlagName] : undefined;
  if (flag !== undefined) return { text: flag, from: `--${option.flag}`, byFlag: true };
  // A source given by flag replaces the environment's, whichever kind it is.
  const sourceFlag = flags.workbook !== undefined || flags.sheet !== undefined;
  if (!(sourceFlag && (name === 'workbook' || name === 'sheet'))) {
    const value = input.env[option.env];
    if (!blank(value)) return { text: value ?? '', from: option.env, byFlag: false };
    const old = option.legacy ? input.env[option.legacy] : undefined;
    if (option.legacy && !blank(old)) {
      warnings.push(
        `${option.legacy} is the old name of ${option.env}: rename it (the old name is read until the next release)`,
      );
      return { text: old ?? '', from: option.legacy, byFlag: false };
    }
  }
  if (input.shell === 'cli' && option.cliDefault !== undefined) {
    return { text: option.cliDefault, from: `--${option.flag}`, byFlag: true };
  }
  return undefined;
}

interface Issue {
  message: string;
  byFlag: boolean;
}

/** Reads and checks every setting; one error names each setting at fault. */
export function readSettings(input: SettingsInput): Settings {
  const warnings: string[] = [];
  const issues: Issue[] = [];
  const values: Partial<Record<OptionName, string | number>> = {};
  const names: Partial<Record<OptionName, string>> = {};
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    const found = find(name, input, warnings);
    if (!found) continue;
    names[name] = found.from;
    const checked = OPTIONS[name].schema.safeParse(found.text);
    if (checked.success) values[name] = checked.data;
    else {
      const why = checked.error.issues[0]?.message ?? 'is invalid';
      issues.push({ message: `${found.from} ${why}`, byFlag: found.byFlag });
    }
  }
  const str = (name: OptionName) => values[name] as string | undefined;
  const settings: Settings = {
    shell: input.shell,
    source: { workbook: str('workbook'), sheet: str('sheet'), editor: str('editor') },
    outbox: str('outbox'),
    siteBucket: str('siteBucket'),
    smtpUrl: str('smtpUrl'),
    mailFrom: str('mailFrom'),
    smtpRate: values.smtpRate as number | undefined,
    sheetsApiUrl: str('sheetsApiUrl'),
    sheetsAccessToken: str('sheetsAccessToken'),
    service: str('service'),
    warnings,
  };
  if (issues.length === 0) issues.push(...crossCheck(settings, names));
  if (issues.length > 0) {
    const lines = [...new Set(issues.map((i) => i.message))];
    if (issues.every((i) => i.byFlag)) throw new KarnamehError('usage', lines.join('\n'));
    throw new KarnamehError('config.invalid', `karnameh is not configured: ${lines.join('; ')}`);
  }
  return settings;
}

/** The rules between settings (each setting alone was checked by its schema). */
function crossCheck(s: Settings, names: Partial<Record<OptionName, string>>): Issue[] {
  const issues: Issue[] = [];
  const bad = (name: OptionName, message: string) =>
    issues.push({
      message: `${names[name] ?? OPTIONS[name].env} ${message}`,
      byFlag: names[name]?.startsWith('--') ?? false,
    });
  if (s.source.workbook && s.source.sheet) {
    bad('workbook', `set together with ${names.sheet ?? 'KARNAMEH_SHEET'}: give only one source`);
  }
  if (s.smtpUrl && !s.mailFrom) {
    bad(
      'mailFrom',
      'missing: SMTP_URL is set, so the sender must be given, e.g. MAIL_FROM="روابط‌عمومی استانداری <pr@example.org>"; nothing was written or sent',
    );
  }
  if (s.sheetsApiUrl && !s.source.sheet && s.shell === 'functions') {
    bad('sheetsApiUrl', 'is set but there is no KARNAMEH_SHEET to read through it');
  }
  if (s.shell === 'functions') issues.push(...functionsRules(s));
  return issues;
}

/** What only the functions need: a source, and mail that goes somewhere. */
function functionsRules(s: Settings): Issue[] {
  const issues: Issue[] = [];
  if (!s.source.workbook && !s.source.sheet) {
    issues.push({
      message:
        'KARNAMEH_SHEET missing: the id of the Google Sheet (from its address, …/spreadsheets/d/<ID>/edit); or KARNAMEH_WORKBOOK=FILE.xlsx for local development',
      byFlag: false,
    });
  }
  if (!s.smtpUrl && (s.service || !s.outbox)) {
    issues.push({
      message: s.service
        ? 'SMTP_URL missing: on Google Cloud the release goes out over SMTP (smtps://user:password@host:465, from Secret Manager)'
        : 'SMTP_URL missing: smtps://user:password@host:465; or KARNAMEH_OUTBOX=DIR to write .eml files for local development',
      byFlag: false,
    });
  }
  return issues;
}

const SECRET_PARAM = /pass|secret|token|key|auth/i;

/** The URL with its password (and any secret-looking query value) replaced by `***`. */
export function redactUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '(not a URL)';
  }
  if (url.password) url.password = '***';
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) url.searchParams.set(name, '***');
  }
  return url.toString();
}

/** What the settings say, safe to log (no password, no token). */
export function describeSettings(s: Settings): Record<string, unknown> {
  return {
    source: s.source.sheet ? `Google Sheet ${s.source.sheet}` : `workbook ${s.source.workbook}`,
    mail: s.smtpUrl ? redactUrl(s.smtpUrl) : `outbox ${s.outbox}`,
    mailFrom: s.mailFrom ?? null,
    ...(s.smtpRate !== undefined ? { smtpRate: s.smtpRate } : {}),
    ...(s.sheetsApiUrl ? { sheetsApiUrl: s.sheetsApiUrl } : {}),
    ...(s.sheetsAccessToken ? { sheetsAccessToken: '(set)' } : {}),
    onCloudRun: s.service !== undefined,
    site: s.siteBucket ? `gs://${s.siteBucket}` : 'none (KARNAMEH_SITE_BUCKET unset)',
  };
}
