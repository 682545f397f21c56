/** The scores tab: month, agency, one column per indicator code, note (docs/workbook.md#scores). */
import {
  cellText,
  isBlankCell,
  isBlankRow,
  parseMonthCell,
  parseNumberCell,
} from './cell-values.ts';
import { a1, type CellValue, type RawWorkbook } from './cells.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { Agency, Indicator, ScoreRow } from './model.ts';
import type { AgenciesResult, AgencyMatch } from './parse-agencies.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, type ProblemContext, type ProblemSink } from './problem-messages.ts';
import { isCopiedByMerge } from './merged-cells.ts';
import { openTab } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

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

/** The error values a spreadsheet shows for a formula that failed (`#DIV/0!`, `#REF!`, …). */
const FORMULA_ERROR =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;

function isFormulaError(cell: CellValue): boolean {
  return typeof cell === 'string' && FORMULA_ERROR.test(cell.trim());
}

interface IndicatorColumn {
  indicator: Indicator;
  column: number | undefined;
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

  const monthCol = columns.index.get('month') ?? 0;
  const agencyCol = columns.index.get('agency') ?? 0;
  const noteCol = columns.index.get('note');
  const nameCol = columns.index.get('agency_name');

  // One column per indicator, matched by its code (normalized); the first column is read
  // and any further one is `header.duplicate`.
  const columnsOfCode = new Map<string, number[]>();
  columns.headers.forEach((header, column) => {
    if (header === '' || columns.claimed.has(column)) return;
    const list = columnsOfCode.get(header);
    if (list) list.push(column);
    else columnsOfCode.set(header, [column]);
  });
  const indicatorColumns: IndicatorColumn[] = context.indicators.map((indicator) => {
    const [column, ...others] = columnsOfCode.get(normalizeName(indicator.code)) ?? [];
    for (const other of others) {
      const message = messages.indicatorColumnDuplicate(title, indicator.code, a1(0, column ?? 0));
      sink.cell('header.duplicate', 'scores', title, 0, other, message);
    }
    if (column === undefined) {
      sink.row(
        'header.missing',
        'scores',
        title,
        0,
        messages.indicatorColumnMissing(title, indicator.code),
      );
    }
    return { indicator, column };
  });

  // Every code -> null; copied per row (a spread of a fixed shape is fast, and an own
  // `__proto__` key stays an own key).
  const blankValues: Record<string, number | null> = Object.fromEntries(
    context.indicators.map(({ code }) => [code, null]),
  );

  const readMonth = memo(parseMonthCell);
  const findAgency = memo<AgencyMatch>(context.agencies.find);
  const agenciesTitle = context.agencies.title;
  /** Agency -> month -> the row that counts. */
  const firstRowOf = new Map<Agency, Map<MonthKey, number>>();
  const scores: ScoreRow[] = [];

  // Rows with nothing in these columns are blank, whatever sits in unknown columns.
  const watched = [...columns.index.values(), ...indicatorColumns.flatMap((c) => c.column ?? [])];
  const rows = tab.rows;
  const uncomputed = new Set((tab.uncomputed ?? []).map(([row, column]) => `${row}:${column}`));
  // A merged range over indicator cells shows one value for several cells: the others' are unknown.
  const indicatorSet = new Set(indicatorColumns.flatMap((c) => c.column ?? []));
  const merges = (tab.merges ?? []).filter((m) =>
    [...indicatorSet].some((c) => c >= m.startColumn && c < m.endColumn),
  );
  for (let rowIndex = 1; rowIndex < rows.length; rowIndex++) {
    const cells = rows[rowIndex];
    if (!Array.isArray(cells) || isBlankRow(cells, watched)) continue;
    const monthCell = cells[monthCol] ?? null;
    const agencyCell = cells[agencyCol] ?? null;
    const month = readMonth(monthCell);
    const match = findAgency(agencyCell);
    const known: Agency | undefined = match.kind === 'found' ? match.agency : undefined;

    if (month === null) {
      const shown = isBlankCell(monthCell) ? '' : cellText(monthCell);
      const where = known ? { agencyId: known.id } : undefined;
      const message = messages.monthInvalid(shown);
      sink.cell('score.month_invalid', 'scores', title, rowIndex, monthCol, message, where);
      continue;
    }
    if (match.kind === 'excluded') continue; // the agency's own row is reported in its tab
    if (!known) {
      const shown = cellText(agencyCell);
      // A row open wrote carries the agency's name: an id changed since is named by it.
      const named = nameCol === undefined ? undefined : findAgency(cells[nameCol] ?? null);
      const likely = named?.kind === 'found' ? named.agency : undefined;
      const message =
        shown === ''
          ? messages.agencyEmpty(agenciesTitle)
          : match.kind === 'ambiguous'
            ? messages.agencyAmbiguous(shown)
            : likely
              ? messages.agencyIdChanged(shown, agenciesTitle, likely.id, likely.name)
              : messages.agencyUnknown(shown, agenciesTitle);
      sink.cell('score.agency_unknown', 'scores', title, rowIndex, agencyCol, message, { month });
      continue;
    }
    const where: ProblemContext = { month, agencyId: known.id };

    let months = firstRowOf.get(known);
    if (!months) firstRowOf.set(known, (months = new Map()));
    const first = months.get(month);
    if (first !== undefined) {
      const message = messages.scoreDuplicate(known.name, month, first);
      sink.row('score.duplicate', 'scores', title, rowIndex, message, where);
      continue;
    }
    months.set(month, rowIndex);
    if (nameCol !== undefined) {
      const named = { cell: cells[nameCol] ?? null, rowIndex, column: nameCol };
      agencyMismatch(named, known, findAgency, sink, { title, agenciesTitle, month });
    }

    const values = { ...blankValues };
    let missing: string[] | undefined;
    let firstBlank: number | undefined;
    for (let i = 0; i < indicatorColumns.length; i++) {
      const { indicator, column } = indicatorColumns[i] as IndicatorColumn;
      const cell = column === undefined ? null : (cells[column] ?? null);
      if (column !== undefined && merges.length > 0 && isCopiedByMerge(merges, rowIndex, column)) {
        const message = messages.scoreMerged(indicator.code, cellText(cell));
        sink.cell('score.merged', 'scores', title, rowIndex, column, message, where);
        continue;
      }
      // The common case first: a number cell within range.
      if (typeof cell === 'number' && cell >= 0 && cell <= indicator.max) {
        values[indicator.code] = cell === 0 ? 0 : cell;
        continue;
      }
      if (isBlankCell(cell)) {
        if (column !== undefined && uncomputed.has(`${rowIndex}:${column}`)) {
          const message = messages.scoreFormula(indicator.code, '');
          sink.cell('score.formula', 'scores', title, rowIndex, column, message, where);
          continue;
        }
        (missing ??= []).push(indicator.code);
        if (column !== undefined && (firstBlank === undefined || column < firstBlank)) {
          firstBlank = column;
        }
        continue;
      }
      const value = parseNumberCell(cell);
      if (value !== null && value >= 0 && value <= indicator.max) {
        values[indicator.code] = value;
        continue;
      }
      const shown = cellText(cell);
      if (isFormulaError(cell)) {
        const message = messages.scoreFormula(indicator.code, shown);
        sink.cell('score.formula', 'scores', title, rowIndex, column ?? 0, message, where);
      } else if (value === null) {
        const message = messages.scoreNotNumber(indicator.code, indicator.max, shown);
        sink.cell('score.not_number', 'scores', title, rowIndex, column ?? 0, message, where);
      } else {
        const message = messages.scoreOutOfRange(indicator.code, indicator.max, shown);
        sink.cell('score.out_of_range', 'scores', title, rowIndex, column ?? 0, message, where);
      }
    }
    if (missing && known.active) {
      const message = messages.scoreMissing(missing, known.name, month);
      if (firstBlank === undefined) {
        sink.row('score.missing', 'scores', title, rowIndex, message, where);
      } else {
        sink.cell('score.missing', 'scores', title, rowIndex, firstBlank, message, where);
      }
    }

    const noteCell = noteCol === undefined ? null : (cells[noteCol] ?? null);
    const note = isBlankCell(noteCell) ? null : cellText(noteCell);
    scores.push({ month, agencyId: known.id, values, note, rowIndex });
  }
  return { scores, title, fatal: false };
}

/**
 * `score.agency_mismatch` (a warning at the cell) when the row's `agency_name`, written by
 * `open` for people to read, names another agency than its id does, after normalising
 * (normalizeName): the id counts. A blank name, the agency's own name or a cell that finds
 * the same agency (its id) say nothing. The problem carries the month but no agency: it is
 * not why an agency is not evaluated, and not the agency's to fix on its card.
 */
function agencyMismatch(
  named: { cell: CellValue; rowIndex: number; column: number },
  agency: Agency,
  find: (cell: CellValue) => AgencyMatch,
  sink: ProblemSink,
  where: { title: string; agenciesTitle: string; month: MonthKey },
): void {
  if (isBlankCell(named.cell)) return;
  const written = cellText(named.cell);
  if (normalizeName(written) === normalizeName(agency.name)) return;
  const match = find(named.cell);
  if (match.kind === 'found' && match.agency === agency) return;
  const other = match.kind === 'found' ? match.agency : undefined;
  const message = messages.agencyMismatch(written, agency, where.agenciesTitle, other);
  const { rowIndex, column } = named;
  sink.cell('score.agency_mismatch', 'scores', where.title, rowIndex, column, message, {
    month: where.month,
  });
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
