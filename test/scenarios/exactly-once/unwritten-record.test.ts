/**
 * Issue 19, item 3: the record of a sent release cannot be written (Google Sheets answers
 * 500 to every write once the release is out). The command line's journal knows who got
 * it: the next run writes that into the runs tab, sends the release to nobody again, and
 * sends the agencies' cards (before the journal, it held every card back as "never
 * confirmed" and only --resend-unconfirmed, resending the release, let them out). Real
 * processes, the Sheets stand-in over HTTP, SMTP on loopback.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { readRunsLog, type RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import {
  MAIL_FROM,
  RECIPIENTS,
  exampleWorkbook,
  withAgencyCards,
} from '../../support/functions-harness.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));
const ID = 'journal-unwritten-1';

let standIn: SheetsStandIn;
let smtp: TestSmtpServer;
let state: string;
beforeAll(async () => {
  standIn = await startSheetsStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(async () => {
  smtp = await startSmtpServer();
  state = await mkdtemp(join(tmpdir(), 'karnameh-journal-state-'));
  standIn.loadWorkbook(ID, withAgencyCards(await exampleWorkbook(), true));
});
afterEach(async () => {
  standIn.clearFaults();
  await smtp.close();
  await rm(state, { recursive: true, force: true });
});

/** `karnameh run --sheet ID` in a process of its own; resolves with its exit and stderr. */
function cli(): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'run', '--sheet', ID, '--month', '1403-04'], {
    env: {
      PATH: process.env.PATH,
      SHEETS_API_URL: standIn.url,
      SHEETS_ACCESS_TOKEN: standIn.token,
      SMTP_URL: smtp.url,
      MAIL_FROM,
      XDG_STATE_HOME: state,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

const runs = (): RunsEntry[] =>
  readRunsLog({ name: 'runs', rows: standIn.tabRows(ID, TABS.runs.label) });
const isRelease = (address: string) => (RECIPIENTS as readonly string[]).includes(address);

it('a release whose record could not be written: the next run records it from the journal and sends the cards, not the release again', async () => {
  // Every write fails from the moment the last release message is in (its reply waits a
  // little, so the fault is there before the run writes again).
  smtp.faults.replyDelayMs = 200;
  const watch = setInterval(() => {
    const releases = smtp.received.filter((m) => isRelease(m.envelope.to[0] ?? ''));
    if (releases.length === RECIPIENTS.length) {
      standIn.inject({ status: 500, times: Infinity, methods: ['batchUpdate'] });
      clearInterval(watch);
    }
  }, 2);
  const first = await cli();
  clearInterval(watch);
  expect(first.code, first.stderr).toBe(3);
  expect(first.stderr).toContain('recorded in the delivery journal');
  expect(smtp.counts()).toEqual(Object.fromEntries([...RECIPIENTS].sort().map((r) => [r, 1])));
  // The runs tab says only that the release was about to go out.
  const before = runs().filter((e) => e.kind === 'release');
  expect(before.map((e) => e.status)).toEqual(RECIPIENTS.map(() => 'pending'));
  expect(await readdir(join(state, 'karnameh', `${ID}.journal`))).toHaveLength(1);

  // Google is back.
  standIn.clearFaults();
  smtp.faults.replyDelayMs = 0;
  const second = await cli();
  expect(second.code, second.stderr).toBe(0);
  expect(second.stderr).toContain('folded the delivery journal');
  expect(second.stderr).toContain('was already sent');
  expect(second.stderr).not.toContain('held back');
  expect(second.stderr).toContain(
    'into the runs tab: 3 sent, 0 never confirmed, 0 failed, and 0 announced',
  );
  // The release went to each recipient once; the cards went out, each once.
  const counts = smtp.counts();
  for (const r of RECIPIENTS) expect(counts[r], r).toBe(1);
  const cards = smtp.received.filter((m) => !isRelease(m.envelope.to[0] ?? ''));
  expect(cards.length).toBeGreaterThan(50);
  expect(Object.values(counts).every((n) => n === 1)).toBe(true);
  // The runs tab now says the release was sent, and the journal is gone.
  const after = runs().filter((e) => e.kind === 'release');
  expect(after.map((e) => e.status)).toEqual(RECIPIENTS.map(() => 'sent'));
  expect(after.every((e) => e.detail.includes('@'))).toBe(true); // the message ids
  await expect(readdir(join(state, 'karnameh', `${ID}.journal`))).rejects.toThrow(/ENOENT/);
}, 60_000);
