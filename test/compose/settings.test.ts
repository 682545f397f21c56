// The settings: one table, the same names and checks for the command line and the functions, older names with a warning.
import { afterEach, describe, expect, it } from 'vitest';
import { readSettings, redactUrl } from '../../functions/compose/settings.ts';
import { isKarnamehError } from '../../functions/core/contract/errors.ts';
import { monthlyRunHandler } from '../../functions/http/monthly-run.ts';
import { lazyRuntime } from '../../functions/http/runtime.ts';
import {
  MAIL_FROM,
  post,
  serve,
  startBench,
  type Bench,
  type Served,
} from '../support/functions-harness.ts';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const GOOD = {
  KARNAMEH_SHEET: SHEET,
  SMTP_URL: 'smtps://pr:hunter2@mail.example.org:465',
  MAIL_FROM,
};

const loadConfig = (env: NodeJS.ProcessEnv) => readSettings({ shell: 'functions', env });

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (isKarnamehError(error) && error.code === 'config.invalid') return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it.each([
    ['nothing set', {}, ['KARNAMEH_SHEET missing', 'SMTP_URL missing']],
    ['a short id', { ...GOOD, KARNAMEH_SHEET: 'abc' }, ['KARNAMEH_SHEET is not a spreadsheet id']],
    [
      'a short id under the old name',
      { ...GOOD, KARNAMEH_SHEET: '', SPREADSHEET_ID: 'abc' },
      ['SPREADSHEET_ID is not a spreadsheet id'],
    ],
    ['two sources', { ...GOOD, KARNAMEH_WORKBOOK: 'a.xlsx' }, ['KARNAMEH_WORKBOOK set together']],
    [
      'a workbook that is not .xlsx',
      { KARNAMEH_WORKBOOK: 'a.csv', KARNAMEH_OUTBOX: 'o' },
      ['KARNAMEH_WORKBOOK is not an .xlsx'],
    ],
    [
      'an http SMTP_URL',
      { ...GOOD, SMTP_URL: 'https://mail.example.org' },
      ['SMTP_URL is not an smtp://'],
    ],
    ['no MAIL_FROM with SMTP', { ...GOOD, MAIL_FROM: ' ' }, ['MAIL_FROM missing']],
    [
      'an SMTP_RATE that is not a number',
      { ...GOOD, SMTP_RATE: 'fast' },
      ['SMTP_RATE is not a number'],
    ],
    ['an SMTP_RATE of 0', { ...GOOD, SMTP_RATE: '0' }, ['SMTP_RATE must be more than 0']],
    [
      'an SMTP_RATE whose pause overflows the timer',
      { ...GOOD, SMTP_RATE: '4e-7' },
      ['SMTP_RATE is too slow: a pause of more than 24 days'],
    ],
    ['a bad MAIL_FROM', { ...GOOD, MAIL_FROM: 'روابط عمومی' }, ['MAIL_FROM is not one address']],
    [
      'no SMTP on Cloud Run',
      { KARNAMEH_SHEET: SHEET, KARNAMEH_OUTBOX: '/tmp/o', K_SERVICE: 'x' },
      ['SMTP_URL missing: on Google Cloud'],
    ],
    [
      'a bad SHEETS_API_URL',
      { ...GOOD, SHEETS_API_URL: 'localhost:8080' },
      ['SHEETS_API_URL is not an http'],
    ],
  ])('%s: the message names the variable', (_what, env, parts) => {
    const message = configError(env);
    expect(message).toMatch(/^karnameh is not configured: /);
    for (const part of parts) expect(message).toContain(part);
  });

  it('never repeats the SMTP password, even in a URL it cannot read', () => {
    const message = configError({ ...GOOD, SMTP_URL: 'smtp//pr:hunter2@mail.example.org' });
    expect(message).toContain('SMTP_URL');
    expect(message).not.toContain('hunter2');
  });

  it('reads a good configuration; a pasted sheet address gives its id', () => {
    expect(
      loadConfig({
        ...GOOD,
        KARNAMEH_SHEET: `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`,
      }),
    ).toMatchObject({ source: { sheet: SHEET }, smtpUrl: GOOD.SMTP_URL, service: undefined });
    expect(loadConfig({ KARNAMEH_WORKBOOK: 'ilam.xlsx', KARNAMEH_OUTBOX: 'outbox' })).toMatchObject(
      { source: { workbook: 'ilam.xlsx' }, smtpUrl: undefined, outbox: 'outbox', warnings: [] },
    );
  });

  it.each([
    ['smtps://pr:hunter2@mail.example.org:465', 'smtps://pr:***@mail.example.org:465'],
    ['smtp://mail.example.org:25', 'smtp://mail.example.org:25'],
    ['smtp://u:p%40ss@h:587?pool=true&apiKey=k', 'smtp://u:***@h:587?pool=true&apiKey=***'],
    ['not a url', '(not a URL)'],
  ])('redactUrl(%s)', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});

describe('one name per setting, read the same by both front ends', () => {
  const OLD = { SPREADSHEET_ID: SHEET, OUTBOX_DIR: 'old-outbox' };
  it.each(['functions', 'cli'] as const)(
    'the older names are read, with one warning line each (%s)',
    (shell) => {
      const settings = readSettings({ shell, env: OLD });
      expect(settings.source.sheet).toBe(SHEET);
      expect(settings.outbox).toBe('old-outbox');
      expect(settings.warnings).toEqual([
        'SPREADSHEET_ID is the old name of KARNAMEH_SHEET: rename it (the old name is read until the next release)',
        'OUTBOX_DIR is the old name of KARNAMEH_OUTBOX: rename it (the old name is read until the next release)',
      ]);
    },
  );

  it('the new name wins over the old one, without a warning', () => {
    const settings = readSettings({
      shell: 'functions',
      env: { ...OLD, KARNAMEH_SHEET: `${SHEET}x`, KARNAMEH_OUTBOX: 'new' },
    });
    expect(settings).toMatchObject({ source: { sheet: `${SHEET}x` }, outbox: 'new', warnings: [] });
  });

  it("a flag wins over its variable; a source by flag replaces the environment's", () => {
    const env = {
      KARNAMEH_SHEET: SHEET,
      KARNAMEH_OUTBOX: 'env-outbox',
      KARNAMEH_EDITOR: 'a@b.org',
    };
    const settings = readSettings({
      shell: 'cli',
      env,
      flags: { workbook: 'a.xlsx', outbox: 'o' },
    });
    expect(settings.source).toEqual({ workbook: 'a.xlsx', sheet: undefined, editor: 'a@b.org' });
    expect(settings.outbox).toBe('o');
    expect(readSettings({ shell: 'cli', env: {} }).outbox).toBe('outbox');
    expect(
      readSettings({ shell: 'functions', env: OLD, flags: {} }).source.workbook,
    ).toBeUndefined();
  });

  it('a bad flag is a usage error naming the flag; a bad variable a configuration error naming it', () => {
    const codeAndMessage = (input: Parameters<typeof readSettings>[0]) => {
      try {
        readSettings(input);
      } catch (error) {
        if (isKarnamehError(error)) return [error.code, error.message];
      }
      return null;
    };
    expect(codeAndMessage({ shell: 'cli', env: {}, flags: { sheet: 'abc' } })).toEqual([
      'usage',
      expect.stringContaining('--sheet is not a spreadsheet id'),
    ]);
    expect(codeAndMessage({ shell: 'cli', env: { KARNAMEH_SHEET: 'abc' } })).toEqual([
      'config.invalid',
      expect.stringContaining('KARNAMEH_SHEET is not a spreadsheet id'),
    ]);
    expect(codeAndMessage({ shell: 'cli', env: { SMTP_URL: 'smtp://h:25' } })).toEqual([
      'config.invalid',
      expect.stringContaining('MAIL_FROM missing: SMTP_URL is set'),
    ]);
  });
});

describe('configuration over HTTP', () => {
  let fn: Served | null = null;
  let bench: Bench | null = null;
  afterEach(async () => {
    await fn?.close();
    await bench?.close();
    fn = null;
    bench = null;
  });

  it('a bad configuration: every call answers 500 naming the variable, logged once', async () => {
    const logs: string[] = [];
    fn = await serve(
      monthlyRunHandler(
        lazyRuntime({ env: { KARNAMEH_SHEET: SHEET }, write: (l) => void logs.push(l) }),
      ),
    );
    for (let i = 0; i < 2; i++) {
      const answer = await post(fn.url, { dryRun: true });
      expect(answer.status).toBe(500);
      expect(answer.json().error).toEqual({
        code: 'config.invalid',
        message: expect.stringContaining('SMTP_URL missing'),
      });
    }
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0] ?? '{}')).toMatchObject({ severity: 'ERROR' });
  });

  it.each([
    ['the right password', 'S3cret-Pa55', 200],
    ['a wrong password', 'Wr0ng-Pa55', 500],
  ])(
    'the SMTP password never appears in the logs or the answer (%s)',
    async (_what, pass, status) => {
      bench = await startBench({ smtpAuth: { user: 'karnameh', pass: 'S3cret-Pa55' } });
      // The runtime reads its env on the first call: the URL carries the password to try.
      bench.env.SMTP_URL = bench.smtp.url.replace('S3cret-Pa55', pass);
      expect(bench.env.SMTP_URL).toContain(`karnameh:${pass}@`);
      fn = await serve(monthlyRunHandler(bench.runtime));
      const answer = await post(fn.url, { month: '1403-04' });
      expect(answer.status, answer.text).toBe(status);
      expect(bench.smtp.received).toHaveLength(status === 200 ? 3 : 0);
      const logs = bench.logs.join('');
      expect(logs).toContain('"mail":"smtp://karnameh:***@127.0.0.1:');
      for (const text of [logs, answer.text]) {
        expect(text).not.toContain(pass);
        expect(text).not.toContain('S3cret');
      }
    },
  );
});
