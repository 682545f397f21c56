// The guard on a Google Sheet, per account (one per bearer token), through the stand-in over HTTP.
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import type { Summary } from '../../../functions/core/figures/summary.ts';
import { karnameh } from '../../support/cli-harness.ts';
import { PROTECTED_MESSAGE } from '../../support/stand-in-access.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { standInEnv } from '../../support/sheets-cli.ts';

const ID = 'guarded-sheet-0123456789';
const ACCOUNT = 'karnameh@council.iam.gserviceaccount.com';
const NOW = new Date('2024-07-25T08:00:00Z'); // 1403-05-04 in Tehran

/** Three agencies: a1 with a valid and an invalid address, a2 by a Google Group, a3. */
function workbook(): RawWorkbook {
  return {
    tabs: [
      {
        name: TABS.settings.label,
        rows: [
          ['کلید', 'مقدار'],
          ['استان', 'ایلام'],
          ['ویرایشگران', 'dabir@council.ir'],
        ],
      },
      {
        name: TABS.indicators.label,
        rows: [
          ['کد', 'عنوان', 'محور', 'حداکثر امتیاز'],
          ['i1', 'انتشار خبر', 'اطلاع‌رسانی', 10],
          ['i2', 'پاسخ به پیام', 'پاسخگویی', 20],
        ],
      },
      {
        name: TABS.bands.label,
        rows: [
          ['عنوان', 'حداقل امتیاز'],
          ['ضعیف', 0],
          ['خوب', 50],
        ],
      },
      {
        name: TABS.agencies.label,
        rows: [
          ['شناسه', 'نام', 'گروه', 'فعال', 'ایمیل'],
          ['a1', 'اداره کل برق', 'دستگاه اجرایی', 'بله', 'a1@barq.ir، نه‌نشانی'],
          ['a2', 'اداره کل راه', 'دستگاه اجرایی', 'بله', 'group:rah-team@rah.ir'],
          ['a3', 'فرمانداری بدره', 'فرمانداری', 'بله', 'a3@badreh.ir'],
        ],
      },
      {
        name: TABS.scores.label,
        rows: [
          ['ماه', 'دستگاه', 'i1', 'i2', 'توضیحات'],
          ['1403-04', 'a1', 5, 10, ''],
          ['1403-04', 'a2', 6, 12, ''],
          ['1403-04', 'a3', 7, 14, ''],
        ],
      },
      { name: TABS.recipients.label, rows: [['ایمیل'], ['news@council.ir']] },
      { name: TABS.runs.label, rows: [TABS.runs.columns.map((c) => c.label)] },
    ],
  };
}

let standIn: SheetsStandIn;
const clients = new Map<string, sheets_v4.Sheets>();

/** The Sheets API as `email` (a token of its own; the file shared with it). */
function as(email: string): sheets_v4.Sheets {
  const found = clients.get(email);
  if (found) return found;
  const token = email === 'owner' ? standIn.token : standIn.tokenFor({ email });
  if (email !== 'owner') standIn.share(ID, email);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  const client = sheets({ version: 'v4', auth, rootUrl: standIn.url, retry: false });
  clients.set(email, client);
  return client;
}

const sheetId = (title: string): number => {
  const sheet = standIn.spreadsheet(ID).sheets.find((s) => s.properties.title === title);
  if (!sheet) throw new Error(`no tab ${title}`);
  return sheet.properties.sheetId;
};

/** `who` types `value` into one cell (zero-based row and column); the HTTP status. */
async function type(who: string, title: string, row: number, column: number, value: string) {
  const range = {
    sheetId: sheetId(title),
    startRowIndex: row,
    endRowIndex: row + 1,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  };
  const request = {
    updateCells: {
      range,
      rows: [{ values: [{ userEnteredValue: { stringValue: value } }] }],
      fields: 'userEnteredValue',
    },
  };
  return send(who, request);
}

async function send(
  who: string,
  request: sheets_v4.Schema$Request,
): Promise<{ status: number; message: string }> {
  try {
    const answer = await as(who).spreadsheets.batchUpdate({
      spreadsheetId: ID,
      requestBody: { requests: [request] },
    });
    return { status: answer.status, message: '' };
  } catch (error) {
    const e = error as { status?: number; message?: string };
    return { status: e.status ?? 0, message: e.message ?? '' };
  }
}

const REFUSED = { status: 400, message: PROTECTED_MESSAGE };
const env = () => ({ ...standInEnv(standIn), KARNAMEH_EDITOR: ACCOUNT });
const cli = (...args: string[]) => karnameh([...args, '--sheet', ID, '--json'], env(), NOW);
const rowOf = (month: string, agency: string): number =>
  standIn.tabRows(ID, TABS.scores.label).findIndex((r) => r[0] === month && r[1] === agency);

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  standIn.loadWorkbook(ID, workbook());
  standIn.addToGroup('rah-team@rah.ir', 'member@rah.ir');
});
afterAll(async () => standIn?.close());

describe('the guard of an open month, per account', () => {
  it('opens 1403-05 in at most 4 calls, the invalid address reported', async () => {
    standIn.resetLog();
    const opened = await cli('open', '--month', '1403-05');
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stderr).toContain('protections set: each agency may edit only');
    expect(standIn.log.length).toBeLessThanOrEqual(4);
    expect(standIn.log.every((r) => r.status === 200)).toBe(true);
    const check = await cli('check', '--month', '1403-05');
    const problems = (JSON.parse(check.stdout) as Summary).problems;
    expect(problems.filter((p) => p.code === 'agency.email_invalid').map((p) => p.cell)).toEqual([
      'E2',
    ]);
  });

  it("an agency writes its own row's score and note cells, and nothing else", async () => {
    const own = rowOf('1403-05', 'a1');
    expect(own).toBeGreaterThan(3);
    expect(await type('a1@barq.ir', TABS.scores.label, own, 2, '۸')).toMatchObject({ status: 200 });
    expect(await type('a1@barq.ir', TABS.scores.label, own, 4, 'ارسال شد')).toMatchObject({
      status: 200,
    });
    expect(standIn.tabRows(ID, TABS.scores.label)[own]?.slice(2, 5)).toEqual([
      '۸',
      null,
      'ارسال شد',
    ]);
    // B's row, its own row of an earlier month, its own agency cell, settings: refused.
    expect(await type('a1@barq.ir', TABS.scores.label, rowOf('1403-05', 'a2'), 2, '9')).toEqual(
      REFUSED,
    );
    expect(await type('a1@barq.ir', TABS.scores.label, rowOf('1403-04', 'a1'), 2, '9')).toEqual(
      REFUSED,
    );
    expect(await type('a1@barq.ir', TABS.scores.label, own, 1, 'a2')).toEqual(REFUSED);
    expect(await type('a1@barq.ir', TABS.settings.label, 1, 1, 'تهران')).toEqual(REFUSED);
    // A new row appended at the end: refused.
    const append = await send('a1@barq.ir', {
      appendCells: {
        sheetId: sheetId(TABS.scores.label),
        rows: [{ values: [{ userEnteredValue: { stringValue: '1403-05' } }] }],
        fields: 'userEnteredValue',
      },
    });
    expect(append).toEqual(REFUSED);
  });

  it("a Google Group's member writes its agency's row; an editors address writes any row", async () => {
    const b = rowOf('1403-05', 'a2');
    expect(await type('member@rah.ir', TABS.scores.label, b, 3, '15')).toMatchObject({
      status: 200,
    });
    expect(await type('member@rah.ir', TABS.scores.label, rowOf('1403-05', 'a3'), 3, '1')).toEqual(
      REFUSED,
    );
    expect(await type('dabir@council.ir', TABS.scores.label, b, 2, '7')).toMatchObject({
      status: 200,
    });
    expect(await type('dabir@council.ir', TABS.settings.label, 1, 1, 'ایلام')).toMatchObject({
      status: 200,
    });
    // Someone named nowhere may edit nothing, though the file is shared with them.
    expect(await type('stranger@x.ir', TABS.scores.label, b, 2, '1')).toEqual(REFUSED);
  });

  it('a tab an agency adds named «تنظیمات» or shaped like the runs tab is tab.unmarked, and the check goes on', async () => {
    // Any editor of the file may add a tab; open marked the product's own.
    const add = (title: string) => send('a1@barq.ir', { addSheet: { properties: { title } } });
    expect(await add('تنظيمات')).toMatchObject({ status: 200 }); // Arabic yeh: the same name
    expect(await add('runs')).toMatchObject({ status: 200 });
    const runsHeader = TABS.runs.columns.map((c) => ({
      userEnteredValue: { stringValue: c.label },
    }));
    expect(
      await send('a1@barq.ir', {
        updateCells: {
          range: {
            sheetId: sheetId('runs'),
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: 0,
            endColumnIndex: runsHeader.length,
          },
          rows: [{ values: runsHeader }],
          fields: 'userEnteredValue',
        },
      }),
    ).toMatchObject({ status: 200 });
    const check = await karnameh(
      ['check', '--sheet', ID, '--month', '1403-05', '--json'],
      env(),
      NOW,
    );
    expect(check.code, check.stderr).toBe(0);
    const problems = (JSON.parse(check.stdout) as Summary).problems;
    expect(
      problems
        .filter((p) => p.code === 'tab.unmarked')
        .map((p) => p.tab)
        .sort(),
    ).toEqual(['runs', 'تنظيمات'].sort());
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('an agency made inactive after open keeps its row and its right until the close', async () => {
    expect(await type('owner', TABS.agencies.label, 3, 3, 'خیر')).toMatchObject({ status: 200 });
    const row = rowOf('1403-05', 'a3');
    expect(row).toBeGreaterThan(0);
    expect(await type('a3@badreh.ir', TABS.scores.label, row, 2, '4')).toMatchObject({
      status: 200,
    });
  });

  it('after close: the agency is refused on its own row; the owner may still change it, and check reports it at the cell', async () => {
    standIn.resetLog();
    const closed = await cli('close', '--month', '1403-05');
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stderr).toContain("the agencies' edit rights on the month are taken back");
    expect(standIn.log.length).toBeLessThanOrEqual(4);
    const own = rowOf('1403-05', 'a1');
    expect(await type('a1@barq.ir', TABS.scores.label, own, 2, '10')).toEqual(REFUSED);
    expect(await type('a3@badreh.ir', TABS.scores.label, rowOf('1403-05', 'a3'), 2, '9')).toEqual(
      REFUSED,
    );
    // The archive (an output tab) is the functions' account's alone: an editors address is refused.
    expect(await type('dabir@council.ir', 'بایگانی', 1, 2, '0')).toEqual(REFUSED);
    expect(await type('a1@barq.ir', 'بایگانی', 1, 2, '0')).toEqual(REFUSED);
    expect(await type('owner', TABS.scores.label, own, 2, '۹')).toMatchObject({ status: 200 });
    const check = await karnameh(
      ['check', '--sheet', ID, '--month', '1403-05', '--json'],
      env(),
      NOW,
    );
    const changed = (JSON.parse(check.stdout) as Summary).problems.filter(
      (p) => p.code === 'score.changed_after_close',
    );
    expect(changed).toEqual([
      expect.objectContaining({ cell: `C${own + 1}`, severity: 'warning' }),
    ]);
    expect(changed[0]?.message).toContain('هنگام بستن «۸» بود و اکنون «۹» است');
  });

  it('reopen: the agency edits its own row of the closed month again until the end of the day; the others stay out', async () => {
    standIn.resetLog();
    const reopened = await cli(
      'reopen',
      '--month',
      '1403-05',
      '--agency',
      'a1',
      '--until',
      '۱۴۰۳/۰۵/۱۰',
    );
    expect(reopened.code, reopened.stderr).toBe(0);
    expect(JSON.parse(reopened.stdout)).toMatchObject({
      agency: 'a1',
      until: '2024-07-31T20:30:00.000Z',
    });
    expect(standIn.log.length).toBeLessThanOrEqual(4);
    const own = rowOf('1403-05', 'a1');
    expect(await type('a1@barq.ir', TABS.scores.label, own, 3, '۱۸')).toMatchObject({
      status: 200,
    });
    expect(await type('a3@badreh.ir', TABS.scores.label, rowOf('1403-05', 'a3'), 2, '9')).toEqual(
      REFUSED,
    );
    expect(await type('a1@barq.ir', TABS.scores.label, rowOf('1403-04', 'a1'), 2, '9')).toEqual(
      REFUSED,
    );
    const runs = standIn.tabRows(ID, TABS.runs.label);
    expect(runs.some((r) => r.includes('reopen') && r.includes('a1'))).toBe(true);
    // A day that is over is refused, nothing written.
    const past = await cli(
      'reopen',
      '--month',
      '1403-05',
      '--agency',
      'a3',
      '--until',
      '1403-05-01',
    );
    expect(past.code).toBe(2);
  });
});
