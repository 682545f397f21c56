/**
 * Reminders exactly once with real processes (issue 13, phase 2): two `karnameh remind` at
 * once on one .xlsx, kill -9 in the middle of a round, and a reminder round followed by the
 * month's real run, against a real SMTP server on loopback.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { RemindOutcome } from '../../../functions/use-cases/remind.ts';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { RECIPIENTS } from '../../support/functions-harness.ts';
import { runsOf, setAgencyCards } from '../../support/mail-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import {
  PLANTED_IDS,
  REMINDER_DAY,
  TIR,
  emailOf,
  reminderWorkbook,
  setScore,
  tehran,
} from '../../support/reminder-fixtures.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));
const MAIL_FROM = 'روابط‌عمومی استانداری ایلام <pr@example.org>';

let box: Awaited<ReturnType<typeof scratch>>;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  smtp = await startSmtpServer();
  await writeWorkbookXlsx(await reminderWorkbook(), box.workbook);
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

interface Child {
  stderr: () => string;
  outcome: () => RemindOutcome;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => void;
}

/** `karnameh remind` on the box's workbook, in a process of its own (the real clock). */
function remindProcess(env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(
    process.execPath,
    [BIN, 'remind', '--workbook', box.workbook, '--outbox', box.outbox, '--month', TIR, '--json'],
    {
      env: { PATH: process.env.PATH, SMTP_URL: smtp.url, MAIL_FROM, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    stderr: () => stderr,
    outcome: () => JSON.parse(stdout) as RemindOutcome,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    ),
    kill: (signal) => child.kill(signal),
  };
}

const everyone = () => [...PLANTED_IDS.map(emailOf), ...RECIPIENTS].sort();

describe('karnameh remind across processes', () => {
  it('two rounds at once on one .xlsx: each reminder and digest exactly once, the loser says in progress', async () => {
    smtp.faults.replyDelayMs = 300;
    const rounds = [remindProcess(), remindProcess()];
    const exits = await Promise.all(rounds.map((r) => r.exited));
    const logs = rounds.map((r) => r.stderr()).join('\n---\n');
    expect(exits.map((e) => e.code).sort(), logs).toEqual([0, 1]);
    const loser = rounds[exits[0]?.code === 1 ? 0 : 1];
    expect(loser?.stderr()).toContain('in progress');
    expect(loser?.outcome()).toMatchObject({ status: 'in-progress', deliveries: [] });
    expect(smtp.counts()).toEqual(Object.fromEntries(everyone().map((a) => [a, 1])));
    const runs = await runsOf(box.workbook);
    expect(
      runs
        .filter((e) => e.kind === 'run')
        .map((e) => e.status)
        .sort(),
    ).toEqual(['blocked', 'sent']);
    expect(runs.filter((e) => e.kind === 'reminder' && e.status === 'sent')).toHaveLength(4);
    expect(runs.filter((e) => e.kind === 'digest' && e.status === 'sent')).toHaveLength(3);
  }, 120_000);

  it('kill -9 in the middle of a round: the journal leaves only the reminder in flight unconfirmed; the rerun sends the rest once', async () => {
    // d005's reminder is read in full and never answered: the round hangs there.
    smtp.faults.stallData.add(emailOf('d005'));
    const round = remindProcess();
    await vi.waitFor(() => expect(smtp.stalled).toContain(emailOf('d005')), {
      timeout: 60_000,
      interval: 20,
    });
    round.kill('SIGKILL');
    expect((await round.exited).signal).toBe('SIGKILL');
    expect(smtp.countFor(emailOf('d003'))).toBe(1);
    const left = await runsOf(box.workbook);
    // The batch of reminders was announced before it went out: all four are pending.
    expect(left.filter((e) => e.status === 'pending').map((e) => e.kind)).toEqual(
      PLANTED_IDS.map(() => 'reminder'),
    );
    expect(left.find((e) => e.kind === 'run')?.status).toBe('started');

    smtp.faults.stallData.clear();
    const rerun = remindProcess();
    const exit = await rerun.exited;
    expect(exit.code, rerun.stderr()).toBe(3);
    expect(rerun.stderr()).toContain('stopped without finishing');
    expect(rerun.stderr()).toContain('folded the delivery journal');
    expect(rerun.stderr()).toContain('never confirmed today, not sent again');
    expect(rerun.stderr()).toContain(emailOf('d005'));
    const outcome = rerun.outcome();
    // Only the one in flight is in doubt (before the journal: the whole batch of four).
    expect(outcome.deliveries.filter((d) => d.status === 'unconfirmed').map((d) => d.key)).toEqual([
      'd005',
    ]);
    // d003 (sent before the kill) is not sent again; d007 and f04, never tried, go out once;
    // so do the digests.
    for (const address of RECIPIENTS) expect(smtp.countFor(address)).toBe(1);
    for (const id of PLANTED_IDS) {
      expect(smtp.countFor(emailOf(id)), id).toBe(id === 'd005' ? 0 : 1);
    }
    expect(smtp.received).toHaveLength(PLANTED_IDS.length - 1 + RECIPIENTS.length);
  }, 120_000);

  it('SMTP_RATE too slow for the round (over 6 hours): refused before anything is sent', async () => {
    // 4 reminders and 3 digests: 6 pauses of 5,000 s.
    const round = remindProcess({ SMTP_RATE: '0.0002' });
    expect((await round.exited).code, round.stderr()).toBe(3);
    expect(round.stderr()).toContain(
      "SMTP_RATE 0.0002 would take 8 h 20 min to send this run's 7 messages, longer than the command line's limit of 6 h",
    );
    expect(smtp.received).toEqual([]);
  });

  it('Ctrl-C in the middle of a round: the message in flight is finished and recorded, the rerun sends the rest once', async () => {
    smtp.faults.replyDelayMs = 400;
    const round = remindProcess();
    await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(2), {
      timeout: 60_000,
      interval: 20,
    });
    round.kill('SIGINT');
    const exit = await round.exited;
    expect(exit.code, round.stderr()).toBe(3);
    expect(round.stderr()).toContain('SIGINT: finishing the message in flight');
    expect(round.outcome().status).toBe('interrupted');
    expect(round.stderr()).toMatch(
      /stopped before \d+ \(.*\), not sent; the next round sends them \[run\.interrupted\]\n/,
    );
    const runs = await runsOf(box.workbook);
    expect(runs.filter((e) => e.status === 'pending')).toEqual([]);
    expect(runs.find((e) => e.kind === 'run')?.status).toBe('interrupted');
    const got = smtp.received.map((m) => m.envelope.to[0] ?? '');
    const recorded = runs
      .filter((e) => e.status === 'sent')
      .map((e) => e.recipient.split(':').at(-1));
    expect(recorded.sort()).toEqual([...got].sort());
    expect(got.length).toBeLessThan(everyone().length);

    smtp.faults.replyDelayMs = 0;
    const rerun = remindProcess();
    expect((await rerun.exited).code, rerun.stderr()).toBe(0);
    expect(smtp.counts()).toEqual(Object.fromEntries(everyone().map((a) => [a, 1])));
  }, 120_000);
});

describe('a reminder round is not the release', () => {
  const env = () => ({ SMTP_URL: smtp.url, MAIL_FROM });
  const cli = (at: string, ...args: string[]) =>
    karnameh(
      [...args, '--workbook', box.workbook, '--outbox', box.outbox, '--month', TIR, '--json'],
      env(),
      tehran(at),
    );

  it.each([
    ['the data fixed in between', true],
    ['the same data', false],
  ])(
    'a remind round, then `karnameh run` of the month sends the release (%s)',
    async (_, fix) => {
      await setAgencyCards(box.workbook, false); // the release alone (cards: agency-cards.test.ts)
      const round = await cli(`${REMINDER_DAY}T09:00`, 'remind');
      expect(round.code, round.stderr).toBe(0);
      expect(smtp.received).toHaveLength(7);
      if (fix) {
        const now = await createXlsxStore(box.workbook).read();
        setScore(now, 'd003', 'E', 5);
        setScore(now, 'd005', 'K', 5);
        setScore(now, 'd007', 'D', 5);
        await writeWorkbookXlsx(now, box.workbook);
      }
      // f04 never sent its row: the council sends without it.
      const run = await cli(`${REMINDER_DAY}T12:00`, 'run', '--allow-incomplete');
      expect(run.code, run.stderr).toBe(0);
      expect(run.summary().status).toBe('sent');
      expect(run.stderr).not.toContain('already sent');
      expect(run.stderr).not.toContain('in progress');
      for (const address of RECIPIENTS) expect(smtp.countFor(address)).toBe(2);
      const release = smtp.received.at(-1);
      expect(release?.parsed.attachments.length).toBeGreaterThan(0);
      const runs = await runsOf(box.workbook);
      expect(runs.filter((e) => e.kind === 'release' && e.status === 'sent')).toHaveLength(3);
      // Run again: now the release is sent, and says so.
      const again = await cli(`${REMINDER_DAY}T12:30`, 'run', '--allow-incomplete');
      expect(again.code, again.stderr).toBe(0);
      expect(again.summary().status).toBe('already-sent');
      expect(smtp.received).toHaveLength(10);
    },
    120_000,
  );
});
