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
  /** Who the release is attributed to: «به گزارش {source}،»; null = no source line. */
  source: string | null;
  /** Why the council evaluates, said in the spokesperson's name; null = not said. */
  purpose: string | null;
  /** agency_cards (کارنامه دستگاه‌ها) as written; null when not set (cards/cards-setting.ts decides). */
  agencyCards: boolean | null;
  /** `deadline`: the day (1–29) of the month after the scored month; null = no reminders. */
  deadline: number | null;
  /** `reminder_days`: days before the deadline to remind on, most first (default 3, 1). */
  reminderDays: readonly number[];
  /** `public_table`: the public pages show the announced ranks (`top`) or every evaluated agency (`all`). */
  publicTable: 'top' | 'all';
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

/**
 * An active agency row that cannot be placed (no group, no name, no id, or an id already
 * used): never dropped, it is counted among the agencies not evaluated, with the code of
 * its problem, while the definition error stops the run.
 */
export interface UnplacedAgency {
  /** As written (empty when the id cell is). */
  id: string;
  /** As written, or the id when the name is empty. */
  name: string;
  /** As written; empty when the group cell is. */
  group: string;
  reason: 'agency.invalid' | 'agency.duplicate';
  /** Zero-based index into the agencies tab's rows. */
  rowIndex: number;
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
  /**
   * Group names of active agencies: the groups tab's order when there is one, then the
   * order of first appearance.
   */
  groups: string[];
  /** How the release names each group's members together, for every name in `groups`. */
  groupPlurals: Record<string, string>;
  /** Active agency rows that could not be placed; see `UnplacedAgency`. */
  unplaced?: UnplacedAgency[];
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
