import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLargeWorkbook, makeLargeWorkbook } from '../../bench/large-workbook.ts';
import type { CellValue } from '../../functions/core/contract/cells.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'karnameh-large-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the benchmark workbook', () => {
  it('has one filled row per agency per month, the same for the same seed', () => {
    const workbook = buildLargeWorkbook({ agencies: 40, months: 14, firstMonth: '1402-11' });
    const scores = workbook.tabs.find((t) => t.name === 'امتیازها')?.rows ?? [];
    expect(scores).toHaveLength(1 + 40 * 14);
    expect(scores[0]).toHaveLength(22);
    expect(scores.slice(1).every((r) => r.every((v) => v !== null))).toBe(true);
    expect(new Set(scores.slice(1).map((r) => r[0]))).toEqual(
      new Set([
        '1402-11',
        '1402-12',
        ...Array.from({ length: 12 }, (_, i) => `1403-${String(i + 1).padStart(2, '0')}`),
      ]),
    );
    const agencies = workbook.tabs.find((t) => t.name === 'دستگاه‌ها')?.rows ?? [];
    expect(new Set(agencies.slice(1).map((r) => r[1])).size).toBe(40);
    expect(buildLargeWorkbook({ agencies: 40, months: 14, firstMonth: '1402-11' })).toEqual(
      workbook,
    );
    expect(buildLargeWorkbook({ agencies: 40, months: 14, seed: 7 })).not.toEqual(workbook);
  });

  it('writes the same cells to the .xlsx file', async () => {
    const path = join(dir, 'large.xlsx');
    const workbook = await makeLargeWorkbook(path, { agencies: 25, months: 3 });
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(path);
    expect(read.worksheets.map((s) => s.name)).toEqual(workbook.tabs.map((t) => t.name));
    for (const tab of workbook.tabs) {
      const sheet = read.getWorksheet(tab.name);
      const rows: CellValue[][] = [];
      sheet?.eachRow({ includeEmpty: true }, (row) => {
        rows.push((tab.rows[0] ?? []).map((_, c) => row.getCell(c + 1).value as CellValue));
      });
      expect(rows).toEqual(tab.rows);
    }
  });
});
