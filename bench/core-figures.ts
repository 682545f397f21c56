/**
 * Check + compute on a generated workbook already in memory (reading excluded): what
 * `parseWorkbook` and `computeResults` cost for the month a run publishes.
 */
import type { RawWorkbook } from '../functions/core/contract/cells.ts';
import { computeResults } from '../functions/core/figures/compute-summary.ts';
import { parseWorkbook } from '../functions/core/contract/parse-workbook.ts';
import { TABS } from '../functions/core/contract/tabs.ts';
import { buildLargeWorkbook } from './large-workbook.ts';
import { medianMs, type Figure } from './measure.ts';

export interface Size {
  agencies: number;
  months: number;
}

/** The last month of `months` months from 1402-01. */
export function lastMonth(months: number): string {
  const n = months - 1;
  return `${1402 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** Parses and computes the last month; returns how many agencies were evaluated. */
export function checkAndCompute(raw: RawWorkbook, month: string): number {
  const parsed = parseWorkbook(raw, { month });
  if (parsed.fatal) throw new Error('the generated workbook does not parse');
  const { summary } = computeResults(parsed.model, parsed.problems, month, 'checked');
  return summary.groups.reduce((n, g) => n + g.evaluated, 0);
}

export async function coreFigures(size: Size, runs: number): Promise<Figure[]> {
  const raw = buildLargeWorkbook(size);
  const month = lastMonth(size.months);
  const evaluated = checkAndCompute(raw, month); // warm-up, and a sanity check
  if (evaluated !== size.agencies) {
    throw new Error(`expected ${size.agencies} agencies evaluated, got ${evaluated}`);
  }
  const ms = await medianMs(
    runs,
    () => checkAndCompute(raw, month),
    () => undefined,
  );
  const scoreRows = (raw.tabs.find((t) => t.name === TABS.scores.label)?.rows.length ?? 1) - 1;
  return [
    {
      name: `check + compute, ${size.agencies} agencies × 20 indicators × ${size.months} months`,
      value: ms,
      unit: 'ms',
      target: 1000,
      runs,
      detail: `parseWorkbook + computeResults for ${month}; ${scoreRows.toLocaleString('en-US')} score rows in memory`,
    },
  ];
}
