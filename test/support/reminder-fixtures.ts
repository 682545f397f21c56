/**
 * The bundled example made ready for reminders: a deadline (10 Mordad for Tir 1403,
 * reminders 3 and 1 days before), an email for every agency, and four planted problems in
 * Tir: two blank cells (two agencies), a score that is not a number, and a missing row.
 */
import { parseMonthCell } from '../../functions/core/contract/cell-values.ts';
import type { CellValue, RawTab, RawWorkbook } from '../../functions/core/contract/cells.ts';
import { TABS, type TabKey } from '../../functions/core/contract/tabs.ts';
import { exampleWorkbook } from './functions-harness.ts';

export const TIR = '1403-04';
/** The planted problems: agency id → what is wrong, and where (scores tab cell, or none). */
export const PLANTED = {
  d003: { code: 'score.missing', column: 'E' },
  d005: { code: 'score.missing', column: 'K' },
  d007: { code: 'score.not_number', column: 'D' },
  f04: { code: 'agency.no_submission', column: null },
} as const;
export type PlantedId = keyof typeof PLANTED;
export const PLANTED_IDS = Object.keys(PLANTED) as PlantedId[];

/** Tehran instants around the deadline of Tir 1403 (10 Mordad = 2024-07-31). */
export const tehran = (local: string): Date => new Date(`${local}:00+03:30`);
/** 7 Mordad 1403, three days before the deadline: a reminder day. */
export const REMINDER_DAY = '2024-07-28';
/** 8 Mordad: not a reminder day. */
export const QUIET_DAY = '2024-07-29';
/** 9 Mordad: one day before the deadline, a reminder day. */
export const LAST_REMINDER_DAY = '2024-07-30';

export const emailOf = (id: string): string => `pr.${id}@example.org`;

export function tabOf(raw: RawWorkbook, key: TabKey): RawTab {
  const tab = raw.tabs.find((t) => t.name === TABS[key].label);
  if (!tab) throw new Error(`no ${key} tab`);
  return tab;
}

const COLUMN = (letter: string): number => letter.charCodeAt(0) - 65;

const isTir = (cell: CellValue | undefined): boolean => parseMonthCell(cell ?? null) === TIR;

/** The row index of an agency's Tir row in the scores tab (-1 when none). */
export function tirRow(raw: RawWorkbook, id: string): number {
  return tabOf(raw, 'scores').rows.findIndex((row) => isTir(row[0]) && row[1] === id);
}

/** Sets a scores cell of an agency's Tir row. */
export function setScore(raw: RawWorkbook, id: string, column: string, value: CellValue): void {
  const row = tabOf(raw, 'scores').rows[tirRow(raw, id)];
  if (!row) throw new Error(`no Tir row for ${id}`);
  row[COLUMN(column)] = value;
}

/** The example with deadline, emails and the four planted problems. */
export async function reminderWorkbook(
  settings: [string, CellValue][] = [
    ['مهلت ثبت', '۱۰'],
    ['روزهای یادآوری', '۳، ۱'],
  ],
): Promise<RawWorkbook> {
  const raw = await exampleWorkbook();
  tabOf(raw, 'settings').rows.push(...settings);
  for (const row of tabOf(raw, 'agencies').rows.slice(1)) row[4] = emailOf(String(row[0]));
  setScore(raw, 'd003', 'E', null);
  setScore(raw, 'd005', 'K', '  ');
  setScore(raw, 'd007', 'D', 'ده');
  const scores = tabOf(raw, 'scores');
  scores.rows = scores.rows.filter((row) => !(isTir(row[0]) && row[1] === 'f04'));
  return raw;
}
