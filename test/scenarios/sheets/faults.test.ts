/**
 * `karnameh run --sheet` when Google Sheets keeps failing: a clear message, exit 3, nothing
 * sent and the sheet exactly as it was. The CLI uses the store's own backoff (500 ms,
 * doubling, 5 attempts), so this takes several seconds; the same run through 429s is in
 * test/scenarios/stores/sheets-retry.test.ts with short delays.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractWorkbook } from '../../support/contract-workbook.ts';
import { calls, scratchDir, standInEnv, type Scratch } from '../../support/sheets-cli.ts';
import { startSheetsStandIn, type SheetsStandIn } from '../../support/sheets-stand-in.ts';
import { karnameh } from '../../support/cli-harness.ts';

let standIn: SheetsStandIn;
let box: Scratch;

beforeAll(async () => {
  standIn = await startSheetsStandIn();
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(async () => {
  box = await scratchDir();
  standIn.clearFaults();
  standIn.resetLog();
});
afterEach(async () => {
  await box.cleanup();
});

const run = (sheet: string, ...more: string[]) =>
  karnameh(
    ['run', '--sheet', sheet, '--month', '1403-04', '--outbox', box.outbox, ...more],
    standInEnv(standIn),
  );

describe('karnameh run --sheet against a failing Sheets API', () => {
  it('stops with exit 3 and source.unavailable on a persistent 500, sends nothing, changes nothing', async () => {
    standIn.loadWorkbook('faults-500', contractWorkbook());
    const before = standIn.dump('faults-500');
    standIn.inject({ status: 500, times: Infinity, methods: ['batchUpdate'] });
    const result = await run('faults-500');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'karnameh error: Google Sheets is unavailable: 5 attempts to write to spreadsheet faults-500 failed; the last answer was 500 Internal error encountered. Sheets applies a batch whole or not at all, so the sheet holds either all of this change or none of it; run again to be sure. [source.unavailable]',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // A 500 may hide a batch that landed: the sheet is read again before each new attempt,
    // and the tab list once more for the runs tab the claim row goes to (there is none yet;
    // the first attempt adds it on the read's word: a second tab of that title is refused).
    const attempt = ['get 200', 'batchUpdate 500'];
    expect(calls(standIn)).toEqual([
      'get 200',
      'values.batchGet 200',
      'batchUpdate 500',
      ...Array(4)
        .fill(['get 200', 'values.batchGet 200', ...attempt])
        .flat(),
    ]);
    expect(await box.mailed()).toEqual([]);
    expect(standIn.dump('faults-500')).toBe(before);
  });
});
