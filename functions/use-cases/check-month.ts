/** `check`: reads and checks the workbook, writes the problems tab, sends nothing. */
import { isKarnamehError } from '../core/contract/errors.ts';
import type { CellValue } from '../core/contract/cells.ts';
import { computeSummary } from '../core/figures/compute-summary.ts';
import { fatalSummary } from '../core/figures/fatal-summary.ts';
import { defaultMonth } from '../core/language/jalali.ts';
import type { MonthKey } from '../core/language/jalali.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import { problemsRows } from '../core/runs/problems-tab.ts';
import type { Summary } from '../core/figures/summary.ts';
import type { Logger, WorkbookStore } from '../ports.ts';
import { findTab } from '../core/contract/tab-lookup.ts';

export interface CheckPorts {
  store: WorkbookStore;
  now: () => Date;
  log: Logger;
}

export interface CheckOptions {
  month?: MonthKey;
  /** Leave the problems tab alone when it already says the same (the watcher's mode). */
  onlyIfChanged?: boolean;
  /**
   * With `onlyIfChanged`: the tab is also left alone when it says what a check of this
   * month would (the month the last run wrote it for, when another: the watcher does not
   * swap it back until something changes).
   */
  alsoCurrentFor?: MonthKey;
  /**
   * A workbook that refuses the write (read-only, locked) still gets its problems reported,
   * the refusal in `notWritten` (the command line's mode); else the refusal is thrown.
   */
  reportRefusal?: boolean;
}

export interface CheckOutcome {
  summary: Summary;
  /** 0 no errors, 1 errors in the data (docs/command-line.md#exit-codes). */
  exitCode: 0 | 1;
  errors: number;
  warnings: number;
  /** Whether the problems tab was written. */
  wrote: boolean;
  /** Why the problems tab could not be written (a read-only or locked workbook), if so. */
  notWritten?: string;
}

/** The store's refusals a check reports after the problems, rather than instead of them. */
const WRITE_REFUSALS = new Set(['source.write_failed', 'source.locked', 'source.forbidden']);

const asText = (rows: CellValue[][]): string =>
  JSON.stringify(
    rows
      .map((row) => row.map((c) => (c === null || c === undefined ? '' : String(c))))
      .map((row) => {
        while (row.length > 0 && row.at(-1) === '') row.pop();
        return row;
      })
      .filter((row) => row.length > 0),
  );

/** Reads and checks the workbook; writes the problems tab; never sends anything. */
export async function checkMonth(
  ports: CheckPorts,
  options: CheckOptions = {},
): Promise<CheckOutcome> {
  const month = options.month ?? defaultMonth(ports.now());
  const raw = await ports.store.read();
  const parsed = parseWorkbook(raw, { month });
  const rows = problemsRows(parsed.problems);
  const existing = findTab(raw, 'problems');
  const said = existing === undefined ? undefined : asText(existing.rows);
  const other = options.alsoCurrentFor;
  const unchanged =
    said !== undefined &&
    (said === asText(rows) ||
      (options.onlyIfChanged === true &&
        other !== undefined &&
        other !== month &&
        said === asText(problemsRows(parseWorkbook(raw, { month: other }).problems))));
  let wrote = false;
  let notWritten: string | undefined;
  if (!(options.onlyIfChanged && unchanged)) {
    try {
      const report = await ports.store.write({ outputs: { problems: rows } });
      if (report.note) (report.routine ? ports.log.info : ports.log.warn)(report.note, { month });
      wrote = true;
    } catch (error) {
      const refused = isKarnamehError(error) && WRITE_REFUSALS.has(error.code);
      if (!refused || !options.reportRefusal) throw error;
      notWritten = error.message;
    }
  }
  const errors = parsed.problems.filter((p) => p.severity === 'error').length;
  const warnings = parsed.problems.length - errors;
  return {
    summary: parsed.fatal
      ? fatalSummary(month, parsed.problems, 'checked')
      : computeSummary(parsed.model, parsed.problems, month, 'checked'),
    exitCode: errors > 0 ? 1 : 0,
    errors,
    warnings,
    wrote,
    ...(notWritten !== undefined ? { notWritten } : {}),
  };
}
