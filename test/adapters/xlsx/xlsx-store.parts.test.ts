import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneCalcChain } from '../../../functions/adapters/xlsx/calc-chain.ts';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { readZip } from '../../../functions/adapters/xlsx/zip-container.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import {
  addChart,
  addKeptParts,
  addZipEntry,
  REGISTRY_PARTS,
  zipParts,
} from '../../support/xlsx-fixtures.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => {
  await box.cleanup();
});

/** Raw zip records (header and compressed data) of each entry, as stored in the file. */
async function rawRecords(path: string): Promise<Map<string, Buffer>> {
  const zip = readZip(await readFile(path));
  return new Map(
    zip.entries.map((e) => [
      e.name,
      zip.bytes.subarray(e.localOffset, e.localOffset + 30 + e.compressedSize),
    ]),
  );
}

/** The worksheet parts of the named tabs, through workbook.xml and its relationships. */
async function sheetParts(path: string, titles: string[]): Promise<string[]> {
  const parts = await zipParts(path);
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  return titles.flatMap((title) => {
    const id = new RegExp(`<sheet name="${title}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
    const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    return target ? [`xl/${target}`] : [];
  });
}

/** What `now` adds to `old` when it is `old` with one piece of text inserted (else undefined). */
function insertion(old: string, now: string): string | undefined {
  let start = 0;
  while (start < old.length && old[start] === now[start]) start++;
  while (start > 0 && old[start - 1] !== '>') start--;
  const inserted = now.slice(start, start + now.length - old.length);
  return now.slice(0, start) + now.slice(start + inserted.length) === old ? inserted : undefined;
}

const OUTPUT_TITLES = [TABS.results.label, TABS.problems.label, TABS.runs.label];

describe('a run on a workbook with parts karnameh does not know', () => {
  it('changes only the output tabs and the entries registering new ones; everything else stays byte for byte', async () => {
    await addChart(box.workbook, TABS.scores.label);
    await addKeptParts(box.workbook);
    const before = await zipParts(box.workbook);
    const beforeRaw = await rawRecords(box.workbook);
    const inputBefore = (await createXlsxStore(box.workbook).read()).tabs;

    const result = await karnameh([
      'run',
      '--workbook',
      box.workbook,
      '--month',
      '1403-04',
      '--outbox',
      box.outbox,
    ]);
    expect(result.code, result.stderr).toBe(0);

    const after = await zipParts(box.workbook);
    const afterRaw = await rawRecords(box.workbook);
    const outputs = await sheetParts(box.workbook, OUTPUT_TITLES);
    expect(outputs).toHaveLength(3);
    for (const [name, content] of before) {
      if (REGISTRY_PARTS.includes(name) || outputs.includes(name)) continue;
      expect(after.get(name), name).toEqual(content);
      expect(afterRaw.get(name), `${name} (zip record)`).toEqual(beforeRaw.get(name));
    }
    // the registering entries only gained one element per new tab, in one place
    for (const name of REGISTRY_PARTS) {
      const inserted = insertion(
        before.get(name)?.toString('utf8') ?? '',
        after.get(name)?.toString('utf8') ?? '',
      );
      expect(inserted, name).toMatch(/^(<(sheet|Relationship|Override) [^>]*\/>){3}$/);
    }
    const workbookXml = after.get('xl/workbook.xml')?.toString('utf8') ?? '';
    expect(workbookXml).toContain(
      '<workbookProtection lockStructure="1" workbookPassword="CC3D"/>',
    );
    for (const kept of [
      'docProps/custom.xml',
      'customXml/item1.xml',
      'xl/embeddings/oleObject1.bin',
      'xl/charts/chart1.xml',
      'xl/pivotTables/pivotTable1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
    ]) {
      expect(after.has(kept), kept).toBe(true);
    }
    const read = (await createXlsxStore(box.workbook).read()).tabs;
    expect(read.filter((t) => !OUTPUT_TITLES.includes(t.name))).toEqual(inputBefore);
    expect(read.find((t) => t.name === TABS.results.label)?.rows.length).toBeGreaterThan(100);

    // A second month replaces the output tabs' parts again; nothing new is registered.
    const registry = REGISTRY_PARTS.map((name) => after.get(name));
    const again = await karnameh([
      'run',
      '--workbook',
      box.workbook,
      '--month',
      '1403-03',
      '--outbox',
      box.outbox,
    ]);
    expect(again.code, again.stderr).toBe(0);
    const third = await zipParts(box.workbook);
    expect(REGISTRY_PARTS.map((name) => third.get(name))).toEqual(registry);
  });
});

describe('the calculation chain of a replaced output tab', () => {
  it('loses the replaced sheets’ cells (Excel calls a chain naming a gone formula damaged), the rest kept', () => {
    const chain =
      '<calcChain xmlns="x"><c r="A1" i="1"/><c r="B2"/><c r="C3" i="2"/><c r="D4"/><c r="E5" i="1" l="1"/><c r="F6" i="3"/></calcChain>';
    expect(pruneCalcChain(chain, new Set([1]))).toBe(
      '<calcChain xmlns="x"><c r="C3" i="2"/><c r="D4" i="2"/><c r="F6" i="3"/></calcChain>',
    );
    expect(pruneCalcChain(chain, new Set([9]))).toBeUndefined();
  });

  it('is pruned when a run replaces a results tab that held formulas', async () => {
    const path = join(box.dir, 'chain.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('نتایج').getCell('A1').value = { formula: '1+1', result: 2 };
    workbook.addWorksheet('دیگر').getCell('B2').value = { formula: '2+2', result: 4 };
    await workbook.xlsx.writeFile(path);
    await addZipEntry(
      path,
      'xl/calcChain.xml',
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/><c r="B2" i="2"/></calcChain>',
    );
    const zip = await JSZip.loadAsync(await readFile(path));
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await createXlsxStore(path).write({ outputs: { results: [['ماه']] } });
    const chain = (await zipParts(path)).get('xl/calcChain.xml')?.toString('utf8');
    expect(chain).toBe(
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="2"/></calcChain>',
    );
  });
});
