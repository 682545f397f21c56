/** The command line's usage texts, and a usage error with the line it concerns. */
import { closestMatch } from 'leven';
import { KarnamehError } from '../core/contract/errors.ts';
import { COMMANDS, type Command } from './commands.ts';

/** One line per command, as `usage:` shows it. */
const SYNOPSIS: Record<Command, string> = {
  run: 'karnameh run    [--month YYYY-MM] [--dry-run] [--force] [--resend-unconfirmed] [--allow-incomplete] [--to ADDRESS [--agency ID]] [--json] [--verbose] [--outbox DIR]',
  check: 'karnameh check  [--month YYYY-MM] [--json]',
  init: 'karnameh init   [--example] [--editor EMAIL]',
  remind: 'karnameh remind [--month YYYY-MM] [--dry-run] [--json] [--verbose] [--outbox DIR]',
  publish: 'karnameh publish [--month YYYY-MM] [--out DIR] [--outbox DIR]',
  watch: 'karnameh watch  [--json] [--verbose] [--outbox DIR]',
  'mail-test': 'karnameh mail-test --to ADDRESS [--outbox DIR]',
  open: 'karnameh open   [--month YYYY-MM] [--dry-run] [--json]',
  close: 'karnameh close  [--month YYYY-MM] [--json]',
  reopen: 'karnameh reopen --month YYYY-MM --agency ID [--until YYYY-MM-DD] [--json]',
};

const NOTES = {
  source:
    'source: --workbook FILE.xlsx | --sheet SPREADSHEET_ID (or env KARNAMEH_WORKBOOK / KARNAMEH_SHEET)',
  month:
    'month:  1403-04, 1403-4, ۱۴۰۳/۰۴ or «تیر ۱۴۰۳»; default: the month before this one (Asia/Tehran)',
  editor:
    'editor: with --sheet, the account the functions run as (env KARNAMEH_EDITOR); init makes it an editor of the protected tabs',
  mail: `mail:   SMTP_URL and MAIL_FROM send over SMTP; otherwise .eml files go to the outbox folder
        (./outbox), by month and run: <outbox>/YYYY-MM/<run id>/{release,cards,reminders}/;
        the messages are counted, --verbose lists each one`,
  'mail-test': `mail-test: SMTP_URL and MAIL_FROM send the test message over SMTP; otherwise it is
        written as <outbox>/mail-test-<ADDRESS>.eml (./outbox by default)`,
  runs: `runs:   a run sends only to recipients not yet reached; a delivery never confirmed (the run was
        killed, or the server took the message and never answered) is named and not sent again:
        --resend-unconfirmed sends it on purpose (they may get two copies); --force sends the
        month to everyone again as a correction. Ctrl-C finishes the message in flight, records, stops.`,
  cards: `cards:  after the release each active agency with an email gets its own card, once a month;
        --force re-sends «اصلاحیه» cards only to agencies whose card changed; --to ADDRESS
        --agency ID sends that agency's card to ADDRESS alone as a test copy.
        SMTP_RATE (messages per second) paces the SMTP connection.`,
  entry: `entry:  open adds the month's row for every active agency that has none (0..max on its score
        cells, a warning); on a Sheet each agency may then edit only its own row; close archives
        the month's scores and takes the rights back; reopen gives one agency its row again
        until the end of a Jalali day (docs/secretary-calendar.md)`,
  watch: `watch:  one pass of the watcher's work: a run_request in the settings, reminders on their days,
        open on open_day, close after the deadline, extensions that ran out; each once, so it
        is safe to call every 15 minutes from cron, a systemd timer or Task Scheduler`,
  site: `site:   a run that sends keeps the month's figures in <outbox>/site/YYYY-MM/results.json and
        writes the public pages there; publish rebuilds them from the kept figures alone (no
        workbook), into --out DIR (default <outbox>/site); a dry run renders them into
        <outbox>/preview/site (docs/publishing.md).`,
};

/** The notes each command's `--help` adds below its line. */
const COMMAND_NOTES: Record<Command, readonly (keyof typeof NOTES)[]> = {
  run: ['source', 'month', 'mail', 'runs', 'cards', 'site'],
  check: ['source', 'month'],
  init: ['source', 'editor'],
  remind: ['source', 'month', 'mail'],
  publish: ['month', 'site'],
  watch: ['source', 'mail', 'watch'],
  'mail-test': ['mail-test'],
  open: ['source', 'month', 'entry'],
  close: ['source', 'month', 'entry'],
  reopen: ['source', 'entry'],
};

export const USAGE = [
  'usage:',
  ...COMMANDS.map((command) => `  ${SYNOPSIS[command]}`),
  '  karnameh help  (or --help, -h; karnameh COMMAND --help; karnameh --version)',
  ...Object.values(NOTES),
].join('\n');

/** `karnameh COMMAND --help`: that command's line and the notes that concern it. */
export function commandUsage(command: Command): string {
  return ['usage:', `  ${SYNOPSIS[command]}`, ...COMMAND_NOTES[command].map((n) => NOTES[n])].join(
    '\n',
  );
}

/**
 * A usage error: what is wrong, then the one line of usage that applies and where more is.
 * (The whole usage is 20 lines: after a typo, the reader needs the line it concerns.)
 */
export function usageError(message: string, command?: Command): KarnamehError {
  const line = command
    ? SYNOPSIS[command].replace(/ {2,}/, ' ')
    : `karnameh COMMAND [options]   (commands: ${COMMANDS.join(', ')})`;
  const more = command ? `karnameh ${command} --help` : 'karnameh --help';
  return new KarnamehError('usage', `${message}\nusage: ${line}\nmore:  ${more}`);
}

/** ` (did you mean X?)` when a known word is within two edits of the one given. */
export function didYouMean(given: string, known: readonly string[]): string {
  const match = closestMatch(given, known, { maxDistance: 2 });
  return match === undefined || match === given ? '' : ` (did you mean ${match}?)`;
}
