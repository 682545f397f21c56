/** The agencies tab: id, name, group, active, email (docs/workbook.md#agencies). */
import { markShared, readAddressList } from './address-list.ts';
import { cellText, parseBooleanCell } from './cell-values.ts';
import { reportControlCharacters } from './control-characters.ts';
import type { CellValue, RawWorkbook } from './cells.ts';
import type { Agency, UnplacedAgency } from './model.ts';
import { normalizeName } from '../language/normalize.ts';
import { messages, type ProblemSink } from './problem-messages.ts';
import { cellAt, dataRows, openTab, type DataRow } from './tab-lookup.ts';
import { TABS } from './tabs.ts';
import { agencyLookup, type AgencyMatch } from './agency-lookup.ts';

/** Where an agency's id cell is, so that problems about the agency can point at it. */
interface AgencyPlace {
  rowIndex: number;
  idColumn: number;
}

export interface AgenciesResult {
  /** Valid agencies in sheet order (inactive ones included, flagged). */
  agencies: Agency[];
  /** Groups of active agencies, in order of first appearance, as first written. */
  groups: string[];
  title: string;
  fatal: boolean;
  /** Agency id -> its id cell in the agencies tab. */
  places: Map<string, AgencyPlace>;
  /** Active rows left out (empty id, name or group; an id used before), in sheet order. */
  unplaced: UnplacedAgency[];
  /** An agency by id or, when no id matches, by name (normalized). */
  find(cell: CellValue): AgencyMatch;
}

/** The agencies tab being read: its columns, where problems go, and what the rows built so far. */
interface AgencyTab {
  title: string;
  sink: ProblemSink;
  idCol: number;
  nameCol: number;
  groupCol: number;
  activeCol: number | undefined;
  emailCol: number | undefined;
  /** Cells whose formula has no computed value (they read as blank). */
  uncomputed: ReadonlySet<string>;
  firstRowOfId: Map<string, number>;
  excluded: Set<string>;
  groupByKey: Map<string, string>;
  agencies: Agency[];
  places: Map<string, AgencyPlace>;
  unplaced: UnplacedAgency[];
}

/** An `agency.invalid` problem in a cell of the tab. */
function problem(
  t: AgencyTab,
  rowIndex: number,
  column: number,
  message: string,
  agencyId?: string,
) {
  const context = agencyId ? { agencyId } : undefined;
  t.sink.cell('agency.invalid', 'agencies', t.title, rowIndex, column, message, context);
}

/** A cell left blank, or a formula with no computed value (said so, not that the cell is empty). */
const formula = (t: AgencyTab, rowIndex: number, column: number): boolean =>
  t.uncomputed.has(`${rowIndex}:${column}`);

/** A row left out: listed in `unplaced` unless it is marked inactive. */
function leaveOut(t: AgencyTab, row: DataRow, id: string, reason: UnplacedAgency['reason']): void {
  if (parseBooleanCell(cellAt(row, t.activeCol), true) === false) return;
  const name = cellText(cellAt(row, t.nameCol));
  const group = cellText(cellAt(row, t.groupCol));
  t.unplaced.push({ id, name: name === '' ? id : name, group, reason, rowIndex: row.rowIndex });
}

/** The row's id, or null when it is empty or used before (reported, the row left out). */
function readId(t: AgencyTab, row: DataRow): { id: string; idKey: string } | null {
  const id = cellText(cellAt(row, t.idCol));
  const idKey = normalizeName(id);
  if (idKey === '') {
    const message = formula(t, row.rowIndex, t.idCol)
      ? messages.agencyCellFormula('شناسه')
      : messages.agencyIdEmpty();
    problem(t, row.rowIndex, t.idCol, message);
    leaveOut(t, row, id, 'agency.invalid');
    return null;
  }
  const first = t.firstRowOfId.get(idKey);
  if (first !== undefined) {
    leaveOut(t, row, id, 'agency.duplicate');
    const message = messages.agencyDuplicate(id, first);
    t.sink.cell('agency.duplicate', 'agencies', t.title, row.rowIndex, t.idCol, message);
    return null;
  }
  t.firstRowOfId.set(idKey, row.rowIndex);
  return { id, idKey };
}

/** A name or group cell that must not be empty: its text, or null when empty (reported). */
function required(
  t: AgencyTab,
  row: DataRow,
  column: number,
  what: { label: 'نام' | 'گروه'; empty: (id: string) => string },
  id: string,
): string | null {
  const text = cellText(cellAt(row, column));
  if (normalizeName(text) !== '') return text;
  const formulaOnly = formula(t, row.rowIndex, column);
  const message = formulaOnly ? messages.agencyCellFormula(what.label, id) : what.empty(id);
  problem(t, row.rowIndex, column, message, id);
  return null;
}

/** The row's name and group, each reported when empty; `usable` when both are there. */
function readNameAndGroup(t: AgencyTab, row: DataRow, id: string) {
  const name = required(t, row, t.nameCol, { label: 'نام', empty: messages.agencyNameEmpty }, id);
  const group = required(
    t,
    row,
    t.groupCol,
    { label: 'گروه', empty: messages.agencyGroupEmpty },
    id,
  );
  const usable = name !== null && group !== null;
  return {
    name: name ?? cellText(cellAt(row, t.nameCol)),
    group: group ?? cellText(cellAt(row, t.groupCol)),
    usable,
  };
}

/** The row's `active` (a bad one reported, the agency kept active) and its addresses (bad ones reported). */
function readActiveAndEmails(t: AgencyTab, row: DataRow, id: string, shown: string) {
  const activeCell = cellAt(row, t.activeCol);
  let active = parseBooleanCell(activeCell, true);
  if (active === null) {
    const message = messages.agencyActiveInvalid(shown, cellText(activeCell));
    problem(t, row.rowIndex, t.activeCol ?? 0, message, id);
    active = true;
  }
  const listed = readAddressList(cellAt(row, t.emailCol));
  if (listed.invalid.length > 0) {
    const message = messages.agencyEmailInvalid(shown, listed.invalid, listed.addresses.length > 0);
    t.sink.cell(
      'agency.email_invalid',
      'agencies',
      t.title,
      row.rowIndex,
      t.emailCol ?? 0,
      message,
      {
        agencyId: id,
      },
    );
  }
  return { active, addresses: listed.addresses };
}

/** One row of the tab: checked, then kept as an agency or left out. */
function readRow(t: AgencyTab, row: DataRow): void {
  reportControlCharacters(t.sink, { tabKey: 'agencies', tab: t.title }, row, [
    { column: t.idCol, what: 'شناسه دستگاه' },
    { column: t.nameCol, what: 'نام دستگاه' },
    { column: t.emailCol, what: 'ایمیل دستگاه' },
  ]);
  const key = readId(t, row);
  if (!key) return;
  const { id, idKey } = key;
  const { name, group, usable } = readNameAndGroup(t, row, id);
  const { active, addresses } = readActiveAndEmails(t, row, id, usable ? name : id);
  if (!usable) {
    t.excluded.add(idKey);
    leaveOut(t, row, id, 'agency.invalid');
    return;
  }
  const groupKey = normalizeName(group);
  let groupName = t.groupByKey.get(groupKey);
  if (groupName === undefined) {
    groupName = group;
    t.groupByKey.set(groupKey, group);
  }
  t.agencies.push({ id, name, group: groupName, active, emails: [], addresses });
  t.places.set(id, { rowIndex: row.rowIndex, idColumn: t.idCol });
}

/**
 * Reads the agencies. An id seen before (normalized) is `agency.duplicate` on the later row,
 * which is ignored. An empty id, name or group is `agency.invalid` and the row is left out
 * (its score rows are then skipped without further problems). A row left out that is not
 * marked inactive is listed in `unplaced`, so that it is counted as not evaluated instead of
 * vanishing. A bad `active` is `agency.invalid` too, but the agency stays, active. Every
 * one of these stops a real run (run-gate.ts). The email column holds one or more
 * addresses (address-list.ts): one that is not valid is `agency.email_invalid` and one named
 * by two agencies `agency.email_shared`, warnings that leave that address out of the mail.
 */
export function parseAgencies(workbook: RawWorkbook, sink: ProblemSink): AgenciesResult {
  const none = (title: string): AgenciesResult => ({
    agencies: [],
    groups: [],
    title,
    fatal: true,
    places: new Map(),
    unplaced: [],
    find: () => ({ kind: 'unknown' }),
  });
  const opened = openTab(workbook, 'agencies', sink, true);
  if (!opened) return none(TABS.agencies.label);
  const { title, columns } = opened;
  if (!opened.complete) return none(title);

  const t: AgencyTab = {
    title,
    sink,
    idCol: columns.index.get('id') ?? 0,
    nameCol: columns.index.get('name') ?? 0,
    groupCol: columns.index.get('group') ?? 0,
    activeCol: columns.index.get('active'),
    emailCol: columns.index.get('email'),
    uncomputed: new Set((opened.tab.uncomputed ?? []).map(([r, c]) => `${r}:${c}`)),
    firstRowOfId: new Map(),
    excluded: new Set(),
    groupByKey: new Map(),
    agencies: [],
    places: new Map(),
    unplaced: [],
  };
  for (const row of dataRows(opened)) readRow(t, row);
  markShared(t.agencies, (agency, email, others) => {
    const place = t.places.get(agency.id);
    if (!place) return;
    const message = messages.agencyEmailShared(agency.name, email, others);
    sink.cell('agency.email_shared', 'agencies', title, place.rowIndex, t.emailCol ?? 0, message, {
      agencyId: agency.id,
    });
  });

  const groups = new Set<string>();
  for (const agency of t.agencies) if (agency.active) groups.add(agency.group);
  return {
    agencies: t.agencies,
    groups: [...groups],
    title,
    fatal: false,
    places: t.places,
    unplaced: t.unplaced,
    find: agencyLookup(t.agencies, t.excluded),
  };
}
