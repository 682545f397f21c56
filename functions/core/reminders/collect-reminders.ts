/**
 * What to remind whom (docs/texts.md#reminders): for the month
 * being collected, each active agency whose row is missing, incomplete or wrong, with each
 * problem at its tab and cell in Persian, and the round's tally for the secretary's digest.
 * Pure: the raw workbook and its parse for the month in, the round out.
 */
import { cellText } from '../contract/cell-values.ts';
import { a1, type RawWorkbook } from '../contract/cells.ts';
import { monthName, type MonthKey } from '../language/jalali.ts';
import type { Agency, Indicator, ParseResult, ScoreRow } from '../contract/model.ts';
import { normalizeName } from '../language/normalize.ts';
import { faNumber, quote } from '../contract/problem-messages.ts';
import type { Problem } from '../contract/problems.ts';
import { findTab } from '../contract/tab-lookup.ts';
import { TABS } from '../contract/tabs.ts';
import { closestAgency } from './name-match.ts';

/** One thing for an agency to fix: where, and what to do, in Persian. */
export interface ReminderItem {
  /** The problem's code (`score.missing`, `score.formula`, …). */
  code: string;
  tab: string;
  /** A1 cell, or '' for a row still to be added. */
  cell: string;
  text: string;
}

export interface AgencyRef {
  id: string;
  name: string;
  group: string;
  /** The addresses its reminders go to (none shared with another agency); [] = none. */
  emails: string[];
}

export interface AgencyReminder {
  agency: AgencyRef;
  /** No row for the month (none at all, or only one under a name we could not read). */
  notSubmitted: boolean;
  items: ReminderItem[];
}

export interface ReminderRound {
  month: MonthKey;
  /** Active agencies with an email and something to fix, in the agencies tab's order. */
  reminders: AgencyReminder[];
  /** Active agencies whose row is complete and valid. */
  submitted: AgencyRef[];
  /** Active agencies with no row for the month. */
  notSubmitted: AgencyRef[];
  /** Active agencies whose row has blanks or wrong values. */
  withErrors: AgencyRef[];
  /** Active agencies with something to fix and no email: nobody is reminded. */
  withoutEmail: AgencyRef[];
  /** Rows of the month under an unknown agency name that no agency could be matched to. */
  unattributed: ReminderItem[];
}

/**
 * The codes a reminder names (besides a row under an unknown name, attributed below). Any
 * other problem is the secretary's to fix, a second row of the month included: the first
 * row counts, so an agency whose first row is complete and valid gets nothing.
 */
const REMINDED_CODES: ReadonlySet<string> = new Set([
  'agency.no_submission',
  'score.missing',
  'score.not_number',
  'score.out_of_range',
  'score.formula',
]);

const ref = (a: Agency): AgencyRef => ({
  id: a.id,
  name: a.name,
  group: a.group,
  emails: a.emails,
});

/** Zero-based row and column of an A1 cell (`F12`), or null. */
function parseA1(cell: string): { row: number; column: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1] ?? '') column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** A row still to be added first, then cells by row and column. */
function byPlace(a: ReminderItem, b: ReminderItem): number {
  const p = parseA1(a.cell);
  const q = parseA1(b.cell);
  if (!p || !q) return (p ? 1 : 0) - (q ? 1 : 0);
  return p.row - q.row || p.column - q.column;
}

/** Each blank indicator cell of the agency's row, one item each (the problem names only the first). */
function blankCells(
  row: ScoreRow | undefined,
  raw: RawWorkbook,
  indicators: readonly Indicator[],
): ReminderItem[] {
  const tab = findTab(raw, 'scores');
  if (!row || !tab) return [];
  const header = (tab.rows[0] ?? []).map((c) => normalizeName(cellText(c)));
  const cells = tab.rows[row.rowIndex] ?? [];
  const items: ReminderItem[] = [];
  for (const indicator of indicators) {
    const column = header.indexOf(normalizeName(indicator.code));
    if (column < 0 || row.values[indicator.code] !== null) continue;
    if (cellText(cells[column] ?? null) !== '') continue; // a wrong value: its own problem says so
    items.push({
      code: 'score.missing',
      tab: tab.name,
      cell: a1(row.rowIndex, column),
      text: `امتیاز شاخص ${indicator.code} (${indicator.title}) خالی است؛ عددی از ۰ تا ${faNumber(indicator.max)} بنویسید.`,
    });
  }
  return items;
}

/** A problem's message with the indicator's title after its code, as a blank cell's reminder says it. */
function withTitle(message: string, indicators: readonly Indicator[]): string {
  for (const { code, title } of indicators) {
    const head = `امتیاز شاخص ${code} `;
    if (message.startsWith(head))
      return `امتیاز شاخص ${code} (${title}) ${message.slice(head.length)}`;
  }
  return message;
}

function noRowText(agency: Agency, month: MonthKey, scoresTab: string): string {
  return `برای ${monthName(month)} هنوز ردیفی ندارید؛ در برگه «${scoresTab}» ردیفی با ماه «${monthName(month)}» و شناسه «${agency.id}» بنویسید و امتیاز همه شاخص‌ها را وارد کنید.`;
}

function unknownRowText(typed: string, cell: string, agency: Agency, month: MonthKey): string {
  return `در خانه ${cell} ردیفی برای ${monthName(month)} با نام ${quote(typed)} هست که در فهرست دستگاه‌ها نیست و خوانده نمی‌شود؛ اگر ردیف شماست، به‌جای آن شناسه «${agency.id}» را بنویسید.`;
}

/** Who the month's rows under unknown names may belong to: agencies with no row of their own. */
function attributeUnknownRows(
  problems: readonly Problem[],
  raw: RawWorkbook,
  month: MonthKey,
  candidates: readonly Agency[],
): { byAgency: Map<string, ReminderItem[]>; unattributed: ReminderItem[] } {
  const byAgency = new Map<string, ReminderItem[]>();
  const unattributed: ReminderItem[] = [];
  const tab = findTab(raw, 'scores');
  for (const p of problems) {
    if (p.code !== 'score.agency_unknown' || p.month !== month) continue;
    const at = parseA1(p.cell);
    const typed = at ? cellText(tab?.rows[at.row]?.[at.column] ?? null) : '';
    const agency = typed === '' ? null : closestAgency(typed, candidates);
    if (!agency) {
      unattributed.push({ code: p.code, tab: p.tab, cell: p.cell, text: p.message });
      continue;
    }
    const item = {
      code: p.code,
      tab: p.tab,
      cell: p.cell,
      text: unknownRowText(typed, p.cell, agency, month),
    };
    byAgency.set(agency.id, [...(byAgency.get(agency.id) ?? []), item]);
  }
  return { byAgency, unattributed };
}

/**
 * The reminder round of `month`. `parsed` is the workbook parsed for that month (so that
 * `agency.no_submission` is about it). An agency with nothing to fix gets no reminder.
 */
export function collectReminders(
  raw: RawWorkbook,
  parsed: ParseResult,
  month: MonthKey,
): ReminderRound {
  const { model } = parsed;
  const active = model.agencies.filter((a) => a.active);
  const scoresTab = findTab(raw, 'scores')?.name ?? TABS.scores.label;
  const own = new Map<string, Problem[]>();
  for (const p of parsed.problems) {
    if (p.month !== month || !p.agencyId || !REMINDED_CODES.has(p.code)) continue;
    own.set(p.agencyId, [...(own.get(p.agencyId) ?? []), p]);
  }
  const noRow = active.filter((a) =>
    (own.get(a.id) ?? []).some((p) => p.code === 'agency.no_submission'),
  );
  const unknown = attributeUnknownRows(parsed.problems, raw, month, noRow);
  const rows = new Map(
    model.scores.filter((r) => r.month === month).map((r) => [r.agencyId, r] as const),
  );

  const round: ReminderRound = {
    month,
    reminders: [],
    submitted: [],
    notSubmitted: [],
    withErrors: [],
    withoutEmail: [],
    unattributed: unknown.unattributed,
  };
  for (const agency of active) {
    const problems = own.get(agency.id) ?? [];
    const guessed = unknown.byAgency.get(agency.id) ?? [];
    const items: ReminderItem[] = [];
    let notSubmitted = false;
    for (const p of problems) {
      if (p.code === 'agency.no_submission') {
        notSubmitted = true;
        if (guessed.length === 0)
          items.push({
            code: p.code,
            tab: scoresTab,
            cell: '',
            text: noRowText(agency, month, scoresTab),
          });
      } else if (p.code === 'score.missing') {
        const cells = blankCells(rows.get(agency.id), raw, model.indicators);
        items.push(
          ...(cells.length > 0
            ? cells
            : [{ code: p.code, tab: p.tab, cell: p.cell, text: p.message }]),
        );
      } else {
        items.push({
          code: p.code,
          tab: p.tab,
          cell: p.cell,
          text: withTitle(p.message, model.indicators),
        });
      }
    }
    items.push(...guessed);
    items.sort(byPlace);
    if (items.length === 0) {
      round.submitted.push(ref(agency));
      continue;
    }
    (notSubmitted ? round.notSubmitted : round.withErrors).push(ref(agency));
    if (agency.emails.length > 0)
      round.reminders.push({
        agency: ref(agency),
        notSubmitted,
        items,
      });
    else round.withoutEmail.push(ref(agency));
  }
  return round;
}
