import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore, siblingPath } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { runsRows, type RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { isKarnamehError } from '../../../functions/core/contract/errors.ts';
import type { InitTemplate } from '../../../functions/ports.ts';
import {
  addChart,
  cellSnapshot,
  REGISTRY_PARTS,
  sheetXml,
  tempFolder,
  zipParts,
} from '../../support/xlsx-fixtures.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(async () => {
  await cleanup();
});

const INPUT_TITLES = ['تنظیمات', 'شاخص‌ها', 'امتیازها', 'یادداشت من'];

/**
 * An input workbook as people keep it: settings with the Persian key names, a stale
 * results tab (named in English with odd spacing) between the input tabs, and score cells
 * of every kind (formulas, shared formulas, dates, rich text, links, merges, styles).
 */
async function writeInputWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const settings = workbook.addWorksheet('تنظیمات');
  settings.addRows([
    ['مقدار', 'کلید'],
    ['ایلام', 'استان'],
    ['1403-04', 'درخواست اجرا'],
    ['قیصربیگی', 'sPokesperson'],
  ]);
  const results = workbook.addWorksheet(' Results ');
  results.addRows([
    ['old', 'header', 'with', 'many', 'columns'],
    ['stale', 1, 2, 3, 4],
    ['stale', 5, 6, 7, 8],
    ['stale', 9, 10, 11, 12],
  ]);
  results.properties.tabColor = { argb: 'FF00AA00' };
  const indicators = workbook.addWorksheet('شاخص‌ها');
  indicators.addRows([
    ['کد', 'عنوان', 'محور', 'حداکثر امتیاز'],
    ['i1', 'انتشار خبر', 'اطلاع‌رسانی', 10],
    ['i2', 'پاسخ به پیام', 'پاسخگویی', '۲۰'],
  ]);
  indicators.mergeCells('B5:C5');
  indicators.getCell('B5').value = 'merged note';
  const scores = workbook.addWorksheet('امتیازها');
  scores.addRow(['ماه', 'دستگاه', 'i1', 'i2', 'جمع', 'توضیحات']);
  scores.getRow(1).font = { bold: true };
  scores.addRow(['1403-04', 'a1', 7, 15, { formula: 'C2+D2', result: 22 }]);
  scores.addRow([new Date(Date.UTC(2024, 6, 10)), 'a2', '۳/۵', 18]);
  scores.getCell('E3').value = { sharedFormula: 'E2', result: 21.5 } as ExcelJS.CellValue;
  scores.getCell('E2').value = {
    formula: 'C2+D2',
    result: 22,
    shareType: 'shared',
    ref: 'E2:E3',
  } as ExcelJS.CellValue;
  scores.getCell('A3').numFmt = 'yyyy-mm-dd';
  scores.getCell('F2').value = {
    richText: [{ text: 'دیر ' }, { text: 'رسید', font: { bold: true } }],
  };
  scores.getCell('F3').value = { text: 'سند', hyperlink: 'https://example.org/doc' };
  scores.getCell('C5').value = { error: '#N/A' } as ExcelJS.CellValue;
  scores.getCell('D5').value = '=C2*2';
  scores.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  scores.getCell('C3').dataValidation = {
    type: 'decimal',
    operator: 'between',
    formulae: [0, 20],
    allowBlank: true,
  };
  const notes = workbook.addWorksheet('یادداشت من');
  notes.getCell('A1').value = 'unknown tab';
  await workbook.xlsx.writeFile(path);
}

/** Output tabs as the use cases hand them over, with a formula-looking text. */
const outputs = {
  results: [
    ['ماه', 'گروه', 'رتبه', 'دستگاه', 'امتیاز'],
    ['1403-04', 'دستگاه اجرایی', 1, 'برق', 87.13],
    ['1403-04', 'فرمانداری', 1, '=HYPERLINK("http://evil")', 70],
  ],
} satisfies Record<string, CellValue[][]>;

/** Runs rows of one run (every cell filled), and the runs tab they make on their own. */
const FIRST: RunsEntry = {
  runId: 'r1',
  month: '1403-04',
  at: '2024-07-20T08:30:00.000Z',
  kind: 'run',
  status: 'sent',
  recipient: 'all',
  requestedBy: 'cli',
  contentHash: 'd1',
  detail: '=1+1',
};
const runs: RunsEntry[] = [FIRST];
const runsTab = runsRows(runs);

async function expectError(promise: Promise<unknown>, code: string, mentions: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isKarnamehError(error) && error.code).toBe(code);
  expect((error as Error).message).toContain(mentions);
}

describe('xlsx store: read', () => {
  it('reads every tab in workbook order with plain cell values and exact row indexes', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    const store = createXlsxStore(path);
    expect(store.description).toBe(path);
    const { tabs } = await store.read();
    expect(tabs.map((tab) => tab.name)).toEqual([
      'تنظیمات',
      ' Results ',
      'شاخص‌ها',
      'امتیازها',
      'یادداشت من',
    ]);
    expect(tabs[2]?.rows).toEqual([
      ['کد', 'عنوان', 'محور', 'حداکثر امتیاز'],
      ['i1', 'انتشار خبر', 'اطلاع‌رسانی', 10],
      ['i2', 'پاسخ به پیام', 'پاسخگویی', '۲۰'],
      [],
      // a merged range reads as a person sees it: its value in every cell it covers
      [null, 'merged note', 'merged note'],
    ]);
    // ... and the range is handed over, for a reader that must know which values were copied
    expect(tabs[2]?.merges).toEqual([{ startRow: 4, endRow: 5, startColumn: 1, endColumn: 3 }]);
    expect(tabs[3]?.merges).toBeUndefined();
    expect(tabs[3]?.rows).toEqual([
      ['ماه', 'دستگاه', 'i1', 'i2', 'جمع', 'توضیحات'],
      ['1403-04', 'a1', 7, 15, 22, 'دیر رسید'],
      [new Date(Date.UTC(2024, 6, 10)), 'a2', '۳/۵', 18, 21.5, 'سند'],
      [],
      [null, null, '#N/A', '=C2*2'],
    ]);
  });

  it.each<[string, ExcelJS.CellValue, CellValue]>([
    ['a number', 37.5, 37.5],
    ['text', 'متن', 'متن'],
    ['text that looks like a formula', '=SUM(A1:A3)', '=SUM(A1:A3)'],
    ['an empty string', '', null],
    ['a boolean', false, false],
    ['a date', new Date(Date.UTC(2024, 2, 20)), new Date(Date.UTC(2024, 2, 20))],
    ['rich text', { richText: [{ text: 'a' }, { text: 'b', font: { italic: true } }] }, 'ab'],
    ['a formula with a number result', { formula: '1+1', result: 2 }, 2],
    ['a formula with a text result', { formula: '"x"&"y"', result: 'xy' }, 'xy'],
    [
      'a formula with a date result',
      { formula: 'A1', result: new Date(Date.UTC(2024, 0, 1)) },
      new Date(Date.UTC(2024, 0, 1)),
    ],
    [
      'a formula with an error result',
      { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellValue,
      '#N/A',
    ],
    ['a hyperlink', { text: 'پیوند', hyperlink: 'https://example.org' }, 'پیوند'],
    ['an error', { error: '#DIV/0!' } as ExcelJS.CellValue, '#DIV/0!'],
  ])('reads %s as a plain value', async (_what, value, expected) => {
    const path = join(dir, 'cell.xlsx');
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('t');
    worksheet.getCell('B2').value = value;
    if (expected instanceof Date) worksheet.getCell('B2').numFmt = 'yyyy-mm-dd';
    worksheet.getCell('A3').value = 'after';
    await workbook.xlsx.writeFile(path);
    const { tabs } = await createXlsxStore(path).read();
    expect(tabs[0]?.rows).toEqual([[], expected === null ? [] : [null, expected], ['after']]);
  });

  it('reads a formula without a cached result as blank, and lists its cell as uncomputed', async () => {
    const path = join(dir, 'uncomputed.xlsx');
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('t');
    worksheet.getCell('B2').value = { formula: '1+1' } as ExcelJS.CellValue;
    worksheet.getCell('A3').value = 'after';
    await workbook.xlsx.writeFile(path);
    const { tabs } = await createXlsxStore(path).read();
    expect(tabs[0]).toEqual({ name: 't', rows: [[], [], ['after']], uncomputed: [[1, 1]] });
  });

  it('drops trailing empty cells and rows, even styled ones', async () => {
    const path = join(dir, 'trailing.xlsx');
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('t');
    worksheet.addRow(['a', 'b']);
    worksheet.getCell('E1').font = { bold: true };
    worksheet.getCell('A4').fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFF0000' },
    };
    worksheet.getCell('C9').border = { top: { style: 'thin' } };
    await workbook.xlsx.writeFile(path);
    const { tabs } = await createXlsxStore(path).read();
    expect(tabs).toEqual([{ name: 't', rows: [['a', 'b']] }]);
  });

  it('says which file is missing', async () => {
    const path = join(dir, 'nowhere', 'missing.xlsx');
    await expectError(createXlsxStore(path).read(), 'source.not_found', path);
  });

  it.each([
    ['plain text', 'not a workbook at all'],
    ['a zip without a workbook', 'PK\u0005\u0006' + '\u0000'.repeat(18)],
  ])('reports %s as unreadable', async (_what, content) => {
    const path = join(dir, 'bad.xlsx');
    await writeFile(path, content, 'latin1');
    await expectError(createXlsxStore(path).read(), 'source.unreadable', path);
  });

  it('reports a folder as unreadable', async () => {
    await expectError(createXlsxStore(dir).read(), 'source.unreadable', dir);
  });
});

describe('xlsx store: write', () => {
  it('replaces output tabs in place, creates missing ones and leaves every input cell alone', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    const before = await cellSnapshot(path, INPUT_TITLES);
    const store = createXlsxStore(path);
    const readBefore = await store.read();

    const report = await store.write({ outputs, runs });

    expect(report).toEqual({ location: path, runsAfter: { name: 'اجراها', rows: runsTab } });
    expect(await readdir(dir)).toEqual(['input.xlsx']);
    expect(await cellSnapshot(path, INPUT_TITLES)).toEqual(before);
    const { tabs } = await store.read();
    expect(tabs.map((tab) => tab.name)).toEqual([
      'تنظیمات',
      ' Results ',
      'شاخص‌ها',
      'امتیازها',
      'یادداشت من',
      'اجراها',
    ]);
    expect(tabs[1]?.rows).toEqual(outputs.results);
    expect(tabs[5]?.rows).toEqual(runsTab);
    expect(tabs.filter((tab) => INPUT_TITLES.includes(tab.name))).toEqual(
      readBefore.tabs.filter((tab) => INPUT_TITLES.includes(tab.name)),
    );
  });

  it('writes text that starts with = as a text cell, never a formula', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    await createXlsxStore(path).write({ outputs });
    const xml = await sheetXml(path, ' Results ');
    expect(xml).not.toContain('<f>');
    expect(xml).toMatch(/<c r="D3" t="inlineStr">/);
    expect(xml).toMatch(/<c r="E2"><v>87.13<\/v><\/c>/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const cell = workbook.getWorksheet(' Results ')?.getCell('D3');
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe('=HYPERLINK("http://evil")');
  });

  it('lays output tabs out right to left with a bold frozen header, keeping the tab colour', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    await createXlsxStore(path).write({ outputs, runs });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    for (const title of [' Results ', 'اجراها']) {
      const worksheet = workbook.getWorksheet(title);
      expect(worksheet?.views).toMatchObject([{ state: 'frozen', ySplit: 1, rightToLeft: true }]);
      expect(worksheet?.getCell('A1').font?.bold).toBe(true);
      expect(worksheet?.getCell('A2').font?.bold).toBeFalsy();
    }
    expect(workbook.getWorksheet(' Results ')?.properties.tabColor).toEqual({ argb: 'FF00AA00' });
    expect(await sheetXml(path, 'اجراها')).toContain('rightToLeft="1"');
  });

  it.each([
    ['results', 'نتايج'],
    ['problems', ' خطا ها '],
  ] as const)('finds the %s tab under the name %j', async (key, title) => {
    const path = join(dir, 'named.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(title).addRow(['old']);
    workbook.addWorksheet('other').addRow(['keep']);
    await workbook.xlsx.writeFile(path);
    const store = createXlsxStore(path);
    await store.write({ outputs: { [key]: [['new'], [1]] } });
    expect((await store.read()).tabs).toEqual([
      { name: title, rows: [['new'], [1]] },
      { name: 'other', rows: [['keep']] },
    ]);
  });

  it.each(['RUNS', 'اجرا‌ها'])(
    'upserts runs rows into the runs tab named %j, keeping the rows of other runs',
    async (title) => {
      const path = join(dir, 'named.xlsx');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(title);
      const other = runsRows([{ ...FIRST, runId: 'r0', detail: 'other run' }]);
      for (const row of other) sheet.addRow(row);
      workbook.addWorksheet('other').addRow(['keep']);
      await workbook.xlsx.writeFile(path);
      const store = createXlsxStore(path);
      await store.write({ outputs: {}, runs });
      await store.write({ outputs: {}, runs: [{ ...FIRST, status: 'partial' }] });
      expect((await store.read()).tabs).toEqual([
        { name: title, rows: [...other, ...runsRows([{ ...FIRST, status: 'partial' }]).slice(1)] },
        { name: 'other', rows: [['keep']] },
      ]);
    },
  );

  it('sets run_request and run_status by English or Persian key, appending absent keys', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    const before = await cellSnapshot(path, INPUT_TITLES.slice(1));
    const store = createXlsxStore(path);
    await store.write({
      outputs: {},
      settings: [
        { key: 'run_request', value: '' },
        { key: 'run_status', value: '1403-04 sent' },
      ],
    });
    const settings = (await store.read()).tabs[0];
    expect(settings?.rows).toEqual([
      ['مقدار', 'کلید'],
      ['ایلام', 'استان'],
      [null, 'درخواست اجرا'],
      ['قیصربیگی', 'sPokesperson'],
      ['1403-04 sent', 'وضعیت اجرا'],
    ]);
    await store.write({ outputs: {}, settings: [{ key: 'run_status', value: 'done' }] });
    expect((await store.read()).tabs[0]?.rows.slice(4)).toEqual([['done', 'وضعیت اجرا']]);
    await store.write({ outputs: {}, settings: [{ key: 'run_request', value: '1403-05' }] });
    expect((await store.read()).tabs[0]?.rows[2]).toEqual(['1403-05', 'درخواست اجرا']);
    expect(await cellSnapshot(path, INPUT_TITLES.slice(1))).toEqual(before);
  });

  it('matches an English run_status key with its own spelling', async () => {
    const path = join(dir, 'english.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Settings').addRows([
      ['Key', 'Value'],
      ['Run Status', 'old'],
    ]);
    await workbook.xlsx.writeFile(path);
    const store = createXlsxStore(path);
    await store.write({ outputs: {}, settings: [{ key: 'run_status', value: 'new' }] });
    expect((await store.read()).tabs[0]?.rows).toEqual([
      ['Key', 'Value'],
      ['Run Status', 'new'],
    ]);
  });

  it.each([
    ['no settings tab', [['x']], 'Other', 'no settings tab'],
    ['no value column', [['key'], ['run_status']], 'settings', 'value (مقدار)'],
  ])('fails with %s and leaves the file as it was', async (_what, rows, title, mentions) => {
    const path = join(dir, 'broken.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(title).addRows(rows);
    await workbook.xlsx.writeFile(path);
    const bytes = await readFile(path);
    await expectError(
      createXlsxStore(path).write({
        outputs: { results: [['a']] },
        settings: [{ key: 'run_status', value: 'x' }],
      }),
      'source.write_failed',
      mentions,
    );
    expect(await readFile(path)).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['broken.xlsx']);
  });

  it('writes plain values only, escaping characters an XML file cannot hold (_xHHHH_), read back as written', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    const store = createXlsxStore(path);
    await store.write({
      outputs: {
        problems: [
          ['شرح', 'عدد', 'تاریخ'],
          ['a\u0000b\u0007c\uFFFE', Number.NaN, new Date(Date.UTC(2024, 0, 2))],
          ['', Number.POSITIVE_INFINITY, false],
        ],
      },
    });
    const problems = (await store.read()).tabs.find((tab) => tab.name === 'خطاها');
    expect(problems?.rows).toEqual([
      ['شرح', 'عدد', 'تاریخ'],
      ['a\u0000b\u0007c\uFFFE', 'NaN', new Date(Date.UTC(2024, 0, 2))],
      [null, 'Infinity', false],
    ]);
  });

  it('does not rewrite the file when there is nothing to write', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    const bytes = await readFile(path);
    expect(await createXlsxStore(path).write({ outputs: {} })).toEqual({ location: path });
    expect(await readFile(path)).toEqual(bytes);
  });

  it('keeps the file permissions', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    const { chmod } = await import('node:fs/promises');
    await chmod(path, 0o640);
    await createXlsxStore(path).write({ outputs });
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it('refuses a missing or corrupt file', async () => {
    const missing = join(dir, 'missing.xlsx');
    await expectError(createXlsxStore(missing).write({ outputs }), 'source.not_found', missing);
    const corrupt = join(dir, 'corrupt.xlsx');
    await writeFile(corrupt, 'garbage');
    await expectError(createXlsxStore(corrupt).write({ outputs }), 'source.unreadable', corrupt);
    expect(await readFile(corrupt, 'utf8')).toBe('garbage');
  });
});

describe('xlsx store: the sibling results file of older versions', () => {
  it('names the sibling after the file', () => {
    expect(siblingPath('/data/ilam 1403.xlsm')).toBe('/data/ilam 1403.karnameh-results.xlsx');
    expect(siblingPath('book.xlsx')).toBe('book.karnameh-results.xlsx');
  });
});

describe('xlsx store: init', () => {
  const template: InitTemplate = {
    tabs: [
      { key: 'settings', title: 'تنظیمات', header: ['کلید', 'مقدار'], rows: [['استان', 'ایلام']] },
      {
        key: 'bands',
        title: 'سطوح',
        header: ['عنوان', 'حداقل امتیاز'],
        rows: [
          ['بسیار ضعیف', 0],
          ['ضعیف', 20],
        ],
      },
      { key: 'results', title: 'نتایج', header: ['ماه', 'گروه'], rows: [] },
    ],
  };

  it('refuses a new file in a folder that is not there, saying how to make it, and makes nothing', async () => {
    const path = join(dir, 'typo', 'deeper', 'book.xlsx');
    await expect(createXlsxStore(path).init(template)).rejects.toMatchObject({
      code: 'source.not_found',
      message: `the folder ${join(dir, 'typo', 'deeper')} does not exist: init makes the workbook, not its folder; make the folder first (mkdir -p "${join(dir, 'typo', 'deeper')}") or give another --workbook`,
    });
    await expect(stat(join(dir, 'typo'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('creates a new file with every tab, right to left, bold headers', async () => {
    await mkdir(join(dir, 'new'));
    const path = join(dir, 'new', 'book.xlsx');
    const report = await createXlsxStore(path).init(template);
    expect(report.location).toBe(path);
    expect(report.note).toContain('تنظیمات, سطوح, نتایج');
    expect((await createXlsxStore(path).read()).tabs).toEqual([
      {
        name: 'تنظیمات',
        rows: [
          ['کلید', 'مقدار'],
          ['استان', 'ایلام'],
        ],
      },
      {
        name: 'سطوح',
        rows: [
          ['عنوان', 'حداقل امتیاز'],
          ['بسیار ضعیف', 0],
          ['ضعیف', 20],
        ],
      },
      { name: 'نتایج', rows: [['ماه', 'گروه']] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    for (const worksheet of workbook.worksheets) {
      expect(worksheet.views).toMatchObject([{ rightToLeft: true, state: 'frozen', ySplit: 1 }]);
      expect(worksheet.getCell('A1').font?.bold).toBe(true);
    }
    expect(await readdir(join(dir, 'new'))).toEqual(['book.xlsx']);
  });

  it('adds only the missing tabs, and a second run changes nothing', async () => {
    const path = join(dir, 'input.xlsx');
    await writeInputWorkbook(path);
    const before = await cellSnapshot(path, [...INPUT_TITLES, ' Results ']);
    const store = createXlsxStore(path);

    const first = await store.init(template);
    expect(first.note).toContain('سطوح');
    expect(first.note).not.toContain('تنظیمات');
    expect(first.note).not.toContain('نتایج');
    expect(await cellSnapshot(path, [...INPUT_TITLES, ' Results '])).toEqual(before);
    const { tabs } = await store.read();
    expect(tabs.map((tab) => tab.name)).toEqual([
      'تنظیمات',
      ' Results ',
      'شاخص‌ها',
      'امتیازها',
      'یادداشت من',
      'سطوح',
    ]);
    expect(tabs[5]?.rows).toEqual([
      ['عنوان', 'حداقل امتیاز'],
      ['بسیار ضعیف', 0],
      ['ضعیف', 20],
    ]);

    const bytes = await readFile(path);
    const { mtimeMs } = await stat(path);
    const second = await store.init(template);
    expect(second.note).toContain('nothing changed');
    expect(await readFile(path)).toEqual(bytes);
    expect((await stat(path)).mtimeMs).toBe(mtimeMs);
  });

  it('adds tabs to a workbook with a chart, keeping the chart and its parts', async () => {
    const path = join(dir, 'chart.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('تنظیمات').addRows([
      ['کلید', 'مقدار'],
      ['a', 1],
      ['b', 2],
    ]);
    await workbook.xlsx.writeFile(path);
    await addChart(path, 'تنظیمات');
    const before = await zipParts(path);
    const report = await createXlsxStore(path).init(template);
    expect(report.note).toContain('سطوح, نتایج');
    const after = await zipParts(path);
    for (const [name, content] of before) {
      if (!REGISTRY_PARTS.includes(name)) expect(after.get(name), name).toEqual(content);
    }
    expect((await createXlsxStore(path).read()).tabs.map((t) => t.name)).toEqual([
      'تنظیمات',
      'سطوح',
      'نتایج',
    ]);
  });
});
