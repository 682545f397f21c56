/**
 * SIGTERM in the functions (issue 19): Cloud Run stops an instance with SIGTERM and kills it
 * 10 s later; the functions keep no journal, so a run must record its batch in that grace.
 * functions-framework, as deployed (its main, serving monthlyRun from functions/index.ts),
 * used to exit at once, leaving the cards' batch `pending` (up to 100 held back as never
 * confirmed). Now the run finishes the message in flight, records what went out and the
 * rest `skipped`, and the process exits within the grace.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { scratch } from '../../support/cli-harness.ts';
import { post } from '../../support/functions-harness.ts';
import { MAIL_FROM, MONTH, runsOf } from '../../support/mail-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';

const MAIN = fileURLToPath(
  new URL(
    '../../../node_modules/@google-cloud/functions-framework/build/src/main.js',
    import.meta.url,
  ),
);
const SOURCE = fileURLToPath(new URL('../../../functions/index.ts', import.meta.url));

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

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

it('SIGTERM during the cards: the batch is recorded (sent and skipped), nothing left pending', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN, '--target=monthlyRun', `--source=${SOURCE}`], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      KARNAMEH_WORKBOOK: box.workbook,
      SMTP_URL: smtp.url,
      MAIL_FROM,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await vi.waitFor(() => expect(out).toContain('Serving function'), { timeout: 20_000 });
    smtp.faults.replyDelayMs = 50;
    const answer = post(`http://127.0.0.1:${port}/`, { month: MONTH }).catch(() => null);
    // The release (3) and a few cards are out: the cards' first batch (100) is announced.
    await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(8), {
      timeout: 30_000,
      interval: 5,
    });
    const stopped = Date.now();
    child.kill('SIGTERM');
    await exited;
    await answer;
    expect(Date.now() - stopped, out).toBeLessThan(8_000);
    const runs = await runsOf(box.workbook);
    expect(
      runs.filter((e) => e.status === 'pending'),
      out,
    ).toEqual([]);
    const sent = runs.filter((e) => e.status === 'sent' && e.kind !== 'run');
    expect(sent).toHaveLength(smtp.received.length);
    expect(runs.filter((e) => e.kind === 'card' && e.status === 'skipped').length).toBeGreaterThan(
      50,
    );
    expect(runs.find((e) => e.kind === 'run')?.status).toBe('interrupted');
    expect(out).toContain('SIGTERM: 1 run(s) in progress');
  } finally {
    child.kill('SIGKILL');
  }
}, 60_000);
