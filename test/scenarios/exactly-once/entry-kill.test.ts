// kill -9 halfway through open and close (a real process on the Sheets stand-in): the rerun completes, nothing doubled.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { readRunsLog } from '../../../functions/core/contract/runs-log.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { EXAMPLE } from '../../support/cli-harness.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { standInEnv } from '../../support/sheets-cli.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));
const ID = 'killed-entry-0123456789';
const MONTH = '1403-04';

let standIn: SheetsStandIn;
let example: RawWorkbook;
beforeAll(async () => {
  standIn = await startSheetsStandIn();
  example = await createXlsxStore(EXAMPLE).read();
  standIn.loadWorkbook(ID, {
    tabs: [
      ...example.tabs,
      { name: TABS.runs.label, rows: [TABS.runs.columns.map((c) => c.label)] },
    ],
  });
});
afterAll(async () => standIn?.close());

const env = () => ({
  PATH: process.env.PATH,
  ...standInEnv(standIn),
  KARNAMEH_EDITOR: 'karnameh@council.iam.gserviceaccount.com',
});

/** Runs the command as a real process; kills it (SIGKILL) once its batch reached the stand-in. */
async function killedAtBatch(args: string[]): Promise<void> {
  standIn.resetLog();
  const child = spawn(process.execPath, [BIN, ...args, '--sheet', ID], {
    env: env(),
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await vi.waitFor(() => expect(standIn.log.some((r) => r.method === 'batchUpdate')).toBe(true), {
    timeout: 30_000,
    interval: 10,
  });
  child.kill('SIGKILL');
  await exited;
}

async function rerun(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args, '--sheet', ID, '--json'], { env: env() });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, out };
}

const runs = () => readRunsLog({ name: 'runs', rows: standIn.tabRows(ID, TABS.runs.label) });

it('open killed after its batch landed (the answer never came): the rerun adds nothing', async () => {
  standIn.inject({ stall: 'after', methods: ['batchUpdate'] });
  await killedAtBatch(['open', '--month', '1403-05']);
  standIn.clearFaults();
  const rows = standIn.tabRows(ID, TABS.scores.label).filter((r) => r[0] === '1403-05');
  expect(rows.length).toBeGreaterThan(100);
  const again = await rerun(['open', '--month', '1403-05']);
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out)).toMatchObject({ status: 'unchanged', rows: [] });
  const after = standIn.tabRows(ID, TABS.scores.label).filter((r) => r[0] === '1403-05');
  expect(after).toHaveLength(rows.length);
  expect(new Set(after.map((r) => r[1])).size).toBe(after.length);
  expect(runs().filter((e) => e.kind === 'open')).toHaveLength(1);
}, 60_000);

const archivedOf = (month: string) => standIn.tabRows(ID, 'بایگانی').filter((r) => r[0] === month);

it('close killed before its batch landed: the rerun closes, the archive holds the month once', async () => {
  standIn.inject({ stall: 'before', methods: ['batchUpdate'] });
  await killedAtBatch(['close', '--month', '1403-05']);
  standIn.clearFaults();
  expect(runs().filter((e) => e.kind === 'close')).toHaveLength(0);
  const again = await rerun(['close', '--month', '1403-05']);
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out)).toMatchObject({ status: 'closed' });
  const archived = archivedOf('1403-05');
  expect(archived.length).toBeGreaterThan(100);
  expect(new Set(archived.map((r) => r[1])).size).toBe(archived.length);
}, 60_000);

it('close killed after its batch landed: the rerun finds the month closed and adds nothing', async () => {
  standIn.inject({ stall: 'after', methods: ['batchUpdate'] });
  await killedAtBatch(['close', '--month', MONTH]);
  standIn.clearFaults();
  const archived = archivedOf(MONTH);
  expect(archived.length).toBeGreaterThan(100);
  const again = await rerun(['close', '--month', MONTH]);
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out)).toMatchObject({ status: 'already-closed' });
  expect(archivedOf(MONTH)).toHaveLength(archived.length);
  expect(runs().filter((e) => e.kind === 'close' && e.month === MONTH)).toHaveLength(1);
}, 60_000);
