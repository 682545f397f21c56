import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  backoffDelay,
  failureKind,
  retryPolicy,
} from '../../../functions/adapters/google-sheets/retry.ts';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import {
  RESULTS_HEADER,
  monthBlock,
  smallWorkbook,
  standInStore,
} from '../../support/sheets-fixtures.ts';

let standIn: SheetsStandIn;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => {
  standIn.clearFaults();
  standIn.resetLog();
});

const calls = () => standIn.log.map((r) => `${r.method} ${r.status}`);

/** Results with three months; `middle` replaces the middle month with more rows. */
function results(middle: boolean): CellValue[][] {
  return [
    RESULTS_HEADER,
    ...monthBlock('1403-01', 4, 'r-1'),
    ...(middle ? monthBlock('1403-02', 6, 'r-9') : monthBlock('1403-02', 4, 'r-1')),
    ...monthBlock('1403-03', 4, 'r-1'),
  ];
}

function loadWithResults(id: string) {
  const workbook = smallWorkbook();
  workbook.tabs = workbook.tabs.map((t) =>
    t.name === 'نتایج' ? { ...t, rows: results(false) } : t,
  );
  standIn.loadWorkbook(id, workbook);
}

describe('retrying', () => {
  it('reads and writes through 429 on the first two attempts of every call', async () => {
    loadWithResults('f-429');
    const store = standInStore(standIn, 'f-429');
    standIn.inject({ status: 429, cycle: { fail: 2, pass: 1 } });
    const workbook = await store.read();
    expect(workbook.tabs).toHaveLength(7);
    await store.write({ outputs: { results: results(true) } });
    expect(calls()).toEqual([
      'get 429',
      'get 429',
      'get 200',
      'values.batchGet 429',
      'values.batchGet 429',
      'values.batchGet 200',
      'batchUpdate 429',
      'batchUpdate 429',
      'batchUpdate 200',
    ]);
    expect(standIn.tabRows('f-429', 'نتایج')).toEqual(results(true));
  });

  it('gives a clear source.unavailable after a persistent 500, and the sheet is exactly as before', async () => {
    loadWithResults('f-500');
    const store = standInStore(standIn, 'f-500', { retry: { attempts: 3 } });
    await store.read();
    const before = standIn.dump('f-500');
    standIn.inject({ status: 500, times: Infinity });
    const failure = store.write({
      outputs: { results: results(true) },
      settings: [{ key: 'run_status', value: 'x' }],
    });
    await expect(failure).rejects.toMatchObject({
      name: 'KarnamehError',
      code: 'source.unavailable',
      message: expect.stringMatching(
        /^Google Sheets is unavailable: 3 attempts to write to spreadsheet f-500 failed; the last answer was 500 Internal error encountered\./,
      ),
    });
    expect(standIn.dump('f-500')).toBe(before);
    expect(standIn.count('batchUpdate')).toBe(1);

    standIn.resetLog();
    await expect(store.read()).rejects.toMatchObject({
      code: 'source.unavailable',
      message: expect.stringContaining('3 attempts to read spreadsheet f-500 failed'),
    });
    expect(calls()).toEqual(['get 500', 'get 500', 'get 500']);
  });

  it('times out a stalled call and retries it', async () => {
    standIn.loadWorkbook('f-stall', smallWorkbook());
    const store = standInStore(standIn, 'f-stall', { retry: { timeoutMs: 300 } });
    standIn.inject({ stall: 'before', methods: ['values.batchGet'] });
    await expect(store.read()).resolves.toEqual(smallWorkbook());
    expect(calls()).toEqual(['get 200', 'values.batchGet 0', 'values.batchGet 200']);
  });

  it('after a write timed out unanswered, re-reads and sends the batch again', async () => {
    loadWithResults('f-lost');
    const store = standInStore(standIn, 'f-lost', { retry: { timeoutMs: 300 } });
    await store.read();
    standIn.resetLog();
    standIn.inject({ stall: 'before', methods: ['batchUpdate'] });
    await store.write({ outputs: { results: results(true) } });
    expect(calls()).toEqual(['batchUpdate 0', 'get 200', 'values.batchGet 200', 'batchUpdate 200']);
    expect(standIn.tabRows('f-lost', 'نتایج')).toEqual(results(true));
  });

  it('after a write landed but its answer was lost, re-reads and does not apply it twice', async () => {
    loadWithResults('f-landed');
    const store = standInStore(standIn, 'f-landed', { retry: { timeoutMs: 300 } });
    await store.read();
    standIn.resetLog();
    standIn.inject({ stall: 'after', methods: ['batchUpdate'] });
    // The edit inserts rows in the middle: applied twice it would leave 4 extra rows.
    const report = await store.write({ outputs: { results: results(true) } });
    expect(calls()).toEqual(['batchUpdate 0', 'get 200', 'values.batchGet 200']);
    expect(standIn.tabRows('f-landed', 'نتایج')).toEqual(results(true));
    expect(report.note).toBe('نتایج: rows 6–11 written');
  });
});

describe('refusals', () => {
  it('explains a 403 with the account of a static token', async () => {
    standIn.loadWorkbook('f-403', smallWorkbook());
    standIn.forbid('f-403');
    await expect(standInStore(standIn, 'f-403').read()).rejects.toMatchObject({
      code: 'source.forbidden',
      message:
        'Google refused access to spreadsheet f-403 (403 The caller does not have permission). Share the sheet with the account of the token as an editor (Share → add the account of the token → Editor) and try again.',
    });
    expect(calls()).toEqual(['get 403']);
  });

  it('names the service account in a 403 when the credentials know it', async () => {
    standIn.loadWorkbook('f-403-sa', smallWorkbook());
    standIn.forbid('f-403-sa');
    const client = new OAuth2Client();
    client.setCredentials({ access_token: standIn.token });
    const auth = new GoogleAuth({
      authClient: client,
      credentials: { client_email: 'karnameh@ilam-pr.iam.gserviceaccount.com' },
    });
    const store = standInStore(standIn, 'f-403-sa', { accessToken: undefined, auth });
    await expect(store.write({ outputs: { problems: [['x']] } })).rejects.toMatchObject({
      code: 'source.forbidden',
      message: expect.stringContaining(
        'Share the sheet with the service account karnameh@ilam-pr.iam.gserviceaccount.com as an editor',
      ),
    });
  });

  it('says the spreadsheet id is wrong on a 404', async () => {
    await expect(standInStore(standIn, 'no-such-sheet').read()).rejects.toMatchObject({
      code: 'source.not_found',
      message: expect.stringContaining(
        'Spreadsheet no-such-sheet was not found (404 Requested entity was not found.): the spreadsheet id is wrong',
      ),
    });
  });

  it('reports refused credentials (401) without retrying', async () => {
    standIn.loadWorkbook('f-401', smallWorkbook());
    const store = standInStore(standIn, 'f-401', { accessToken: 'expired' });
    await expect(store.read()).rejects.toMatchObject({ code: 'source.forbidden' });
    expect(calls()).toEqual(['get 401']);
  });
});

describe('backoff', () => {
  it.each([
    // failures, random, expected ms (base 100, max 1000)
    [1, 0, 50],
    [1, 0.999, 99.95],
    [2, 0, 100],
    [3, 0.5, 300],
    [5, 1, 1000],
    [9, 0, 500],
  ])('after %i failures with jitter %f waits %f ms', (failures, random, expected) => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => random });
    expect(backoffDelay(policy, failures)).toBeCloseTo(expected, 6);
  });

  it('waits at least what Retry-After asks, never more than the maximum', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    expect(backoffDelay(policy, 1, 700)).toBe(700);
    expect(backoffDelay(policy, 1, 5000)).toBe(1000);
  });

  it.each([
    [{ config: {}, response: { status: 429 } }, 'refused'],
    [{ config: {}, response: { status: 500 } }, 'ambiguous'],
    [{ config: {}, response: { status: 503 } }, 'ambiguous'],
    [{ config: {}, code: 'TimeoutError' }, 'ambiguous'],
    [{ config: {}, code: 'ECONNRESET' }, 'ambiguous'],
    [{ config: {}, response: { status: 400 } }, 'final'],
    [{ config: {}, response: { status: 403 } }, 'final'],
    [new TypeError('bug'), 'final'],
  ])('classifies %o as %s', (error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });
});
