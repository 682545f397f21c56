/**
 * The stand-in's hard edges, as Google has them (/work/shared/research/sheets-api-behaviour.md):
 * the 10 MiB body limit, an account per token with protected ranges enforced per editor,
 * the three 403s and FAILED_PRECONDITION, rows inserted with their neighbour's format and
 * validation, and a batch that lands after the client's follow-up reads.
 */
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GOOGLE_MAX_BODY_BYTES,
  STAND_IN_OWNER,
  startSheetsStandIn,
  type SheetsStandIn,
} from './sheets-stand-in.ts';

let standIn: SheetsStandIn;
const ID = 'google-edges';
const ROBOT = 'karnameh@ilam-pr.iam.gserviceaccount.com';
const CLERK = 'clerk@example.org';

function client(token: string, timeout?: number): sheets_v4.Sheets {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  return sheets({
    version: 'v4',
    auth,
    rootUrl: standIn.url,
    retry: false,
    ...(timeout ? { timeout } : {}),
  });
}

async function refusal(call: Promise<unknown>): Promise<{ status: number; error: unknown }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: { error: unknown } } })
      .response;
    if (response) return { status: response.status, error: response.data.error };
    throw error;
  }
  throw new Error('the call succeeded');
}

const batch = (api: sheets_v4.Sheets, requests: sheets_v4.Schema$Request[], id = ID) =>
  api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } });

const setCell = (row: number, text: string): sheets_v4.Schema$Request => ({
  updateCells: {
    range: {
      sheetId: 0,
      startRowIndex: row,
      endRowIndex: row + 1,
      startColumnIndex: 0,
      endColumnIndex: 1,
    },
    rows: [{ values: [{ userEnteredValue: { stringValue: text } }] }],
    fields: 'userEnteredValue',
  },
});

beforeAll(async () => {
  standIn = await startSheetsStandIn();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => {
  standIn.clearFaults();
  standIn.resetLog();
  standIn.loadWorkbook(
    ID,
    { tabs: [{ name: 'Sheet1', rows: [['head'], ['a'], ['b']] }] },
    { rowCount: 10, columnCount: 3 },
  );
});

describe('the stand-in as Google behaves', () => {
  it('accepts a body up to 10 MiB and refuses one byte more with Google’s message', async () => {
    const api = client(standIn.token);
    const pad = (bytes: number): sheets_v4.Schema$Request[] => {
      const base = JSON.stringify({ requests: [setCell(1, '')] }).length;
      return [setCell(1, 'x'.repeat(bytes - base))];
    };
    await batch(api, pad(GOOGLE_MAX_BODY_BYTES));
    expect(standIn.log.at(-1)).toMatchObject({ status: 200, bodyBytes: GOOGLE_MAX_BODY_BYTES });
    expect(await refusal(batch(api, pad(GOOGLE_MAX_BODY_BYTES + 1)))).toEqual({
      status: 400,
      error: {
        code: 400,
        message: 'Request payload size exceeds the limit: 10485760 bytes.',
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('opens a spreadsheet to its owner and those it is shared with; others get 403', async () => {
    const robot = client(standIn.tokenFor({ email: ROBOT }));
    expect(await refusal(robot.spreadsheets.get({ spreadsheetId: ID }))).toMatchObject({
      status: 403,
      error: { message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    });
    standIn.share(ID, ROBOT);
    await expect(robot.spreadsheets.get({ spreadsheetId: ID })).resolves.toBeTruthy();
  });

  it('enforces a protected range per editor; its creator and the owner are always editors', async () => {
    standIn.share(ID, ROBOT);
    standIn.share(ID, CLERK);
    const robot = client(standIn.tokenFor({ email: ROBOT }));
    const clerk = client(standIn.tokenFor({ email: CLERK }));
    const owner = client(standIn.token);
    const added = await batch(robot, [
      { addProtectedRange: { protectedRange: { range: { sheetId: 0 }, warningOnly: false } } },
    ]);
    expect(added.data.replies?.[0]?.addProtectedRange?.protectedRange?.editors).toEqual({
      users: [ROBOT],
    });
    await batch(robot, [setCell(1, 'robot')]);
    await batch(owner, [setCell(2, 'owner')]);
    const refused = await refusal(batch(clerk, [setCell(1, 'clerk')]));
    expect(refused).toEqual({
      status: 400,
      error: {
        code: 400,
        message:
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
        status: 'INVALID_ARGUMENT',
      },
    });
    expect(
      await refusal(
        batch(clerk, [
          {
            insertDimension: {
              range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 },
            },
          },
        ]),
      ),
    ).toMatchObject({ status: 400 });
    expect(standIn.tabRows(ID, 'Sheet1')).toEqual([['head'], ['robot'], ['owner']]);
    const seen = await clerk.spreadsheets.get({
      spreadsheetId: ID,
      fields: 'sheets(protectedRanges(editors,requestingUserCanEdit))',
    });
    expect(seen.data.sheets?.[0]?.protectedRanges?.[0]?.requestingUserCanEdit).toBe(false);

    // An editor adds another editor; the clerk may write then.
    await batch(robot, [
      {
        updateProtectedRange: {
          protectedRange: { protectedRangeId: 1, editors: { users: [ROBOT, CLERK] } },
          fields: 'editors',
        },
      },
    ]);
    await batch(clerk, [setCell(1, 'clerk')]);
    expect(standIn.tabRows(ID, 'Sheet1')[1]).toEqual(['clerk']);
  });

  it('tells the three 403s apart: not shared, scopes missing, API turned off', async () => {
    const scopeless = client(
      standIn.tokenFor({
        email: STAND_IN_OWNER,
        scopes: ['openid', 'https://www.googleapis.com/auth/cloud-platform'],
      }),
    );
    expect(await refusal(scopeless.spreadsheets.get({ spreadsheetId: ID }))).toEqual({
      status: 403,
      error: expect.objectContaining({
        message: 'Request had insufficient authentication scopes.',
        status: 'PERMISSION_DENIED',
        details: [expect.objectContaining({ reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' })],
      }),
    });
    const readonly = client(
      standIn.tokenFor({
        email: STAND_IN_OWNER,
        scopes: ['https://www.googleapis.com/auth/spreadsheets.readonly'],
      }),
    );
    await expect(readonly.spreadsheets.get({ spreadsheetId: ID })).resolves.toBeTruthy();
    expect(await refusal(batch(readonly, [setCell(1, 'x')]))).toMatchObject({ status: 403 });
    const disabled = client(standIn.tokenFor({ email: STAND_IN_OWNER, apiDisabled: true }));
    expect(await refusal(disabled.spreadsheets.get({ spreadsheetId: ID }))).toEqual({
      status: 403,
      error: expect.objectContaining({
        message: expect.stringMatching(
          /^Google Sheets API has not been used in project \d+ before or it is disabled\./,
        ),
        details: [expect.objectContaining({ reason: 'SERVICE_DISABLED' })],
      }),
    });
  });

  it('answers FAILED_PRECONDITION for a file that is not a Google Sheet', async () => {
    standIn.loadNonSheetsFile('an-xlsx-in-drive');
    expect(
      await refusal(client(standIn.token).spreadsheets.get({ spreadsheetId: 'an-xlsx-in-drive' })),
    ).toEqual({
      status: 400,
      error: {
        code: 400,
        message: 'This operation is not supported for this document',
        status: 'FAILED_PRECONDITION',
      },
    });
  });

  it('gives inserted rows the format and validation of the row before, or after', async () => {
    const api = client(standIn.token);
    const rule = { condition: { type: 'NUMBER_GREATER', values: [{ userEnteredValue: '0' }] } };
    await batch(api, [
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      },
      {
        setDataValidation: {
          range: {
            sheetId: 0,
            startRowIndex: 1,
            endRowIndex: 2,
            startColumnIndex: 0,
            endColumnIndex: 1,
          },
          rule,
        },
      },
    ]);
    await batch(api, [
      {
        insertDimension: {
          range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 },
          inheritFromBefore: true,
        },
      },
      {
        insertDimension: {
          range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 },
          inheritFromBefore: false,
        },
      },
    ]);
    // Row 2 came second, from the row after it (row 3, bold from the first insert).
    expect(standIn.cell(ID, 'Sheet1', 'A2')).toEqual({
      userEnteredFormat: { textFormat: { bold: true } },
    });
    expect(standIn.cell(ID, 'Sheet1', 'A3')).toEqual({
      userEnteredFormat: { textFormat: { bold: true } },
    });
    await batch(api, [
      { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 3, endIndex: 4 } } },
    ]);
    expect(standIn.cell(ID, 'Sheet1', 'A4')).toEqual({ dataValidation: rule });
    expect(standIn.cell(ID, 'Sheet1', 'A5')).toEqual({
      userEnteredValue: { stringValue: 'a' },
      dataValidation: rule,
    });
  });

  it('holds a late batch: reads see the old state, and it lands before the next batch', async () => {
    const api = client(standIn.token, 200);
    standIn.inject({ stall: 'late', methods: ['batchUpdate'] });
    await expect(batch(api, [setCell(1, 'late')])).rejects.toMatchObject({ code: 'TimeoutError' });
    const read = await api.spreadsheets.values.batchGet({ spreadsheetId: ID, ranges: ['Sheet1'] });
    expect(read.data.valueRanges?.[0]?.values).toEqual([['head'], ['a'], ['b']]);
    await batch(api, [setCell(2, 'next')]);
    expect(standIn.tabRows(ID, 'Sheet1')).toEqual([['head'], ['late'], ['next']]);
  });

  it('keeps spreadsheet developer metadata: a second create of one id is refused, batch and all', async () => {
    const api = client(standIn.token);
    const marker = (value: string): sheets_v4.Schema$Request => ({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataId: 77,
          metadataKey: 'k',
          metadataValue: value,
          location: { spreadsheet: true },
          visibility: 'DOCUMENT',
        },
      },
    });
    await batch(api, [marker('one')]);
    expect(await refusal(batch(api, [setCell(1, 'x'), marker('two')]))).toMatchObject({
      status: 400,
    });
    expect(standIn.tabRows(ID, 'Sheet1')[1]).toEqual(['a']);
    await batch(api, [
      {
        deleteDeveloperMetadata: {
          dataFilter: { developerMetadataLookup: { metadataId: 77, metadataValue: 'one' } },
        },
      },
      marker('two'),
    ]);
    const got = await api.spreadsheets.get({
      spreadsheetId: ID,
      fields: 'developerMetadata(metadataId,metadataValue)',
    });
    expect(got.data.developerMetadata).toEqual([{ metadataId: 77, metadataValue: 'two' }]);
  });

  it('keeps developer metadata on a sheet: listed with it, gone with it, refused where Google refuses it', async () => {
    const api = client(standIn.token);
    const info = await api.spreadsheets.get({
      spreadsheetId: ID,
      fields: 'sheets(properties(sheetId,title))',
    });
    const sheetId =
      info.data.sheets?.find((s) => s.properties?.title === 'Sheet1')?.properties?.sheetId ?? -1;
    const mark = (
      location: sheets_v4.Schema$DeveloperMetadataLocation,
    ): sheets_v4.Schema$Request => ({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: 'karnameh.tab',
          metadataValue: 'runs',
          location,
          visibility: 'DOCUMENT',
        },
      },
    });
    expect(await refusal(batch(api, [mark({ sheetId: 987_654 })]))).toMatchObject({ status: 400 });
    expect(await refusal(batch(api, [mark({ sheetId, spreadsheet: true })]))).toMatchObject({
      status: 400,
    });
    const created = await batch(api, [mark({ sheetId })]);
    expect(created.data.replies?.[0]?.createDeveloperMetadata?.developerMetadata?.location).toEqual(
      {
        locationType: 'SHEET',
        sheetId,
      },
    );
    // A rename keeps it; the fields mask selects it under each sheet.
    await batch(api, [
      { updateSheetProperties: { properties: { sheetId, title: 'renamed' }, fields: 'title' } },
    ]);
    const got = await api.spreadsheets.get({
      spreadsheetId: ID,
      fields: 'sheets(properties(title),developerMetadata(metadataKey,metadataValue))',
    });
    expect(
      got.data.sheets?.find((s) => s.properties?.title === 'renamed')?.developerMetadata,
    ).toEqual([{ metadataKey: 'karnameh.tab', metadataValue: 'runs' }]);
    await batch(api, [
      { addSheet: { properties: { title: 'other' } } },
      { deleteSheet: { sheetId } },
    ]);
    const after = await api.spreadsheets.get({
      spreadsheetId: ID,
      fields: 'sheets(developerMetadata(metadataKey))',
    });
    expect(JSON.stringify(after.data)).not.toContain('karnameh.tab');
  });
});
