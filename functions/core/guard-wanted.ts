/**
 * Who may edit what while months are open (workbook.md, "Guard"), as the Sheet's
 * protections are to say it: the `editors` of settings everywhere, and each agency's
 * addresses on the indicator and note cells of its own rows of the open months. Pure: the
 * store turns it into protections (adapters/google-sheets/guard-plan.ts); an .xlsx has no
 * accounts and ignores it.
 */
import { cellText } from './cell-values.ts';
import type { RawWorkbook } from './cells.ts';
import { scoresColumns } from './close-month.ts';
import type { MonthKey } from './jalali.ts';
import type { ParseResult } from './model.ts';
import { normalizeName } from './normalize.ts';
import { findTab, mapColumns } from './tab-lookup.ts';
import { TABS } from './tabs.ts';

export interface GuardRow {
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

const EMAIL = /^[^\s@,،;<>()]+@[^\s@,،;<>()]+\.[^\s@,،;<>()]+$/;

/** Addresses in one cell, `,` or `،` (or `;`, a line break) between them; `group:` marks a Google Group. */
export function splitAddresses(text: string): { users: string[]; groups: string[] } {
  const users: string[] = [];
  const groups: string[] = [];
  for (const part of text.split(/[,،;\n]+/)) {
    const item = part.trim();
    const group = /^group:\s*/i.exec(item);
    const address = (group ? item.slice(group[0].length) : item).trim().toLowerCase();
    if (!EMAIL.test(address)) continue; // not valid: no right (agency.email_invalid says so)
    (group ? groups : users).push(address);
  }
  return { users, groups };
}

/** The `editors` setting (ویرایشگران): the secretariat's addresses. */
export function editorsSetting(raw: RawWorkbook): string[] {
  const tab = findTab(raw, 'settings');
  if (!tab) return [];
  const columns = mapColumns(tab, TABS.settings.columns);
  const key = columns.index.get('key') ?? 0;
  const value = columns.index.get('value') ?? 1;
  const names = new Set([normalizeName('editors'), normalizeName('ویرایشگران')]);
  const row = tab.rows.slice(1).find((r) => names.has(normalizeName(cellText(r[key] ?? null))));
  return row ? splitAddresses(cellText(row[value] ?? null)).users : [];
}

/** Each agency's addresses, from the agencies tab's email column, by agency id. */
function agencyAddresses(raw: RawWorkbook): Map<string, { users: string[]; groups: string[] }> {
  const out = new Map<string, { users: string[]; groups: string[] }>();
  const tab = findTab(raw, 'agencies');
  if (!tab) return out;
  const columns = mapColumns(tab, TABS.agencies.columns);
  const id = columns.index.get('id');
  const email = columns.index.get('email');
  if (id === undefined || email === undefined) return out;
  for (const row of tab.rows.slice(1)) {
    const key = normalizeName(cellText(row[id] ?? null));
    if (key !== '' && !out.has(key)) out.set(key, splitAddresses(cellText(row[email] ?? null)));
  }
  return out;
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
): GuardWanted {
  const columns = scoresColumns(raw, parsed.model.indicators);
  const cells = runsOf([
    ...(columns?.codes.values() ?? []),
    ...(columns?.note === undefined ? [] : [columns.note]),
  ]);
  const addresses = agencyAddresses(raw);
  const rows = [...parsed.model.scores.filter((s) => months.has(s.month)), ...added].map((row) => ({
    key: `${row.month} ${row.agencyId}`,
    rowIndex: row.rowIndex,
    columns: cells,
    ...(addresses.get(normalizeName(row.agencyId)) ?? { users: [], groups: [] }),
  }));
  return { editors: editorsSetting(raw), rows };
}
