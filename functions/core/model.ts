import type { MonthKey } from './jalali.ts';
import type { Problem } from './problems.ts';

export type RankingMethod = 'dense' | 'competition';

export interface Settings {
  province: string;
  spokesperson: string | null;
  spokespersonTitle: string | null;
  ranking: RankingMethod;
  top: number;
  weakBands: number;
  /** Dimension names whose combined score leads the release; null = all dimensions. */
  headlineDimensions: string[] | null;
  /** The month the secretary asked to publish, canonical; null when empty or invalid. */
  runRequest: MonthKey | null;
  /** The raw run_request cell text, for the watcher to clear. */
  runRequestRaw: string | null;
  runStatus: string | null;
  /** `deadline`: the day (1–29) of the month after the scored month; null = no reminders. */
  deadline: number | null;
  /** `reminder_days`: days before the deadline to remind on, most first (default 3, 1). */
  reminderDays: readonly number[];
}

export interface Indicator {
  code: string;
  title: string;
  dimension: string;
  /** Decimal numbers as parsed from the sheet; arithmetic on them is exact (decimal.ts). */
  max: number;
  weight: number;
}

export interface Band {
  label: string;
  min: number;
}

export interface Agency {
  id: string;
  name: string;
  group: string;
  active: boolean;
  email: string | null;
}

export interface ScoreRow {
  month: MonthKey;
  agencyId: string;
  /** indicator code -> value; null when the cell is blank or invalid (a problem says which). */
  values: Record<string, number | null>;
  note: string | null;
  /** Zero-based index into the scores tab's rows (0 = header row). */
  rowIndex: number;
}

export interface Recipient {
  email: string;
  name: string | null;
}

/** The workbook's input, parsed and checked. Only rows that count are kept. */
export interface Model {
  settings: Settings;
  indicators: Indicator[];
  /** Dimension names in order of first appearance. */
  dimensions: string[];
  /** Sorted by min ascending. */
  bands: Band[];
  agencies: Agency[];
  /** Group names in order of first appearance. */
  groups: string[];
  /** First row per agency per month; later duplicates are dropped (and reported). */
  scores: ScoreRow[];
  /** Active, valid recipients only. */
  recipients: Recipient[];
}

export interface ParseResult {
  model: Model;
  problems: Problem[];
  /**
   * True when the figures cannot be computed at all (a required tab or column missing,
   * no province, no valid indicators or bands); the problems say why.
   */
  fatal: boolean;
}
