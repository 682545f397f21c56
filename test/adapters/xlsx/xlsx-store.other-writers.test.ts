import { execFileSync } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { isKarnamehError } from '../../../functions/core/contract/errors.ts';
import { EXAMPLE } from '../../support/cli-harness.ts';
import { tempFolder, zipParts } from '../../support/xlsx-fixtures.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/xlsx/', import.meta.url));

const PYTHON = '/usr/bin/python3';
const OPENPYXL_TITLES =
  'import sys, openpyxl\nprint("\\n".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))';

/** Whether Debian's python3-openpyxl is here to open a written file as a second reader. */
function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The `<sheet>` attribute prefixes with no declaration on that element or on the root. */
function unboundPrefixes(workbook: string): string[] {
  const root = /<(?![?!])[^>]*>/.exec(workbook)?.[0] ?? '';
  return [...workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].flatMap(([tag]) =>
    [...tag.matchAll(/\s(\w+):\w+=/g)]
      .map((m) => m[1] ?? '')
      .filter(
        (p) => p !== 'xmlns' && !tag.includes(`xmlns:${p}=`) && !root.includes(`xmlns:${p}=`),
      ),
  );
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(async () => {
  await cleanup();
});

const SETTINGS = [
  ['کلید', 'مقدار'],
  ['استان', 'ایلام'],
  ['روش رتبه‌بندی', 'فشرده'],
];
const scores = (total2: unknown, total3: unknown) => [
  ['ماه', 'دستگاه', 'ش۱', 'ش۲', 'جمع', 'توضیحات'],
  ['1403-04', 'd001', 7, 15, total2, 'دیر رسید'],
  [new Date(Date.UTC(2024, 6, 10)), 'd002', 3.5, 18, total3, 'ادغام'],
  // F3:F4 is merged, but row 4 holds nothing else: a merge reaching into empty rows adds none
];

describe('xlsx files saved by other programs', () => {
  it.each([
    // openpyxl never calculates: its formulas have no cached value
    [
      'openpyxl (a chart, a picture, a comment, protection)',
      'openpyxl-parts.xlsx',
      scores(null, null),
      [
        [1, 4],
        [2, 4],
      ],
    ],
    [
      'LibreOffice Calc (shared strings, its own styles)',
      'libreoffice.xlsx',
      scores(22, 21.5),
      undefined,
    ],
  ])(
    'reads a file saved by %s, and writes outputs keeping its other parts',
    async (_what, file, expected, uncomputed) => {
      const path = join(dir, file);
      await copyFile(join(FIXTURES, file), path);
      const store = createXlsxStore(path);
      const { tabs } = await store.read();
      expect(tabs).toEqual([
        { name: 'تنظیمات', rows: SETTINGS },
        { name: 'امتیازها', rows: expected, ...(uncomputed ? { uncomputed } : {}) },
      ]);
      const before = await zipParts(path);
      await store.write({ outputs: { results: [['ماه'], ['1403-04']], problems: [['کد']] } });
      const after = await zipParts(path);
      for (const [name, content] of before) {
        if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(name))
          continue;
        expect(after.get(name), name).toEqual(content);
      }
      expect((await store.read()).tabs.map((t) => t.name)).toEqual([
        'تنظیمات',
        'امتیازها',
        'نتایج',
        'خطاها',
      ]);
    },
  );

  it('keeps workbook.xml well-formed where openpyxl declares the r namespace on each <sheet>, not on the root', async () => {
    const path = join(dir, 'openpyxl.xlsx');
    await copyFile(join(FIXTURES, 'openpyxl-parts.xlsx'), path);
    const before = String((await zipParts(path)).get('xl/workbook.xml'));
    expect(before).toMatch(/^<workbook xmlns="[^"]*">/); // the fixture is openpyxl-shaped
    await createXlsxStore(path).write({ outputs: { problems: [['کد']] } });
    const workbook = String((await zipParts(path)).get('xl/workbook.xml'));
    expect(unboundPrefixes(workbook)).toEqual([]);
    if (hasOpenpyxl()) {
      const titles = execFileSync(PYTHON, ['-c', OPENPYXL_TITLES, path], { encoding: 'utf8' });
      expect(titles.trim().split('\n')).toEqual(['تنظیمات', 'امتیازها', 'خطاها']);
    }
  });

  it('reads inline strings, rich text (without phonetic guides), prefixed XML and cells without addresses', async () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    );
    zip.file(
      'xl/workbook.xml',
      `<?xml version="1.0"?><x:workbook xmlns:x="${main}" xmlns:rr="${rel}"><x:sheets><x:sheet name="t &amp; u" sheetId="1" rr:id="s1"/></x:sheets></x:workbook>`,
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${rel}/worksheet" Target="/xl/sheets/one.xml"/><Relationship Id="s2" Type="${rel}/sharedStrings" Target="strings.xml"/></Relationships>`,
    );
    zip.file(
      'xl/strings.xml',
      `<?xml version="1.0"?><x:sst xmlns:x="${main}"><x:si><x:t>ساده</x:t></x:si><x:si><x:r><x:t xml:space="preserve">دیر </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>رسید</x:t></x:r><x:rPh sb="0" eb="1"><x:t>phonetic</x:t></x:rPh></x:si></x:sst>`,
    );
    zip.file(
      'xl/sheets/one.xml',
      `<?xml version="1.0"?><x:worksheet xmlns:x="${main}"><x:sheetData>` +
        '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>a&lt;</x:t></x:r><x:r><x:t>b</x:t></x:r></x:is></x:c></x:row>' +
        '<x:row r="3"><x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3" t="e"><x:v>#REF!</x:v></x:c><x:c r="D3" t="str"><x:f>"x"</x:f><x:v>x</x:v></x:c><x:c r="E3" t="d"><x:v>2024-03-20T00:00:00</x:v></x:c><x:c r="F3"><x:v>1.5e2</x:v></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    );
    const path = join(dir, 'inline.xlsx');
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const { tabs } = await createXlsxStore(path).read();
    expect(tabs).toEqual([
      {
        name: 't & u',
        rows: [
          ['ساده', 'دیر رسید', 'a<b'],
          [],
          [null, true, '#REF!', 'x', new Date(Date.UTC(2024, 2, 20)), 150],
        ],
      },
    ]);
    // and a new tab is registered with the prefixes this workbook uses
    await createXlsxStore(path).write({ outputs: { problems: [['کد']] } });
    expect((await createXlsxStore(path).read()).tabs.map((t) => t.name)).toEqual([
      't & u',
      'خطاها',
    ]);
  });
});

/** A one-tab workbook whose tab is named `name` (as written) with these parts, as a file. */
async function oneTab(name: string, sheetData: string, strings?: string): Promise<string> {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="${pkg}"><Relationship Id="r1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${name}" sheetId="1" r:id="s1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${pkg}"><Relationship Id="s1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (strings === undefined
        ? ''
        : `<Relationship Id="s2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`) +
      '</Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', `<worksheet xmlns="${main}"><sheetData>${sheetData}`);
  if (strings !== undefined)
    zip.file('xl/sharedStrings.xml', `<sst xmlns="${main}">${strings}</sst>`);
  const path = join(dir, 'one-tab.xlsx');
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}
const END = '</sheetData></worksheet>';

describe('characters as XML writers spell them', () => {
  it('reads characters past U+FFFF written as references (openpyxl writes every non-ASCII one so)', async () => {
    // openpyxl 3.0 (without lxml) wrote these cells: «اداره 😀» and «𝒳», on the tab «😀 نمره»
    const path = await oneTab(
      '&#128512; &#1606;&#1605;&#1585;&#1607;',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1575;&#1583;&#1575;&#1585;&#1607; &#128512;</t></is></c>' +
        '<c r="B1" t="s"><v>0</v></c></row>' +
        END,
      '<si><t>&#x1D4B3;</t></si>',
    );
    const { tabs } = await createXlsxStore(path).read();
    expect(tabs).toEqual([{ name: '😀 نمره', rows: [['اداره 😀', '𝒳']] }]);
  });

  it('reads a line break saved as CR LF (or a lone CR) as one LF, as an XML parser must', async () => {
    const path = await oneTab(
      'crlf',
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>p\r\nq\rr&#13;</t></is></c></row>' +
        END,
      '<si><t>a\r\nb</t></si>',
    );
    const { tabs } = await createXlsxStore(path).read();
    expect(tabs[0]?.rows).toEqual([['a\nb', 'p\nq\nr\r']]);
  });
});

describe('damaged parts are never read as blank cells', () => {
  it.each([
    [
      'a cell pointing past the shared strings table',
      [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' + END,
        '<si><t>one</t></si>',
      ],
    ],
    [
      'shared strings used with no table at all',
      ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + END, undefined],
    ],
    [
      'a worksheet part cut short',
      ['<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v', undefined],
    ],
  ] as const)('%s is a damaged workbook', async (_what, [sheetData, strings]) => {
    const path = await oneTab('t', sheetData, strings);
    const error: unknown = await createXlsxStore(path)
      .read()
      .catch((e: unknown) => e);
    expect(isKarnamehError(error) && error.code).toBe('source.unreadable');
    expect((error as Error).message).toContain('is truncated or damaged');
  });
});

describe('files that are not workbooks karnameh can read', () => {
  const cases: [string, () => Promise<Buffer>, string][] = [
    [
      'plain text',
      async () => Buffer.from('month,agency\n1403-04,d001\n'),
      'is not an Excel workbook',
    ],
    [
      'a truncated workbook',
      async () => (await readFile(EXAMPLE)).subarray(0, 20_000),
      'is truncated or damaged',
    ],
    [
      'a password-protected workbook (an encrypted OLE container)',
      async () => cfb('EncryptionInfo', 'EncryptedPackage'),
      'is protected with a password',
    ],
    [
      'an old .xls file (an OLE container)',
      async () => cfb('Workbook', 'SummaryInformation'),
      'old-format .xls',
    ],
  ];
  it.each(cases)(
    'names the file and says what is wrong with %s, in Persian and English',
    async (_what, make, english) => {
      const path = join(dir, 'book.xlsx');
      await writeFile(path, await make());
      const error: unknown = await createXlsxStore(path)
        .read()
        .catch((e: unknown) => e);
      expect(isKarnamehError(error) && error.code).toBe('source.unreadable');
      const message = (error as Error).message;
      expect(message).toContain(english);
      expect(message).toContain(path);
      expect(message).toMatch(/[\u0600-\u06FF]/);
      expect(message).not.toMatch(/signature|central|inflate|undefined|zlib/i);
    },
  );
});

/** A minimal compound-file (OLE) container whose directory names these streams. */
function cfb(...streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].forEach((name, i) => {
    const entry = directory.subarray(i * 128, (i + 1) * 128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, directory]);
}
