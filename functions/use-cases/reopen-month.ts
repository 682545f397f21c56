/**
 * `karnameh reopen --month M --agency ID [--until DAY]` (docs/workbook.md#opening-and-closing-a-month): that
 * agency's row of the month editable by it again until the end of the Jalali day (default:
 * the end of today, Asia/Tehran), recorded in the runs tab; on a Sheet its protections say
 * so at once; on an .xlsx it is only recorded.
 */
import type { RawWorkbook } from '../core/contract/cells.ts';
import { openMonths } from '../core/contract/close-month.ts';
import { KarnamehError } from '../core/contract/errors.ts';
import {
  endOfJalaliDay,
  endOfToday,
  parseJalaliDay,
  runningExtensions,
} from '../core/runs/extensions.ts';
import { guardWanted } from '../core/runs/guard-wanted.ts';
import { daysBetween, tehranDay, type JalaliDay } from '../core/runs/reminder-calendar.ts';
import { jalaliDateTime, monthName, type MonthKey } from '../core/language/jalali.ts';
import { normalizeName } from '../core/language/normalize.ts';
import { parseWorkbook } from '../core/contract/parse-workbook.ts';
import { readRunsLog } from '../core/contract/runs-log.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import type { Logger, MonthEdit, WorkbookStore } from '../ports.ts';

export interface ReopenDeps {
  store: WorkbookStore;
  now: () => Date;
  newRunId: () => string;
  log: Logger;
}

export interface ReopenOptions {
  month: MonthKey;
  agency: string;
  /** A Jalali day (`1403-05-12`); absent: today. */
  until?: string;
  requestedBy: string;
}

export interface ReopenOutcome {
  month: MonthKey;
  monthName: string;
  agency: string;
  /** The instant the extension ends (the end of the day in Tehran), ISO 8601. */
  until: string;
  untilText: string;
  notes: string[];
  runId: string;
  exitCode: number;
}

/** Why a day has no end within two years of now (the days searched): none, past, or far. */
function farDay(day: JalaliDay, now: Date): string {
  let days: number;
  try {
    days = daysBetween(tehranDay(now), day);
  } catch {
    return 'no such day in the Jalali calendar (that month is shorter that year)';
  }
  if (days < 0) return 'that day is over (Asia/Tehran)';
  return `that day is ${days} days from today; an extension runs to a day within two years`;
}

/** The day the extension runs to; a usage error when it is not a Jalali day or has passed. */
function untilOf(text: string | undefined, now: Date): Date {
  if (text === undefined) return endOfToday(now);
  const day = parseJalaliDay(text);
  const end = day ? endOfJalaliDay(day, now) : null;
  if (!end) {
    const why = day ? farDay(day, now) : 'not a Jalali day; write it as 1403-05-12';
    throw new KarnamehError('usage', `--until ${text}: ${why}`);
  }
  if (end.getTime() <= now.getTime()) {
    throw new KarnamehError('usage', `--until ${text}: that day is over (Asia/Tehran)`);
  }
  return end;
}

function planReopen(
  raw: RawWorkbook,
  options: ReopenOptions,
  entry: { runId: string; at: Date; until: Date },
): MonthEdit {
  const parsed = parseWorkbook(raw, { month: options.month });
  const agency = parsed.model.agencies.find(
    (a) => normalizeName(a.id) === normalizeName(options.agency),
  );
  if (!agency) {
    throw new KarnamehError(
      'usage',
      `--agency ${options.agency}: no such agency in the agencies tab`,
    );
  }
  if (!parsed.model.scores.some((s) => s.month === options.month && s.agencyId === agency.id)) {
    throw new KarnamehError(
      'usage',
      `${agency.id} has no row for ${options.month} in the scores tab: open the month (karnameh open --month ${options.month}) or add its row`,
    );
  }
  const reopen = {
    runId: entry.runId,
    month: options.month,
    at: entry.at.toISOString(),
    kind: 'reopen' as const,
    status: 'done' as const,
    recipient: agency.id,
    requestedBy: options.requestedBy,
    contentHash: '',
    detail: `until=${entry.until.toISOString()}`,
  };
  const log = [...readRunsLog(findTab(raw, 'runs')), reopen];
  const months = new Set(openMonths(log));
  return {
    runs: [reopen],
    guard: guardWanted(raw, parsed, months, [], runningExtensions(log, entry.at)),
  };
}

export async function reopenMonth(
  deps: ReopenDeps,
  options: ReopenOptions,
): Promise<ReopenOutcome> {
  const now = deps.now();
  const until = untilOf(options.until, now);
  if (!deps.store.editMonth) {
    throw new KarnamehError(
      'source.write_failed',
      `${deps.store.description} cannot reopen a month`,
    );
  }
  const runId = deps.newRunId();
  let agency = options.agency;
  const report = await deps.store.editMonth((raw) => {
    const edit = planReopen(raw, options, { runId, at: now, until });
    agency = edit.runs[0]?.recipient ?? agency;
    return edit;
  });
  return {
    month: options.month,
    monthName: monthName(options.month),
    agency,
    until: until.toISOString(),
    untilText: jalaliDateTime(new Date(until.getTime() - 60_000)),
    notes: report.note ? [report.note] : [],
    runId,
    exitCode: 0,
  };
}
