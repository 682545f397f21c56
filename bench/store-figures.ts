/**
 * The two stores on the large workbook: reading the .xlsx file, and reading and writing a
 * Google Sheet through the Sheets stand-in (calls made, largest request body).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createXlsxStore } from '../functions/adapters/xlsx/xlsx-store.ts';
import { computeResults } from '../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../functions/core/contract/parse-workbook.ts';
import { problemsRows } from '../functions/core/runs/problems-tab.ts';
import { resultsTabRows } from '../functions/core/runs/results-tab.ts';
import type { WriteRequest } from '../functions/ports.ts';
import { standInStore } from '../test/support/sheets-fixtures.ts';
import { startSheetsStandIn } from '../test/support/sheets-stand-in.ts';
import { lastMonth, type Size } from './core-figures.ts';
import { buildLargeWorkbook, makeLargeWorkbook } from './large-workbook.ts';
import { median, medianMs, type Figure } from './measure.ts';

const label = (size: Size) => `${size.agencies} agencies × ${size.months} months`;

export async function xlsxFigures(size: Size, runs: number): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-bench-xlsx-'));
  try {
    const path = join(dir, 'large.xlsx');
    const start = performance.now();
    await makeLargeWorkbook(path, size);
    const written = performance.now() - start;
    const store = createXlsxStore(path);
    const ms = await medianMs(
      runs,
      () => store.read(),
      () => undefined,
    );
    return [
      {
        name: `xlsx read, ${label(size)}`,
        value: ms,
        unit: 'ms',
        runs,
        detail: `zip parts + saxen; writing the file (exceljs) took ${written.toFixed(0)} ms`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The write a run of `month` makes on a workbook without output tabs: whole tabs and its runs row. */
function outputsFor(size: Size, month: string): WriteRequest {
  const raw = buildLargeWorkbook(size);
  const parsed = parseWorkbook(raw, { month });
  if (parsed.fatal) throw new Error('the generated workbook does not parse');
  const computed = computeResults(parsed.model, parsed.problems, month, 'checked');
  return {
    outputs: {
      results: resultsTabRows(undefined, computed.month, 'r-bench'),
      problems: problemsRows(parsed.problems),
    },
    runs: [
      {
        runId: 'r-bench',
        month,
        at: '',
        kind: 'run',
        status: 'sent',
        recipient: '',
        requestedBy: '',
        contentHash: '',
        detail: '',
      },
    ],
  };
}

export async function sheetsFigures(size: Size, runs: number): Promise<Figure[]> {
  const standIn = await startSheetsStandIn();
  try {
    const raw = buildLargeWorkbook(size);
    const month = lastMonth(size.months);
    const request = outputsFor(size, month);
    const reads: number[] = [];
    const writes: number[] = [];
    let calls: string[] = [];
    let largest = 0;
    for (let i = 0; i <= runs; i++) {
      const id = `bench-sheet-${i}`;
      standIn.loadWorkbook(id, raw);
      standIn.resetLog();
      const store = standInStore(standIn, id);
      const t0 = performance.now();
      await store.read();
      const t1 = performance.now();
      await store.write(request);
      const t2 = performance.now();
      if (i === 0) continue; // warm-up
      reads.push(t1 - t0);
      writes.push(t2 - t1);
      calls = standIn.log.map((r) => r.method);
      largest = standIn.log.reduce((max, r) => Math.max(max, r.bodyBytes), 0);
    }
    const rows = (request.outputs.results?.length ?? 1) - 1;
    return [
      {
        name: `Sheets store read, ${label(size)}, stand-in`,
        value: median(reads),
        unit: 'ms',
        runs,
        detail: 'spreadsheets.get + values.batchGet over HTTP on 127.0.0.1',
      },
      {
        name: `Sheets store write of ${month}'s outputs, stand-in`,
        value: median(writes),
        unit: 'ms',
        runs,
        detail: `${rows} results rows in one batchUpdate; calls: ${calls.join(', ')}`,
      },
      {
        name: 'Sheets calls for read + write',
        value: calls.length,
        unit: 'calls',
        // get + batchGet; the runs tab read afresh at write time (values.batchGet) + batchUpdate
        target: 4,
        runs: 1,
      },
      {
        name: 'Sheets largest request body',
        value: largest,
        unit: 'bytes',
        target: 2_000_000,
        runs: 1,
        detail: 'the batchUpdate that writes the month',
      },
    ];
  } finally {
    await standIn.close();
  }
}
