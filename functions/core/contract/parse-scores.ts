/** The scores tab: month, agency, one column per indicator code, note (docs/workbook.md#scores). */
import { cellText, isBlankCell, isBlankRow, parseMonthCell } from './cell-values.ts';
import type { CellValue, RawWorkbook } from './cells.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { Agency, Indicator, ScoreRow } from './model.ts';
import type { AgencyMatch } from './agency-lookup.ts';
import type { AgenciesResult } from './parse-agencies.ts';
import { messages, type ProblemContext, type ProblemSink } from './problem-messages.ts';
import { openTab } from './tab-lookup.ts';
import { TABS } from './tabs.ts';
import {
  agencyMismatch,
  indicatorColumnsOf,
  indicatorMerges,
  readValues,
  type ScoresTab,
} from './score-cells.ts';

export interface ScoresResult {
  /** The first row per agency per month, in sheet order. */
  scores: ScoreRow[];
  title: string;
  /** True when the tab or its month/agency columns are missing. */
  fatal: boolean;
}

/** A per-parse memo: the same month or agency text is read once, whatever the row count. */
function memo<T>(read: (cell: CellValue) => T): (cell: CellValue) => T {
  const byValue = new Map<string | number | boolean | null, T>();
  const byTime = new Map<number, T>();
  return (cell) => {
    if (cell instanceof Date) {
      const time = cell.getTime();
      if (byTime.has(time)) return byTime.get(time) as T;
      const value = read(cell);
      byTime.set(time, value);
      return value;
    }
    if (byValue.has(cell)) return byValue.get(cell) as T;
    const value = read(cell);
    byValue.set(cell, value);
    return value;
  };
}

/** Why a row's agency is not one of the agencies tab (a row open wrote names it: an id changed since). */
function unknownAgencyMessage(
  shown: string,
  match: AgencyMatch,
  named: AgencyMatch | undefined,
  agenciesTitle: string,
): string {
  const likely = named?.kind === 'found' ? named.agency : undefined;
  if (shown === '') return messages.agencyEmpty(agenciesTitle);
  if (match.kind === 'ambiguous') return messages.agencyAmbiguous(shown);
  if (likely) return messages.agencyIdChanged(shown, agenciesTitle, likely.id, likely.name);
  return messages.agencyUnknown(shown, agenciesTitle);
}

/** How a score row's month and agency are read (each text read once per parse). */
interface RowKeys {
  sink: ProblemSink;
  title: string;
  monthCol: number;
  agencyCol: number;
  nameCol: number | undefined;
  readMonth: (cell: CellValue) => MonthKey | null;
  findAgency: (cell: CellValue) => AgencyMatch;
  agenciesTitle: string;
}

/**
 * A row's month and agency; null when the month cannot be read (`score.month_invalid`),
 * the agency's own row is invalid (reported in its tab), or the agency is not in the
 * agencies tab (`score.agency_unknown`).
 */
function rowKeys(
  r: RowKeys,
  cells: readonly CellValue[],
  rowIndex: number,
): { month: MonthKey; known: Agency } | null {
  const monthCell = cells[r.monthCol] ?? null;
  const agencyCell = cells[r.agencyCol] ?? null;
  const month = r.readMonth(monthCell);
  const match = r.findAgency(agencyCell);
  const known: Agency | undefined = match.kind === 'found' ? match.agency : undefined;
  if (month === null) {
    const shown = isBlankCell(monthCell) ? '' : cellText(monthCell);
    const where = known ? { agencyId: known.id } : undefined;
    const message = messages.monthInvalid(shown);
    r.sink.cell('score.month_invalid', 'scores', r.title, rowIndex, r.monthCol, message, where);
    return null;
  }
  if (match.kind === 'excluded') return null; // the agency's own row is reported in its tab
  if (!known) {
    const named = r.nameCol === undefined ? undefined : r.findAgency(cells[r.nameCol] ?? null);
    const message = unknownAgencyMessage(cellText(agencyCell), match, named, r.agenciesTitle);
    r.sink.cell('score.agency_unknown', 'scores', r.title, rowIndex, r.agencyCol, message, {
      month,
    });
    return null;
  }
  return { month, known };
}

/** The blank cells of an active agency's row: one `score.missing` at the first of them. */
function reportMissing(
  t: ScoresTab,
  rowIndex: number,
  known: Agency,
  read: ReturnType<typeof readValues>,
  where: ProblemContext & { month: MonthKey },
): void {
  const { missing, firstBlank } = read;
  if (!missing) return;
  const message = messages.scoreMissing(missing, known.name, where.month);
  if (firstBlank === undefined) {
    t.sink.row('score.missing', 'scores', t.title, rowIndex, message, where);
  } else {
    t.sink.cell('score.missing', 'scores', t.title, rowIndex, firstBlank, message, where);
  }
}

/** The row that already counts for the agency and month, if any; else this one is recorded as it. */
function earlierRow(
  firstRowOf: Map<Agency, Map<MonthKey, number>>,
  known: Agency,
  month: MonthKey,
  rowIndex: number,
): number | undefined {
  let months = firstRowOf.get(known);
  if (!months) firstRowOf.set(known, (months = new Map()));
  const first = months.get(month);
  if (first === undefined) months.set(month, rowIndex);
  return first;
}

/**
 * Reads the score rows. Per row, in this order: a month that cannot be read is
 * `score.month_invalid` (row skipped); an agency not in the agencies tab is
 * `score.agency_unknown` (row skipped); a second row for the same agency and month is
 * `score.duplicate` (the first in sheet order counts). Then each indicator cell: not a
 * number is `score.not_number` (a formula's error value, or a formula without a computed
 * value, `score.formula`), below 0 or above max `score.out_of_range`, and the blank
 * ones of an active agency make one `score.missing` at the first of them. Those cells are
 * null in `values`. An `agency_name` naming another agency than the id is
 * `score.agency_mismatch`, a warning (agencyMismatch).
 */
export function parseScores(
  workbook: RawWorkbook,
  sink: ProblemSink,
  context: { indicators: readonly Indicator[]; agencies: AgenciesResult },
): ScoresResult {
  const opened = openTab(workbook, 'scores', sink, true);
  if (!opened) return { scores: [], title: TABS.scores.label, fatal: true };
  const { tab, title, columns } = opened;
  if (!opened.complete) return { scores: [], title, fatal: true };

  const noteCol = columns.index.get('note');
  const indicatorColumns = indicatorColumnsOf(columns, context.indicators, title, sink);
  const t: ScoresTab = {
    sink,
    title,
    indicatorColumns,
    blankValues: Object.fromEntries(context.indicators.map(({ code }) => [code, null])),
    uncomputed: new Set((tab.uncomputed ?? []).map(([row, column]) => `${row}:${column}`)),
    merges: indicatorMerges(tab.merges ?? [], indicatorColumns),
  };

  const r: RowKeys = {
    sink,
    title,
    monthCol: columns.index.get('month') ?? 0,
    agencyCol: columns.index.get('agency') ?? 0,
    nameCol: columns.index.get('agency_name'),
    readMonth: memo(parseMonthCell),
    findAgency: memo<AgencyMatch>(context.agencies.find),
    agenciesTitle: context.agencies.title,
  };
  /** Agency -> month -> the row that counts. */
  const firstRowOf = new Map<Agency, Map<MonthKey, number>>();
  const scores: ScoreRow[] = [];

  // Rows with nothing in these columns are blank, whatever sits in unknown columns.
  const watched = [...columns.index.values(), ...indicatorColumns.flatMap((c) => c.column ?? [])];
  const rows = tab.rows;
  for (let rowIndex = 1; rowIndex < rows.length; rowIndex++) {
    const cells = rows[rowIndex];
    if (!Array.isArray(cells) || isBlankRow(cells, watched)) continue;
    const keys = rowKeys(r, cells, rowIndex);
    if (!keys) continue;
    const { month, known } = keys;
    const where = { month, agencyId: known.id };

    const first = earlierRow(firstRowOf, known, month, rowIndex);
    if (first !== undefined) {
      const message = messages.scoreDuplicate(known.name, month, first);
      sink.row('score.duplicate', 'scores', title, rowIndex, message, where);
      continue;
    }
    if (r.nameCol !== undefined) {
      const named = { cell: cells[r.nameCol] ?? null, rowIndex, column: r.nameCol };
      const place = { title, agenciesTitle: r.agenciesTitle, month };
      agencyMismatch(named, known, r.findAgency, sink, place);
    }

    const read = readValues(t, cells, rowIndex, where);
    if (known.active) reportMissing(t, rowIndex, known, read, where);
    const noteCell = noteCol === undefined ? null : (cells[noteCol] ?? null);
    const note = isBlankCell(noteCell) ? null : cellText(noteCell);
    scores.push({ month, agencyId: known.id, values: read.values, note, rowIndex });
  }
  return { scores, title, fatal: false };
}

/**
 * `agency.no_submission` for each active agency with no row for `month`: at the agency's id
 * cell in the agencies tab, so the clerk finds the agency.
 */
export function reportNoSubmissions(
  sink: ProblemSink,
  month: MonthKey,
  agencies: AgenciesResult,
  scores: ScoresResult,
): void {
  const submitted = new Set<string>();
  for (const row of scores.scores) if (row.month === month) submitted.add(row.agencyId);
  for (const agency of agencies.agencies) {
    if (!agency.active || submitted.has(agency.id)) continue;
    const place = agencies.places.get(agency.id);
    if (!place) continue;
    sink.cell(
      'agency.no_submission',
      'agencies',
      agencies.title,
      place.rowIndex,
      place.idColumn,
      messages.noSubmission(agency.name, month, scores.title),
      { month, agencyId: agency.id },
    );
  }
}
