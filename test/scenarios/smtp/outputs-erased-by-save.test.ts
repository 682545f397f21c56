/**
 * A save from another program between a run's writes (issue 19, item 13), with a real
 * process, a real file and SMTP on loopback: Excel and LibreOffice save by writing a copy
 * and renaming it over the workbook, so a copy opened before the run puts back the tabs as
 * they were then. The run's next write notices that its results and problems tabs are
 * gone, writes them again onto that save (its edit kept), and says so.
 */
import { copyFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
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

const tabNames = async (path: string): Promise<string[]> =>
  (await createXlsxStore(path).read()).tabs.map((t) => t.name);

describe('outputs erased by a save from another program during the run', () => {
  it('are written again onto that save, whose edit is kept, and the run says so', async () => {
    // The secretary opened the workbook before the run and adds a notes tab to it.
    const opened = join(box.dir, 'opened-before.xlsx');
    await copyFile(box.workbook, opened);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(opened);
    book.addWorksheet('یادداشت‌ها').addRow(['تماس با دبیرخانه، سه‌شنبه']);
    await book.xlsx.writeFile(opened);

    smtp.faults.replyDelayMs = 800; // time to save while the release goes out
    const argv = ['run', '--workbook', box.workbook, '--outbox', box.outbox, '--month', MONTH];
    const running = spawnCli(argv, { SMTP_URL: smtp.url, MAIL_FROM });
    // Once the run has written its results, the save lands: a copy renamed over the file.
    await vi.waitFor(async () => expect(await tabNames(box.workbook)).toContain('نتایج'), {
      timeout: 30_000,
      interval: 25,
    });
    expect(smtp.received.length).toBeLessThan(RECIPIENTS.length);
    const saved = join(box.dir, '.~saving.xlsx');
    await copyFile(opened, saved);
    await rename(saved, box.workbook);

    const done = await running;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('written again onto that save');
    const after = await createXlsxStore(box.workbook).read();
    const names = after.tabs.map((t) => t.name);
    expect(names).toContain('یادداشت‌ها');
    const results = findTab(after, 'results');
    expect(results?.rows.slice(1).filter((row) => row[0] === MONTH).length).toBeGreaterThan(100);
    expect(findTab(after, 'problems')).toBeDefined();
    expect(smtp.counts()).toEqual(Object.fromEntries([...RECIPIENTS].sort().map((r) => [r, 1])));
  }, 90_000);
});
