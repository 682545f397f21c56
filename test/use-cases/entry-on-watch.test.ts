// The watcher's part in the data entry: open on open_day, close after the deadline day, extensions taken back; each once.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import { readRunsLog } from '../../functions/core/contract/runs-log.ts';
import { findTab } from '../../functions/core/contract/tab-lookup.ts';
import { entryOnWatch } from '../../functions/use-cases/entry-on-watch.ts';
import { reopenMonth } from '../../functions/use-cases/reopen-month.ts';
import { scratch } from '../support/cli-harness.ts';

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

const silent = { info: () => {}, warn: () => {}, error: () => {} };
let n = 0;

/** One watcher pass at `iso` (the settings and runs tab read as the watcher reads them). */
async function pass(iso: string) {
  const store = createXlsxStore(box.workbook);
  const raw = await store.read();
  const { parseWorkbook } = await import('../../functions/core/contract/parse-workbook.ts');
  const settings = parseWorkbook(raw, { month: '1403-05' }).model.settings;
  return entryOnWatch(
    { store, now: () => new Date(iso), newRunId: () => `r-watch-${++n}`, log: silent },
    settings,
    raw,
  );
}

async function state() {
  const raw = await createXlsxStore(box.workbook).read();
  return {
    runs: readRunsLog(findTab(raw, 'runs')).filter((e) =>
      ['open', 'close', 'reopen'].includes(e.kind),
    ),
    archive: findTab(raw, 'archive')?.rows.slice(1) ?? [],
  };
}

it('opens on open_day, closes after the deadline day, takes an extension back when it runs out, each once', async () => {
  // 1403-06-04: before open_day, nothing.
  expect(await pass('2024-08-25T08:00:00Z')).toMatchObject({ opened: null, closed: null });
  // 1403-06-05: open_day: 1403-05 opened, once.
  expect(await pass('2024-08-26T08:00:00Z')).toMatchObject({ opened: '1403-05' });
  expect(await pass('2024-08-26T09:00:00Z')).toMatchObject({ opened: null });
  // 1403-06-10, the deadline day: still open.
  expect(await pass('2024-08-31T19:00:00Z')).toMatchObject({ closed: null });
  // 1403-06-11: closed, once.
  expect(await pass('2024-09-01T08:00:00Z')).toMatchObject({ closed: '1403-05' });
  expect(await pass('2024-09-01T09:00:00Z')).toMatchObject({ closed: null, opened: null });
  const closed = await state();
  expect(closed.runs.map((e) => e.kind)).toEqual(['open', 'close']);
  const archived = closed.archive.length;
  expect(archived).toBeGreaterThan(100);
  // An extension for one agency until 1403-06-12; taken back on the 13th, once.
  await reopenMonth(
    {
      store: createXlsxStore(box.workbook),
      now: () => new Date('2024-09-01T10:00:00Z'),
      newRunId: () => 'r-reopen',
      log: silent,
    },
    { month: '1403-05', agency: 'd001', until: '1403-06-12', requestedBy: 'test' },
  );
  expect(await pass('2024-09-02T08:00:00Z')).toMatchObject({ takenBack: [] });
  expect(await pass('2024-09-03T08:00:00Z')).toMatchObject({ takenBack: ['1403-05 d001'] });
  expect(await pass('2024-09-03T09:00:00Z')).toMatchObject({ takenBack: [] });
  const after = await state();
  expect(after.runs.map((e) => `${e.kind} ${e.recipient}`)).toEqual([
    'open ',
    'close ',
    'reopen d001',
    'close d001',
  ]);
  expect(after.archive).toHaveLength(archived + 1);
  expect(after.archive.at(-1)?.slice(0, 2)).toEqual(['1403-05', 'd001']);
}, 60_000);
