/**
 * The Sheet's protections made to say exactly what core/runs/guard-wanted.ts wants, by a
 * pattern that leans on nothing Google leaves undocumented (docs/workbook.md#opening-and-closing-a-month, the guard): each
 * input tab protected whole for the `editors` and the functions' account; the scores tab
 * protected whole for them too, its `unprotectedRanges` exactly the open rows' indicator
 * and note cells, each of those under one range protection naming the agency's addresses
 * (groups as groups), the editors and the account; the archive for the account alone. No
 * cell is under two protections with different editors. karnameh's protections are told
 * apart by their description (`karnameh:…`); the others are left alone. Pure.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { GuardWanted } from '../../core/runs/guard-wanted.ts';
import { PEOPLE_TABS } from '../../core/contract/tabs.ts';
import { findSheet, type SheetInfo } from './snapshot.ts';

type Request = sheets_v4.Schema$Request;
type ProtectedRange = sheets_v4.Schema$ProtectedRange;
type GridRange = sheets_v4.Schema$GridRange;
type Editors = sheets_v4.Schema$Editors;

/** `spreadsheets.get` fields of the protections the guard compares against. */
export const GUARD_PROTECTION_FIELDS =
  'protectedRanges(protectedRangeId,range,description,editors(users,groups),unprotectedRanges,warningOnly)';

const INPUT = 'karnameh:input';
const SCORES = 'karnameh:scores';
const ROW = 'karnameh:row:';
const OUTPUT = 'karnameh:output';

const sorted = (list: readonly string[] | null | undefined): string[] =>
  [...new Set((list ?? []).map((x) => x.toLowerCase()))].sort();

/** Whether protection editors `a` say `b`: Google adds whoever adds a protection (`creators`). */
type Same = (a: Editors | undefined, b: Editors) => boolean;

/**
 * Google makes whoever adds a protection one of its editors; that account (the same on
 * every protection karnameh added) is tolerated beside the editors wanted.
 */
function sameEditors(a: Editors | undefined, b: Editors, creators: ReadonlySet<string>): boolean {
  const have = sorted(a?.users);
  const want = sorted(b.users);
  const extra = have.filter((u) => !want.includes(u));
  return (
    want.every((u) => have.includes(u)) &&
    extra.every((u) => creators.has(u)) &&
    JSON.stringify(sorted(a?.groups)) === JSON.stringify(sorted(b.groups))
  );
}

/**
 * The users on every one of karnameh's protections: who added them (see `sameEditors`).
 * The output tabs' protections (init's, and the archive's) count too: they name the
 * functions' account alone, so that an address taken out of the `editors` setting, which
 * is on every input protection, is not taken for their creator and keeps no right.
 */
function creatorsOf(protections: ReadonlyMap<number, ProtectedRange[]>): Set<string> {
  const mine = [...protections.values()]
    .flat()
    .filter((p) => p.description?.startsWith('karnameh'));
  const [first, ...rest] = mine.map((p) => new Set(sorted(p.editors?.users)));
  if (!first) return new Set();
  return new Set([...first].filter((u) => rest.every((set) => set.has(u))));
}

const gridKey = (r: GridRange | undefined): string =>
  JSON.stringify([
    r?.startRowIndex ?? null,
    r?.endRowIndex ?? null,
    r?.startColumnIndex ?? null,
    r?.endColumnIndex ?? null,
  ]);

/** A whole-tab protection with `description`: added, or its editors (and holes) set. */
function wholeTab(
  sheet: SheetInfo,
  existing: readonly ProtectedRange[],
  description: string,
  editors: Editors,
  same: Same,
  holes?: GridRange[],
): Request[] {
  const found = existing.find((p) => p.description === description);
  if (!found || typeof found.protectedRangeId !== 'number') {
    return [
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: sheet.sheetId },
            description,
            editors,
            ...(holes && holes.length > 0 ? { unprotectedRanges: holes } : {}),
          },
        },
      },
    ];
  }
  const sameHoles =
    holes === undefined ||
    JSON.stringify((found.unprotectedRanges ?? []).map(gridKey).sort()) ===
      JSON.stringify(holes.map(gridKey).sort());
  if (same(found.editors, editors) && sameHoles) return [];
  return [
    {
      updateProtectedRange: {
        protectedRange: {
          protectedRangeId: found.protectedRangeId,
          editors,
          ...(holes === undefined ? {} : { unprotectedRanges: holes }),
        },
        fields: holes === undefined ? 'editors' : 'editors,unprotectedRanges',
      },
    },
  ];
}

/** The open rows' protections: each wanted one added or corrected, the others deleted. */
function rowProtections(
  sheet: SheetInfo,
  existing: readonly ProtectedRange[],
  wanted: GuardWanted,
  everyone: string[],
  same: Same,
): { requests: Request[]; holes: GridRange[] } {
  const requests: Request[] = [];
  const holes: GridRange[] = [];
  const mine = new Map(
    existing
      .filter((p) => p.description?.startsWith(ROW))
      .map((p) => [p.description ?? '', p] as const),
  );
  for (const row of wanted.rows) {
    for (const [start, end] of row.columns) {
      const range: GridRange = {
        sheetId: sheet.sheetId,
        startRowIndex: row.rowIndex,
        endRowIndex: row.rowIndex + 1,
        startColumnIndex: start,
        endColumnIndex: end,
      };
      holes.push(range);
      const description = `${ROW}${row.key} ${start}`;
      const editors: Editors = {
        users: sorted([...row.users, ...everyone]),
        ...(row.groups.length > 0 ? { groups: sorted(row.groups) } : {}),
      };
      const found = mine.get(description);
      mine.delete(description);
      if (found && typeof found.protectedRangeId === 'number') {
        if (gridKey(found.range) === gridKey(range) && same(found.editors, editors)) continue;
        requests.push({
          updateProtectedRange: {
            protectedRange: { protectedRangeId: found.protectedRangeId, range, editors },
            fields: 'range,editors',
          },
        });
      } else {
        requests.push({ addProtectedRange: { protectedRange: { range, description, editors } } });
      }
    }
  }
  for (const stale of mine.values()) {
    if (typeof stale.protectedRangeId === 'number') {
      requests.push({ deleteProtectedRange: { protectedRangeId: stale.protectedRangeId } });
    }
  }
  return { requests, holes };
}

/** The requests that make the protections say `wanted`; none when they already do. */
export function planGuard(
  sheets: readonly SheetInfo[],
  protections: ReadonlyMap<number, ProtectedRange[]>,
  wanted: GuardWanted,
  account: string,
): Request[] {
  const everyone = sorted([...wanted.editors, account]);
  const creators = creatorsOf(protections);
  const same: Same = (a, b) => sameEditors(a, b, creators);
  const requests: Request[] = [];
  for (const key of PEOPLE_TABS) {
    const sheet = findSheet(sheets, key);
    if (!sheet || key === 'scores') continue;
    const existing = protections.get(sheet.sheetId) ?? [];
    requests.push(...wholeTab(sheet, existing, INPUT, { users: everyone }, same));
  }
  const scores = findSheet(sheets, 'scores');
  if (scores) {
    const existing = protections.get(scores.sheetId) ?? [];
    const rows = rowProtections(scores, existing, wanted, everyone, same);
    requests.push(...rows.requests);
    requests.push(...wholeTab(scores, existing, SCORES, { users: everyone }, same, rows.holes));
  }
  const archive = findSheet(sheets, 'archive');
  if (archive) {
    const existing = protections.get(archive.sheetId) ?? [];
    requests.push(...wholeTab(archive, existing, OUTPUT, { users: [account.toLowerCase()] }, same));
  }
  return requests;
}
