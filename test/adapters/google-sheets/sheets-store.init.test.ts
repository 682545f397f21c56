import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BAND_COLOURS,
  monthFormula,
} from '../../../functions/adapters/google-sheets/init-requests.ts';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import {
  DEFAULT_BANDS,
  SETTING_KEYS,
  TABS,
  type TabKey,
} from '../../../functions/core/contract/tabs.ts';
import type { InitTemplate } from '../../../functions/ports.ts';
import {
  STAND_IN_OWNER,
  startSheetsStandIn,
  type SheetsStandIn,
} from '../../support/sheets-stand-in.ts';
import { defined, standInStore } from '../../support/sheets-fixtures.ts';

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

const ACCOUNT = 'karnameh@ilam-pr.iam.gserviceaccount.com';

/** Every tab with its Persian header, settings and bands filled, indicators i1 and i2. */
function template(): InitTemplate {
  const rows: Partial<Record<TabKey, CellValue[][]>> = {
    settings: Object.values(SETTING_KEYS).map((label) => [label, label === 'استان' ? 'ایلام' : '']),
    bands: DEFAULT_BANDS.map((b) => [b.label, b.min]),
  };
  return {
    tabs: (Object.keys(TABS) as TabKey[])
      .filter((key) => !TABS[key].optional)
      .map((key) => ({
        key,
        title: TABS[key].label,
        header:
          key === 'scores'
            ? ['ماه', 'دستگاه', 'i1', 'i2', 'توضیحات']
            : TABS[key].columns.map((c) => c.label),
        rows: rows[key] ?? [],
      })),
    indicatorMax: { i1: 10, i2: 7.5 },
  };
}

function serviceAccountAuth(): GoogleAuth {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: standIn.token });
  return new GoogleAuth({ authClient: client, credentials: { client_email: ACCOUNT } });
}

const sheetNamed = (id: string, title: string) =>
  standIn.spreadsheet(id).sheets.find((s) => s.properties.title === title);

describe('SheetsStore.init', () => {
  it('adds every tab, right to left, with a frozen bold header and the starting rows', async () => {
    standIn.loadWorkbook('i-1', { tabs: [{ name: 'Sheet1', rows: [] }] });
    const store = standInStore(standIn, 'i-1', { editor: ACCOUNT });
    const report = await store.init(template());
    expect(report.note).toBe(
      'tabs added: تنظیمات، شاخص‌ها، سطوح، دستگاه‌ها، امتیازها، گیرندگان، نتایج، خطاها، اجراها',
    );
    expect(standIn.log.map((r) => r.method)).toEqual(['get', 'batchUpdate']);
    const titles = standIn.spreadsheet('i-1').sheets.map((s) => s.properties.title);
    expect(titles).toEqual(['Sheet1', ...template().tabs.map((t) => t.title)]);
    for (const tab of template().tabs) {
      const sheet = defined(sheetNamed('i-1', tab.title), tab.title);
      expect(sheet.properties).toMatchObject({
        rightToLeft: true,
        gridProperties: { frozenRowCount: 1, rowCount: 1000, columnCount: 26 },
      });
      expect(standIn.tabRows('i-1', tab.title)).toEqual(
        [tab.header, ...tab.rows].map((row) => {
          const cells = row.map((c) => (c === '' ? null : c));
          while (cells.length > 0 && cells.at(-1) === null) cells.pop();
          return cells;
        }),
      );
      expect(standIn.cell('i-1', tab.title, 'A1')?.userEnteredFormat).toEqual({
        textFormat: { bold: true },
      });
    }
    const read = await store.read();
    expect(read.tabs.find((t) => t.name === 'سطوح')?.rows).toEqual([
      ['عنوان', 'حداقل امتیاز'],
      ...DEFAULT_BANDS.map((b) => [b.label, b.min]),
    ]);
  });

  it('validates the scores tab: indicator bounds, month forms, agency ids', async () => {
    standIn.loadWorkbook('i-2', { tabs: [{ name: 'Sheet1', rows: [] }] });
    await standInStore(standIn, 'i-2', { editor: ACCOUNT }).init(template());
    const at = (a1: string) => standIn.cell('i-2', 'امتیازها', a1)?.dataValidation;
    expect(at('C2')).toEqual({
      condition: {
        type: 'NUMBER_BETWEEN',
        values: [{ userEnteredValue: '0' }, { userEnteredValue: '10' }],
      },
      inputMessage: 'عددی از ۰ تا 10',
      strict: true,
    });
    expect(at('D1000')).toMatchObject({
      condition: {
        type: 'NUMBER_BETWEEN',
        values: [{ userEnteredValue: '0' }, { userEnteredValue: '7.5' }],
      },
      strict: true,
    });
    expect(at('A2')).toMatchObject({
      condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: monthFormula('A2') }] },
      strict: true,
    });
    expect(at('B500')).toMatchObject({
      condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: "='دستگاه‌ها'!A2:A" }] },
      showCustomUi: true,
    });
    expect([at('C1'), at('E2')]).toEqual([undefined, undefined]);
  });

  it('colours the band column of the results tab and protects the output tabs', async () => {
    standIn.loadWorkbook('i-3', { tabs: [{ name: 'Sheet1', rows: [] }] });
    const store = standInStore(standIn, 'i-3', {
      accessToken: undefined,
      auth: serviceAccountAuth(),
    });
    await store.init(template());
    const results = defined(sheetNamed('i-3', 'نتایج'), 'the results tab');
    const band = {
      sheetId: results.properties.sheetId,
      startRowIndex: 1,
      startColumnIndex: 6,
      endColumnIndex: 7,
    };
    expect(results.conditionalFormats).toEqual(
      DEFAULT_BANDS.map((b, i) => ({
        ranges: [band],
        booleanRule: {
          condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: b.label }] },
          format: { backgroundColor: BAND_COLOURS[i] },
        },
      })),
    );
    expect(new Set(BAND_COLOURS.map((c) => JSON.stringify(c))).size).toBe(DEFAULT_BANDS.length);
    for (const title of ['نتایج', 'خطاها', 'اجراها']) {
      const sheet = defined(sheetNamed('i-3', title), title);
      expect(sheet.protectedRanges).toEqual([
        expect.objectContaining({
          range: { sheetId: sheet.properties.sheetId },
          warningOnly: false,
          // The account that ran init is always an editor too.
          editors: { users: [ACCOUNT, STAND_IN_OWNER] },
        }),
      ]);
    }
    for (const title of ['تنظیمات', 'امتیازها']) {
      expect(sheetNamed('i-3', title)?.protectedRanges).toEqual([]);
    }
  });

  it('changes nothing the second time: a get and no batchUpdate', async () => {
    standIn.loadWorkbook('i-4', { tabs: [{ name: 'Sheet1', rows: [] }] });
    const store = standInStore(standIn, 'i-4', { editor: ACCOUNT });
    await store.init(template());
    const after = standIn.dump('i-4');
    standIn.resetLog();
    const report = await store.init(template());
    expect(standIn.log.map((r) => r.method)).toEqual(['get']);
    expect(report.note).toBe('nothing to change');
    expect(standIn.dump('i-4')).toBe(after);
  });

  it('does not add the tabs twice when its batch landed but the answer was lost', async () => {
    standIn.loadWorkbook('i-6', { tabs: [{ name: 'Sheet1', rows: [] }] });
    const store = standInStore(standIn, 'i-6', { editor: ACCOUNT, retry: { timeoutMs: 300 } });
    standIn.inject({ stall: 'after', methods: ['batchUpdate'] });
    await store.init(template());
    expect(standIn.log.map((r) => `${r.method} ${r.status}`)).toEqual([
      'get 200',
      'batchUpdate 0',
      'get 200',
    ]);
    expect(standIn.spreadsheet('i-6').sheets).toHaveLength(1 + template().tabs.length);
  });

  it('adds only what is missing and never touches existing tabs, whatever their name’s spelling', async () => {
    const existing = [
      ['key', 'value'],
      ['province', 'ایلام'],
    ];
    standIn.loadWorkbook('i-5', {
      tabs: [
        { name: 'Settings', rows: existing },
        { name: 'شاخص ها', rows: [['code']] },
        { name: 'نتايج', rows: [['old']] },
      ],
    });
    const before = standIn.dump('i-5');
    const store = standInStore(standIn, 'i-5', { editor: ACCOUNT });
    await store.init(template());
    const doc = standIn.spreadsheet('i-5');
    expect(doc.sheets.map((s) => s.properties.title)).toEqual([
      'Settings',
      'شاخص ها',
      'نتايج',
      'سطوح',
      'دستگاه‌ها',
      'امتیازها',
      'گیرندگان',
      'خطاها',
      'اجراها',
    ]);
    const old = JSON.parse(before) as { sheets: unknown[] };
    const unmarked = doc.sheets.slice(0, 3).map(({ developerMetadata: _m, ...rest }) => rest);
    expect(JSON.parse(JSON.stringify(unmarked))).toEqual(old.sheets);
    // Marked as the product's: found by the mark whatever they are renamed to.
    expect(doc.sheets.slice(0, 3).map((s) => s.developerMetadata?.[0]?.metadataValue)).toEqual([
      'settings',
      'indicators',
      'results',
    ]);
  });
});

describe('the month validation formula', () => {
  const formula = monthFormula('A2');
  const patterns = [...formula.matchAll(/REGEXMATCH\(TO_TEXT\(A2\),"([^"]+)"\)/g)].map(
    (m) => new RegExp(defined(m[1]), 'u'),
  );

  it('is a formula on the first cell of the column', () => {
    expect(formula.startsWith('=OR(ISDATE(A2),REGEXMATCH(TO_TEXT(A2),"')).toBe(true);
    expect(patterns).toHaveLength(2);
  });

  it.each([
    ['1403-04', true],
    ['1403-4', true],
    ['1403/04', true],
    ['۱۴۰۳/۰۴', true],
    ['١٤٠٣-٠٤', true],
    ['تیر ۱۴۰۳', true],
    ['تیر 1403', true],
    ['ارديبهشت 1403', true],
    [' دی ۱۴۰۲ ', true],
    ['1403', false],
    ['تیرماه', false],
    ['14030-4', false],
    ['April 2024', false],
  ])('%s accepted: %s', (text, accepted) => {
    expect(patterns.some((p) => p.test(text))).toBe(accepted);
  });
});
