/**
 * A person moved the header of the runs tab out of row 1 (a row inserted above it, a column
 * deleted): none of its records can be read, so the month would look never sent. The run
 * must stop before sending, and say what to put back (the claim is then not found in it);
 * the dry run says a real run would stop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editTab } from '../../support/mail-fixtures.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { emlFiles } from '../../support/outbox-files.ts';

let box: Awaited<ReturnType<typeof scratch>>;
beforeEach(async () => {
  box = await scratch();
});
afterEach(() => box.cleanup());

const run = () =>
  karnameh(['run', '--workbook', box.workbook, '--month', '1403-04', '--outbox', box.outbox]);
const mailed = () => emlFiles(box.outbox);

describe('a runs tab whose header is no longer in row 1', () => {
  it.each([
    [
      'a row inserted above the header',
      (ws: import('exceljs').Worksheet) => ws.spliceRows(1, 0, []),
    ],
    ['the month column deleted', (ws: import('exceljs').Worksheet) => ws.spliceColumns(2, 1)],
  ])('%s: the next run sends nothing and names the header', async (_what, edit) => {
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    const sent = await mailed();
    await editTab(box.workbook, 'runs', edit);
    // the dry run says so too, instead of rendering as if the month were never sent
    const dry = await karnameh([
      'run',
      '--workbook',
      box.workbook,
      '--month',
      '1403-04',
      '--dry-run',
      '--outbox',
      box.outbox,
    ]);
    expect(dry.stderr).toContain('BLOCKED: a real run would stop: row 1 of the runs tab');
    const again = await run();
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('nothing was sent: row 1 of the runs tab «اجراها» has no');
    expect(again.stderr).toContain('put the header back in row 1');
    expect(await mailed()).toEqual(sent);
  });
});
