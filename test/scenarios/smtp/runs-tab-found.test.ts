/**
 * The runs record of an .xlsx is found by what it is (issue 19, item 2), with real
 * processes and SMTP on loopback: a renamed runs tab is still the record (a rerun sends
 * nothing); two tabs with its header stop the run, both named; sent rows in a tab whose
 * header was lost stop the run rather than start a new, empty record.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import { spawnCli } from '../../support/spawn-cli.ts';
import { MAIL_FROM, MONTH, RECIPIENTS, setAgencyCards } from '../../support/mail-fixtures.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false);
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

/** `karnameh run` in a process of its own: its exit code and stderr. */
function run(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  const argv = ['run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH];
  return spawnCli([...argv, ...args], { SMTP_URL: smtp.url, MAIL_FROM });
}

/** The workbook as another program saves it, after `edit`. */
async function save(edit: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(box.workbook);
  edit(book);
  await book.xlsx.writeFile(box.workbook);
}

const everyoneOnce = () => Object.fromEntries([...RECIPIENTS].sort().map((r) => [r, 1]));

describe('the runs tab of an .xlsx, whatever its title', () => {
  it('renamed after the month was sent: a rerun sends nothing, and writes into it', async () => {
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(smtp.counts()).toEqual(everyoneOnce());
    await save((book) => {
      const runs = book.getWorksheet('اجراها');
      if (runs) runs.name = 'سوابق ارسال ۱۴۰۳';
    });
    const again = await run();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('already sent');
    expect(smtp.counts()).toEqual(everyoneOnce());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(box.workbook);
    // No new, empty runs tab: the second run's row went into the renamed one.
    expect(book.getWorksheet('اجراها')).toBeUndefined();
    const kept = book.getWorksheet('سوابق ارسال ۱۴۰۳');
    const kinds: unknown[] = [];
    kept?.eachRow((row) => kinds.push(row.getCell(4).value));
    expect(kinds.filter((k) => k === 'run')).toHaveLength(2);
  }, 60_000);

  it('two tabs with the runs header: the run stops, naming both', async () => {
    await run();
    await save((book) => {
      const runs = book.getWorksheet('اجراها');
      const copy = book.addWorksheet('اجراها (۲)');
      runs?.eachRow((row) => copy.addRow(row.values as unknown[]));
    });
    const again = await run();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('اجراها (۲)');
    expect(again.stderr).toContain('tab.duplicate');
    expect(smtp.counts()).toEqual(everyoneOnce());
  }, 60_000);

  it('sent rows in a renamed tab whose header was lost: the run stops, never starts a new record', async () => {
    await run();
    await save((book) => {
      const runs = book.getWorksheet('اجراها');
      if (!runs) return;
      runs.spliceRows(1, 1);
      runs.name = 'بایگانی ارسال';
    });
    const again = await run();
    expect(again.code, again.stderr).toBe(1);
    expect(again.stderr).toContain('بایگانی ارسال');
    expect(smtp.counts()).toEqual(everyoneOnce());
  }, 60_000);
});
