// `karnameh open` on an .xlsx: rows, header, validation, runs record, byte-for-byte parts, refusals.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { parseWorkbook } from '../../../functions/core/contract/parse-workbook.ts';
import { openOrder } from '../../../functions/core/runs/open-month.ts';
import { readRunsLog } from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import type { OpenOutcome } from '../../../functions/use-cases/open-month.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';

let box: Awaited<ReturnType<typeof scratch>>;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => box.cleanup());

const open = (month = '1403-05', extra: string[] = []) =>
  karnameh(['open', '--workbook', box.workbook, '--month', month, '--json', ...extra], {
    USER: 'dabir',
  });

async function entries(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) out.set(name, await file.async('nodebuffer'));
  }
  return out;
}

/** The worksheet part of the tab `title` (by the workbook's rels). */
async function partOf(path: string, title: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const index = wb.worksheets.findIndex((w) => w.name === title);
  const zip = await JSZip.loadAsync(await readFile(path));
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const rid = [...workbook.matchAll(/<sheet [^>]*r:id="([^"]+)"/g)][index]?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

describe('karnameh open on an .xlsx', () => {
  it('adds one row per active agency, in group order then by name, with validation, and records it', async () => {
    const before = await entries(box.workbook);
    const result = await open();
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout) as OpenOutcome;
    const store = createXlsxStore(box.workbook);
    const raw = await store.read();
    const parsed = parseWorkbook(raw, { month: '1403-05' });
    const expected = openOrder(parsed.model.agencies, parsed.model.groups).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(100);
    expect(outcome.status).toBe('opened');
    expect(outcome.rows.map((r) => r.agency)).toEqual(expected);
    expect(outcome.header).toEqual(['نام دستگاه']);
    // The rows are there, read back as the month's rows: no agency lacks its row.
    const scores = parsed.model.scores.filter((s) => s.month === '1403-05');
    expect(scores.map((s) => s.agencyId)).toEqual(expected);
    expect(parsed.problems.filter((p) => p.code === 'agency.no_submission')).toEqual([]);
    const tab = findTab(raw, 'scores');
    const first = outcome.rows[0];
    expect(first && tab?.rows[first.row - 1]?.includes(first.name)).toBe(true);
    expect(tab?.rows[0]).toContain('نام دستگاه');
    // Validation: a decimal 0..max as a warning on each indicator cell of the new rows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(box.workbook);
    const sheet = wb.getWorksheet(tab?.name ?? '');
    const header = tab?.rows[0] ?? [];
    for (const indicator of parsed.model.indicators) {
      const column = header.indexOf(indicator.code) + 1;
      for (const row of [first?.row ?? 0, (first?.row ?? 0) + expected.length - 1]) {
        const rule = sheet?.getCell(row, column).dataValidation;
        expect(rule).toMatchObject({ type: 'decimal', errorStyle: 'warning', allowBlank: true });
        expect(rule?.formulae).toEqual([0, indicator.max]);
      }
      expect(sheet?.getCell((first?.row ?? 0) - 1, column).dataValidation?.type).toBeUndefined();
    }
    // Recorded: kind open, who, how many rows.
    const runs = readRunsLog(findTab(raw, 'runs')).filter((e) => e.kind === 'open');
    expect(runs).toEqual([
      expect.objectContaining({
        month: '1403-05',
        status: 'done',
        requestedBy: 'cli:dabir',
        detail: expect.stringContaining(`rows added: ${expected.length}`),
      }),
    ]);
    expect(result.stderr).toContain('nothing to guard');
    // Every other part of the file byte for byte (the example has no runs tab: it is added,
    // with its entries in the workbook, its relationships and the content types).
    const after = await entries(box.workbook);
    const runsPart = await partOf(box.workbook, findTab(raw, 'runs')?.name ?? '');
    expect(before.has(runsPart)).toBe(false);
    const changed = new Set([
      await partOf(box.workbook, tab?.name ?? ''),
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
    ]);
    expect([...after.keys()].sort()).toEqual([...before.keys(), runsPart].sort());
    for (const [name, bytes] of before) {
      if (!changed.has(name)) expect(after.get(name)?.equals(bytes), name).toBe(true);
    }
  });

  it('a second open adds nothing and leaves the file as it was', async () => {
    expect((await open()).code).toBe(0);
    const bytes = await readFile(box.workbook);
    const again = await open();
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as OpenOutcome).status).toBe('unchanged');
    expect(again.stderr).toContain('nothing added');
    expect((await readFile(box.workbook)).equals(bytes)).toBe(true);
  });

  it('two opens at once: one adds the rows, the other adds nothing', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const statuses = [a, b].map((r) => (JSON.parse(r.stdout) as OpenOutcome).status).sort();
    expect(statuses).toEqual(['opened', 'unchanged']);
    const raw = await createXlsxStore(box.workbook).read();
    const parsed = parseWorkbook(raw, { month: '1403-05' });
    expect(parsed.problems.filter((p) => p.code === 'score.duplicate')).toEqual([]);
    const opens = readRunsLog(findTab(raw, 'runs')).filter((e) => e.kind === 'open');
    expect(opens).toHaveLength(1);
  });

  it('keeps what a person typed: rows go after the last row, a typed row is not added again', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(box.workbook);
    const scores = wb.getWorksheet('امتیازها');
    if (!scores) throw new Error('no scores tab');
    const last = scores.actualRowCount;
    const typed = scores.getRow(last + 1);
    typed.getCell(1).value = '1403-05';
    typed.getCell(2).value = 'f01';
    typed.getCell(3).value = '۱۲';
    await wb.xlsx.writeFile(box.workbook);
    const result = await open();
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout) as OpenOutcome;
    expect(outcome.rows.map((r) => r.agency)).not.toContain('f01');
    expect(outcome.rows[0]?.row).toBe(last + 2);
    const raw = await createXlsxStore(box.workbook).read();
    expect(findTab(raw, 'scores')?.rows[last]?.slice(0, 3)).toEqual(['1403-05', 'f01', '۱۲']);
  });

  it('is refused, with nothing written, while the workbook is open in LibreOffice', async () => {
    const lock = join(dirname(box.workbook), `.~lock.${basename(box.workbook)}#`);
    await writeFile(lock, 'someone,host,2024-07-25T08:00');
    const bytes = await readFile(box.workbook);
    const result = await open();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('[source.locked]');
    expect((await readFile(box.workbook)).equals(bytes)).toBe(true);
  });

  it('is stopped by a definition error (an agency id used twice), nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(box.workbook);
    const agencies = wb.getWorksheet('دستگاه‌ها');
    if (!agencies) throw new Error('no agencies tab');
    agencies.getCell(3, 1).value = agencies.getCell(2, 1).value;
    await wb.xlsx.writeFile(box.workbook);
    const bytes = await readFile(box.workbook);
    const result = await open();
    expect(result.code).toBe(1);
    const outcome = JSON.parse(result.stdout) as OpenOutcome;
    expect(outcome.status).toBe('blocked');
    expect(outcome.problems.map((p) => p.code)).toContain('agency.duplicate');
    expect(result.stderr).toContain('not opened');
    expect((await readFile(box.workbook)).equals(bytes)).toBe(true);
  });

  it('a dry run says what it would add and writes nothing', async () => {
    const bytes = await readFile(box.workbook);
    const result = await open('1403-05', ['--dry-run']);
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as OpenOutcome;
    expect(outcome.status).toBe('dry-run');
    expect(outcome.rows.length).toBeGreaterThan(100);
    expect((await readFile(box.workbook)).equals(bytes)).toBe(true);
  });
});
