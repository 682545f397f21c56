/**
 * A synthetic workbook for benchmarks: N agencies × M months × the example's 20
 * indicators, every cell filled with a number. Deterministic for a given seed (no
 * Math.random, no clock). 2,000 agencies × 24 months is 48,000 score rows.
 */
import type { CellValue, RawWorkbook } from '../functions/core/contract/cells.ts';
import { monthKey, splitMonth, toPersianDigits } from '../functions/core/language/jalali.ts';
import { TABS } from '../functions/core/contract/tabs.ts';
import {
  AGENCIES,
  EXECUTIVE,
  GOVERNORATE,
  INDICATORS,
  seededRandom,
} from '../scripts/example-data.ts';
import { label, workbookWith } from '../scripts/make-example.ts';
import { writeWorkbookXlsx } from '../scripts/write-workbook.ts';

export interface LargeWorkbookOptions {
  agencies: number;
  months: number;
  /** The first month, canonical; default 1402-01. */
  firstMonth?: string;
  seed?: number;
}

function monthsFrom(first: string, count: number): string[] {
  const { year, month } = splitMonth(first);
  return Array.from({ length: count }, (_, i) => {
    const n = month - 1 + i;
    return monthKey(year + Math.floor(n / 12), (n % 12) + 1);
  });
}

/** The synthetic workbook's agencies: one in ten a governorate, names unique. */
function agencyRows(count: number): CellValue[][] {
  const bases = AGENCIES.filter((a) => a.active).map((a) => a.name);
  return Array.from({ length: count }, (_, i) => {
    const governorate = i % 10 === 9;
    const base = bases[i % bases.length] ?? 'دستگاه';
    return [
      `a${String(i + 1).padStart(5, '0')}`,
      `${base} ${toPersianDigits(i + 1)}`,
      governorate ? GOVERNORATE : EXECUTIVE,
      'بله',
      null,
    ];
  });
}

export function buildLargeWorkbook(options: LargeWorkbookOptions): RawWorkbook {
  const rng = seededRandom(options.seed ?? 1403);
  const months = monthsFrom(options.firstMonth ?? '1402-01', options.months);
  const agencies = agencyRows(options.agencies);
  const quality = agencies.map(() => 0.15 + 0.6 * rng());
  const scores: CellValue[][] = [
    [label('scores', 'month'), label('scores', 'agency'), ...INDICATORS.map((i) => i.code)],
  ];
  months.forEach((month, m) => {
    const trend = (0.15 * m) / Math.max(1, months.length - 1);
    agencies.forEach((agency, a) => {
      const level = (quality[a] ?? 0.5) + trend;
      scores.push([
        month,
        agency[0] ?? null,
        ...INDICATORS.map((ind) => {
          const ratio = Math.min(1, Math.max(0, level + (rng() - 0.5) * 0.4));
          return Math.round(ratio * ind.max);
        }),
      ]);
    });
  });
  return workbookWith(agencies, { name: TABS.scores.label, rows: scores });
}

/** Builds the synthetic workbook, writes it to `path` (.xlsx) and returns it. */
export async function makeLargeWorkbook(
  path: string,
  options: LargeWorkbookOptions,
): Promise<RawWorkbook> {
  const workbook = buildLargeWorkbook(options);
  await writeWorkbookXlsx(workbook, path, { [TABS.scores.label]: { frozenColumns: 2 } });
  return workbook;
}
