/**
 * The agencies' data entry on a Google Sheet (issue 22): opening and closing a month of
 * 200 agencies through the Sheets stand-in, guard included. Target: at most 4 Sheets calls
 * each, whatever the number of agencies.
 */
import { performance } from 'node:perf_hooks';
import type { RawWorkbook } from '../functions/core/contract/cells.ts';
import { findTab } from '../functions/core/contract/tab-lookup.ts';
import { TABS } from '../functions/core/contract/tabs.ts';
import { closeMonth } from '../functions/use-cases/close-month.ts';
import { openMonth } from '../functions/use-cases/open-month.ts';
import { standInStore } from '../test/support/sheets-fixtures.ts';
import { startSheetsStandIn } from '../test/support/sheets-stand-in.ts';
import { buildLargeWorkbook } from './large-workbook.ts';
import { median, type Figure } from './measure.ts';

const AGENCIES = 200;
const MONTH = '1403-01'; // after the workbook's 12 months (1402-01 … 1402-12)
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** The large workbook with an address per agency and a runs tab, as `init` leaves it. */
function workbook(): RawWorkbook {
  const raw = buildLargeWorkbook({ agencies: AGENCIES, months: 12 });
  const agencies = findTab(raw, 'agencies');
  for (const row of agencies?.rows.slice(1) ?? []) row[4] = `pr.${String(row[0])}@example.org`;
  return {
    tabs: [...raw.tabs, { name: TABS.runs.label, rows: [TABS.runs.columns.map((c) => c.label)] }],
  };
}

export async function entryFigures(runs: number): Promise<Figure[]> {
  const standIn = await startSheetsStandIn();
  try {
    const raw = workbook();
    const times = { open: [] as number[], close: [] as number[] };
    const calls = { open: [] as string[], close: [] as string[] };
    let largest = 0;
    for (let i = 0; i <= runs; i++) {
      const id = `bench-entry-${i}-0123456789`;
      standIn.loadWorkbook(id, raw);
      const store = standInStore(standIn, id, { editor: 'karnameh@bench.iam.gserviceaccount.com' });
      const deps = { store, now: () => new Date('2025-04-25T08:00:00Z'), log: silent };
      standIn.resetLog();
      let t = performance.now();
      const opened = await openMonth(
        { ...deps, newRunId: () => `r-open-${i}` },
        { month: MONTH, dryRun: false, requestedBy: 'bench' },
      );
      if (opened.rows.length !== AGENCIES) throw new Error(`opened ${opened.rows.length} rows`);
      const openMs = performance.now() - t;
      const openCalls = standIn.log.map((r) => r.method);
      largest = Math.max(largest, ...standIn.log.map((r) => r.bodyBytes));
      standIn.resetLog();
      t = performance.now();
      await closeMonth(
        { ...deps, newRunId: () => `r-close-${i}` },
        { month: MONTH, requestedBy: 'bench' },
      );
      const closeMs = performance.now() - t;
      if (i === 0) continue; // warm-up
      times.open.push(openMs);
      times.close.push(closeMs);
      calls.open = openCalls;
      calls.close = standIn.log.map((r) => r.method);
      largest = Math.max(largest, ...standIn.log.map((r) => r.bodyBytes));
    }
    const figure = (what: 'open' | 'close'): Figure[] => [
      {
        name: `${what} a month of ${AGENCIES} agencies (guard included), stand-in`,
        value: median(times[what]),
        unit: 'ms',
        runs,
        detail: calls[what].join(', '),
      },
      {
        name: `Sheets calls to ${what} a month of ${AGENCIES} agencies`,
        value: calls[what].length,
        unit: 'calls',
        target: 4,
        runs: 1,
      },
    ];
    return [
      ...figure('open'),
      ...figure('close'),
      { name: 'largest open/close request body', value: largest, unit: 'bytes', runs: 1 },
    ];
  } finally {
    await standIn.close();
  }
}
