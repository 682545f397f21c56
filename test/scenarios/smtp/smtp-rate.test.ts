/**
 * SMTP_RATE (issue 19, item 5; docs/command-line.md#environment), with real processes and SMTP
 * on loopback: a pace too slow for the run's messages is refused before anything is sent
 * (six hours on the command line, the functions' timeout in the functions, which used to
 * drop SMTP_RATE on the way to the mailer: a deployed watcher never paced); a rate whose
 * pause overflows Node's timer is refused; the expected time is said; a message sent before
 * a long pause is recorded at once; Ctrl-C ends the pause and nothing goes out after it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { monthlyRunHandler } from '../../../functions/http/monthly-run.ts';
import { lazyRuntime } from '../../../functions/http/runtime.ts';
import { scratch } from '../../support/cli-harness.ts';
import { post, serve } from '../../support/functions-harness.ts';
import { MAIL_FROM, MONTH, RECIPIENTS, runsOf } from '../../support/mail-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

/** `karnameh run` over SMTP with SMTP_RATE=`rate`, in a process of its own. */
function cli(rate: string) {
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH],
    {
      env: { PATH: process.env.PATH, SMTP_URL: smtp.url, MAIL_FROM, SMTP_RATE: rate },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { child, stderr: () => stderr, exited };
}

it('the command line refuses a pace that would take more than 6 hours, before sending anything', async () => {
  const run = cli('0.001');
  expect(await run.exited, run.stderr()).toBe(3);
  // 113 messages (3 releases, 110 cards) at one every 1000 s.
  expect(run.stderr()).toContain(
    "SMTP_RATE 0.001 would take 31 h 6 min to send this run's 113 messages, longer than the command line's limit of 6 h: nothing was sent; set SMTP_RATE to at least 0.0052",
  );
  expect(smtp.received).toEqual([]);
  const runs = await runsOf(box.workbook);
  expect(runs.filter((e) => e.kind !== 'run')).toEqual([]);
  expect(runs.find((e) => e.kind === 'run')?.status).toBe('failed');
});

it('refuses a rate whose pause would overflow the timer', async () => {
  const run = cli('0.0000001');
  expect(await run.exited, run.stderr()).toBe(3);
  expect(run.stderr()).toContain('SMTP_RATE is too slow');
  expect(smtp.received).toEqual([]);
});

it('says the time; records a message before a long pause; Ctrl-C ends the pause, nothing sent after', async () => {
  // One message every 20 s: longer than the release's batch window (10 s).
  const run = cli('0.05');
  await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 20_000 });
  expect(run.stderr()).toContain('sending 113 messages at SMTP_RATE 0.05 takes about 37 min 20 s');
  // The first release is recorded sent while the run waits to send the second.
  await vi.waitFor(
    async () => {
      const first = (await runsOf(box.workbook)).find((e) => e.recipient === RECIPIENTS[0]);
      expect(first?.status).toBe('sent');
    },
    { timeout: 8_000, interval: 200 },
  );
  const stopped = Date.now();
  run.child.kill('SIGINT');
  expect(await run.exited, run.stderr()).toBe(3);
  expect(Date.now() - stopped).toBeLessThan(5_000);
  expect(smtp.received).toHaveLength(1);
  const runs = await runsOf(box.workbook);
  const release = runs.filter((e) => e.kind === 'release').map((e) => [e.recipient, e.status]);
  expect(release).toEqual([
    [RECIPIENTS[0], 'sent'],
    [RECIPIENTS[1], 'skipped'],
    [RECIPIENTS[2], 'skipped'],
  ]);
  expect(runs.find((e) => e.kind === 'run')?.status).toBe('interrupted');
  // Nothing more arrives after the stop.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(smtp.received).toHaveLength(1);
}, 40_000);

it('the functions pace by SMTP_RATE and refuse a pace longer than their timeout', async () => {
  const runtime = lazyRuntime({
    env: { KARNAMEH_WORKBOOK: box.workbook, SMTP_URL: smtp.url, MAIL_FROM, SMTP_RATE: '0.01' },
    write: () => undefined,
    now: () => new Date('2024-07-25T08:00:00Z'),
  });
  const fn = await serve(monthlyRunHandler(runtime));
  try {
    const answer = await post(fn.url, { month: MONTH });
    expect(answer.status, answer.text).toBe(500);
    expect(answer.text).toContain(
      "SMTP_RATE 0.01 would take 3 h 6 min to send this run's 113 messages, longer than the functions' timeout of 300 s",
    );
    expect(smtp.received).toEqual([]);
  } finally {
    await fn.close();
  }
});
