/** Hints for a person at the terminal: the workbook's latest month when the default month has no scores. */
import { compareMonths, monthName } from '../core/language/jalali.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import type { Summary } from '../core/figures/summary.ts';
import type { WorkbookStore } from '../ports.ts';

/** True when nobody in the month's summary was evaluated (nothing to send or report). */
export function nobodyEvaluated(summary: Summary): boolean {
  return summary.groups.every((group) => group.evaluated === 0);
}

/**
 * When `--month` was left to its default and that month has no scores, the latest month
 * that has some (not after the default), as a line naming the flag to give; else null.
 * Reads the workbook once more: this is only said after a run that found nothing.
 */
export async function latestMonthHint(
  store: Pick<WorkbookStore, 'read'>,
  month: string,
): Promise<string | null> {
  const raw = await store.read();
  const { model } = parseWorkbook(raw, { month });
  const months = [...new Set(model.scores.map((row) => row.month))]
    .filter((m) => compareMonths(m, month) < 0)
    .sort(compareMonths);
  const latest = months.at(-1);
  if (!latest) return null;
  return `${month} (the default: the month before this one) has no scores in this workbook; its latest month with scores is ${latest} (${monthName(latest)}): give --month ${latest}`;
}
