/** The workbook's model once parsed: settings, indicators, bands, groups, agencies and scores. */
import type { MonthKey } from '../language/jalali.ts';
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
  /**
   * agency_cards (کارنامه دستگاه‌ها) as written; null when not set (cards-to-send.ts decides);
   * false too when the value cannot be read (a warning: the switch is off).
   */
  agencyCards: boolean | null;
  /** `deadline`: the day (1–29) of the month after the scored month; null = no reminders. */
  deadline: number | null;
  /**
   * `reminder_days`: days before the deadline to remind on, most first (default 3, 1);
   * empty when the value cannot be read (a warning: no reminders on their days).
   */
  reminderDays: readonly number[];
  /**
   * `open_day` (روز باز شدن): the day (1–29) of the month after the scored month on which
   * the watcher opens the month; null = months are opened by hand (unset, unreadable, or
   * after the deadline: a warning).
   */
  openDay: number | null;
  /**
   * `public_table` (جدول عمومی): what the public pages show of the ranking, `top` (the
   * announced ranks, the default) or `all`; null = no ranking table (an unreadable value: a
   * warning that turns the table off).
   */
  publicTable: 'top' | 'all' | null;
  /** `editors` (ویرایشگران): the secretariat's addresses, lower-case; [] = none. */
  editors: string[];
  /** `secretariat` (دبیرخانه): the name cards and reminders are signed with; null = the default. */
  secretariat: string | null;
  /** `contact` (راه تماس): how agencies reach the secretariat; null = not said. */
  contact: string | null;
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

/** One address of an address-list cell (address-list.ts reads them). */
export interface ListedAddress {
  /** The address as written, trimmed, without `group:`. */
  email: string;
  /** Written `group:name@domain`: a Google Group (protections name it as a group). */
  group: boolean;
}

export interface Agency {
  id: string;
  name: string;
  group: string;
  active: boolean;
  /**
   * The addresses that get the agency's card and reminders: the valid addresses of its
   * email column that no other agency names (docs/workbook.md#agencies); [] = none.
   */
  emails: string[];
  /** Every valid address of its email column, shared ones and Google Groups included (edit rights). */
  addresses: ListedAddress[];
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
