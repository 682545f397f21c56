/**
 * Excel's escaped strings (ECMA-376 ST_Xstring, `_xHHHH_`) in a real .xlsx: decoded on read
 * from shared strings and inline strings, escaped on write, and a line break inside a
 * name read as a space with `cell.control_character` at its cell.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { decodeXstring, encodeXstring } from '../../../functions/adapters/xlsx/xstring.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { EXAMPLE } from '../../support/cli-harness.ts';
import { tempFolder } from '../../support/xlsx-fixtures.ts';

describe('ST_Xstring', () => {
  it.each([
    ['پرورش_x000D_', 'پرورش\r'],
    ['a_x000B_b', 'a\u000Bb'],
    ['_x005F_x000D_', '_x000D_'],
    ['snake_case_x', 'snake_case_x'],
    ['_x00e9_', 'é'],
  ])('%j reads as %j', (stored, text) => {
    expect(decodeXstring(stored)).toBe(text);
  });

  it.each([
    'پرورش\r',
    'a\u000Bb\u0001',
    '_x000D_ as typed',
    'a_x005F_b',
    'plain_text',
    'line\nbreak\ttab',
  ])('%j is written so that it reads back the same', (text) => {
    const stored = encodeXstring(text);
    // eslint-disable-next-line no-control-regex
    expect(stored).not.toMatch(/[\u0000-\u0008\u000B-\u000D\u000E-\u001F]/);
    expect(decodeXstring(stored)).toBe(text);
  });
});

describe('an .xlsx saved with escaped text', () => {
  let box: Awaited<ReturnType<typeof tempFolder>>;
  let workbook: string;
  beforeEach(async () => {
    box = await tempFolder();
    workbook = join(box.dir, 'ilam.xlsx');
    await copyFile(EXAMPLE, workbook);
  });
  afterEach(() => box.cleanup());

  /** Edits one part of the package as text. */
  async function editPart(part: string, edit: (xml: string) => string): Promise<void> {
    const zip = await JSZip.loadAsync(await readFile(workbook));
    const xml = await zip.file(part)?.async('string');
    if (xml === undefined) throw new Error(`no ${part}`);
    const edited = edit(xml);
    expect(edited).not.toBe(xml);
    zip.file(part, edited);
    await writeFile(
      workbook,
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    );
  }

  it('decodes _x000D_ in a shared string: the name reads with a space, cell.control_character at its cell', async () => {
    // A name pasted from a Windows program: a carriage return inside and one at the end.
    await editPart('xl/sharedStrings.xml', (xml) =>
      xml.replace('<t>اداره کل آموزش و پرورش</t>', '<t>اداره کل_x000D_آموزش و پرورش_x000D_</t>'),
    );
    const raw = await createXlsxStore(workbook).read();
    const agencies = findTab(raw, 'agencies');
    expect(agencies?.rows[1]?.[1]).toBe('اداره کل\rآموزش و پرورش\r');
    const parsed = parseWorkbook(raw, { month: '1403-04' });
    const d001 = parsed.model.agencies.find((a) => a.id === 'd001');
    expect(d001?.name).toBe('اداره کل آموزش و پرورش');
    const control = parsed.problems.filter((p) => p.code === 'cell.control_character');
    expect(control).toMatchObject([{ severity: 'warning', tab: 'دستگاه‌ها', cell: 'B2' }]);
    expect(control[0]?.message).toContain('«اداره کل آموزش و پرورش»');
    expect(JSON.stringify(parsed)).not.toContain('_x000D_');
  });

  it('decodes an inline string (_x000B_ from Word) and keeps a literal _x005F_ escape as its text', async () => {
    // The example's sixth tab is the recipients.
    await editPart('xl/worksheets/sheet6.xml', (xml) =>
      xml.replace(
        /<c r="B2"([^>]*)t="s"([^>]*)><v>\d+<\/v><\/c>/,
        '<c r="B2"$1t="inlineStr"$2><is><t>دبیرخانه_x000B_شورا_x005F_x0041_</t></is></c>',
      ),
    );
    const raw = await createXlsxStore(workbook).read();
    expect(findTab(raw, 'recipients')?.rows[1]?.[1]).toBe('دبیرخانه\u000Bشورا_x0041_');
    const parsed = parseWorkbook(raw, { month: '1403-04' });
    expect(parsed.model.recipients[0]?.name).toBe('دبیرخانه شورا_x0041_');
    expect(parsed.problems.filter((p) => p.code === 'cell.control_character')).toMatchObject([
      { tab: 'گیرندگان', cell: 'B2' },
    ]);
  });

  it('a formula with no value in a name cell is said to be a formula, not "empty"', async () => {
    // The example's fourth tab is the agencies; B2 is d001's name.
    await editPart('xl/worksheets/sheet4.xml', (xml) =>
      xml.replace(
        /<c r="B2" t="s"><v>\d+<\/v><\/c>/,
        '<c r="B2"><f>VLOOKUP(A2,Names!A:B,2,FALSE)</f></c>',
      ),
    );
    const parsed = parseWorkbook(await createXlsxStore(workbook).read(), { month: '1403-04' });
    const problem = parsed.problems.find((p) => p.cell === 'B2' && p.tab === 'دستگاه‌ها');
    expect(problem?.code).toBe('agency.invalid');
    expect(problem?.message).toContain('با فرمول نوشته شده و فرمول مقداری ندارد');
    expect(problem?.message).not.toContain('خالی است');
  });

  it('writes text with a carriage return or a literal _xHHHH_ escaped, and reads it back as written', async () => {
    const store = createXlsxStore(workbook);
    await store.read();
    const text = ['خط یک\rخط دو', 'as typed: _x000D_', 'bell\u0007'];
    await store.write({ outputs: { problems: [['a', 'b', 'c'], text] } });
    const zip = await JSZip.loadAsync(await readFile(workbook));
    const all = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith('xl/worksheets/'))
        .map((f) => zip.file(f)?.async('string') ?? ''),
    );
    const part = all.find((xml) => xml.includes('خط یک')) ?? '';
    expect(part).toContain('خط یک_x000D_خط دو');
    expect(part).toContain('as typed: _x005F_x000D_');
    expect(part).toContain('bell_x0007_');
    const again = await createXlsxStore(workbook).read();
    expect(findTab(again, 'problems')?.rows[1]).toEqual(text);
  });
});
