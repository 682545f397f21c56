/** `karnameh mail-test --to ADDRESS`: one message with the mail settings in force, the server's answer said, nothing recorded. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { karnameh } from '../../support/cli-harness.ts';

let smtp: TestSmtpServer;
let dir: string;
beforeEach(async () => {
  smtp = await startSmtpServer();
  dir = await mkdtemp(join(tmpdir(), 'karnameh-mail-test-'));
});
afterEach(async () => {
  await smtp.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'روابط‌عمومی <pr@example.org>' });

it('sends one Persian test message and says what the server answered', async () => {
  const result = await karnameh(['mail-test', '--to', 'Me@Example.org', '--outbox', dir], env());
  expect(result.code, result.stderr).toBe(0);
  expect(smtp.received).toHaveLength(1);
  const [mail] = smtp.received;
  expect(mail?.envelope).toEqual({ from: 'pr@example.org', to: ['me@example.org'] });
  expect(mail?.parsed.subject).toBe('کارنامه: آزمایش تنظیمات ایمیل');
  expect(mail?.parsed.text).toContain('این پیام آزمایشی را کارنامه فرستاده است');
  expect(result.stderr).toMatch(
    /^karnameh: SMTP 127\.0\.0\.1:\d+ took the test message for Me@Example\.org: 250 /,
  );
  // Nothing is written anywhere: no outbox file, no workbook.
  expect(await readdir(dir)).toEqual([]);
});

it('a server that refuses the address: its answer, exit 3', async () => {
  smtp.faults.rejectRcpt.add('no@example.org');
  const result = await karnameh(['mail-test', '--to', 'no@example.org'], env());
  expect(result.code).toBe(3);
  expect(result.stderr).toContain('no@example.org');
  expect(result.stderr).toContain('[mail.failed]');
  expect(smtp.received).toHaveLength(0);
});

it('without SMTP_URL: the message as an .eml in the outbox, and says nothing was sent', async () => {
  const result = await karnameh(['mail-test', '--to', 'me@example.org', '--outbox', dir], {});
  expect(result.code, result.stderr).toBe(0);
  expect(await readdir(dir)).toEqual(['mail-test-me@example.org.eml']);
  expect(result.stderr).toContain('no SMTP_URL: nothing was sent; wrote ');
});

it('needs --to, and takes no workbook', async () => {
  expect((await karnameh(['mail-test'], env())).stderr).toContain('mail-test needs --to ADDRESS');
  const withWorkbook = await karnameh(['mail-test', '--to', 'a@b.org', '--workbook', 'x.xlsx']);
  expect(withWorkbook.code).toBe(2);
  expect(withWorkbook.stderr).toContain('karnameh mail-test does not take --workbook');
  // KARNAMEH_WORKBOOK in the environment is no reason to refuse.
  const fromEnv = await karnameh(['mail-test', '--to', 'me@example.org', '--outbox', dir], {
    KARNAMEH_WORKBOOK: 'x.xlsx',
  });
  expect(fromEnv.code, fromEnv.stderr).toBe(0);
  expect(smtp.received).toHaveLength(0);
});
