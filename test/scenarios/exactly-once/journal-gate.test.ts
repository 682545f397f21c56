/**
 * What a journal knows counts before the claim too: a run killed in the middle of the
 * release leaves the runs tab saying only "pending", while its journal says two recipients
 * got it. If a score of the month changes before the next run, that run must see a month
 * already sent with other facts (`run.data_changed`: nothing sent without --force), not a
 * month never sent whose cards go out with facts the release did not state.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { scratch } from '../../support/cli-harness.ts';
import {
  MAIL_FROM,
  MONTH,
  RECIPIENTS,
  editTab,
  runOverSmtp,
  runsOf,
} from '../../support/mail-fixtures.ts';
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

it('a release sent as far as the journal knows, then a score changed: run.data_changed, no card sent', async () => {
  smtp.faults.stallData.add(RECIPIENTS[2]);
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH],
    { env: { PATH: process.env.PATH, SMTP_URL: smtp.url, MAIL_FROM }, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await vi.waitFor(() => expect(smtp.stalled).toEqual([RECIPIENTS[2]]), { timeout: 20_000 });
  child.kill('SIGKILL');
  await exited;
  smtp.faults.stallData.clear();
  const pending = (await runsOf(box.workbook)).filter((e) => e.kind === 'release');
  expect(pending.map((e) => e.status)).toEqual(['pending', 'pending', 'pending']);

  await editTab(box.workbook, 'scores', (ws) => {
    ws.eachRow((row) => {
      if (row.getCell(1).value === MONTH && row.getCell(2).value === 'd001') {
        row.getCell(3).value = Number(row.getCell(3).value) === 20 ? 0 : 20;
      }
    });
  });
  const next = await runOverSmtp(box, smtp.url, '--json');
  expect(next.code, next.stderr).toBe(0);
  const problems = next.summary().problems.map((p) => p.code);
  expect(problems, next.stderr).toContain('run.data_changed');
  // Only the two release messages of the killed run: no card with facts the release never stated.
  expect(smtp.received).toHaveLength(2);
}, 60_000);
