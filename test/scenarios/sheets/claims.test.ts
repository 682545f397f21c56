/**
 * Two runs of one month on one Google Sheet (the stand-in), each with its own store, at
 * once: only the first claim sends, the other stops "in progress"; and rows another writer
 * adds to the runs tab while a run is sending survive the run's later writes.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { exampleWorkbook, RECIPIENTS } from '../../support/functions-harness.ts';
import { standInStore } from '../../support/sheets-fixtures.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { runOnStandIn, runsOnStandIn } from '../../support/stand-in-month.ts';

let standIn: SheetsStandIn;
let smtp: TestSmtpServer;
let sheet = 0;
let id = '';
beforeAll(async () => {
  standIn = await startSheetsStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(async () => {
  smtp = await startSmtpServer();
  id = `claims-sheet-${++sheet}`;
  standIn.loadWorkbook(id, await exampleWorkbook());
});
afterEach(async () => {
  await smtp.close();
});

const run = (runId: string) => runOnStandIn(standIn, id, smtp.url, runId);
const runs = () => runsOnStandIn(standIn, id);
const once = Object.fromEntries([...RECIPIENTS].sort().map((r) => [r, 1]));

it('two runs in two store instances at once: one sends, the other is in progress', async () => {
  smtp.faults.replyDelayMs = 200;
  const [a, b] = await Promise.allSettled([run('r-a'), run('r-b')]);
  const done = [a, b].filter((r) => r.status === 'fulfilled');
  const refused = [a, b].filter((r) => r.status === 'rejected');
  expect(done).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect(refused[0]?.reason).toMatchObject({ code: 'run.in_progress' });
  expect(smtp.counts()).toEqual(once);
  const rows = runs().filter((e) => e.kind === 'run');
  expect(rows.map((e) => e.status).sort()).toEqual(['blocked', 'sent']);
  expect(new Set(rows.map((e) => e.runId))).toEqual(new Set(['r-a', 'r-b']));
});

it("a concurrent writer's runs rows survive the writes of a run that is sending", async () => {
  smtp.faults.replyDelayMs = 300;
  const sending = run('r-sending');
  await vi.waitFor(() => expect(smtp.received.length).toBeGreaterThanOrEqual(1), {
    timeout: 20_000,
    interval: 10,
  });
  const other: RunsEntry = {
    runId: 'r-other',
    month: '1403-03',
    at: new Date().toISOString(),
    kind: 'run',
    status: 'sent',
    recipient: '',
    requestedBy: 'someone else',
    contentHash: 'x',
    detail: 'written while another run was sending',
  };
  const writer = standInStore(standIn, id);
  await writer.read();
  await writer.write({ outputs: {}, runs: [other] });
  const outcome = await sending;
  expect(outcome.exitCode, outcome.message).toBe(0);
  const after = runs();
  expect(after.find((e) => e.runId === 'r-other')).toEqual(other);
  expect(
    after.filter((e) => e.runId === 'r-sending' && e.kind === 'release').map((e) => e.status),
  ).toEqual(['sent', 'sent', 'sent']);
});
