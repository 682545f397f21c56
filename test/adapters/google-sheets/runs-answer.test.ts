/**
 * Runs rows in a Google Sheet at the fewest calls (issue 12, "Cost") without losing a row:
 * a write that only adds rows goes without a read, rows land after whatever another run
 * appended in between, and the batch answers with the runs tab as it left it (the stand-in
 * answering `includeSpreadsheetInResponse` as Google does).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  runsRows,
  type RunStatus,
  type RunsEntry,
} from '../../../functions/core/contract/runs-log.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { smallWorkbook, standInStore, standInApi } from '../../support/sheets-fixtures.ts';

let standIn: SheetsStandIn;
let api: sheets_v4.Sheets;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  api = standInApi(standIn);
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => {
  standIn.clearFaults();
  standIn.resetLog();
});

const RUNS = TABS.runs.label;
const HEADER = TABS.runs.columns.map((c) => c.label);

/** A runs row (every cell filled, so the tab reads back as written; `all`: the run row). */
function row(runId: string, status: RunStatus = 'started', recipient = 'all'): RunsEntry {
  return {
    runId,
    month: '1403-04',
    at: '2024-07-25T08:00:00.000Z',
    kind: recipient === 'all' ? 'run' : 'release',
    status,
    recipient,
    requestedBy: 'cli',
    contentHash: 'd1',
    detail: 'x',
  };
}

/** The small workbook with a runs tab holding its header (as `init` lays it out). */
function load(id: string): void {
  const { tabs } = smallWorkbook();
  standIn.loadWorkbook(id, { tabs: [...tabs, { name: RUNS, rows: [HEADER] }] });
}

const methods = () => standIn.log.map((r) => r.method);
const runsTab = (id: string) => standIn.tabRows(id, RUNS);

describe('the stand-in answers a batchUpdate with the spreadsheet as the batch left it', () => {
  it('the tabs of responseRanges, their cells after the batch, as a fields mask selects them', async () => {
    load('answer-1');
    const sheetId = standIn.spreadsheet('answer-1').sheets.find((s) => s.properties.title === RUNS)
      ?.properties.sheetId;
    const { data } = await api.spreadsheets.batchUpdate({
      spreadsheetId: 'answer-1',
      fields:
        'updatedSpreadsheet(sheets(properties(sheetId,title),data(rowData(values(effectiveValue)))))',
      requestBody: {
        requests: [
          {
            appendCells: {
              sheetId,
              rows: [{ values: [{ userEnteredValue: { stringValue: 'r-1' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
        includeSpreadsheetInResponse: true,
        responseRanges: [`'${RUNS}'`],
        responseIncludeGridData: true,
      },
    });
    const tabs = data.updatedSpreadsheet?.sheets ?? [];
    expect(tabs.map((s) => s.properties?.title)).toEqual([RUNS]);
    const rows = tabs[0]?.data?.[0]?.rowData ?? [];
    expect(rows.map((r) => r.values?.[0]?.effectiveValue)).toEqual([
      { stringValue: HEADER[0] },
      { stringValue: 'r-1' },
    ]);
    expect(data.replies).toBeUndefined(); // the mask left them out
  });

  it('refuses the whole batch when a response range names no tab, applying nothing', async () => {
    load('answer-2');
    const sheetId = standIn.spreadsheet('answer-2').sheets.find((s) => s.properties.title === RUNS)
      ?.properties.sheetId;
    const call = api.spreadsheets.batchUpdate({
      spreadsheetId: 'answer-2',
      requestBody: {
        requests: [
          {
            appendCells: {
              sheetId,
              rows: [{ values: [{ userEnteredValue: { stringValue: 'r-1' } }] }],
              fields: 'userEnteredValue',
            },
          },
        ],
        includeSpreadsheetInResponse: true,
        responseRanges: ["'No such tab'"],
      },
    });
    await expect(call).rejects.toMatchObject({ status: 400 });
    expect(runsTab('answer-2')).toEqual([HEADER]);
  });
});

describe('SheetsStore runs rows without a read', () => {
  it('a write that only adds rows sends the batch alone, its rows land after rows another run added since, and the answer shows both', async () => {
    load('answer-3');
    const mine = standInStore(standIn, 'answer-3');
    const other = standInStore(standIn, 'answer-3');
    await mine.read();
    await other.read();
    await other.write({ outputs: {}, runs: [row('r-other')] });
    standIn.resetLog();
    // Mine read before r-other was there: its batch carries the marker it read, refused
    // once another write moved it, then planned again against the tab as it is.
    const report = await mine.write({ outputs: {}, runs: [row('r-mine')] });
    expect(standIn.log.map((r) => `${r.method} ${r.status}`)).toEqual([
      'batchUpdate 400',
      'get 200',
      'values.batchGet 200', // the read again (every tab)
      'values.batchGet 200', // the runs tab as it is
      'batchUpdate 200',
    ]);
    expect(runsTab('answer-3')).toEqual(runsRows([row('r-other'), row('r-mine')]));
    expect(report.runsLanded?.rows).toEqual(runsRows([row('r-other'), row('r-mine')]));
    // With nobody in between, adding rows is one batchUpdate, and its answer is the tab.
    standIn.resetLog();
    const pending = [row('r-mine', 'pending', 'a@x.org'), row('r-mine', 'pending', 'b@x.org')];
    const next = await mine.write({ outputs: {}, runs: pending });
    expect(methods()).toEqual(['batchUpdate']);
    const all = runsRows([row('r-other'), row('r-mine'), ...pending]);
    expect(runsTab('answer-3')).toEqual(all);
    expect(next.runsLanded?.rows).toEqual(all);
  });

  it('a write that updates its rows reads the tab first, so rows another run added stay', async () => {
    load('answer-4');
    const mine = standInStore(standIn, 'answer-4');
    const other = standInStore(standIn, 'answer-4');
    await mine.read();
    await other.read();
    await mine.write({ outputs: {}, runs: [row('r-mine'), row('r-mine', 'pending', 'a@x.org')] });
    await other.write({ outputs: {}, runs: [row('r-other')] });
    standIn.resetLog();
    const sent = row('r-mine', 'sent', 'a@x.org');
    await mine.write({ outputs: {}, runs: [row('r-mine', 'sent'), sent] });
    expect(methods()).toEqual(['values.batchGet', 'batchUpdate']);
    expect(runsTab('answer-4')).toEqual(runsRows([row('r-mine', 'sent'), sent, row('r-other')]));
  });

  it('after a write that failed (it may have landed), the next one reads the tab first', async () => {
    load('answer-5');
    const store = standInStore(standIn, 'answer-5', { retry: { attempts: 2 } });
    await store.read();
    standIn.inject({ status: 503, times: Infinity, methods: ['batchUpdate'] });
    await expect(store.write({ outputs: {}, runs: [row('r-1')] })).rejects.toThrow();
    standIn.clearFaults();
    standIn.resetLog();
    await store.write({ outputs: {}, runs: [row('r-1', 'failed')] });
    expect(methods()).toEqual(['values.batchGet', 'batchUpdate']);
    expect(runsTab('answer-5')).toEqual(runsRows([row('r-1', 'failed')]));
  });
});
