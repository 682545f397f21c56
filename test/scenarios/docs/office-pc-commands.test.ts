/**
 * docs/office-pc.md's and docs/mail.md's commands, run as written in a copy of this checkout
 * (issue 24), mail going to a real SMTP server on 127.0.0.1. The pages' placeholders for the
 * council's folders are the only words changed (PLACES); everything else runs as printed.
 */
import { chmod, copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { describeSmtpUrl } from '../../../functions/adapters/mail/smtp-url.ts';
import { parseSender } from '../../../functions/adapters/mail/mail-options.ts';
import { parseSmtpRate } from '../../../functions/adapters/mail/pacer.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { NPM_CI, pageTests, readPage, type Entry } from '../../support/docs/page-runs.ts';
import {
  makeSandbox,
  npmFolder,
  ROOT,
  setSetting,
  tabs,
  type Sandbox,
} from '../../support/docs/sandbox.ts';

let box: Sandbox;
let smtp: TestSmtpServer;
beforeAll(async () => {
  [box, smtp] = await Promise.all([makeSandbox(), startSmtpServer()]);
  await mkdir(box.path('council'));
});
afterAll(async () => Promise.all([box.cleanup(), smtp.close()]));

const EXAMPLE = `${ROOT}examples/ilam-1403.xlsx`;
const MAIL_FROM = 'روابط‌عمومی استانداری ایلام <pr@example.ir>';

/** The pages' placeholder paths, and what stands for them here (a folder the page presumes). */
const PLACES = (): [string, string][] => [
  ['/srv/council/', `${box.root}/council/`],
  ['/home/dabir/karnameh', box.root],
];
const placed = (text: string): string =>
  PLACES().reduce((t, [from, to]) => t.split(from).join(to), text);

/** Runs a page's command in the copy (placeholders placed): exit 0, or the error says what it printed. */
async function ok(text: string, env: NodeJS.ProcessEnv = box.env) {
  const result = await box.sh(placed(text), env);
  expect(result.code, `${text}\n${result.stdout}\n${result.stderr}`).toBe(0);
  // Which stream a line goes to is the terminal's business (summary on stdout, logs on stderr).
  return { ...result, said: result.stdout + result.stderr };
}

/** The mail settings of the test's server, its mailbox emptied for the command about to run. */
function withSmtp(): NodeJS.ProcessEnv {
  smtp.received.length = 0;
  return { ...box.env, SMTP_URL: smtp.url, MAIL_FROM };
}

/** `mail-test`, with SMTP_URL and MAIL_FROM set: the server has the message, said as docs/mail.md shows. */
async function mailTest(text: string): Promise<void> {
  const { said } = await ok(text, withSmtp());
  expect(smtp.received.map((m) => m.envelope.to)).toEqual([['you@example.ir']]);
  const sample = /`(karnameh: SMTP [^`]+)`/.exec(readPage('docs/mail.md'))?.[1] ?? '';
  const shown = sample.slice(0, sample.indexOf(': 250 ') + ': 250 '.length);
  expect(shown).toContain('took the test message for you@example.ir');
  expect(said).toContain(shown.replace('mail.example.ir:465', `127.0.0.1:${smtp.port}`));
}

/** mail.env, as the page shows it, with its SMTP_URL this test's server. */
const mailEnv: string[] = [];

/** The cron line without its five time fields, as cron's /bin/sh would run it, cron's PATH and all. */
async function cronLine(line: string): Promise<void> {
  // The secretary has filled in the workbook (the example stands for it) and asks for 1403-04.
  const workbook = box.path('council/karnameh.xlsx');
  await copyFile(EXAMPLE, workbook);
  await setSetting(workbook, 'درخواست اجرا', '1403-04');
  const env = mailEnv.map((l) => (l.startsWith('SMTP_URL=') ? `SMTP_URL='${smtp.url}'` : l));
  expect(env).toHaveLength(2);
  await writeFile(box.path('mail.env'), `${env.join('\n')}\n`);
  await chmod(box.path('mail.env'), 0o600);
  smtp.received.length = 0;
  const command = line.replace(/^(\S+\s+){5}/, '');
  const cron = { HOME: box.env.HOME, LOGNAME: 'dabir', SHELL: '/bin/sh' };
  const run = await ok(command, { ...cron, PATH: `${npmFolder()}:/usr/bin:/bin` });
  expect(run.stdout + run.stderr).toBe('');
  const log = await readFile(box.path('watch.log'), 'utf8');
  expect(log).toMatch(/run_request 1403-04: handled/);
  expect(log).not.toContain('> karnameh@');
  // mail.env reached karnameh: the month went out over SMTP, once to each recipient.
  expect(smtp.countFor('dabirkhaneh@example.org')).toBe(1);
  expect(smtp.received.length).toBeGreaterThan(100);
  expect((await stat(box.path('council/outbox/site/index.html'))).isFile()).toBe(true);
  const settings = new Map(
    (await tabs(workbook)).get('تنظیمات')?.map(([key = '', value = '']) => [key.trim(), value]),
  );
  expect(settings.get('درخواست اجرا')).toBe('');
  expect(settings.get('وضعیت اجرا')).not.toBe('');
}

const OFFICE_PC: Entry[] = [
  {
    step: 'git clone <this repository> karnameh',
    notRun: 'the copy of this checkout, made before the first command, is the clone',
  },
  { step: 'cd karnameh', notRun: 'every command runs in that copy' },
  { step: 'npm ci', notRun: NPM_CI },
  {
    step: 'npm run karnameh -- init --workbook /srv/council/karnameh.xlsx',
    run: async (text) => {
      const { said } = await ok(text);
      expect(said).toContain('Tabs added');
      const names = [...(await tabs(box.path('council/karnameh.xlsx'))).keys()];
      expect(names).toEqual(expect.arrayContaining(['تنظیمات', 'دستگاه‌ها', 'امتیازها']));
    },
  },
  { step: 'npm run karnameh -- mail-test --to you@example.ir', run: mailTest },
  {
    step: 'npm run --silent karnameh -- watch --workbook /srv/council/karnameh.xlsx --outbox /srv/council/outbox',
    run: async (text) => {
      const { said } = await ok(text);
      expect(said).not.toContain('> karnameh@'); // --silent: no npm banner in a log
      expect(said).toMatch(/^checked \d{4}-\d{2}: /m);
    },
  },
  {
    step: /^(SMTP_URL|MAIL_FROM)='[^']+'$/,
    run: async (line) => void mailEnv.push(line),
  },
  { step: /^\*\/15 \* \* \* \* cd /, run: cronLine },
  {
    step: /^cmd \/c "cd \/d C:\\karnameh && npm run --silent karnameh -- watch /,
    notRun: 'a Windows command line (Task Scheduler); this test runs on Linux',
  },
];

/** An `export NAME=value` line of docs/mail.md: its value as sh reads it. */
async function exported(line: string): Promise<string> {
  const name = /^export (\w+)=/.exec(line)?.[1] ?? '';
  const { stdout } = await ok(`${line}; printf '%s' "$${name}"`);
  return stdout;
}

const MAIL: Entry[] = [
  {
    // A real provider's account cannot be used here: the values are read as karnameh reads them.
    step: "export SMTP_URL='smtps://pr.office.ilam%40gmail.com:abcdefghijklmnop@smtp.gmail.com:465'",
    run: async (line) => {
      const url = await exported(line);
      expect(describeSmtpUrl(url)).toBe('SMTP smtp.gmail.com:465');
      expect(decodeURIComponent(new URL(url).username)).toBe('pr.office.ilam@gmail.com');
    },
  },
  {
    step: "export MAIL_FROM='روابط‌عمومی استانداری ایلام <pr.office.ilam@gmail.com>'",
    run: async (line) => {
      expect(parseSender(await exported(line))).toEqual({
        name: 'روابط‌عمومی استانداری ایلام',
        address: 'pr.office.ilam@gmail.com',
      });
    },
  },
  {
    step: 'export SMTP_RATE=1',
    run: async (line) => expect(parseSmtpRate(await exported(line))).toBe(1),
  },
  { step: 'npm run karnameh -- mail-test --to you@example.ir', run: mailTest },
  {
    step: 'npm run karnameh -- run --workbook council.xlsx --month 1403-04 --to you@example.ir',
    run: async (text) => {
      // The council's own workbook: the example stands for it.
      await copyFile(EXAMPLE, box.path('council.xlsx'));
      const results = (await tabs(box.path('council.xlsx'))).get('نتایج');
      await ok(text, withSmtp());
      expect(smtp.received.map((m) => m.envelope.to)).toEqual([['you@example.ir']]);
      expect(smtp.received[0]?.parsed.subject).toContain('نسخه آزمایشی');
      expect((await tabs(box.path('council.xlsx'))).get('نتایج')).toEqual(results);
    },
  },
];

describe('docs/office-pc.md', () => {
  pageTests('docs/office-pc.md', OFFICE_PC, 120_000);
});

describe('docs/mail.md', () => {
  pageTests('docs/mail.md', MAIL, 60_000);
});
