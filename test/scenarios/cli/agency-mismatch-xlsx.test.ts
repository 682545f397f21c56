// score.agency_mismatch through a real .xlsx: open writes the names, one is changed by hand, check reports it at the cell.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import type { OpenOutcome } from '../../../functions/use-cases/open-month.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';

let box: Awaited<ReturnType<typeof scratch>>;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => box.cleanup());

it('a name changed in a row open wrote is a warning at its cell, in the problems tab of the file', async () => {
  const opened = await karnameh([
    'open',
    '--workbook',
    box.workbook,
    '--month',
    '1403-05',
    '--json',
  ]);
  expect(opened.code, opened.stderr).toBe(0);
  const rows = (JSON.parse(opened.stdout) as OpenOutcome).rows;
  const [first, second] = rows;
  if (!first || !second) throw new Error('open added no rows');

  // The first new row's name cell now holds the second agency's name.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(box.workbook);
  const sheet = book.getWorksheet('امتیازها');
  const header = sheet?.getRow(1).values as unknown[];
  const nameColumn = header.indexOf('نام دستگاه');
  expect(nameColumn).toBeGreaterThan(0);
  const cell = sheet?.getCell(first.row, nameColumn);
  if (!cell) throw new Error('no name cell');
  expect(cell.value).toBe(first.name);
  cell.value = second.name;
  await book.xlsx.writeFile(box.workbook);

  const checked = await karnameh([
    'check',
    '--workbook',
    box.workbook,
    '--month',
    '1403-05',
    '--json',
  ]);
  const problems = checked.summary().problems.filter((p) => p.code === 'score.agency_mismatch');
  expect(problems).toEqual([
    {
      code: 'score.agency_mismatch',
      severity: 'warning',
      tab: 'امتیازها',
      cell: cell.address,
      message: expect.stringContaining(`«${second.agency}»`) as unknown,
    },
  ]);
  expect(problems[0]?.message).toContain(`شناسهٔ «${first.agency}»`);

  // The problems tab of the file says the same, at the same cell.
  const problemsTab = findTab(await createXlsxStore(box.workbook).read(), 'problems');
  const lines = (problemsTab?.rows ?? []).filter((r) => r[1] === 'score.agency_mismatch');
  expect(lines.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
    ['هشدار', 'امتیازها', cell.address, problems[0]?.message],
  ]);
}, 60_000);
