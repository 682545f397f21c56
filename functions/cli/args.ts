/** The command line's words: commands, flags, usage texts, and their validation into `CliOptions`. */
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { KarnamehError } from '../core/contract/errors.ts';
import { isMonthKey } from '../core/language/jalali.ts';
import { chooseMonth } from '../core/contract/month-rule.ts';

import { commandUsage, didYouMean, USAGE, usageError } from './usage.ts';
import { COMMANDS, type Command } from './commands.ts';

const optionsSchema = z
  .object({
    command: z.enum(COMMANDS, { message: `the command must be one of: ${COMMANDS.join(', ')}` }),
    month: z.string().refine(isMonthKey, 'must be a Jalali year-month like 1403-04').optional(),
    dryRun: z.boolean(),
    force: z.boolean(),
    resendUnconfirmed: z.boolean(),
    allowIncomplete: z.boolean(),
    json: z.boolean(),
    verbose: z.boolean(),
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
    until: z.string().trim().min(1).optional(),
  })
  .refine((o) => !(o.workbook && o.sheet), {
    message: 'give either --workbook or --sheet, not both',
  })
  .refine((o) => o.command === 'reopen' || !o.agency || o.to, {
    message: "--agency ID goes with --to ADDRESS (a test copy of that agency's card)",
  });

export type CliOptions = z.infer<typeof optionsSchema>;

/** The flags each command takes (besides the source, --workbook / --sheet). */
const FLAGS: Record<Command, readonly string[]> = {
  run: [
    'month',
    'dry-run',
    'force',
    'resend-unconfirmed',
    'allow-incomplete',
    'to',
    'agency',
    'json',
    'verbose',
    'outbox',
  ],
  check: ['month', 'json'],
  init: ['example', 'editor'],
  remind: ['month', 'dry-run', 'json', 'verbose', 'outbox'],
  publish: ['month', 'out', 'outbox'],
  watch: ['json', 'verbose', 'outbox'],
  'mail-test': ['to', 'outbox'],
  open: ['month', 'dry-run', 'json'],
  close: ['month', 'json'],
  reopen: ['month', 'agency', 'until', 'json'],
};
const SOURCE_FLAGS: readonly string[] = ['workbook', 'sheet'];

/**
 * Thrown for `help`, `--help` and `-h` (the usage, or one command's) and for `--version`
 * (`text` is then empty): the caller prints it on stdout and exits 0.
 */
export class HelpRequested extends Error {
  readonly text: string;
  readonly version: boolean;
  constructor(text: string, version = false) {
    super(text);
    this.name = 'HelpRequested';
    this.text = text;
    this.version = version;
  }
}

/**
 * The `--month` text as a canonical month, by the month rule (core/contract/month-rule.ts): any form
 * a month cell takes, and not after the current month in Asia/Tehran (`month.future`).
 * Anything else is a usage error.
 */
export function monthArgument(text: string, now: Date, command?: Command): string {
  const choice = chooseMonth(text, now);
  if (choice.ok) return choice.month;
  if (choice.code === 'month.invalid') {
    throw usageError(`--month ${text}: ${choice.message}`, command);
  }
  throw new KarnamehError('usage', `--month ${text}: month.future: ${choice.message}`);
}

const OPTIONS = {
  month: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'resend-unconfirmed': { type: 'boolean', default: false },
  'allow-incomplete': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  example: { type: 'boolean', default: false },
  outbox: { type: 'string', default: 'outbox' },
  out: { type: 'string' },
  workbook: { type: 'string' },
  sheet: { type: 'string' },
  to: { type: 'string' },
  agency: { type: 'string' },
  editor: { type: 'string' },
  until: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

/** The command named first, if it is one (for the usage line of an error before it is checked). */
function commandIn(argv: string[]): Command | undefined {
  const first = argv.find((arg) => !arg.startsWith('-'));
  return COMMANDS.find((command) => command === first);
}

/** node:util's parse, its errors said in karnameh's words, with a suggestion for a typo. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: OPTIONS,
    });
  } catch (error) {
    const command = commandIn(argv);
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
      const known = (command ? [...FLAGS[command], ...SOURCE_FLAGS] : Object.keys(OPTIONS)).map(
        (f) => `--${f}`,
      );
      throw usageError(`unknown option ${option}${didYouMean(option, known)}`, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      throw usageError(`${option} needs a value`, command);
    }
    throw usageError(message, command);
  }
}

/** The one command given, or a usage error naming what is wrong with the words. */
function commandOf(positionals: string[]): Command {
  const [word] = positionals;
  if (word === undefined) throw usageError('no command given');
  const command = COMMANDS.find((c) => c === word);
  if (!command) {
    throw usageError(`unknown command ${JSON.stringify(word)}${didYouMean(word, COMMANDS)}`);
  }
  if (positionals.length > 1) {
    throw usageError(`unexpected arguments: ${positionals.slice(1).join(' ')}`, command);
  }
  return command;
}

/** A flag given twice, or one the command does not take, is a usage error. */
function checkFlags(command: Command, given: string[]): void {
  const repeated = [...new Set(given.filter((name, i) => given.indexOf(name) !== i))];
  if (repeated.length > 0) {
    // `--to a --to b` would send to b alone: a flag given twice is a mistake, not a choice.
    const flags = repeated.map((f) => `--${f}`).join(', ');
    throw usageError(`${flags} given more than once; give each flag once`, command);
  }
  const allowed: readonly string[] = FLAGS[command];
  const foreign = [...new Set(given)].filter(
    (name) =>
      !allowed.includes(name) &&
      !(SOURCE_FLAGS.includes(name) && command !== 'mail-test' && command !== 'publish'),
  );
  if (foreign.length > 0) {
    const flags = foreign.map((f) => `--${f}`).join(', ');
    throw usageError(`karnameh ${command} does not take ${flags}`, command);
  }
}

/**
 * Parses and validates the command line; a bad one is a `usage` error naming what is
 * wrong (a flag the command does not take included), with the usage line it concerns.
 * `help`, `--help`, `-h` and `--version` throw `HelpRequested`.
 */
export function parseCliArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  now: Date = new Date(),
): CliOptions {
  const { values, positionals, tokens } = readArgs(argv);
  if (values.version) throw new HelpRequested('', true);
  if (values.help || positionals[0] === 'help') {
    const topic = values.help ? commandIn(positionals) : commandIn(positionals.slice(1));
    throw new HelpRequested(topic ? commandUsage(topic) : USAGE);
  }
  const command = commandOf(positionals);
  checkFlags(
    command,
    tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])),
  );
  const workbook =
    values.workbook ?? (values.sheet ? undefined : env.KARNAMEH_WORKBOOK || undefined);
  const sheet = values.sheet ?? (values.workbook ? undefined : env.KARNAMEH_SHEET || undefined);
  const month = values.month === undefined ? undefined : monthArgument(values.month, now, command);
  const result = optionsSchema.safeParse({
    command,
    month,
    dryRun: values['dry-run'],
    force: values.force,
    resendUnconfirmed: values['resend-unconfirmed'],
    allowIncomplete: values['allow-incomplete'],
    json: values.json,
    verbose: values.verbose,
    example: values.example,
    outbox: values.outbox,
    out: values.out,
    workbook,
    sheet,
    to: values.to,
    agency: values.agency,
    editor: values.editor ?? (env.KARNAMEH_EDITOR || undefined),
    until: values.until,
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
    throw usageError(lines.join('\n'), command);
  }
  if (command === 'mail-test') {
    // Mail alone: no workbook is read or written.
    if (!result.data.to) throw usageError('mail-test needs --to ADDRESS', command);
    return { ...result.data, workbook: undefined, sheet: undefined };
  }
  if (command === 'publish') {
    // The pages come from the figures each sending run kept: no workbook is read.
    return { ...result.data, workbook: undefined, sheet: undefined };
  }
  if (!result.data.workbook && !result.data.sheet) {
    throw usageError(
      'no workbook: give --workbook FILE.xlsx (try examples/ilam-1403.xlsx) or --sheet SPREADSHEET_ID',
      command,
    );
  }
  return result.data;
}
