/**
 * The bundled example through `--sheet` (the Sheets stand-in) and through `--workbook`
 * gives the same summary JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { summarySchema } from '../../../functions/core/figures/summary.ts';
import { scratchDir, standInEnv, type Scratch } from '../../support/sheets-cli.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { EXAMPLE, karnameh, scratch } from '../../support/cli-harness.ts';

const SHEET = 'ilam-example-1403';

let standIn: SheetsStandIn;
let box: Scratch;
let copy: Awaited<ReturnType<typeof scratch>>;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
  standIn.loadWorkbook(SHEET, await createXlsxStore(EXAMPLE).read());
  box = await scratchDir();
  copy = await scratch();
});
afterAll(async () => {
  await standIn?.close();
  await box?.cleanup();
  await copy?.cleanup();
});

describe('examples/ilam-1403.xlsx in a Google Sheet', () => {
  it('gives the same summary JSON for run --dry-run --json as the .xlsx file', async () => {
    standIn.resetLog();
    const args = ['--month', '1403-04', '--dry-run', '--json', '--outbox', box.outbox];
    const sheet = await karnameh(['run', '--sheet', SHEET, ...args], standInEnv(standIn));
    const file = await karnameh(['run', '--workbook', EXAMPLE, ...args]);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(file.code, file.stderr).toBe(0);
    expect(sheet.stdout).toBe(file.stdout);
    expect(summarySchema.parse(sheet.summary())).toMatchObject({
      month: '1403-04',
      status: 'dry-run',
      topBandEver: 0,
    });
    expect(sheet.summary().groups.map((g) => g.weakShare)).toEqual([41, 80]);
    expect(standIn.log.map((r) => r.method)).toEqual(['get', 'values.batchGet']);
  });

  it('gives the same summary JSON for check --json as the .xlsx file', async () => {
    const sheet = await karnameh(
      ['check', '--sheet', SHEET, '--month', '1403-04', '--json'],
      standInEnv(standIn),
    );
    const file = await karnameh([
      'check',
      '--workbook',
      copy.workbook,
      '--month',
      '1403-04',
      '--json',
    ]);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(sheet.stdout).toBe(file.stdout);
    expect(sheet.summary().status).toBe('checked');
    expect(standIn.tabRows(SHEET, 'خطاها')).toEqual([['نوع', 'کد', 'برگه', 'خانه', 'شرح']]);
  });
});
