import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { TIR_FIRST_SERIAL, smallWorkbook, standInStore } from '../../support/sheets-fixtures.ts';

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

describe('SheetsStore.read', () => {
  it('gives back the workbook loaded, every tab in order, over the real client', async () => {
    standIn.loadWorkbook('read-1', smallWorkbook());
    const store = standInStore(standIn, 'read-1');
    await expect(store.read()).resolves.toEqual(smallWorkbook());
  });

  it('makes exactly two calls: get with a fields mask, then one batchGet for all tabs', async () => {
    standIn.loadWorkbook('read-2', smallWorkbook());
    await standInStore(standIn, 'read-2').read();
    expect(standIn.log.map((r) => [r.method, r.status])).toEqual([
      ['get', 200],
      ['values.batchGet', 200],
    ]);
    const [get, batchGet] = standIn.log;
    expect(get?.query.get('fields')).toBe(
      'sheets(properties(sheetId,title,index,sheetType,gridProperties(rowCount,columnCount,frozenRowCount),rightToLeft),developerMetadata(metadataKey,metadataValue),merges(startRowIndex,endRowIndex,startColumnIndex,endColumnIndex)),developerMetadata(metadataId,metadataValue)',
    );
    expect(Object.fromEntries(batchGet?.query ?? [])).toMatchObject({
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
      majorDimension: 'ROWS',
    });
    expect(batchGet?.query.getAll('ranges')).toEqual([
      "'تنظیمات'",
      "'شاخص‌ها'",
      "'دستگاه‌ها'",
      "'امتیازها'",
      "'Ali''s notes'",
      "'Empty'",
      "'نتایج'",
    ]);
  });

  it('reads a merged range as its top-left value in every cell it covers (a merged group column)', async () => {
    const agencies = [
      ['شناسه', 'نام', 'گروه'],
      ['a1', 'اداره یک', 'دستگاه اجرایی'],
      ['a2', 'اداره دو'],
      ['a3', 'اداره سه', null],
      ['f1', 'فرمانداری یک', 'فرمانداری'],
    ];
    standIn.loadWorkbook(
      'read-merged',
      { tabs: [{ name: 'دستگاه‌ها', rows: agencies }] },
      { merges: { دستگاه‌ها: [{ startRow: 1, endRow: 4, startColumn: 2, endColumn: 3 }] } },
    );
    const store = standInStore(standIn, 'read-merged');
    const workbook = await store.read();
    expect(workbook.tabs[0]?.rows.map((r) => r[2] ?? null)).toEqual([
      'گروه',
      'دستگاه اجرایی',
      'دستگاه اجرایی',
      'دستگاه اجرایی',
      'فرمانداری',
    ]);
    expect(workbook.tabs[0]?.merges).toEqual([
      { startRow: 1, endRow: 4, startColumn: 2, endColumn: 3 },
    ]);
    expect(standIn.log).toHaveLength(2);
    // The sheet itself is left as it is.
    expect(standIn.tabRows('read-merged', 'دستگاه‌ها')[2]).toEqual(['a2', 'اداره دو']);
  });

  it('hands dates over as serial numbers, keeps blank rows as [] and blank cells as null', async () => {
    standIn.loadWorkbook('read-3', smallWorkbook('date'));
    const workbook = await standInStore(standIn, 'read-3').read();
    const scores = workbook.tabs.find((t) => t.name === 'امتیازها');
    expect(scores?.rows).toEqual([
      ['ماه', 'دستگاه', 'i1', 'i2', 'توضیحات'],
      [TIR_FIRST_SERIAL, 'a1', 7.5, '۸/۵'],
      [],
      ['تیر ۱۴۰۳', 'a2', null, 6, 'دیر رسید'],
    ]);
    const notes = workbook.tabs.find((t) => t.name === "Ali's notes");
    expect(notes?.rows).toEqual([[null, 'x'], [], [], ['=HYPERLINK("http://x")']]);
    expect(workbook.tabs.find((t) => t.name === 'Empty')?.rows).toEqual([]);
  });

  it('names itself by the spreadsheet id', () => {
    expect(standInStore(standIn, '1AbCdEf').description).toBe('Google Sheet 1AbCdEf');
  });
});
