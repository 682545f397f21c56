/**
 * `karnameh init --sheet` against the Sheets stand-in: an empty spreadsheet gets every tab
 * with Persian headers, right to left, default bands and settings, validation on the
 * scores tab, band colours in results and protected output tabs; a second init changes
 * nothing; a partly set-up sheet keeps every cell it had.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { CellValue, RawWorkbook } from '../../../functions/core/contract/cells.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import {
  DEFAULT_BANDS,
  INPUT_TABS,
  TABS,
  type TabKey,
} from '../../../functions/core/contract/tabs.ts';
import { calls, scratchDir, standInEnv, type Scratch } from '../../support/sheets-cli.ts';
import {
  STAND_IN_OWNER,
  startSheetsStandIn,
  type SheetsStandIn,
} from '../../support/sheets-stand-in.ts';
import type { StandInSheet } from '../../support/stand-in-model.ts';
import { EXAMPLE, karnameh } from '../../support/cli-harness.ts';

/** The account the functions run as (a bare token does not say). */
const FUNCTIONS_ACCOUNT = 'karnameh@ilam-pr.iam.gserviceaccount.com';
const LAYOUT: TabKey[] = [...INPUT_TABS, 'results', 'problems', 'runs'];
const TITLES = LAYOUT.map((key) => TABS[key].label);

let standIn: SheetsStandIn;
let box: Scratch;
let example: RawWorkbook;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  box = await scratchDir();
  example = await createXlsxStore(EXAMPLE).read();
});
afterAll(async () => {
  await standIn?.close();
  await box?.cleanup();
});

async function init(sheet: string, ...more: string[]) {
  standIn.resetLog();
  const result = await karnameh(
    ['init', '--sheet', sheet, '--editor', FUNCTIONS_ACCOUNT, ...more],
    standInEnv(standIn),
  );
  expect(result.code, result.stderr).toBe(0);
  return result;
}

function sheetOf(id: string, title: string): StandInSheet {
  const sheet = standIn.spreadsheet(id).sheets.find((s) => s.properties.title === title);
  if (!sheet) throw new Error(`no tab ${title} in ${id}`);
  return sheet;
}

const validation = (id: string, a1: string) =>
  standIn.cell(id, TABS.scores.label, a1)?.dataValidation as
    { condition: { type: string; values: { userEnteredValue: string }[] } } | undefined;

/** Rows as the stand-in reads them back: blank cells null, trailing blanks dropped. */
const trimmed = (rows: CellValue[][]) =>
  rows.map((row) => {
    const cells = row.map((c) => (c === '' ? null : c));
    while (cells.length > 0 && cells.at(-1) === null) cells.pop();
    return cells;
  });

describe('karnameh init --sheet on an empty spreadsheet', () => {
  const ID = 'init-empty-sheet';
  let after: string;

  beforeAll(async () => {
    standIn.loadWorkbook(ID, { tabs: [] });
    const result = await init(ID);
    expect(result.stderr).toContain('tabs added: تنظیمات، شاخص‌ها');
    expect(calls(standIn)).toEqual(['get 200', 'batchUpdate 200']);
    after = standIn.dump(ID);
  });

  it('adds every tab, right to left, with its Persian header frozen and bold', () => {
    expect(standIn.spreadsheet(ID).sheets.map((s) => s.properties.title)).toEqual([
      'Sheet1',
      ...TITLES,
    ]);
    for (const key of LAYOUT) {
      const sheet = sheetOf(ID, TABS[key].label);
      expect(sheet.properties).toMatchObject({
        rightToLeft: true,
        gridProperties: { frozenRowCount: 1 },
      });
      expect(standIn.tabRows(ID, TABS[key].label)[0]).toEqual(
        TABS[key].columns.map((c) => c.label),
      );
      expect(standIn.cell(ID, TABS[key].label, 'A1')?.userEnteredFormat).toEqual({
        textFormat: { bold: true },
      });
    }
  });

  it('writes the default bands and settings', () => {
    expect(standIn.tabRows(ID, 'سطوح').slice(1)).toEqual(
      DEFAULT_BANDS.map((b) => [b.label, b.min]),
    );
    expect(standIn.tabRows(ID, 'تنظیمات').slice(1)).toEqual([
      ['استان'],
      ['سخنگو'],
      ['سمت سخنگو'],
      ['روش رتبه‌بندی', 'فشرده'],
      ['تعداد رتبه‌ها', 3],
      ['تعداد سطوح ضعیف', 2],
      ['محورهای خبر'],
      ['کارنامه دستگاه‌ها'],
      ['درخواست اجرا'],
      ['وضعیت اجرا'],
      ['منبع خبر'],
      ['هدف ارزیابی'],
      ['مهلت ثبت'],
      ['روزهای یادآوری'],
      ['ویرایشگران'],
      ['روز باز شدن'],
      ['جدول عمومی'],
      ['دبیرخانه'],
      ['راه تماس'],
    ]);
  });

  it('validates the month and agency columns of the scores tab', () => {
    expect(validation(ID, 'A2')?.condition.type).toBe('CUSTOM_FORMULA');
    expect(validation(ID, 'B2')?.condition).toEqual({
      type: 'ONE_OF_RANGE',
      values: [{ userEnteredValue: "='دستگاه‌ها'!A2:A" }],
    });
    expect(validation(ID, 'A1')).toBeUndefined();
  });

  it('colours the bands in results and protects the output tabs only', () => {
    const results = sheetOf(ID, 'نتایج');
    const band = TABS.results.columns.findIndex((c) => c.key === 'band');
    const rules = results.conditionalFormats as {
      ranges: { startColumnIndex: number }[];
      booleanRule: { condition: { values: { userEnteredValue: string }[] } };
    }[];
    expect(rules.map((r) => r.ranges.map((g) => g.startColumnIndex))).toEqual(
      DEFAULT_BANDS.map(() => [band]),
    );
    expect(rules.map((r) => r.booleanRule.condition.values[0]?.userEnteredValue)).toEqual(
      DEFAULT_BANDS.map((b) => b.label),
    );
    for (const key of LAYOUT) {
      const protectedRanges = sheetOf(ID, TABS[key].label).protectedRanges;
      expect(
        protectedRanges.map((p) => p.warningOnly),
        key,
      ).toEqual(TABS[key].output ? [false] : []);
    }
  });

  it('changes nothing when run again: one get, no batchUpdate', async () => {
    const again = await init(ID);
    expect(again.stderr).toContain('nothing to change');
    expect(calls(standIn)).toEqual(['get 200']);
    expect(standIn.dump(ID)).toBe(after);
  });
});

describe('karnameh init --example --sheet on an empty spreadsheet', () => {
  const ID = 'init-example-sheet';

  beforeAll(async () => {
    standIn.loadWorkbook(ID, { tabs: [] });
    await init(ID, '--example');
  });

  it('holds the example’s input tabs as they are', () => {
    for (const key of INPUT_TABS) {
      expect(standIn.tabRows(ID, TABS[key].label), key).toEqual(
        trimmed(findTab(example, key)?.rows ?? []),
      );
    }
  });

  it('bounds each score column by its indicator’s max', () => {
    const indicators = findTab(example, 'indicators')?.rows.slice(1) ?? [];
    const header = standIn.tabRows(ID, 'امتیازها')[0] ?? [];
    expect(indicators).toHaveLength(20);
    for (const [code, , , max] of indicators) {
      const column = header.indexOf(code ?? null);
      expect(column, String(code)).toBeGreaterThan(1);
      const letter = String.fromCharCode(65 + column);
      expect(validation(ID, `${letter}2`)?.condition).toEqual({
        type: 'NUMBER_BETWEEN',
        values: [{ userEnteredValue: '0' }, { userEnteredValue: String(max) }],
      });
    }
  });

  it('gives the same dry run as the example file, and a second init writes nothing', async () => {
    const args = ['--month', '1403-04', '--dry-run', '--json', '--outbox', box.outbox];
    const sheet = await karnameh(['run', '--sheet', ID, ...args], standInEnv(standIn));
    const file = await karnameh(['run', '--workbook', EXAMPLE, ...args]);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(sheet.stdout).toBe(file.stdout);

    const before = standIn.dump(ID);
    await init(ID, '--example');
    expect(calls(standIn)).toEqual(['get 200']);
    expect(standIn.dump(ID)).toBe(before);
  });
});

describe('karnameh init --example --sheet on a partly set-up spreadsheet', () => {
  const ID = 'init-partial-sheet';
  const existing: RawWorkbook = {
    tabs: [
      {
        name: 'Settings',
        rows: [
          ['key', 'value'],
          ['province', 'کرمانشاه'],
          ['top', 5],
        ],
      },
      {
        name: 'دستگاه ها',
        rows: [
          ['نام', 'شناسه', 'گروه'],
          ['اداره کل بهزیستی', 'k01', 'دستگاه اجرایی'],
        ],
      },
      {
        name: 'نتايج',
        rows: [
          ['ماه', 'دستگاه'],
          ['1403-03', 'k01'],
        ],
      },
      { name: 'یادداشت', rows: [['=SUM(1,2)'], [null, 'متن']] },
    ],
  };
  let before: StandInSheet[];

  beforeAll(async () => {
    standIn.loadWorkbook(ID, existing);
    before = structuredClone(standIn.spreadsheet(ID).sheets);
    await init(ID, '--example');
    // The existing agencies tab's header row is read to find its id column.
    expect(calls(standIn)).toEqual(['get 200', 'values.batchGet 200', 'batchUpdate 200']);
  });

  it('adds only the missing tabs and leaves every existing tab as it was, but for its mark', () => {
    const sheets = standIn.spreadsheet(ID).sheets;
    expect(sheets.map((s) => s.properties.title)).toEqual([
      'Settings',
      'دستگاه ها',
      'نتايج',
      'یادداشت',
      'شاخص‌ها',
      'سطوح',
      'امتیازها',
      'گیرندگان',
      'خطاها',
      'اجراها',
    ]);
    const unmarked = sheets.slice(0, 4).map(({ developerMetadata: _m, ...rest }) => rest);
    expect(JSON.parse(JSON.stringify(unmarked))).toEqual(JSON.parse(JSON.stringify(before)));
    // The product's tabs found by their titles are marked as theirs; the notes tab is not.
    expect(sheets.map((s) => s.developerMetadata?.map((m) => m.metadataValue) ?? [])).toEqual([
      ['settings'],
      ['agencies'],
      ['results'],
      [],
      ['indicators'],
      ['bands'],
      ['scores'],
      ['recipients'],
      ['problems'],
      ['runs'],
    ]);
  });

  it('points the agency check of the new scores tab at the existing agencies tab’s id column', () => {
    expect(validation(ID, 'B2')?.condition).toEqual({
      type: 'ONE_OF_RANGE',
      values: [{ userEnteredValue: "='دستگاه ها'!B2:B" }],
    });
  });
});

describe('karnameh init --sheet and the account the functions run as', () => {
  it('stops and asks for it when a bare token cannot say, writing nothing', async () => {
    const ID = 'init-no-editor-sheet';
    standIn.loadWorkbook(ID, { tabs: [] });
    const before = standIn.dump(ID);
    standIn.resetLog();
    const result = await karnameh(['init', '--sheet', ID], standInEnv(standIn));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`--editor karnameh@PROJECT.iam.gserviceaccount.com`);
    expect(result.stderr).toContain('[config.invalid]');
    expect(calls(standIn)).toEqual(['get 200']);
    expect(standIn.dump(ID)).toBe(before);
  });

  it('takes it from KARNAMEH_EDITOR, and refuses one that is not an email address', async () => {
    const ID = 'init-env-editor-sheet';
    standIn.loadWorkbook(ID, { tabs: [] });
    const env = { ...standInEnv(standIn), KARNAMEH_EDITOR: FUNCTIONS_ACCOUNT };
    expect((await karnameh(['init', '--sheet', ID], env)).code).toBe(0);
    expect(sheetOf(ID, 'نتایج').protectedRanges[0]?.editors).toEqual({
      users: [FUNCTIONS_ACCOUNT, STAND_IN_OWNER],
    });
    const bad = await karnameh(
      ['init', '--sheet', ID, '--editor', 'karnameh'],
      standInEnv(standIn),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--editor is not an email address');
  });
});
