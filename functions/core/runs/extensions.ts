/**
 * Extensions (docs/workbook.md#opening-and-closing-a-month; DHIS2's lock exception): one agency's row of a
 * closed month editable again until the end of a Jalali day in Asia/Tehran, recorded as a
 * `reopen` row of the runs tab (recipient: the agency id; detail `until=<ISO instant>`).
 * Pure: the clock comes in as an argument.
 */
import { jalaliDate, type MonthKey } from '../language/jalali.ts';
import type { RunsEntry } from '../contract/runs-log.ts';

const DAY_MS = 86_400_000;
/** Asia/Tehran has been UTC+03:30 all year since 2022 (no daylight saving). */
const TEHRAN_OFFSET_MS = 3.5 * 3_600_000;

/** `1403-05-12` (ASCII or Persian digits, `-` or `/`) as year, month, day; null otherwise. */
export function parseJalaliDay(text: string): { year: number; month: number; day: number } | null {
  const ascii = text.trim().replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(ascii);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/**
 * The instant the Jalali day ends in Tehran (the next day's 00:00), searched within two
 * years of `near`; null when there is no such day (1403-12-31 in a common year).
 */
export function endOfJalaliDay(
  day: { year: number; month: number; day: number },
  near: Date,
): Date | null {
  const noon = (d: number) =>
    new Date(Math.floor(near.getTime() / DAY_MS) * DAY_MS + d * DAY_MS + DAY_MS / 2);
  for (let d = -730; d <= 730; d++) {
    const at = jalaliDate(noon(d));
    if (at.year === day.year && at.month === day.month && at.day === day.day) {
      const midnightUtc = Math.floor(noon(d).getTime() / DAY_MS) * DAY_MS;
      return new Date(midnightUtc + DAY_MS - TEHRAN_OFFSET_MS);
    }
  }
  return null;
}

/** The end of today in Tehran. */
export function endOfToday(now: Date): Date {
  const today = jalaliDate(now);
  return endOfJalaliDay(today, now) ?? new Date(now.getTime() + DAY_MS);
}

export interface Extension {
  month: MonthKey;
  agencyId: string;
  until: Date;
}

/** The extensions still running at `now`, one per month and agency (the latest `reopen`). */
export function runningExtensions(entries: readonly RunsEntry[], now: Date): Extension[] {
  const latest = new Map<string, Extension>();
  for (const entry of entries) {
    if (entry.kind !== 'reopen' || entry.status !== 'done') continue;
    const until = /until=(\S+)/.exec(entry.detail)?.[1];
    const at = until ? new Date(until) : null;
    if (!at || Number.isNaN(at.getTime())) continue;
    latest.set(`${entry.month} ${entry.recipient}`, {
      month: entry.month,
      agencyId: entry.recipient,
      until: at,
    });
  }
  return [...latest.values()].filter((e) => e.until.getTime() > now.getTime());
}
