/**
 * functions/index.ts as Cloud Functions loads it: both entry points registered with
 * functions-framework, configured from the process environment on the first call.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exampleWorkbook, post } from './support/functions-harness.ts';
import { startSheetsStandIn, type SheetsStandIn } from './support/sheets-stand-in.ts';

let standIn: SheetsStandIn;
let outbox: string;
const saved = { ...process.env };
const servers: Server[] = [];

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  standIn.loadWorkbook('index-test-sheet', await exampleWorkbook());
  outbox = await mkdtemp(join(tmpdir(), 'karnameh-index-'));
  Object.assign(process.env, {
    KARNAMEH_SHEET: 'index-test-sheet',
    SHEETS_API_URL: standIn.url,
    SHEETS_ACCESS_TOKEN: standIn.token,
    KARNAMEH_OUTBOX: outbox,
  });
  delete process.env.SMTP_URL;
  delete process.env.K_SERVICE;
  await import('../functions/index.ts');
});
afterAll(async () => {
  for (const server of servers) server.close();
  process.env = saved;
  await standIn.close();
  await rm(outbox, { recursive: true, force: true });
});

async function url(target: string): Promise<string> {
  const server = getTestServer(target);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

it('registers monthlyRun: a dry run of the example', async () => {
  const answer = await post(await url('monthlyRun'), { month: '1403-04', dryRun: true });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.json()).toMatchObject({ month: '1403-04', status: 'dry-run' });
  expect(standIn.count('batchUpdate')).toBe(0);
});

it('registers watchSheet: a check of the sheet', async () => {
  const answer = await post(await url('watchSheet'));
  expect(answer.status, answer.text).toBe(200);
  expect(answer.json()).toMatchObject({
    request: null,
    month: expect.stringMatching(/^\d{4}-\d{2}$/),
  });
});
