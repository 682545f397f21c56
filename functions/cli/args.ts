/** The command line's words read into `CliOptions`: the command, its flags (flags.ts), the settings, help and version. */
import { parseArgs } from 'node:util';
import { readSettings, type Settings } from '../compose/settings.ts';
import { isKarnamehError, KarnamehError } from '../core/contract/errors.ts';
import { chooseMonth } from '../core/contract/month-rule.ts';
import { commandFlags, FLAGS, OPTIONS, SOURCE_FLAGS, type CommandFlags } from './flags.ts';
import { commandUsage, didYouMean, USAGE, usageError } from './usage.ts';
import { COMMANDS, type Command } from './commands.ts';

/**
 * A command and its flags, with the settings (compose/settings.ts: the flags --workbook,
 * --sheet, --editor and --outbox over the environment) and, for short, their source and outbox.
 */
export type CliOptions = CommandFlags & {
  settings: Settings;
  workbook: string | undefined;
  sheet: string | undefined;
  editor: string | undefined;
  outbox: string;
};

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
  const month = values.month === undefined ? undefined : monthArgument(values.month, now, command);
  const flags = commandFlags(command, { ...values, month });
  const settings = cliSettings(command, values, env);
  const options: CliOptions = {
    ...flags,
    settings,
    workbook: settings.source.workbook,
    sheet: settings.source.sheet,
    editor: settings.source.editor,
    outbox: settings.outbox ?? 'outbox',
  };
  if (command === 'mail-test') {
    // Mail alone: no workbook is read or written.
    if (!options.to) throw usageError('mail-test needs --to ADDRESS', command);
    return { ...options, workbook: undefined, sheet: undefined };
  }
  if (command === 'publish') {
    // The pages come from the figures each sending run kept: no workbook is read.
    return { ...options, workbook: undefined, sheet: undefined };
  }
  if (!options.workbook && !options.sheet) {
    throw usageError(
      'no workbook: give --workbook FILE.xlsx (try examples/ilam-1403.xlsx) or --sheet SPREADSHEET_ID',
      command,
    );
  }
  return options;
}

/** The settings of the command line: a flag wins over its variable; a bad flag is a usage error. */
function cliSettings(
  command: Command,
  values: { workbook?: string; sheet?: string; editor?: string; outbox?: string },
  env: NodeJS.ProcessEnv,
): Settings {
  const { workbook, sheet, editor, outbox } = values;
  try {
    return readSettings({ shell: 'cli', env, flags: { workbook, sheet, editor, outbox } });
  } catch (error) {
    if (isKarnamehError(error) && error.code === 'usage') throw usageError(error.message, command);
    throw error;
  }
}
