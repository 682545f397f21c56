import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findUnsupportedParts as findParts } from '../../functions/adapters/xlsx/unsupported-parts.ts';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import { addChart, addZipEntry, tempFolder } from './xlsx-fixtures.ts';

/** The English names of what `findParts` finds. */
async function findUnsupportedParts(bytes: Uint8Array): Promise<string[]> {
  return (await findParts(bytes)).map((part) => part.en);
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(async () => {
  await cleanup();
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function plainWorkbook(path: string, withImage = false): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('تنظیمات');
  worksheet.addRows([
    ['کلید', 'مقدار'],
    ['استان', 'ایلام'],
  ]);
  if (withImage) {
    const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    worksheet.addImage(image, { tl: { col: 3, row: 1 }, ext: { width: 20, height: 20 } });
  }
  await workbook.xlsx.writeFile(path);
}

const SHEET_END = '</worksheet>';

describe('parts exceljs cannot carry over', () => {
  it('finds nothing in a plain workbook, nor in one with a picture', async () => {
    const path = join(dir, 'plain.xlsx');
    await plainWorkbook(path);
    expect(await findUnsupportedParts(await readFile(path))).toEqual([]);
    await plainWorkbook(path, true);
    expect(await findUnsupportedParts(await readFile(path))).toEqual([]);
  });

  it('finds a chart drawn on a sheet', async () => {
    const path = join(dir, 'chart.xlsx');
    await plainWorkbook(path);
    await addChart(path, 'تنظیمات');
    expect(await findUnsupportedParts(await readFile(path))).toEqual([
      'charts',
      'drawn charts or shapes',
    ]);
  });

  it.each([
    ['xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>', ['pivot tables']],
    ['xl/pivotCache/pivotCacheDefinition1.xml', '<pivotCacheDefinition/>', ['pivot tables']],
    ['xl/vbaProject.bin', 'binary', ['VBA macros']],
    ['xl/slicers/slicer1.xml', '<slicers/>', ['slicers']],
    ['xl/slicerCaches/slicerCache1.xml', '<slicerCacheDefinition/>', ['slicers']],
    ['xl/externalLinks/externalLink1.xml', '<externalLink/>', ['external links']],
    ['xl/ctrlProps/ctrlProp1.xml', '<formControlPr/>', ['form controls']],
    ['xl/chartsheets/sheet2.xml', '<chartsheet/>', ['chart sheets']],
    ['xl/threadedComments/threadedComment1.xml', '<ThreadedComments/>', ['threaded comments']],
    [
      'xl/drawings/drawing9.xml',
      '<xdr:wsDr><xdr:oneCellAnchor><xdr:sp macro=""><xdr:txBody/></xdr:sp></xdr:oneCellAnchor></xdr:wsDr>',
      ['drawn charts or shapes'],
    ],
    [
      'xl/drawings/drawing9.xml',
      '<xdr:wsDr><xdr:oneCellAnchor><xdr:pic><xdr:spPr/></xdr:pic></xdr:oneCellAnchor></xdr:wsDr>',
      [],
    ],
  ])('finds %s', async (entry, content, expected) => {
    const path = join(dir, 'book.xlsx');
    await plainWorkbook(path);
    await addZipEntry(path, entry, content);
    expect(await findUnsupportedParts(await readFile(path))).toEqual(expected);
  });

  it.each([
    [
      'sparklines',
      '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></ext></extLst>',
      ['sparklines'],
    ],
    [
      'extended data validation',
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="0" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></ext></extLst>',
      ['extended data validation'],
    ],
  ])('finds %s at the end of a worksheet', async (_what, extension, expected) => {
    const path = join(dir, 'book.xlsx');
    await plainWorkbook(path);
    const zip = await JSZip.loadAsync(await readFile(path));
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheet).toContain(SHEET_END);
    await addZipEntry(
      path,
      'xl/worksheets/sheet1.xml',
      sheet.replace(SHEET_END, `${extension}${SHEET_END}`),
    );
    expect(await findUnsupportedParts(await readFile(path))).toEqual(expected);
  });

  it('finds a table (exceljs would turn its header row into data)', async () => {
    const path = join(dir, 'table.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('دستگاه‌ها').addTable({
      name: 'Agencies',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: 'id' }, { name: 'name' }],
      rows: [['a1', 'برق']],
    });
    await workbook.xlsx.writeFile(path);
    expect(await findUnsupportedParts(await readFile(path))).toEqual(['tables']);
  });

  it.each([
    ['a cell with a value', (cell: ExcelJS.Cell) => (cell.value = 5), []],
    ['a styled empty cell', (cell: ExcelJS.Cell) => (cell.font = { bold: true }), []],
    ['a blank cell', () => undefined, ['notes on empty cells']],
  ])('finds a note on %s only when exceljs would drop it', async (_what, prepare, expected) => {
    const path = join(dir, 'note.xlsx');
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('امتیازها');
    worksheet.getCell('A1').value = 'ماه';
    prepare(worksheet.getCell('D2'));
    worksheet.getCell('D2').note = 'دیر فرستاد';
    await workbook.xlsx.writeFile(path);
    expect(await findUnsupportedParts(await readFile(path))).toEqual(expected);
  });

  it('keeps a picture when it rewrites the workbook', async () => {
    const path = join(dir, 'picture.xlsx');
    await plainWorkbook(path, true);
    const report = await createXlsxStore(path).write({ outputs: { problems: [['کد']] } });
    expect(report.location).toBe(path);
    const zip = await JSZip.loadAsync(await readFile(path));
    const media = Object.keys(zip.files).filter(
      (name) => name.startsWith('xl/media/') && !name.endsWith('/'),
    );
    expect(media).toHaveLength(1);
    expect(await zip.file(media[0] ?? '')?.async('nodebuffer')).toEqual(PNG);
  });
});
