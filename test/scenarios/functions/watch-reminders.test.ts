import { afterEach, describe, expect, it } from 'vitest';
import { lazyRuntime } from '../../../functions/http/runtime.ts';
import { watchSheetHandler } from '../../../functions/http/watch-handler.ts';
import { standInStore } from '../../support/sheets-fixtures.ts';
import {
  RECIPIENTS,
  idToken,
  post,
  runsLines,
  serve,
  startBench,
  type Bench,
  type Served,
} from '../../support/functions-harness.ts';
import {
  LAST_REMINDER_DAY,
  PLANTED_IDS,
  QUIET_DAY,
  REMINDER_DAY,
  emailOf,
  reminderWorkbook,
  tehran,
} from '../../support/reminder-fixtures.ts';

// 96 calls a simulated day: generous time limits for a loaded machine (nothing is timed).
/**
 * The watcher as Cloud Scheduler calls it, every 15 minutes through whole Tehran days, with
 * the clock injected: against the Sheets stand-in and a real SMTP server on loopback.
 */
let bench: Bench;
let fn: Served;
let clock = tehran(`${REMINDER_DAY}T00:00`);

afterEach(async () => {
  await fn.close();
  await bench.close();
});

const scheduler = {
  authorization: `Bearer ${idToken({ email: 'karnameh@my-project.iam.gserviceaccount.com' })}`,
};

/** Calls the watcher every 15 minutes from 00:00 to 23:45 of the day (Tehran). */
async function throughDay(day: string): Promise<Record<string, unknown>[]> {
  const answers: Record<string, unknown>[] = [];
  const start = tehran(`${day}T00:00`).getTime();
  for (let quarter = 0; quarter < 96; quarter++) {
    clock = new Date(start + quarter * 15 * 60_000);
    const answer = await post(fn.url, undefined, scheduler);
    expect(answer.status, answer.text).toBe(200);
    answers.push(answer.json());
  }
  return answers;
}

const expected = (times: number) =>
  Object.fromEntries(
    [...PLANTED_IDS.map(emailOf), ...RECIPIENTS].sort().map((address) => [address, times]),
  );

describe('watchSheet on reminder days', () => {
  it('sends each reminder once on a reminder day, none on a day between, and again on the next', async () => {
    bench = await startBench({ workbook: await reminderWorkbook(), now: () => clock });
    fn = await serve(watchSheetHandler(bench.runtime));

    const reminderDay = await throughDay(REMINDER_DAY);
    expect(bench.smtp.counts()).toEqual(expected(1));
    // The first call of the day sent them; every later call found them sent.
    expect(reminderDay[0]?.reminders).toEqual([
      {
        month: '1403-04',
        daysBefore: 3,
        status: 'sent',
        message: expect.stringContaining('4 reminder(s) and 3 digest(s) sent') as string,
        sent: 7,
        error: null,
      },
    ]);
    for (const answer of reminderDay.slice(1)) {
      expect(answer.reminders).toMatchObject([{ status: 'nothing-to-send', sent: 0 }]);
    }
    const reminded = bench.smtp.received.filter((m) => m.to.includes(emailOf('d003')));
    expect(reminded[0]?.parsed.subject).toBe(
      'کارنامه روابط‌عمومی استان ایلام: یادآوری امتیازهای تیر ۱۴۰۳ (مهلت چهارشنبه ۱۰ مرداد ۱۴۰۳)',
    );
    expect(reminded[0]?.parsed.text).toContain('۳\u00A0روز به پایان مهلت مانده است');

    // A reminder-day pass with nothing left to send reads the sheet once and writes nothing,
    // as a pass of a day between does.
    const requests = async () => {
      const before = bench.standIn.count();
      await post(fn.url, undefined, scheduler);
      return bench.standIn.count() - before;
    };
    clock = tehran(`${REMINDER_DAY}T23:50`);
    const reminderPass = await requests();
    clock = tehran(`${QUIET_DAY}T00:05`);
    expect(reminderPass).toBe(await requests());

    const quiet = await throughDay(QUIET_DAY);
    expect(quiet.every((a) => Array.isArray(a.reminders) && a.reminders.length === 0)).toBe(true);
    expect(bench.smtp.counts()).toEqual(expected(1));

    // 9 Mordad, one day before the deadline: everyone still missing is reminded again.
    clock = tehran(`${LAST_REMINDER_DAY}T07:30`);
    const last = (await post(fn.url, undefined, scheduler)).json();
    expect(last.reminders).toMatchObject([{ daysBefore: 1, status: 'sent', sent: 7 }]);
    expect(bench.smtp.counts()).toEqual(expected(2));
    const lines = runsLines(bench.tab('runs'));
    expect(lines.filter((l) => l.startsWith('reminder sent'))).toHaveLength(8);
    expect(lines.filter((l) => l.startsWith('digest sent'))).toHaveLength(6);
    // One claim per reminder day that sent something (two), none for the 95 passes after.
    expect(lines.filter((l) => l.startsWith('run '))).toEqual(['run sent', 'run sent']);
    expect(lines.filter((l) => !l.startsWith('run ')).every((l) => l.includes(' sent '))).toBe(
      true,
    );
    expect(bench.tab('runs')[1]?.[6]).toBe(
      'reminder_days via karnameh@my-project.iam.gserviceaccount.com',
    );
  }, 240_000);

  it('two calls at once on a reminder day: each reminder once', async () => {
    bench = await startBench({ workbook: await reminderWorkbook(), now: () => clock });
    fn = await serve(watchSheetHandler(bench.runtime));
    clock = tehran(`${REMINDER_DAY}T10:00`);
    const answers = await Promise.all([1, 2, 3].map(() => post(fn.url, undefined, scheduler)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(bench.smtp.counts()).toEqual(expected(1));
    const statuses = answers.map((a) => (a.json().reminders as { status: string }[])[0]?.status);
    expect(statuses.sort()).toEqual(['nothing-to-send', 'nothing-to-send', 'sent']);
  }, 120_000);

  it('two service instances called every 15 minutes at once through a reminder day: each reminder once', async () => {
    bench = await startBench({ workbook: await reminderWorkbook(), now: () => clock });
    fn = await serve(watchSheetHandler(bench.runtime));
    // A second instance: its own runtime (own in-process lock), the same sheet and server.
    const other = await serve(
      watchSheetHandler(
        lazyRuntime({
          env: bench.env,
          write: () => undefined,
          now: () => clock,
          store: (config) => standInStore(bench.standIn, config.source.sheet ?? bench.sheetId),
        }),
      ),
    );
    try {
      const start = tehran(`${REMINDER_DAY}T00:00`).getTime();
      const statuses: string[] = [];
      for (let quarter = 0; quarter < 96; quarter++) {
        clock = new Date(start + quarter * 15 * 60_000);
        const answers = await Promise.all(
          [fn, other].map((f) => post(f.url, undefined, scheduler)),
        );
        for (const answer of answers) {
          expect(answer.status, answer.text).toBe(200);
          const rounds = answer.json().reminders as { status: string }[];
          statuses.push(rounds[0]?.status ?? 'none');
        }
      }
      expect(bench.smtp.counts()).toEqual(expected(1));
      expect(statuses.filter((s) => s === 'sent')).toHaveLength(1);
      // The loser of the first pair (if they met) said so and sent nothing.
      expect(statuses.every((s) => ['sent', 'in-progress', 'nothing-to-send'].includes(s))).toBe(
        true,
      );
      const lines = runsLines(bench.tab('runs'));
      expect(lines.filter((l) => l.startsWith('reminder sent'))).toHaveLength(4);
      expect(lines.filter((l) => l.startsWith('digest sent'))).toHaveLength(3);
    } finally {
      await other.close();
    }
  }, 480_000);

  it('a sheet that refuses the write: nothing sent, the next call sends', async () => {
    bench = await startBench({ workbook: await reminderWorkbook(), now: () => clock });
    fn = await serve(watchSheetHandler(bench.runtime));
    clock = tehran('2024-07-27T23:45');
    expect((await post(fn.url, undefined, scheduler)).json().wroteProblems).toBe(true);
    // Every attempt of the reminders' first write fails (5 attempts).
    bench.standIn.inject({ status: 500, methods: ['batchUpdate'], times: 5 });
    clock = tehran(`${REMINDER_DAY}T00:00`);
    const refused = await post(fn.url, undefined, scheduler);
    expect(refused.status).toBe(200);
    expect(refused.json().reminders).toMatchObject([
      { status: 'failed', sent: 0, error: { code: 'source.unavailable' } },
    ]);
    expect(bench.smtp.received).toHaveLength(0);
    clock = tehran(`${REMINDER_DAY}T00:15`);
    const next = await post(fn.url, undefined, scheduler);
    expect(next.json().reminders).toMatchObject([{ status: 'sent', sent: 7 }]);
    expect(bench.smtp.counts()).toEqual(expected(1));
  }, 120_000);

  it('sends nothing without a deadline, however often it is called', async () => {
    bench = await startBench({ workbook: await reminderWorkbook([]), now: () => clock });
    fn = await serve(watchSheetHandler(bench.runtime));
    const answers = await throughDay(REMINDER_DAY);
    expect(answers.every((a) => Array.isArray(a.reminders) && a.reminders.length === 0)).toBe(true);
    expect(bench.smtp.received).toHaveLength(0);
  }, 120_000);
});
