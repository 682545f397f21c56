/** The summary of a workbook whose figures cannot be computed: only its problems. */
import { monthName, previousMonth } from '../language/jalali.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { Problem } from '../contract/problems.ts';
import type { Summary, SummaryStatus } from './summary.ts';

/** The summary of a workbook whose figures cannot be computed: no groups, only its problems. */
export function fatalSummary(month: MonthKey, problems: Problem[], status: SummaryStatus): Summary {
  return {
    month,
    monthName: monthName(month),
    previousMonth: previousMonth(month),
    status,
    groups: [],
    topBandEver: 0,
    problems: problems.map(({ code, severity, tab, cell, message }) => ({
      code,
      severity,
      tab,
      cell,
      message,
    })),
  };
}
