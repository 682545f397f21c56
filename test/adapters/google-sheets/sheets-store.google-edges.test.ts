/**
 * The Sheets store against Google's hard edges (issue 14), each through the stand-in: a
 * batch that lands after the client gave up and after its re-read, writes between 2 MB
 * and 10 MiB, protected output tabs and the account the functions run as, the causes of
 * a 403 and of FAILED_PRECONDITION, and rows inserted under a bold header.
 */
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { blankTemplate } from '../../../functions/use-cases/init-workbook.ts';
import {
  STAND_IN_OWNER,
  startSheetsStandIn,
  type SheetsStandIn,
} from '../../support/sheets-stand-in.ts';
import {
  RESULTS_HEADER,
  monthBlock,
  smallWorkbook,
  standInStore,
} from '../../support/sheets-fixtures.ts';

let standIn: SheetsStandIn;
const ROBOT = 'karnameh@ilam-pr.iam.gserviceaccount.com';
const CLERK = 'clerk@example.org';

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

/** Three months of results; the middle one with `middle` agencies. */
function results(middle: number): CellValue[][] {
  return [
    RESULTS_HEADER,
    ...monthBlock('1403-01', 4, 'r-1'),
    ...monthBlock('1403-02', middle, middle === 4 ? 'r-1' : 'r-9'),
    ...monthBlock('1403-03', 4, 'r-1'),
  ];
}

function loadWithResults(id: string, rows = results(4)) {
  const workbook = smallWorkbook();
  workbook.tabs = workbook.tabs.map((t) => (t.name === 'نتایج' ? { ...t, rows } : t));
  standIn.loadWorkbook(id, workbook);
}

/** A store that signs in as `email` (named by its credentials, as a service account is). */
function storeAs(id: string, email: string, more = {}) {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: standIn.tokenFor({ email }) });
  const auth = new GoogleAuth({ authClient: client, credentials: { client_email: email } });
  return standInStore(standIn, id, { accessToken: undefined, auth, ...more });
}

describe('a write whose batch lands late, after the re-read', () => {
  it.each([
    ['grows the middle month (rows inserted)', 6],
    ['shrinks the middle month (rows deleted)', 2],
    ['rewrites the middle month in place', 4.5],
  ])('%s: applied once', async (_, size) => {
    const id = `late-${size}`;
    loadWithResults(id);
    const store = standInStore(standIn, id, { retry: { timeoutMs: 300 } });
    await store.read();
    standIn.resetLog();
    standIn.inject({ stall: 'late', methods: ['batchUpdate'] });
    const wanted =
      size === 4.5
        ? results(4).map((row, i) => (i >= 5 && i < 9 ? [...row.slice(0, 12), 'r-new'] : row))
        : results(size);
    await store.write({ outputs: { results: wanted } });
    standIn.settle();
    expect(calls().slice(0, 3)).toEqual(['batchUpdate 0', 'get 200', 'values.batchGet 200']);
    expect(standIn.tabRows(id, 'نتایج')).toEqual(wanted);
    // The next write plans from the sheet as it is.
    const next = [...wanted, ...monthBlock('1403-04', 3, 'r-2')];
    await store.write({ outputs: { results: next } });
    expect(standIn.tabRows(id, 'نتایج')).toEqual(next);
  });

  it('adds a missing tab once when the batch adding it lands late', async () => {
    standIn.loadWorkbook('late-tab', smallWorkbook());
    const store = standInStore(standIn, 'late-tab', { retry: { timeoutMs: 300 } });
    await store.read();
    standIn.inject({ stall: 'late', methods: ['batchUpdate'] });
    const problems = [
      ['کد', 'برگه'],
      ['score.missing', 'امتیازها'],
    ];
    await store.write({ outputs: { problems } });
    const titles = standIn.spreadsheet('late-tab').sheets.map((s) => s.properties.title);
    expect(titles.filter((t) => t === 'خطاها')).toHaveLength(1);
    expect(standIn.tabRows('late-tab', 'خطاها')).toEqual(problems);
  });

  it('a dropped connection after the batch landed: read again, not applied twice', async () => {
    loadWithResults('dropped');
    const store = standInStore(standIn, 'dropped');
    await store.read();
    standIn.resetLog();
    standIn.inject({ drop: 'after', methods: ['batchUpdate'] });
    const report = await store.write({ outputs: { results: results(9) } });
    expect(calls()).toEqual(['batchUpdate 0', 'get 200', 'values.batchGet 200']);
    expect(standIn.tabRows('dropped', 'نتایج')).toEqual(results(9));
    expect(report.note).toBe('نتایج: rows 6–14 written');
  });

  it('init adds the tabs once when its batch lands late, and says what it added', async () => {
    standIn.loadWorkbook('late-init', { tabs: [{ name: 'Sheet1', rows: [] }] });
    const store = standInStore(standIn, 'late-init', { editor: ROBOT, retry: { timeoutMs: 300 } });
    standIn.inject({ stall: 'late', methods: ['batchUpdate'] });
    const report = await store.init(blankTemplate());
    expect(calls()).toEqual(['get 200', 'batchUpdate 0', 'get 200', 'batchUpdate 400', 'get 200']);
    expect(report.note).toMatch(/^tabs added: تنظیمات، /);
    expect(standIn.spreadsheet('late-init').sheets).toHaveLength(1 + blankTemplate().tabs.length);
  });

  it('plans again when another writer changed the sheet between its read and its write', async () => {
    loadWithResults('two-writers');
    const first = standInStore(standIn, 'two-writers');
    const second = standInStore(standIn, 'two-writers');
    await first.read();
    await second.read();
    await second.write({ outputs: { results: results(7) } });
    standIn.resetLog();
    await first.write({ outputs: { results: results(2) } });
    expect(calls()).toEqual([
      'batchUpdate 400',
      'get 200',
      'values.batchGet 200',
      'batchUpdate 200',
    ]);
    expect(standIn.tabRows('two-writers', 'نتایج')).toEqual(results(2));
  });
});

describe('protected output tabs', () => {
  it('init names the functions’ account an editor, so that it can write afterwards', async () => {
    standIn.loadWorkbook('guarded', { tabs: [{ name: 'Sheet1', rows: [] }] });
    standIn.share('guarded', ROBOT);
    await standInStore(standIn, 'guarded', { editor: ROBOT }).init(blankTemplate());
    const robot = storeAs('guarded', ROBOT);
    await robot.write({ outputs: { results: results(4) } });
    expect(standIn.tabRows('guarded', 'نتایج')).toEqual(results(4));
  });

  it('init asks for the account when the credentials do not name it, writing nothing', async () => {
    standIn.loadWorkbook('who-runs', { tabs: [{ name: 'Sheet1', rows: [] }] });
    const before = standIn.dump('who-runs');
    await expect(standInStore(standIn, 'who-runs').init(blankTemplate())).rejects.toMatchObject({
      code: 'config.invalid',
      message: expect.stringContaining(
        'karnameh init --sheet who-runs --editor karnameh@PROJECT.iam.gserviceaccount.com (or set KARNAMEH_EDITOR)',
      ),
    });
    expect(standIn.count('batchUpdate')).toBe(0);
    expect(standIn.dump('who-runs')).toBe(before);
  });

  it('init adds the account to protections set up before without it', async () => {
    standIn.loadWorkbook('set-up-before', { tabs: [{ name: 'Sheet1', rows: [] }] });
    standIn.share('set-up-before', ROBOT);
    await standInStore(standIn, 'set-up-before', { editor: CLERK }).init(blankTemplate());
    const report = await standInStore(standIn, 'set-up-before', { editor: ROBOT }).init(
      blankTemplate(),
    );
    expect(report.note).toBe(`${ROBOT} made an editor of نتایج، خطاها، اجراها`);
    await storeAs('set-up-before', ROBOT).write({ outputs: { problems: [['نوع'], ['x']] } });
    expect(standIn.tabRows('set-up-before', 'خطاها')).toEqual([['نوع'], ['x']]);
  });

  it('a write refused by a protection names the tab and the account, and the fix', async () => {
    standIn.loadWorkbook('locked', { tabs: [{ name: 'Sheet1', rows: [] }] });
    standIn.share('locked', ROBOT);
    await standInStore(standIn, 'locked', { editor: STAND_IN_OWNER }).init(blankTemplate());
    const before = standIn.dump('locked');
    await expect(
      storeAs('locked', ROBOT).write({ outputs: { results: results(4) } }),
    ).rejects.toMatchObject({
      code: 'source.forbidden',
      message: `Google Sheets refused to write to spreadsheet locked: the tab نتایج is protected and the service account ${ROBOT} is not one of the editors (400 You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.). As the sheet's owner, run karnameh init --sheet locked --editor ${ROBOT} (it adds the account to the protection), or add it under Data → Protect sheets and ranges; nothing was written.`,
    });
    expect(standIn.dump('locked')).toBe(before);
  });
});

describe('why Google refused', () => {
  it('says the credentials lack the spreadsheets scope, and how to sign in with it', async () => {
    standIn.loadWorkbook('scopes', smallWorkbook());
    const token = standIn.tokenFor({
      email: STAND_IN_OWNER,
      scopes: ['https://www.googleapis.com/auth/cloud-platform', 'openid'],
    });
    await expect(
      standInStore(standIn, 'scopes', { accessToken: token }).read(),
    ).rejects.toMatchObject({
      code: 'source.forbidden',
      message: expect.stringContaining(
        'the credentials were issued without the spreadsheets scope. On your computer, sign in as the service account instead: gcloud auth application-default login --impersonate-service-account=SERVICE_ACCOUNT_EMAIL',
      ),
    });
  });

  it('says the Sheets API is turned off in the project, and how to turn it on', async () => {
    standIn.loadWorkbook('api-off', smallWorkbook());
    const token = standIn.tokenFor({ email: STAND_IN_OWNER, apiDisabled: true });
    await expect(
      standInStore(standIn, 'api-off', { accessToken: token }).read(),
    ).rejects.toMatchObject({
      code: 'source.forbidden',
      message: expect.stringMatching(
        /^The Google Sheets API is turned off in project 123456789012, .*gcloud services enable sheets\.googleapis\.com --project 123456789012/,
      ),
    });
  });

  it('says to share the sheet when it is not shared with the account', async () => {
    standIn.loadWorkbook('not-shared', smallWorkbook());
    await expect(storeAs('not-shared', ROBOT).read()).rejects.toMatchObject({
      code: 'source.forbidden',
      message: expect.stringContaining(
        `Share the sheet with the service account ${ROBOT} as an editor`,
      ),
    });
  });

  it('says an .xlsx in Drive is not a Google Sheet, and what to do', async () => {
    standIn.loadNonSheetsFile('an-xlsx');
    await expect(standInStore(standIn, 'an-xlsx').read()).rejects.toMatchObject({
      code: 'source.unreadable',
      message: expect.stringContaining(
        'Spreadsheet an-xlsx is not a Google Sheet (400 This operation is not supported for this document): it is another kind of file stored in Drive, such as an .xlsx. Open it in Google Sheets and choose File → Save as Google Sheets',
      ),
    });
  });
});

it('rows inserted under the bold header of a tab made by init are not bold', async () => {
  standIn.loadWorkbook('bold', { tabs: [{ name: 'Sheet1', rows: [] }] });
  const store = standInStore(standIn, 'bold', { editor: ROBOT });
  await store.init(blankTemplate());
  const header = blankTemplate().tabs.find((t) => t.key === 'results')?.header ?? [];
  const later = monthBlock('1403-03', 3, 'r-1');
  await store.write({ outputs: { results: [header, ...later] } });
  await store.write({
    outputs: { results: [header, ...monthBlock('1403-02', 2, 'r-2'), ...later] },
  });
  expect(standIn.cell('bold', 'نتایج', 'A1')?.userEnteredFormat).toEqual({
    textFormat: { bold: true },
  });
  expect(standIn.cell('bold', 'نتایج', 'A2')).toEqual({
    userEnteredValue: { stringValue: '1403-02' },
  });
  expect(standIn.cell('bold', 'نتایج', 'B3')?.userEnteredFormat).toBeUndefined();
});
