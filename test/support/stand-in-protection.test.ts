// The stand-in's protections as Google documents them, and its refusal of what Google leaves open.
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { PROTECTED_MESSAGE } from './stand-in-access.ts';
import { standInApi } from './sheets-fixtures.ts';
import { startSheetsStandIn, type SheetsStandIn } from './sheets-stand-in.ts';

let standIn: SheetsStandIn;
let owner: sheets_v4.Sheets;
let n = 0;
let id = '';
beforeAll(async () => {
  standIn = await startSheetsStandIn();
  owner = standInApi(standIn);
});
afterAll(async () => standIn?.close());
beforeEach(() => {
  id = `protection-${++n}-0123456789`;
  standIn.loadWorkbook(id, {
    tabs: [
      {
        name: 'S',
        rows: [
          ['a', 'b', 'c'],
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
    ],
  });
});

const sheetId = () => standIn.spreadsheet(id).sheets[0]?.properties.sheetId ?? 0;

async function batch(api: sheets_v4.Sheets, requests: sheets_v4.Schema$Request[]) {
  try {
    await api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } });
    return { status: 200, message: '' };
  } catch (error) {
    const e = error as { status?: number; message?: string };
    return { status: e.status ?? 0, message: e.message ?? '' };
  }
}

function as(email: string): sheets_v4.Sheets {
  standIn.share(id, email);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: standIn.tokenFor({ email }) });
  return sheets({ version: 'v4', auth, rootUrl: standIn.url, retry: false });
}

const cell = (row: number, column: number): sheets_v4.Schema$Request => ({
  updateCells: {
    range: {
      sheetId: sheetId(),
      startRowIndex: row,
      endRowIndex: row + 1,
      startColumnIndex: column,
      endColumnIndex: column + 1,
    },
    rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }],
    fields: 'userEnteredValue',
  },
});

it("a sheet protection's unprotected ranges are holes any editor of the file may edit; the rest is locked", async () => {
  const hole = {
    sheetId: sheetId(),
    startRowIndex: 1,
    endRowIndex: 2,
    startColumnIndex: 1,
    endColumnIndex: 3,
  };
  expect(
    await batch(owner, [
      {
        addProtectedRange: {
          protectedRange: { range: { sheetId: sheetId() }, unprotectedRanges: [hole] },
        },
      },
    ]),
  ).toMatchObject({ status: 200 });
  const guest = as('guest@x.ir');
  expect(await batch(guest, [cell(1, 1), cell(1, 2)])).toMatchObject({ status: 200 });
  expect(await batch(guest, [cell(1, 0)])).toEqual({ status: 400, message: PROTECTED_MESSAGE });
  expect(await batch(guest, [cell(2, 1)])).toEqual({ status: 400, message: PROTECTED_MESSAGE });
  // Rows inserted above move the hole (and the protection's cells) down with them.
  expect(
    await batch(owner, [
      {
        insertDimension: {
          range: { sheetId: sheetId(), dimension: 'ROWS', startIndex: 0, endIndex: 1 },
        },
      },
    ]),
  ).toMatchObject({ status: 200 });
  expect(await batch(guest, [cell(2, 1)])).toMatchObject({ status: 200 });
  expect(await batch(guest, [cell(1, 1)])).toEqual({ status: 400, message: PROTECTED_MESSAGE });
});

it('refuses holes in a protection of less than a whole sheet (Google: only on protected sheets)', async () => {
  const range = { sheetId: sheetId(), startRowIndex: 0, endRowIndex: 3 };
  const hole = { sheetId: sheetId(), startRowIndex: 1, endRowIndex: 2 };
  const answer = await batch(owner, [
    { addProtectedRange: { protectedRange: { range, unprotectedRanges: [hole] } } },
  ]);
  expect(answer.status).toBe(400);
  expect(answer.message).toContain('only supported on protected sheets');
});

it('refuses a cell under two protections with different editors (which applies is undocumented)', async () => {
  const whole = { range: { sheetId: sheetId() }, editors: { users: ['a@x.ir'] } };
  const row = {
    range: { sheetId: sheetId(), startRowIndex: 1, endRowIndex: 2 },
    editors: { users: ['b@x.ir'] },
  };
  const answer = await batch(owner, [
    { addProtectedRange: { protectedRange: whole } },
    { addProtectedRange: { protectedRange: row } },
  ]);
  expect(answer.status).toBe(400);
  expect(answer.message).toContain('does not document');
  expect(standIn.spreadsheet(id).sheets[0]?.protectedRanges).toEqual([]);
  // The same row inside a hole of the whole-sheet protection: one rule per cell, accepted.
  const holed = { ...whole, unprotectedRanges: [row.range] };
  expect(
    await batch(owner, [
      { addProtectedRange: { protectedRange: holed } },
      { addProtectedRange: { protectedRange: row } },
    ]),
  ).toMatchObject({ status: 200 });
  expect(await batch(as('b@x.ir'), [cell(1, 0)])).toMatchObject({ status: 200 });
  expect(await batch(as('a@x.ir'), [cell(1, 0)])).toEqual({
    status: 400,
    message: PROTECTED_MESSAGE,
  });
});

it('a protection naming a Google Group lets its members edit', async () => {
  standIn.addToGroup('team@x.ir', 'member@x.ir');
  const range = { sheetId: sheetId(), startRowIndex: 1, endRowIndex: 2 };
  expect(
    await batch(owner, [
      { addProtectedRange: { protectedRange: { range, editors: { groups: ['team@x.ir'] } } } },
    ]),
  ).toMatchObject({ status: 200 });
  expect(await batch(as('member@x.ir'), [cell(1, 0)])).toMatchObject({ status: 200 });
  expect(await batch(as('other@x.ir'), [cell(1, 0)])).toEqual({
    status: 400,
    message: PROTECTED_MESSAGE,
  });
});
