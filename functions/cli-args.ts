import { parseArgs } from 'node:util';
import * as z from 'zod';
import { KarnamehError } from './core/errors.ts';
import { parseMonthCell } from './core/cell-values.ts';
import { compareMonths, isMonthKey, monthOf } from './core/jalali.ts';

export const COMMANDS = ['run', 'check', 'init', 'remind', 'publish'] as const;

const optionsSchema = z
  .object({
    command: z.enum(COMMANDS, { message: `the command must be one of: ${COMMANDS.join(', ')}` }),
    month: z.string().refine(isMonthKey, 'must be a Jalali year-month like 1403-04').optional(),
    dryRun: z.boolean(),
    force: z.boolean(),
    resendUnconfirmed: z.boolean(),
    allowIncomplete: z.boolean(),
    json: z.boolean(),
    example: z.boolean(),
    outbox: z.string().min(1),
    out: z.string().min(1, 'needs a folder').optional(),
    workbook: z.string().min(1).optional(),
    sheet: z
      .string()
      .regex(/^[A-Za-z0-9_-]{10,}$/, 'is not a spreadsheet id')
      .optional(),
    to: z.email('is not an email address').optional(),
    agency: z.string().trim().min(1, 'needs an agency id (the agencies tab, e.g. a01)').optional(),
    editor: z.email('is not an email address').optional(),
  })
  .refine((o) => !(o.workbook && o.sheet), {
    message: 'give either --workbook or --sheet, not both',
  })
  .refine((o) => !o.agency || o.to, {
    message: "--agency ID goes with --to ADDRESS (a test copy of that agency's card)",
  });

export type CliOptions = z.infer<typeof optionsSchema>;

export const USAGE = `usage:
  karnameh run   [--month YYYY-MM] [--dry-run] [--force] [--resend-unconfirmed] [--allow-incomplete] [--to ADDRESS [--agency ID]] [--json] [--outbox DIR]
  karnameh check [--month YYYY-MM] [--json]
  karnameh init  [--example] [--editor EMAIL]
  karnameh remind [--month YYYY-MM] [--dry-run] [--json] [--outbox DIR]
  karnameh publish [--month YYYY-MM] [--out DIR] [--outbox DIR]  (no workbook needed)
  karnameh help  (or --help, -h)
source: --workbook FILE.xlsx | --sheet SPREADSHEET_ID (or env KARNAMEH_WORKBOOK / KARNAMEH_SHEET)
month:  1403-04, 1403-4, ۱۴۰۳/۰۴ or «تیر ۱۴۰۳»; default: the month before this one (Asia/Tehran)
editor: with --sheet, the account the functions run as (env KARNAMEH_EDITOR); init makes it an editor of the protected tabs
mail:   SMTP_URL and MAIL_FROM send over SMTP; otherwise .eml files go to the outbox folder (./outbox)
runs:   a run sends only to recipients not yet reached; a delivery never confirmed (the run was
        killed, or the server took the message and never answered) is named and not sent again:
        --resend-unconfirmed sends it on purpose (they may get two copies); --force sends the
        month to everyone again as a correction. Ctrl-C finishes the message in flight, records, stops.
cards:  after the release each active agency with an email gets its own card, once a month;
        --force re-sends «اصلاحیه» cards only to agencies whose card changed; --to ADDRESS
        --agency ID sends that agency's card to ADDRESS alone as a test copy.
        SMTP_RATE (messages per second) paces the SMTP connection.
site:   a run that sends keeps the month's figures in <outbox>/site/YYYY-MM/results.json and
        writes the public pages there; publish rebuilds the pages from the kept figures
        (into --out DIR, default <outbox>/site); a dry run renders them into <outbox>/preview/site.`;

/** The flags each command takes (besides the source, --workbook / --sheet). */
const FLAGS: Record<(typeof COMMANDS)[number], readonly string[]> = {
  run: [
    'month',
    'dry-run',
    'force',
    'resend-unconfirmed',
    'allow-incomplete',
    'to',
    'agency',
    'json',
    'outbox',
  ],
  check: ['month', 'json'],
  init: ['example', 'editor'],
  remind: ['month', 'dry-run', 'json', 'outbox'],
  publish: ['month', 'out', 'outbox'],
};
const SOURCE_FLAGS = ['workbook', 'sheet'];

/** Thrown for `help`, `--help` and `-h`: the caller prints `USAGE` and exits 0. */
export class HelpRequested extends Error {
  constructor() {
    super(USAGE);
    this.name = 'HelpRequested';
  }
}

/**
 * The `--month` text as a canonical month: any form a month cell takes (workbook.md), and
 * not after the current month in Asia/Tehran. Anything else is a usage error.
 */
export function monthArgument(text: string, now: Date): string {
  const month = parseMonthCell(text.trim());
  if (month === null) {
    throw new KarnamehError(
      'usage',
      `--month ${text}: not a month; write it as 1403-04, 1403-4, ۱۴۰۳/۰۴ or «تیر ۱۴۰۳»\n${USAGE}`,
    );
  }
  const current = monthOf(now);
  if (compareMonths(month, current) > 0) {
    throw new KarnamehError(
      'usage',
      `--month ${text}: ${month} is after the current month (${current}, Asia/Tehran); a month can be run once it has begun`,
    );
  }
  return month;
}

/**
 * Parses and validates the command line; a bad one is a `usage` error naming what is
 * wrong, a flag the command does not take included. `help`, `--help` and `-h` throw
 * `HelpRequested`.
 */
export function parseCliArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        month: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'resend-unconfirmed': { type: 'boolean', default: false },
        'allow-incomplete': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        example: { type: 'boolean', default: false },
        outbox: { type: 'string', default: 'outbox' },
        out: { type: 'string' },
        workbook: { type: 'string' },
        sheet: { type: 'string' },
        to: { type: 'string' },
        agency: { type: 'string' },
        editor: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new KarnamehError('usage', `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help || positionals[0] === 'help') throw new HelpRequested();
  if (positionals.length !== 1) {
    throw new KarnamehError(
      'usage',
      `${positionals.length === 0 ? 'no command given' : `unexpected arguments: ${positionals.slice(1).join(' ')}`}\n${USAGE}`,
    );
  }
  const workbook =
    values.workbook ?? (values.sheet ? undefined : env.KARNAMEH_WORKBOOK || undefined);
  const sheet = values.sheet ?? (values.workbook ? undefined : env.KARNAMEH_SHEET || undefined);
  const command = positionals[0] as (typeof COMMANDS)[number];
  const allowed = FLAGS[command] as readonly string[] | undefined;
  const given = tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : []));
  const repeated = [...new Set(given.filter((name, i) => given.indexOf(name) !== i))];
  if (repeated.length > 0) {
    // `--to a --to b` would send to b alone: a flag given twice is a mistake, not a choice.
    throw new KarnamehError(
      'usage',
      `${repeated.map((f) => `--${f}`).join(', ')} given more than once; give each flag once\n${USAGE}`,
    );
  }
  if (allowed) {
    const foreign = [...new Set(given)].filter(
      (name) => !allowed.includes(name) && !SOURCE_FLAGS.includes(name),
    );
    if (foreign.length > 0) {
      throw new KarnamehError(
        'usage',
        `karnameh ${command} does not take ${foreign.map((f) => `--${f}`).join(', ')}\n${USAGE}`,
      );
    }
  }
  const month = values.month === undefined ? undefined : monthArgument(values.month, now);
  const result = optionsSchema.safeParse({
    command,
    month,
    dryRun: values['dry-run'],
    force: values.force,
    resendUnconfirmed: values['resend-unconfirmed'],
    allowIncomplete: values['allow-incomplete'],
    json: values.json,
    example: values.example,
    outbox: values.outbox,
    out: values.out,
    workbook,
    sheet,
    to: values.to,
    agency: values.agency,
    editor: values.editor ?? (env.KARNAMEH_EDITOR || undefined),
  });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const flag =
        field === 'command' || field === ''
          ? ''
          : `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} `;
      return `${flag}${issue.message}`;
    });
    throw new KarnamehError('usage', `${lines.join('\n')}\n${USAGE}`);
  }
  if (!result.data.workbook && !result.data.sheet && command !== 'publish') {
    throw new KarnamehError(
      'usage',
      `no workbook: give --workbook FILE.xlsx (try examples/ilam-1403.xlsx) or --sheet SPREADSHEET_ID\n${USAGE}`,
    );
  }
  return result.data;
}
