/**
 * What `open` adds to the scores tab for a month (docs/workbook.md#opening-and-closing-a-month): one row per active agency that has none yet (month, id, name), in group order
 * then by name, after the last row; the `agency_name` header when the tab lacks it; and
 * the indicator columns whose new cells get validation (0 to max). Pure: planned from the
 * workbook as read, never a change to a cell that holds a value.
 */
import { isBlankRow } from '../contract/cell-values.ts';
import type { CellValue, RawWorkbook } from '../contract/cells.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { Agency, ParseResult } from '../contract/model.ts';
import { normalizeName } from '../language/normalize.ts';
import { DEFINITION_CODES, type Problem } from '../contract/problems.ts';
import { compareByName } from '../figures/ranking.ts';
import { findTab, mapColumns } from '../contract/tab-lookup.ts';
import { TABS } from '../contract/tabs.ts';

interface OpenRow {
  agencyId: string;
  name: string;
  group: string;
  /** The row's cells (month, id, name at their columns; everything else blank). */
  cells: CellValue[];
  /** Zero-based index the row gets in the tab as read (0 is the header row). */
  rowIndex: number;
}

export interface OpenPlan {
  month: MonthKey;
  /** The scores tab's title as in the workbook. */
  scoresTitle: string;
  /** Header cells to set (only empty ones): the `agency_name` column when missing. */
  header: { column: number; text: string }[];
  rows: OpenRow[];
  /** Indicator columns of the tab, with each indicator's max, for the new cells' validation. */
  validation: { code: string; column: number; max: number }[];
}

export type OpenDecision =
  | { kind: 'plan'; plan: OpenPlan }
  /** Definition errors (or a workbook whose figures cannot be read): open cannot tell who is who. */
  | { kind: 'blocked'; problems: Problem[] };

/**
 * What stops `open`: definition errors, and, when the figures cannot be read at all (a tab
 * or a required column missing), the errors saying why.
 */
function blockingOpen(parsed: ParseResult): Problem[] {
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  const definition = errors.filter((p) => DEFINITION_CODES.has(p.code));
  if (!parsed.fatal) return definition;
  const structure = errors.filter((p) => p.code === 'tab.missing' || p.code === 'header.missing');
  const both = [...definition, ...structure];
  return both.length > 0 ? both : errors;
}

/** Index one past the last row holding anything, in any column. */
function endOfData(rows: readonly CellValue[][]): number {
  let end = rows.length;
  while (end > 1 && isBlankRow(rows[end - 1] ?? [], allColumns(rows[end - 1]))) end--;
  return Math.max(end, 1);
}

const allColumns = (row: readonly CellValue[] | undefined): number[] =>
  Array.from({ length: row?.length ?? 0 }, (_, i) => i);

/** Active agencies, in the order of their groups (model.groups), then by name. */
export function openOrder(agencies: readonly Agency[], groups: readonly string[]): Agency[] {
  const rank = new Map(groups.map((g, i) => [normalizeName(g), i]));
  const groupOf = (a: Agency) => rank.get(normalizeName(a.group)) ?? groups.length;
  return agencies
    .filter((a) => a.active)
    .sort((a, b) => groupOf(a) - groupOf(b) || compareByName(a, b));
}

/** Plans `open` of `month` on `raw`, parsed for that month as `parsed`. */
export function planOpen(raw: RawWorkbook, parsed: ParseResult, month: MonthKey): OpenDecision {
  const blocking = blockingOpen(parsed);
  const tab = findTab(raw, 'scores');
  if (blocking.length > 0 || !tab) return { kind: 'blocked', problems: blocking };
  const columns = mapColumns(tab, TABS.scores.columns);
  const monthColumn = columns.index.get('month') ?? 0;
  const agencyColumn = columns.index.get('agency') ?? 1;
  const width = tab.rows.reduce((w, row) => Math.max(w, row.length), 0);
  const header: OpenPlan['header'] = [];
  let nameColumn = columns.index.get('agency_name');
  if (nameColumn === undefined) {
    nameColumn = Math.max(width, monthColumn + 1, agencyColumn + 1);
    header.push({ column: nameColumn, text: TABS.scores.columns[3]?.label ?? 'نام دستگاه' });
  }
  const validation: OpenPlan['validation'] = [];
  for (const indicator of parsed.model.indicators) {
    const code = normalizeName(indicator.code);
    const column = columns.headers.findIndex((h, c) => h === code && !columns.claimed.has(c));
    if (column >= 0) validation.push({ code: indicator.code, column, max: indicator.max });
  }
  const present = new Set(
    parsed.model.scores.filter((s) => s.month === month).map((s) => s.agencyId),
  );
  const start = endOfData(tab.rows);
  const rows: OpenRow[] = openOrder(parsed.model.agencies, parsed.model.groups)
    .filter((agency) => !present.has(agency.id))
    .map((agency, i) => {
      const cells: CellValue[] = Array<CellValue>(
        Math.max(monthColumn, agencyColumn, nameColumn) + 1,
      ).fill(null);
      cells[monthColumn] = month;
      cells[agencyColumn] = agency.id;
      cells[nameColumn as number] = agency.name;
      return {
        agencyId: agency.id,
        name: agency.name,
        group: agency.group,
        cells,
        rowIndex: start + i,
      };
    });
  return {
    kind: 'plan',
    plan: { month, scoresTitle: tab.name, header, rows, validation },
  };
}
