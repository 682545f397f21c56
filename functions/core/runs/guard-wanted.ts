/**
 * Who may edit what while months are open (docs/workbook.md#opening-and-closing-a-month, the guard), as the Sheet's
 * protections are to say it: the `editors` of settings everywhere, and each agency's
 * addresses on the indicator and note cells of its own rows of the open months. Pure: the
 * store turns it into protections (adapters/google-sheets/guard-plan.ts); an .xlsx has no
 * accounts and ignores it.
 */
import type { RawWorkbook } from '../contract/cells.ts';
import { scoresColumns } from '../contract/close-month.ts';
import type { MonthKey } from '../language/jalali.ts';
import type { ParseResult } from '../contract/model.ts';

interface GuardRow {
  /** `month agency`: names the row's protections. */
  key: string;
  /** Zero-based row index in the scores tab once the edit has landed. */
  rowIndex: number;
  /** Column runs [start, end) of the row's indicator and note cells. */
  columns: [number, number][];
  users: string[];
  groups: string[];
}

export interface GuardWanted {
  /** The `editors` setting's addresses (the store adds the functions' account). */
  editors: string[];
  rows: GuardRow[];
}

/** Sorted columns as runs of neighbours: [2,3,4,7] -> [[2,5],[7,8]]. */
function runsOf(columns: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] === c) last[1] = c + 1;
    else runs.push([c, c + 1]);
  }
  return runs;
}

/**
 * The guard for `months` open: every row of those months (as parsed) plus `added` (rows the
 * same edit adds, by their index once it lands), and `only` agencies when given per month.
 */
export function guardWanted(
  raw: RawWorkbook,
  parsed: ParseResult,
  months: ReadonlySet<MonthKey>,
  added: readonly { agencyId: string; rowIndex: number; month: MonthKey }[] = [],
  extensions: readonly { month: MonthKey; agencyId: string }[] = [],
): GuardWanted {
  // The runs tab keeps recipients lower-case: ids are compared so.
  const extended = new Set(extensions.map((e) => `${e.month} ${e.agencyId.toLowerCase()}`));
  const columns = scoresColumns(raw, parsed.model.indicators);
  const cells = runsOf([
    ...(columns?.codes.values() ?? []),
    ...(columns?.note === undefined ? [] : [columns.note]),
  ]);
  const addresses = new Map(
    parsed.model.agencies.map((a) => [
      a.id,
      {
        users: a.addresses.filter((x) => !x.group).map((x) => x.email.toLowerCase()),
        groups: a.addresses.filter((x) => x.group).map((x) => x.email.toLowerCase()),
      },
    ]),
  );
  const open = parsed.model.scores.filter(
    (s) => months.has(s.month) || extended.has(`${s.month} ${s.agencyId.toLowerCase()}`),
  );
  const rows = [...open, ...added].map((row) => ({
    key: `${row.month} ${row.agencyId}`,
    rowIndex: row.rowIndex,
    columns: cells,
    ...(addresses.get(row.agencyId) ?? { users: [], groups: [] }),
  }));
  return { editors: parsed.model.settings.editors, rows };
}
