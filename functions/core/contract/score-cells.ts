/** The scores tab's indicator columns, a row's indicator cells (a number in range, blank, or a problem) and its agency_name cell checked (docs/workbook.md#scores). */
import { cellText, isBlankCell, parseNumberCell } from './cell-values.ts';
import { a1, type CellValue } from './cells.ts';
import { isCopiedByMerge, type MergeRange } from './merged-cells.ts';
import { normalizeName } from '../language/normalize.ts';
import type { OpenTab } from './tab-lookup.ts';
import type { Agency, Indicator } from './model.ts';
import type { AgencyMatch } from './agency-lookup.ts';
import type { MonthKey } from '../language/jalali.ts';
import { messages, type ProblemContext, type ProblemSink } from './problem-messages.ts';

/** The error values a spreadsheet shows for a formula that failed (`#DIV/0!`, `#REF!`, …). */
const FORMULA_ERROR =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;

function isFormulaError(cell: CellValue): boolean {
  return typeof cell === 'string' && FORMULA_ERROR.test(cell.trim());
}

export interface IndicatorColumn {
  indicator: Indicator;
  column: number | undefined;
}

/** The scores tab being read: where problems go, and how each row's values are read. */
export interface ScoresTab {
  sink: ProblemSink;
  title: string;
  indicatorColumns: IndicatorColumn[];
  /** Every code -> null; copied per row (a spread of a fixed shape is fast, and an own `__proto__` key stays an own key). */
  blankValues: Record<string, number | null>;
  /** Cells whose formula has no computed value (they read as blank). */
  uncomputed: ReadonlySet<string>;
  /** Merged ranges over indicator cells: one value shown for several cells, the others' unknown. */
  merges: readonly MergeRange[];
}

/** A cell that is neither blank nor a number in range: a formula's error, not a number, or out of range. */
function reportBadScore(
  t: ScoresTab,
  where: { rowIndex: number; column: number; context: ProblemContext },
  indicator: Indicator,
  cell: CellValue,
  value: number | null,
): void {
  const { rowIndex, column, context } = where;
  const shown = cellText(cell);
  if (isFormulaError(cell)) {
    const message = messages.scoreFormula(indicator.code, shown);
    t.sink.cell('score.formula', 'scores', t.title, rowIndex, column, message, context);
  } else if (value === null) {
    const message = messages.scoreNotNumber(indicator.code, indicator.max, shown);
    t.sink.cell('score.not_number', 'scores', t.title, rowIndex, column, message, context);
  } else {
    const message = messages.scoreOutOfRange(indicator.code, indicator.max, shown);
    t.sink.cell('score.out_of_range', 'scores', t.title, rowIndex, column, message, context);
  }
}

/**
 * A row's indicator values (null where a cell is blank or bad, each bad one reported), the
 * codes left blank and the first blank column.
 */
export function readValues(
  t: ScoresTab,
  cells: readonly CellValue[],
  rowIndex: number,
  where: ProblemContext,
): {
  values: Record<string, number | null>;
  missing: string[] | undefined;
  firstBlank: number | undefined;
} {
  const values = { ...t.blankValues };
  let missing: string[] | undefined;
  let firstBlank: number | undefined;
  for (let i = 0; i < t.indicatorColumns.length; i++) {
    const { indicator, column } = t.indicatorColumns[i] as IndicatorColumn;
    const cell = column === undefined ? null : (cells[column] ?? null);
    if (
      column !== undefined &&
      t.merges.length > 0 &&
      isCopiedByMerge(t.merges, rowIndex, column)
    ) {
      const message = messages.scoreMerged(indicator.code, cellText(cell));
      t.sink.cell('score.merged', 'scores', t.title, rowIndex, column, message, where);
      continue;
    }
    // The common case first: a number cell within range.
    if (typeof cell === 'number' && cell >= 0 && cell <= indicator.max) {
      values[indicator.code] = cell === 0 ? 0 : cell;
      continue;
    }
    if (isBlankCell(cell)) {
      if (column !== undefined && t.uncomputed.has(`${rowIndex}:${column}`)) {
        const message = messages.scoreFormula(indicator.code, '');
        t.sink.cell('score.formula', 'scores', t.title, rowIndex, column, message, where);
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
    reportBadScore(t, { rowIndex, column: column ?? 0, context: where }, indicator, cell, value);
  }
  return { values, missing, firstBlank };
}

/**
 * One column per indicator, matched by its code (normalized); the first column is read and
 * any further one is `header.duplicate`; a code with no column is `header.missing`.
 */
export function indicatorColumnsOf(
  columns: OpenTab['columns'],
  indicators: readonly Indicator[],
  title: string,
  sink: ProblemSink,
): IndicatorColumn[] {
  const columnsOfCode = new Map<string, number[]>();
  columns.headers.forEach((header, column) => {
    if (header === '' || columns.claimed.has(column)) return;
    const list = columnsOfCode.get(header);
    if (list) list.push(column);
    else columnsOfCode.set(header, [column]);
  });
  return indicators.map((indicator) => {
    const [column, ...others] = columnsOfCode.get(normalizeName(indicator.code)) ?? [];
    for (const other of others) {
      const message = messages.indicatorColumnDuplicate(title, indicator.code, a1(0, column ?? 0));
      sink.cell('header.duplicate', 'scores', title, 0, other, message);
    }
    if (column === undefined) {
      const message = messages.indicatorColumnMissing(title, indicator.code);
      sink.row('header.missing', 'scores', title, 0, message);
    }
    return { indicator, column };
  });
}

/**
 * `score.agency_mismatch` (a warning at the cell) when the row's `agency_name`, written by
 * `open` for people to read, names another agency than its id does, after normalizing
 * (normalizeName): the id counts. A blank name, the agency's own name or a cell that finds
 * the same agency (its id) say nothing. The problem carries the month but no agency: it is
 * not why an agency is not evaluated, and not the agency's to fix on its card.
 */
export function agencyMismatch(
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

/** The merged ranges that cover an indicator column. */
export function indicatorMerges(
  merges: readonly MergeRange[],
  indicatorColumns: readonly IndicatorColumn[],
): MergeRange[] {
  const columns = indicatorColumns.flatMap((c) => c.column ?? []);
  return merges.filter((m) => columns.some((c) => c >= m.startColumn && c < m.endColumn));
}
