/**
 * A crash between sending and recording never leads to a silent second copy: the CLI run is
 * killed (SIGKILL) the moment the SMTP server has the first message, before the run can
 * record it. What comes after (the watcher with a run_request, a monthlyRun call) sees at
 * once that the run is gone (its claim names a process of this host that no longer exists),
 * names the unconfirmed recipients and sends nobody a second copy.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { monthlyRunHandler } from '../../../functions/http/monthly-run.ts';
import { watchSheetHandler } from '../../../functions/http/watch-handler.ts';
import {
  MAIL_FROM,
  RECIPIENTS,
  post,
  runsLines,
  serve,
  startBench,
  type Bench,
} from '../../support/functions-harness.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));

let bench: Bench;
afterEach(async () => {
  await bench.close();
});

/** Runs `karnameh run --sheet …` in a child process, killed when the first message arrives. */
async function runKilledAtFirstMessage(): Promise<NodeJS.Signals | null> {
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--sheet', bench.sheetId, '--month', '1403-04'],
    {
      env: {
        PATH: process.env.PATH,
        SHEETS_API_URL: bench.standIn.url,
        SHEETS_ACCESS_TOKEN: bench.standIn.token,
        SMTP_URL: bench.smtp.url,
        MAIL_FROM,
        // The killed run's journal (the command line's) stays in a folder of this test.
        XDG_STATE_HOME: await mkdtemp(join(tmpdir(), 'karnameh-crash-state-')),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  bench.smtp.beforeAccept = () => {
    // The message is in; the sender never hears so and never records it.
    child.kill('SIGKILL');
    bench.smtp.beforeAccept = null;
  };
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (c, s) => resolve([c, s])),
  );
  if (signal === null) throw new Error(`the run was not killed (exit ${code}): ${stderr}`);
  return signal;
}

it('a run killed after sending, before recording: no second copy, the unconfirmed are named', async () => {
  // The functions' clock: the crashed run wrote its rows with the real time.
  let clock = new Date();
  bench = await startBench({ now: () => clock });
  expect(await runKilledAtFirstMessage()).toBe('SIGKILL');
  const [first] = bench.smtp.received;
  expect(bench.smtp.received).toHaveLength(1);
  const reached = first?.to[0] ?? '';
  expect(RECIPIENTS).toContain(reached);
  // The intent was recorded before sending: a run started, every release pending.
  expect(runsLines(bench.tab('runs'))).toEqual([
    'run started',
    'release pending dabirkhaneh@example.org',
    'release pending z.moradi@example.org',
    'release pending h.nazari@example.org',
  ]);

  // The secretary asks again through the sheet.
  const watch = await serve(watchSheetHandler(bench.runtime));
  const run = await serve(monthlyRunHandler(bench.runtime));
  try {
    await bench.setRunRequest('1403-04');
    // A minute later: the killed run's claim names its process, which is gone from this
    // host, so nobody waits for it.
    clock = new Date(Date.now() + 60_000);
    // The interrupted run is reported, not repeated.
    const answer = await post(watch.url);
    expect(answer.status, answer.text).toBe(200);
    const request = answer.json().request as {
      state: string;
      runStatus: string;
      run: {
        status: string;
        unconfirmed: string[];
        deliveries: { recipient: string; status: string }[];
      };
    };
    expect(request.state).toBe('handled');
    expect(request.run.status).toBe('blocked');
    // Nothing sent: each recipient is named as held back (never confirmed).
    expect(request.run.deliveries.map((d) => d.status)).toEqual(['held', 'held', 'held']);
    expect(request.run.deliveries.map((d) => d.recipient).sort()).toEqual(RECIPIENTS);
    expect([...request.run.unconfirmed].sort()).toEqual(RECIPIENTS);
    const status = String(bench.setting('وضعیت اجرا'));
    expect(status).toMatch(/^کارنامهٔ تیر ۱۴۰۳ فرستاده نشد \([^)]+\):/);
    expect(status).toContain('تأیید نشد');
    expect(bench.setting('درخواست اجرا') ?? '').toBe('');
    for (const recipient of RECIPIENTS) expect(status).toContain(recipient);
    expect(bench.smtp.received).toHaveLength(1);

    // A second run asked directly: still no second copy, still named.
    const again = await post(run.url, { month: '1403-04' });
    expect(again.status).toBe(422);
    expect(again.json().status).toBe('blocked');
    expect([...(again.json().run as { unconfirmed: string[] }).unconfirmed].sort()).toEqual(
      RECIPIENTS,
    );
    expect(bench.smtp.counts()).toEqual({ [reached]: 1 });
    // Nothing claims the month went out: no run is recorded as sent.
    expect(runsLines(bench.tab('runs')).filter((l) => l.startsWith('run '))).toEqual([
      'run started',
      'run blocked',
      'run blocked',
    ]);
  } finally {
    await watch.close();
    await run.close();
  }
});
