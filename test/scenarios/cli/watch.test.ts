/** `karnameh watch`: the watcher's pass from the command line drives a month end to end on an .xlsx, each step once. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { readRunsLog } from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { spawnCli } from '../../support/spawn-cli.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { emlFiles } from '../../support/outbox-files.ts';

let box: Awaited<ReturnType<typeof scratch>>;
beforeEach(async () => {
  box = await scratch();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(box.workbook);
  const settings = wb.getWorksheet('تنظیمات');
  settings?.addRow(['روز باز شدن', 5]);
  settings?.addRow(['مهلت ثبت', 10]);
  await wb.xlsx.writeFile(box.workbook);
});
afterEach(async () => box.cleanup());

/** One pass at `iso`; its exit code, its summary (stdout) and its logs (stderr). */
async function pass(iso: string) {
  const result = await karnameh(
    ['watch', '--workbook', box.workbook, '--outbox', box.outbox],
    { USER: 'cron' },
    new Date(iso),
  );
  return { code: result.code, said: result.stdout, logs: result.stderr };
}

/** Writes `value` into the settings' run request. */
async function requestRun(value: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(box.workbook);
  wb.getWorksheet('تنظیمات')?.eachRow((row) => {
    if (row.getCell(1).value === 'درخواست اجرا') row.getCell(2).value = value;
  });
  await wb.xlsx.writeFile(box.workbook);
}

const emlCount = async (): Promise<number> => (await emlFiles(box.outbox)).length;

async function kinds(): Promise<string[]> {
  const raw = await createXlsxStore(box.workbook).read();
  return readRunsLog(findTab(raw, 'runs'))
    .filter((e) => ['open', 'close', 'digest'].includes(e.kind) && e.month === '1403-05')
    .map((e) => `${e.kind} ${e.status}`);
}

it('opens on open_day, reminds on a reminder day, closes after the deadline: each once, a second pass the same moment doing nothing', async () => {
  // 1403-06-04: nothing due.
  const early = await pass('2024-08-25T08:00:00Z');
  expect(early.code, early.said).toBe(0);
  expect(early.said).not.toMatch(/opened|closed|reminders for/);

  // 1403-06-05 (open_day): 1403-05 opened, once.
  const open = await pass('2024-08-26T08:00:00Z');
  expect(open.code, open.said).toBe(0);
  expect(open.said).toContain('opened 1403-05');
  expect((await pass('2024-08-26T08:15:00Z')).said).not.toContain('opened');

  // 1403-06-07: three days before the deadline: every agency with an empty row is reminded, once.
  const remind = await pass('2024-08-28T08:00:00Z');
  expect(remind.code, remind.said).toBe(0);
  expect(remind.said).toContain('reminders for 1403-05');
  const reminded = await emlCount();
  expect(reminded).toBeGreaterThan(100);
  await pass('2024-08-28T08:15:00Z');
  expect(await emlCount()).toBe(reminded);

  // 1403-06-11: the deadline day is over: closed, once.
  const close = await pass('2024-09-01T08:00:00Z');
  expect(close.code, close.said).toBe(0);
  expect(close.said).toContain('closed 1403-05');
  expect((await pass('2024-09-01T08:15:00Z')).said).not.toContain('closed');

  expect((await kinds()).filter((k) => !k.startsWith('digest'))).toEqual([
    'open done',
    'close done',
  ]);
}, 120_000);

it('a run request in the settings: the month is run once and the request cleared', async () => {
  await requestRun('1403-04');
  const first = await pass('2024-07-25T08:00:00Z');
  expect(first.code, first.said).toBe(0);
  expect(first.said).toMatch(
    /run_request 1403-04: handled: .*release written as \.eml for 3 recipient/,
  );
  const sent = await emlCount();
  expect(sent).toBe(3 + 110);
  const second = await pass('2024-07-25T08:15:00Z');
  expect(second.said).not.toContain('run_request');
  expect(await emlCount()).toBe(sent);
  // The runs tab of the file records the request once, beside the run it started.
  const runs = readRunsLog(findTab(await createXlsxStore(box.workbook).read(), 'runs'));
  const requests = runs.filter((e) => e.kind === 'request');
  expect(requests.map((e) => [e.month, e.status, e.requestedBy])).toEqual([
    ['1403-04', 'done', 'run_request via cli:cron'],
  ]);
  const run = runs.find((e) => e.kind === 'run' && e.runId === requests[0]?.runId);
  // No SMTP_URL: the messages were written as .eml files, and run_status says so.
  expect(run?.status).toBe('written');
  expect(requests[0]?.detail).toContain('نوشته شد و فرستاده نشد');
}, 120_000);

it('a real process on today’s date: one pass, exit 0, nothing due on the example', async () => {
  const run = await spawnCli(['watch', '--workbook', box.workbook, '--outbox', box.outbox], {});
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^checked \d{4}-\d{2}: \d+ error\(s\), \d+ warning\(s\)/);
  expect(run.stderr).not.toContain('checked');
  expect(await emlCount()).toBe(0);
}, 60_000);

it('says its summary once on stdout, logs on stderr; a run request of another month is not swapped back by the next pass', async () => {
  // 1403-05-04: the watcher checks 1403-04, where one agency's row is gone (a warning only
  // that month); the request asks for 1403-03, whose problems tab is empty.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(box.workbook);
  const scores = wb.getWorksheet('امتیازها');
  let gone = 0;
  scores?.eachRow((row, n) => {
    if (gone === 0 && String(row.getCell(1).value).includes('1403-04')) gone = n;
  });
  expect(gone).toBeGreaterThan(1);
  scores?.spliceRows(gone, 1);
  await wb.xlsx.writeFile(box.workbook);
  await requestRun('1403-03');
  const first = await pass('2024-07-25T08:00:00Z');
  expect(first.said, first.logs).toMatch(
    /^checked 1403-04: 0 error\(s\), 1 warning\(s\); problems tab rewritten\nrun_request 1403-03: handled/,
  );
  for (const line of first.said.trim().split('\n')) {
    expect(first.said.split(line).length - 1, line).toBe(1);
    expect(first.logs).not.toContain(line);
  }
  expect(first.logs.match(/run_request 1403-03/g)).toHaveLength(1);
  // Nothing new: the next pass writes nothing (the problems tab still says what the run wrote).
  const second = await pass('2024-07-25T08:15:00Z');
  expect(second.said).toBe('checked 1403-04: 0 error(s), 1 warning(s)\n');
  expect(second.logs).not.toContain('problems tab rewritten');
}, 120_000);
