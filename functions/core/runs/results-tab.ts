/** The results tab's rows: the run month's ranking placed among the other months' rows. */
import type { CellValue, RawTab } from '../contract/cells.ts';
import type { MonthResult } from '../figures/compute-summary.ts';
import { parseMonthCell } from '../contract/cell-values.ts';
import type { MonthKey } from '../language/jalali.ts';
import { normalizeName } from '../language/normalize.ts';
import { notEvaluatedReason } from '../language/persian-text.ts';
import { TABS } from '../contract/tabs.ts';

const label = (key: string): string =>
  TABS.results.columns.find((c) => c.key === key)?.label ?? key;

/** The header: fixed columns, one per dimension, then previous score, status and run id. */
export function resultsHeader(dimensions: readonly string[]): string[] {
  return [
    ...['month', 'group', 'rank', 'agency_id', 'agency', 'score', 'band'].map(label),
    ...dimensions,
    ...['previous_score', 'status', 'run_id'].map(label),
  ];
}

/** The month's rows: each group's ranking, then its agencies that were not evaluated. */
function monthRows(result: MonthResult, runId: string): CellValue[][] {
  const rows: CellValue[][] = [];
  const blanks = result.dimensions.map(() => null);
  for (const group of result.groups) {
    for (const a of group.ranking) {
      rows.push([
        result.month,
        a.group,
        a.rank,
        a.id,
        a.name,
        a.score,
        a.band,
        ...a.dimensionScores,
        a.previousScore,
        'ارزیابی شد',
        runId,
      ]);
    }
    for (const a of group.notEvaluated) {
      rows.push([
        result.month,
        a.group,
        null,
        a.id,
        a.name,
        null,
        null,
        ...blanks,
        a.previousScore,
        `ارزیابی نشد: ${notEvaluatedReason(a.reason)} (${a.reason})`,
        runId,
      ]);
    }
  }
  return rows;
}

/**
 * The whole results tab after a run: every other month's rows kept as they were, in their
 * order, and the run month's rows replaced by the new ones, placed in month order.
 */
export function resultsTabRows(
  existing: RawTab | undefined,
  result: MonthResult,
  runId: string,
): CellValue[][] {
  const header = resultsHeader(result.dimensions);
  const fresh = monthRows(result, runId);
  const [oldHeader = [], ...oldRows] = existing?.rows ?? [];
  const monthNames = new Set([normalizeName('month'), normalizeName(label('month'))]);
  const at = oldHeader.findIndex((h) => monthNames.has(normalizeName(String(h ?? ''))));
  const monthOf = (row: CellValue[]): MonthKey | null =>
    parseMonthCell(row[at === -1 ? 0 : at] ?? null);
  const kept = oldRows.filter(
    (row) => row.some((c) => c !== null && c !== '') && monthOf(row) !== result.month,
  );
  const before = kept.filter((row) => {
    const m = monthOf(row);
    return m === null || m < result.month;
  });
  const after = kept.filter((row) => {
    const m = monthOf(row);
    return m !== null && m > result.month;
  });
  return [header, ...before, ...fresh, ...after];
}
