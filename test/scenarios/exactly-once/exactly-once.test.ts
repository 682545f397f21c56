/**
 * Exactly once with real processes (issue 9): two CLI runs of one month at once on one
 * .xlsx, a CLI run and the monthlyRun function at once, kill -9 and SIGINT in the middle of
 * sending to a slow SMTP server, and a server that drops the connection after DATA.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliveryState } from '../../../functions/core/contract/runs-state.ts';
import { monthlyRunHandler } from '../../../functions/http/monthly-run.ts';
import { lazyRuntime } from '../../../functions/http/runtime.ts';
import { scratch } from '../../support/cli-harness.ts';
import { post, serve } from '../../support/functions-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import {
  setAgencyCards,
  MAIL_FROM,
  MONTH,
  RECIPIENTS,
  editTab,
  runOverSmtp,
  runsOf,
} from '../../support/mail-fixtures.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false); // the release alone (cards: agency-cards.test.ts)
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

interface Child {
  pid: number;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => void;
}

/** `karnameh run` on the box's workbook, in a process of its own. */
function cli(...args: string[]): Child {
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH, ...args],
    {
      env: { PATH: process.env.PATH, SMTP_URL: smtp.url, MAIL_FROM },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    pid: child.pid ?? 0,
    stderr: () => stderr,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    ),
    kill: (signal) => child.kill(signal),
  };
}

/** `count` more recipients (besides the example's three): more than one batch of 25. */
async function manyRecipients(count: number): Promise<string[]> {
  const more = Array.from(
    { length: count },
    (_, i) => `m${String(i + 1).padStart(2, '0')}@example.org`,
  );
  await editTab(box.workbook, 'recipients', (ws) => {
    for (const email of more) ws.addRow([email, null, 'بله']);
  });
  return [...RECIPIENTS, ...more];
}

const runIds = async () => new Set((await runsOf(box.workbook)).map((e) => e.runId));

describe('two runs of one month at once', () => {
  it.each([0, 1000])(
    'two CLI runs started %i ms apart: one copy each, both runs recorded',
    async (gap) => {
      smtp.faults.replyDelayMs = 300;
      const first = cli();
      await sleep(gap);
      const second = cli();
      const [a, b] = await Promise.all([first.exited, second.exited]);
      const codes = [a.code, b.code].sort();
      expect(codes, `${first.stderr()}\n---\n${second.stderr()}`).toEqual([0, 1]);
      const refused = a.code === 1 ? first.stderr() : second.stderr();
      expect(refused).toContain('in progress');
      expect(smtp.counts()).toEqual(Object.fromEntries([...RECIPIENTS].sort().map((r) => [r, 1])));
      const runs = await runsOf(box.workbook);
      expect(await runIds()).toHaveLength(2);
      expect(
        runs
          .filter((e) => e.kind === 'run')
          .map((e) => e.status)
          .sort(),
      ).toEqual(['blocked', 'sent']);
      expect(runs.filter((e) => e.kind === 'release' && e.status === 'sent')).toHaveLength(3);
    },
    90_000,
  );

  it('a CLI run and the monthlyRun function at once: one copy each, both runs recorded', async () => {
    smtp.faults.replyDelayMs = 300;
    const runtime = lazyRuntime({
      env: { KARNAMEH_WORKBOOK: box.workbook, SMTP_URL: smtp.url, MAIL_FROM },
      write: () => undefined,
      now: () => new Date('2024-07-25T08:00:00Z'),
    });
    const fn = await serve(monthlyRunHandler(runtime));
    try {
      const child = cli();
      const [answer, exit] = await Promise.all([post(fn.url, { month: MONTH }), child.exited]);
      const statuses = [
        answer.status === 200 ? 0 : answer.status === 409 ? 1 : answer.status,
        exit.code,
      ].sort();
      expect(statuses, `${answer.text}\n---\n${child.stderr()}`).toEqual([0, 1]);
      expect(smtp.counts()).toEqual(Object.fromEntries([...RECIPIENTS].sort().map((r) => [r, 1])));
      expect(await runIds()).toHaveLength(2);
    } finally {
      await fn.close();
    }
  }, 90_000);
});

describe('a run stopped in the middle of sending', () => {
  it('kill -9: the journal leaves at most the message in flight unconfirmed; a plain rerun sends the rest, never twice', async () => {
    const everyone = await manyRecipients(60);
    smtp.faults.replyDelayMs = 150;
    const run = cli();
    // Killed once the second batch is going out (the first 25 are recorded sent by then).
    await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(27), {
      timeout: 60_000,
      interval: 20,
    });
    run.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    const runs = await runsOf(box.workbook);
    expect(runs.filter((e) => e.kind === 'release' && e.status === 'sent')).toHaveLength(25);

    smtp.faults.replyDelayMs = 0;
    const rerun = await runOverSmtp(box, smtp.url);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('stopped without finishing');
    expect(rerun.stderr).toContain('folded the delivery journal');
    const after = await runsOf(box.workbook);
    const doubt = deliveryState(after, MONTH).unconfirmed.map((e) => e.recipient);
    // Before the journal, the whole second batch (up to 25) was held back here.
    expect(doubt.length).toBeLessThanOrEqual(1);
    const counts = smtp.counts();
    for (const address of everyone) {
      // The one in doubt may or may not have reached the server; everyone else exactly once.
      if (doubt.includes(address)) expect(counts[address] ?? 0, address).toBeLessThanOrEqual(1);
      else expect(counts[address], address).toBe(1);
    }
    for (const address of doubt) expect(rerun.stderr).toContain(address);
  }, 120_000);

  it('SIGINT: the message in flight is finished and recorded; a plain rerun sends the rest', async () => {
    const everyone = await manyRecipients(30);
    smtp.faults.replyDelayMs = 150;
    const run = cli();
    await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(5), {
      timeout: 60_000,
      interval: 20,
    });
    run.kill('SIGINT');
    const exit = await run.exited;
    expect(exit.code, run.stderr()).toBe(3);
    expect(run.stderr()).toContain('SIGINT: finishing the message in flight');
    expect(run.stderr()).toMatch(
      /release sent to \d+, stopped before \d+ \(.*\), not sent; the next run sends to them/,
    );
    // The stop's line names the first five, counts the rest, and carries its code.
    const stopLine =
      run
        .stderr()
        .split('\n')
        .find((l) => l.includes('stopped before')) ?? '';
    const [, left = '0', names = ''] = /stopped before (\d+) \(([^)]*)\)/.exec(stopLine) ?? [];
    expect(Number(left)).toBeGreaterThan(6);
    expect(names).toMatch(new RegExp(`^([^,]+, ){4}[^,]+ and ${Number(left) - 5} more$`));
    expect(stopLine).toMatch(/ \[run\.interrupted\]$/);
    const runs = await runsOf(box.workbook);
    const sent = runs
      .filter((e) => e.status === 'sent' && e.kind === 'release')
      .map((e) => e.recipient);
    expect(sent.sort()).toEqual(smtp.received.map((m) => m.envelope.to[0]).sort());
    expect(runs.filter((e) => e.status === 'pending')).toEqual([]);
    expect(runs.find((e) => e.kind === 'run')?.status).toBe('interrupted');

    smtp.faults.replyDelayMs = 0;
    const rerun = await runOverSmtp(box, smtp.url);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`release sent to ${everyone.length - sent.length} recipient(s)`);
    expect(smtp.counts()).toEqual(Object.fromEntries([...everyone].sort().map((r) => [r, 1])));
  }, 120_000);
});

describe('a server that drops the connection after the whole message, before its reply', () => {
  it('records the release unconfirmed, names it, and never sends it again by itself', async () => {
    const [dabir, moradi, nazari] = RECIPIENTS;
    smtp.faults.dropAfterData.add(moradi);
    const first = await runOverSmtp(box, smtp.url);
    expect(first.code, first.stderr).toBe(3);
    expect(first.stderr).toContain(`unconfirmed for 1 (${moradi}`);
    expect(smtp.dropped).toEqual([moradi]);
    const runs = await runsOf(box.workbook);
    expect(runs.find((e) => e.recipient === moradi)?.status).toBe('unconfirmed');

    smtp.faults.dropAfterData.clear();
    const again = await runOverSmtp(box, smtp.url);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('already sent');
    expect(again.stderr).toContain(moradi);
    expect(smtp.counts()).toEqual({ [dabir]: 1, [nazari]: 1 });

    // Sent on purpose, once asked.
    const resent = await runOverSmtp(box, smtp.url, '--resend-unconfirmed');
    expect(resent.code, resent.stderr).toBe(0);
    expect(smtp.counts()).toEqual({ [dabir]: 1, [moradi]: 1, [nazari]: 1 });
  }, 90_000);

  it('a connection dropped at RCPT TO (before DATA) is a failure, sent again by the next run', async () => {
    const [, moradi] = RECIPIENTS;
    smtp.faults.dropRcpt.add(moradi);
    const first = await runOverSmtp(box, smtp.url);
    expect(first.code).toBe(3);
    expect(first.stderr).toContain(`failed for 1 (${moradi})`);
    smtp.faults.dropRcpt.clear();
    const again = await runOverSmtp(box, smtp.url);
    expect(again.code, again.stderr).toBe(0);
    expect(smtp.countFor(moradi)).toBe(1);
  }, 90_000);
});
