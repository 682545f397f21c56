/**
 * The stand-in refuses what Google refuses, so a test cannot pass on a request the real
 * API would turn down. Every call goes through the real @googleapis/sheets client.
 */
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STAND_IN_OWNER, startSheetsStandIn, type SheetsStandIn } from './sheets-stand-in.ts';
import { standInApi } from './sheets-fixtures.ts';

let standIn: SheetsStandIn;
let api: sheets_v4.Sheets;
const ID = 'stand-in';

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  api = standInApi(standIn);
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => {
  standIn.clearFaults();
  standIn.loadWorkbook(
    ID,
    {
      tabs: [
        {
          name: 'Sheet1',
          rows: [
            ['a', 1],
            ['b', 2],
          ],
        },
        { name: 'دستگاه‌ها', rows: [['شناسه'], ['a1']] },
      ],
    },
    { rowCount: 10, columnCount: 5 },
  );
});

/** The error answer of a call that must fail: status and Google's error body. */
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

const batchUpdate = (requests: unknown[]) =>
  api.spreadsheets.batchUpdate({
    spreadsheetId: ID,
    requestBody: { requests: requests as sheets_v4.Schema$Request[] },
  });

describe('the Sheets stand-in refuses what the API refuses', () => {
  it.each([
    [
      'an unknown field in a request body',
      [{ updateCells: { range: { sheetId: 0 }, fields: 'userEnteredValue', rowz: [] } }],
      'Invalid JSON payload received. Unknown name "rowz" at \'requests[0].update_cells\': Cannot find field.',
    ],
    [
      'an unknown field deep in a cell',
      [
        {
          updateCells: {
            start: { sheetId: 0 },
            rows: [{ values: [{ userEnteredValue: { textValue: 'x' } }] }],
            fields: 'userEnteredValue',
          },
        },
      ],
      'Unknown name "textValue" at \'requests[0].update_cells.rows[0].values[0].user_entered_value\'',
    ],
    [
      'a wrong enum value',
      [
        {
          insertDimension: { range: { sheetId: 0, dimension: 'ROW', startIndex: 0, endIndex: 1 } },
        },
      ],
      'Invalid value at \'requests[0].insert_dimension.range.dimension\' (type.googleapis.com/google.apps.sheets.v4.Dimension), "ROW"',
    ],
    [
      'a value of the wrong type',
      [{ appendDimension: { sheetId: 0, dimension: 'ROWS', length: 'ten' } }],
      'Invalid value at \'requests[0].append_dimension.length\' (TYPE_INT32), "ten"',
    ],
    [
      'a range outside the grid',
      [
        {
          updateCells: {
            range: {
              sheetId: 0,
              startRowIndex: 9,
              endRowIndex: 11,
              startColumnIndex: 0,
              endColumnIndex: 1,
            },
            fields: 'userEnteredValue',
          },
        },
      ],
      'Invalid requests[0].updateCells: Range (Sheet1!A10:A11) exceeds grid limits. Max rows: 10, max columns: 5',
    ],
    [
      'data running past the grid from a start cell',
      [
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 4 },
            rows: [{ values: [{}, {}] }],
            fields: 'userEnteredValue',
          },
        },
      ],
      'exceeds grid limits',
    ],
    [
      'an unknown sheet id',
      [{ appendDimension: { sheetId: 77, dimension: 'ROWS', length: 1 } }],
      'Invalid requests[0].appendDimension: No grid with id: 77',
    ],
    [
      'a duplicate sheet title (any case)',
      [{ addSheet: { properties: { title: 'SHEET1' } } }],
      'Invalid requests[0].addSheet: A sheet with the name "SHEET1" already exists. Please enter another name.',
    ],
    [
      'a duplicate sheet id',
      [{ addSheet: { properties: { title: 'new', sheetId: 0 } } }],
      'Invalid requests[0].addSheet: A sheet with id 0 already exists.',
    ],
    [
      'a field mask naming no field',
      [{ repeatCell: { range: { sheetId: 0 }, cell: {}, fields: 'userEnteredFormat.bold' } }],
      'Invalid field mask path "userEnteredFormat.bold"',
    ],
    [
      'an updateCells without a field mask',
      [{ updateCells: { start: { sheetId: 0 }, rows: [] } }],
      "At least one field must be specified in 'fields'.",
    ],
    [
      'two kinds in one request',
      [
        {
          appendDimension: { sheetId: 0, dimension: 'ROWS', length: 1 },
          deleteSheet: { sheetId: 0 },
        },
      ],
      "oneof field 'kind' is already set",
    ],
    [
      'a condition with the wrong number of values',
      [
        {
          setDataValidation: {
            range: { sheetId: 0 },
            rule: { condition: { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: '0' }] } },
          },
        },
      ],
      'NUMBER_BETWEEN condition takes 2 ConditionValue(s), got 1.',
    ],
    [
      'a data validation type only conditional formats take',
      [{ setDataValidation: { range: { sheetId: 0 }, rule: { condition: { type: 'BLANK' } } } }],
      'Invalid ConditionType BLANK for data validation.',
    ],
    [
      'ONE_OF_RANGE on a tab that does not exist',
      [
        {
          setDataValidation: {
            range: { sheetId: 0 },
            rule: {
              condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: "='Nope'!A2:A" }] },
            },
          },
        },
      ],
      "Unable to parse range: 'Nope'!A2:A",
    ],
    [
      'inserting rows at the end of the grid',
      [
        {
          insertDimension: {
            range: { sheetId: 0, dimension: 'ROWS', startIndex: 10, endIndex: 11 },
          },
        },
      ],
      'use appendDimension',
    ],
    [
      'deleting every row',
      [
        {
          deleteDimension: {
            range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 10 },
          },
        },
      ],
      "You can't delete all the rows on the sheet.",
    ],
    ['an empty batch', [], 'Must specify at least one request.'],
  ])('refuses %s with 400', async (_what, requests, message) => {
    const before = standIn.dump(ID);
    const { status, error } = await refusal(batchUpdate(requests));
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: expect.stringContaining(message),
    });
    expect(standIn.dump(ID)).toBe(before);
  });

  it.each([
    [{ valueRenderOption: 'RAW' }, 'Invalid value at \'value_render_option\', "RAW"'],
    [{ majorDimension: 'ROW' }, 'Invalid value at \'major_dimension\', "ROW"'],
    [{ ranges: ['Nope!A1'] }, 'Unable to parse range: Nope!A1'],
    [
      { ranges: ["'دستگاه‌ها'!A1:F2"] },
      "Range ('دستگاه‌ها'!A1:F2) exceeds grid limits. Max rows: 10, max columns: 5",
    ],
    [{ ranges: ['Sheet1!A11'] }, 'exceeds grid limits'],
    [{ ranges: ["'Sheet1"] }, "Unable to parse range: 'Sheet1"],
  ])('refuses batchGet with %o', async (params, message) => {
    const { status, error } = await refusal(
      api.spreadsheets.values.batchGet({ spreadsheetId: ID, ranges: ['Sheet1'], ...params }),
    );
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: expect.stringContaining(message),
    });
  });

  it('refuses an unknown query parameter', async () => {
    const { status, error } = await refusal(
      api.spreadsheets.get({
        spreadsheetId: ID,
        includeGridDataa: true,
      } as sheets_v4.Params$Resource$Spreadsheets$Get),
    );
    expect(status).toBe(400);
    expect(error).toMatchObject({
      message: expect.stringContaining(
        'Unknown name "includeGridDataa": Cannot bind query parameter',
      ),
    });
  });

  it('refuses a field selection naming no field', async () => {
    const { status, error } = await refusal(
      api.spreadsheets.get({ spreadsheetId: ID, fields: 'sheets(properties(sheetId,colour))' }),
    );
    expect(status).toBe(400);
    expect(error).toMatchObject({ message: expect.stringContaining('"sheets.properties.colour"') });
  });

  it('refuses a request without the bearer token, or with another one', async () => {
    const anonymous = sheets({ version: 'v4', rootUrl: standIn.url, retry: false });
    expect(await refusal(anonymous.spreadsheets.get({ spreadsheetId: ID }))).toMatchObject({
      status: 401,
      error: { status: 'UNAUTHENTICATED' },
    });
    const other = new OAuth2Client();
    other.setCredentials({ access_token: 'someone-else' });
    const stranger = sheets({ version: 'v4', auth: other, rootUrl: standIn.url, retry: false });
    expect(await refusal(stranger.spreadsheets.get({ spreadsheetId: ID }))).toMatchObject({
      status: 401,
      error: { message: 'Request had invalid authentication credentials.' },
    });
  });

  it('applies a batch whole or not at all', async () => {
    const before = standIn.dump(ID);
    const { status } = await refusal(
      batchUpdate([
        { addSheet: { properties: { title: 'new tab' } } },
        { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 5 } },
        { addSheet: { properties: { title: 'NEW TAB' } } },
      ]),
    );
    expect(status).toBe(400);
    expect(standIn.dump(ID)).toBe(before);
  });
});

describe('the Sheets stand-in answers like the API', () => {
  it('honours a fields mask on get', async () => {
    const { data } = await api.spreadsheets.get({
      spreadsheetId: ID,
      fields: 'sheets(properties(sheetId,title,gridProperties(rowCount)))',
    });
    expect(data).toEqual({
      sheets: [
        { properties: { sheetId: 0, title: 'Sheet1', gridProperties: { rowCount: 10 } } },
        {
          properties: { sheetId: 1_000_001, title: 'دستگاه‌ها', gridProperties: { rowCount: 10 } },
        },
      ],
    });
  });

  it('reads ranges with quoted titles, render options and both major dimensions', async () => {
    const { data } = await api.spreadsheets.values.batchGet({
      spreadsheetId: ID,
      ranges: ["'دستگاه‌ها'", 'Sheet1!B1:B2', 'A2'],
      valueRenderOption: 'FORMATTED_VALUE',
      majorDimension: 'COLUMNS',
    });
    expect(data.valueRanges).toEqual([
      { range: "'دستگاه‌ها'!A1:E10", majorDimension: 'COLUMNS', values: [['شناسه', 'a1']] },
      { range: 'Sheet1!B1:B2', majorDimension: 'COLUMNS', values: [['1', '2']] },
      { range: 'Sheet1!A2:A2', majorDimension: 'COLUMNS', values: [['b']] },
    ]);
  });

  it('answers injected faults in Google’s error shape, and counts every request', async () => {
    standIn.resetLog();
    standIn.inject({ status: 503, times: 2, methods: ['get'] });
    expect(await refusal(api.spreadsheets.get({ spreadsheetId: ID }))).toEqual({
      status: 503,
      error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
    });
    await refusal(api.spreadsheets.get({ spreadsheetId: ID }));
    await api.spreadsheets.get({ spreadsheetId: ID });
    expect(standIn.count('get')).toBe(3);
    expect(standIn.log.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('runs the store’s kinds of request: insert, delete and append rows, updateCells by range', async () => {
    await batchUpdate([
      {
        insertDimension: {
          range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 },
          inheritFromBefore: true,
        },
      },
      {
        updateCells: {
          range: {
            sheetId: 0,
            startRowIndex: 1,
            endRowIndex: 3,
            startColumnIndex: 0,
            endColumnIndex: 3,
          },
          rows: [{ values: [{ userEnteredValue: { stringValue: 'new' } }] }],
          fields: 'userEnteredValue',
        },
      },
      { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 1 } } },
      { appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 2 } },
    ]);
    expect(standIn.tabRows(ID, 'Sheet1')).toEqual([['new'], [], ['b', 2]]);
    const grid = standIn.spreadsheet(ID).sheets[0]?.properties.gridProperties;
    expect(grid).toEqual({ rowCount: 11, columnCount: 7 });
  });

  it('appends cells after the last row with data, formats by repeatCell, renames by updateSheetProperties', async () => {
    const { data } = await batchUpdate([
      {
        appendCells: {
          sheetId: 0,
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: 'c' } },
                { userEnteredValue: { numberValue: 3 } },
              ],
            },
          ],
          fields: 'userEnteredValue',
        },
      },
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: 0, title: 'برگه', gridProperties: { frozenRowCount: 1 } },
          fields: 'title,gridProperties.frozenRowCount',
        },
      },
      { addProtectedRange: { protectedRange: { range: { sheetId: 0 }, warningOnly: false } } },
    ]);
    expect(data.replies).toEqual([
      {},
      {},
      {},
      {
        addProtectedRange: {
          protectedRange: {
            protectedRangeId: 1,
            range: { sheetId: 0 },
            warningOnly: false,
            // The account adding a protection is always one of its editors.
            editors: { users: [STAND_IN_OWNER] },
            requestingUserCanEdit: true,
          },
        },
      },
    ]);
    expect(standIn.tabRows(ID, 'برگه')).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(standIn.cell(ID, 'برگه', 'B1')).toEqual({
      userEnteredValue: { numberValue: 1 },
      userEnteredFormat: { textFormat: { bold: true } },
    });
    expect(standIn.cell(ID, 'برگه', 'A2')).toEqual({ userEnteredValue: { stringValue: 'b' } });
    expect(standIn.spreadsheet(ID).sheets[0]?.properties.gridProperties).toEqual({
      rowCount: 10,
      columnCount: 5,
      frozenRowCount: 1,
    });
  });
});
