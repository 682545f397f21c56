import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CellValue, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { runsRows, type RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import {
  MONTHS,
  RESULTS_HEADER,
  bigResults,
  defined,
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

const INPUT_TITLES = ['تنظیمات', 'شاخص‌ها', 'دستگاه‌ها', 'امتیازها', "Ali's notes", 'Empty'];

/** Every input tab's sheet as JSON (properties and cells), to compare before and after. */
function inputTabs(id: string): string[] {
  return INPUT_TITLES.map((title) =>
    JSON.stringify(standIn.spreadsheet(id).sheets.find((s) => s.properties.title === title)),
  );
}

/** A runs row of run `runId` (every cell filled, so the tab reads back as written). */
function runRow(runId: string, month: string): RunsEntry {
  return {
    runId,
    month,
    at: '2024-07-25T08:00:00.000Z',
    kind: 'run',
    status: 'sent',
    recipient: 'all',
    requestedBy: 'cli',
    contentHash: 'd1',
    detail: 'x',
  };
}

function batchUpdates() {
  return standIn.log.filter((r) => r.method === 'batchUpdate');
}

function requestKinds(body: unknown): string[] {
  const requests = (body as { requests: object[] }).requests;
  return requests.map((r) => Object.keys(r)[0] ?? '');
}

describe('SheetsStore.write', () => {
  it('replaces the output tabs in one batchUpdate, adding the missing ones, and leaves the input tabs alone', async () => {
    standIn.loadWorkbook('w-1', smallWorkbook());
    const store = standInStore(standIn, 'w-1');
    const before = inputTabs('w-1');
    await store.read();
    standIn.resetLog();

    const results: CellValue[][] = [RESULTS_HEADER, ...monthBlock('1403-04', 3, 'r-1')];
    const problems: CellValue[][] = [
      ['نوع', 'کد', 'برگه', 'خانه', 'شرح'],
      ['error', 'score.not_number', 'امتیازها', 'D2', 'مقدار «x» عدد نیست'],
    ];
    const runs = [runRow('r-1', '1403-04')];
    const report = await store.write({ outputs: { results, problems }, runs });

    expect(report.location).toBe('Google Sheet w-1');
    expect(batchUpdates()).toHaveLength(1);
    // The read saw no runs tab: the batch adds it (Google refuses a second tab of that
    // title, so a tab another run added meanwhile is never doubled), no read first; the
    // rows are all this write's, so the report holds the tab as it landed.
    expect(standIn.log.map((r) => r.method)).toEqual(['batchUpdate']);
    expect(report.runsLanded).toEqual({ name: 'اجراها', rows: runsRows(runs) });
    // Each tab added is marked as the product's as it is made (its key, on the sheet).
    expect(requestKinds(batchUpdates()[0]?.body).slice(0, 4)).toEqual([
      'addSheet',
      'createDeveloperMetadata',
      'addSheet',
      'createDeveloperMetadata',
    ]);
    expect(standIn.tabRows('w-1', 'نتایج')).toEqual(results);
    expect(standIn.tabRows('w-1', 'خطاها')).toEqual(problems);
    expect(standIn.tabRows('w-1', 'اجراها')).toEqual(runsRows(runs));
    const added = standIn
      .spreadsheet('w-1')
      .sheets.filter((s) => ['خطاها', 'اجراها'].includes(s.properties.title));
    expect(
      added.map((s) => [s.properties.rightToLeft, s.properties.gridProperties.frozenRowCount]),
    ).toEqual([
      [true, 1],
      [true, 1],
    ]);
    expect(
      added.map((s) => s.developerMetadata?.map((m) => [m.metadataKey, m.metadataValue])),
    ).toEqual([[['karnameh.tab', 'problems']], [['karnameh.tab', 'runs']]]);
    expect(inputTabs('w-1')).toEqual(before);
  });

  it('keeps formula-like and HTML-like text as text, never a formula', async () => {
    standIn.loadWorkbook('w-2', smallWorkbook());
    const store = standInStore(standIn, 'w-2');
    const tricky: CellValue[][] = [
      ['شرح', 'عدد'],
      ['=HYPERLINK("http://evil.example","click")', 1],
      ['+SUM(A1:A2)', -2.5],
      ['<script>alert(1)</script>', true],
      ['@import', false],
      ["'quoted", 0],
    ];
    await store.write({ outputs: { problems: tricky } });
    expect(standIn.tabRows('w-2', 'خطاها')).toEqual(tricky);
    expect(standIn.cell('w-2', 'خطاها', 'A2')).toEqual({
      userEnteredValue: { stringValue: '=HYPERLINK("http://evil.example","click")' },
    });
    const read = await standInStore(standIn, 'w-2').read();
    expect(read.tabs.find((t) => t.name === 'خطاها')?.rows).toEqual(tricky);
  });

  it('reads first when there is no snapshot, then writes once (get + batchGet + batchUpdate)', async () => {
    standIn.loadWorkbook('w-3', smallWorkbook());
    await standInStore(standIn, 'w-3').write({ outputs: { problems: [['x']] } });
    expect(standIn.log.map((r) => r.method)).toEqual(['get', 'values.batchGet', 'batchUpdate']);
  });

  it('sends nothing when the outputs are already as asked', async () => {
    standIn.loadWorkbook('w-4', smallWorkbook());
    const store = standInStore(standIn, 'w-4');
    const results = defined(smallWorkbook().tabs.find((t) => t.name === 'نتایج')).rows;
    await store.read();
    standIn.resetLog();
    const report = await store.write({ outputs: { results } });
    expect(standIn.count()).toBe(0);
    expect(report.note).toBe('nothing to change');
  });

  it('writes a settings value into that one cell and nothing else', async () => {
    standIn.loadWorkbook('w-5', smallWorkbook());
    const store = standInStore(standIn, 'w-5');
    const before = standIn.dump('w-5');
    await store.read();
    standIn.resetLog();
    await store.write({ outputs: {}, settings: [{ key: 'run_request', value: '' }] });

    const [batch] = batchUpdates();
    expect(batch?.body).toEqual({
      requests: [
        {
          updateCells: {
            range: {
              sheetId: 0,
              startRowIndex: 4,
              endRowIndex: 5,
              startColumnIndex: 1,
              endColumnIndex: 2,
            },
            rows: [{ values: [{}] }],
            fields: 'userEnteredValue',
          },
        },
      ],
    });
    const expected = JSON.parse(before) as { sheets: { rows: unknown[][] }[] };
    defined(expected.sheets[0]).rows[4] = [
      { userEnteredValue: { stringValue: 'درخواست اجرا' } },
      undefined,
    ];
    expect(JSON.parse(standIn.dump('w-5'))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('matches settings keys in English or Persian, and appends a row for a key that is absent', async () => {
    const workbook: RawWorkbook = {
      tabs: [
        {
          name: 'Settings',
          rows: [
            ['Key', 'Value'],
            ['province', 'ایلام'],
            ['run_request', '1403-04'],
          ],
        },
      ],
    };
    standIn.loadWorkbook('w-6', workbook, { rowCount: 3 });
    const store = standInStore(standIn, 'w-6');
    await store.write({
      outputs: {},
      settings: [
        { key: 'run_request', value: '' },
        { key: 'run_status', value: 'sent 1403-04' },
      ],
    });
    expect(standIn.tabRows('w-6', 'Settings')).toEqual([
      ['Key', 'Value'],
      ['province', 'ایلام'],
      ['run_request'],
      ['وضعیت اجرا', 'sent 1403-04'],
    ]);
    // A row appended is not idempotent: the batch carries the write marker.
    expect(requestKinds(batchUpdates()[0]?.body)).toEqual([
      'createDeveloperMetadata',
      'updateCells',
      'appendDimension',
      'updateCells',
      'updateCells',
    ]);
  });

  it('refuses settings updates without a settings tab, writing nothing', async () => {
    standIn.loadWorkbook('w-7', { tabs: [{ name: 'Sheet1', rows: [['a']] }] });
    const before = standIn.dump('w-7');
    const store = standInStore(standIn, 'w-7');
    await expect(
      store.write({
        outputs: { problems: [['x']] },
        settings: [{ key: 'run_status', value: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'source.write_failed' });
    expect(batchUpdates()).toHaveLength(0);
    expect(standIn.dump('w-7')).toBe(before);
  });

  it('writes a change over 2 MB (Google refuses only above 10 MiB) in one atomic batch', async () => {
    standIn.loadWorkbook('w-9', smallWorkbook());
    const store = standInStore(standIn, 'w-9');
    await store.read();
    standIn.resetLog();
    const results = [RESULTS_HEADER, ...monthBlock('1403-04', 3_500, 'r-20240725-081530-3fa2')];
    await store.write({ outputs: { results } });
    const [batch, ...more] = batchUpdates();
    expect(more).toHaveLength(0);
    expect(batch).toMatchObject({ status: 200 });
    expect(batch?.bodyBytes).toBeGreaterThan(2_000_000);
    expect(standIn.tabRows('w-9', 'نتایج')).toEqual(results);
  });

  it('refuses a change over 10 MiB before sending anything, saying what to do', async () => {
    standIn.loadWorkbook('w-10', smallWorkbook());
    const store = standInStore(standIn, 'w-10');
    await store.read();
    standIn.resetLog();
    const before = standIn.dump('w-10');
    const results = [RESULTS_HEADER, ...monthBlock('1403-04', 17_000, 'r-20240725-081530-3fa2')];
    await expect(store.write({ outputs: { results } })).rejects.toMatchObject({
      code: 'source.write_failed',
      message: expect.stringMatching(
        /^The change to Google Sheet w-10 needs a request of \d+ bytes, more than the 10485760 bytes \(10 MiB\) Google accepts in one atomic batch; nothing was written\. Remove old months/,
      ),
    });
    expect(standIn.count()).toBe(0);
    expect(standIn.dump('w-10')).toBe(before);
  });

  it('writes several times in a row from its own snapshot, each time the smallest edit', async () => {
    standIn.loadWorkbook('w-8', smallWorkbook());
    const store = standInStore(standIn, 'w-8');
    const problems: CellValue[][] = [['نوع', 'کد']];
    for (let i = 1; i <= 3; i++) {
      problems.push([`error`, `code.${i}`]);
      await store.write({ outputs: { problems } });
      expect(standIn.tabRows('w-8', 'خطاها')).toEqual(problems);
    }
    const last = batchUpdates().at(-1)?.body as { requests: { updateCells?: { range: object } }[] };
    expect(last.requests).toEqual([
      {
        updateCells: expect.objectContaining({
          range: {
            sheetId: 1_000_007,
            startRowIndex: 3,
            endRowIndex: 4,
            startColumnIndex: 0,
            endColumnIndex: 2,
          },
        }),
      },
    ]);
    expect(standIn.log.filter((r) => r.method === 'get')).toHaveLength(1);
  });

  it('appends runs rows with appendCells and updates its own rows in place, against the tab as it is at write time', async () => {
    standIn.loadWorkbook('w-10', smallWorkbook());
    const mine = standInStore(standIn, 'w-10');
    const other = standInStore(standIn, 'w-10');
    await mine.read();
    await other.read();
    const a = runRow('r-a', '1403-04');
    await mine.write({ outputs: {}, runs: [a] });
    // The other store read before that row was there; its write keeps it.
    const b = runRow('r-b', '1403-04');
    await other.write({ outputs: {}, runs: [b] });
    await mine.write({ outputs: {}, runs: [{ ...a, status: 'partial', detail: 'updated' }] });
    expect(standIn.tabRows('w-10', 'اجراها')).toEqual(
      runsRows([{ ...a, status: 'partial', detail: 'updated' }, b]),
    );
    const last = batchUpdates().at(-1)?.body;
    expect(requestKinds(last)).toEqual(['updateCells']);
    const appendOfB = batchUpdates().at(-2)?.body;
    // appending rows carries the write marker (write-marker.ts): it cannot land twice
    expect(requestKinds(appendOfB)).toEqual(['createDeveloperMetadata', 'appendCells']);
  });
});

describe('SheetsStore.write on a results tab of 2,000 agencies × 24 months', () => {
  const AGENCIES = 2_000;
  const big: RawWorkbook = {
    tabs: [
      ...smallWorkbook().tabs.filter((t) => t.name !== 'نتایج'),
      { name: 'نتایج', rows: bigResults(AGENCIES) },
      { name: 'اجراها', rows: [['شناسه اجرا', 'ماه'], ...MONTHS.map((m, i) => [`r-${i}`, m])] },
    ],
  };

  it('replaces one month block, appends to the runs tab, in one batchUpdate under 2 MB', async () => {
    standIn.loadWorkbook('big', big);
    const store = standInStore(standIn, 'big');
    const before = inputTabs('big');
    await store.read();
    standIn.resetLog();

    const changed = 7;
    const results = [
      RESULTS_HEADER,
      ...MONTHS.flatMap((m, i) =>
        i === changed
          ? monthBlock(m, AGENCIES - 5, 'r-20240725-081530-3fa2')
          : monthBlock(m, AGENCIES, 'r-old'),
      ),
    ];
    const runs = [
      ...defined(big.tabs.at(-1)).rows,
      ['r-20240725-081530-3fa2', defined(MONTHS[changed])],
    ];
    await store.write({
      outputs: { results },
      runs: [runRow('r-20240725-081530-3fa2', defined(MONTHS[changed]))],
    });

    const [batch, ...more] = batchUpdates();
    expect(more).toHaveLength(0);
    expect(batch?.bodyBytes).toBeLessThan(2_000_000);
    expect(batch?.bodyBytes).toBeGreaterThan(500_000);
    expect(requestKinds(batch?.body)).toEqual([
      'createDeveloperMetadata',
      'deleteDimension',
      'updateCells',
      'appendCells',
    ]);
    const runsEdit = (batch?.body as { requests: { appendCells?: { rows: unknown[] } }[] })
      .requests[3]?.appendCells;
    expect(runsEdit?.rows).toHaveLength(1);
    expect(standIn.tabRows('big', 'نتایج')).toEqual(results);
    expect(standIn.tabRows('big', 'اجراها')).toEqual(runs);
    expect(inputTabs('big')).toEqual(before);
  }, 120_000);
});
