/**
 * The stand-in's protected ranges as Google documents them, and no further: a sheet
 * protection's `unprotectedRanges` are holes any editor of the file may edit ("Unprotected
 * ranges are only supported on protected sheets"); a protection moves and grows with rows
 * inserted before or inside it; editors are accounts or Google Groups. What Google leaves
 * undocumented is refused, so that karnameh cannot come to depend on it: a cell under two
 * protections with different editors (which one wins is not said), and holes in a
 * protection of less than a whole sheet.
 */
import { ApiRefusal, type Bounds, type Json, type StandInSheet } from './stand-in-model.ts';

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function boundsOf(range: Json): Bounds {
  const int = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  return {
    startRow: int(range.startRowIndex, 0),
    endRow: int(range.endRowIndex, Infinity),
    startColumn: int(range.startColumnIndex, 0),
    endColumn: int(range.endColumnIndex, Infinity),
  };
}

function intersect(a: Bounds, b: Bounds): Bounds | null {
  const out = {
    startRow: Math.max(a.startRow, b.startRow),
    endRow: Math.min(a.endRow, b.endRow),
    startColumn: Math.max(a.startColumn, b.startColumn),
    endColumn: Math.min(a.endColumn, b.endColumn),
  };
  return out.startRow < out.endRow && out.startColumn < out.endColumn ? out : null;
}

function holesOf(protection: Json): Bounds[] {
  const list = protection.unprotectedRanges;
  return Array.isArray(list) ? list.map((h) => boundsOf(obj(h))) : [];
}

/** True when some cell of `area` is in none of `holes`. */
function uncovered(area: Bounds, holes: readonly Bounds[]): boolean {
  if (holes.length === 0) return true;
  // Columns may run to the grid's end (Infinity compares as it should); rows are walked.
  if (!Number.isFinite(area.endRow)) return true;
  for (let r = area.startRow; r < area.endRow; r++) {
    const spans = holes
      .filter((h) => h.startRow <= r && r < h.endRow)
      .map((h) => [
        Math.max(h.startColumn, area.startColumn),
        Math.min(h.endColumn, area.endColumn),
      ])
      .filter(([a = 0, b = 0]) => a < b)
      .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
    let at = area.startColumn;
    for (const [a = 0, b = 0] of spans) {
      if (a > at) return true;
      at = Math.max(at, b);
    }
    if (at < area.endColumn) return true;
  }
  return false;
}

/** True when an edit of `edit` (null: the sheet as a whole) touches a cell `protection` locks. */
export function locks(protection: Json, edit: Bounds | null): boolean {
  const all: Bounds = { startRow: 0, endRow: Infinity, startColumn: 0, endColumn: Infinity };
  const area = intersect(edit ?? all, boundsOf(obj(protection.range)));
  return area !== null && uncovered(area, holesOf(protection));
}

/** Who a protection lets edit, as one comparable key. */
function editorsKey(protection: Json): string {
  if (protection.warningOnly === true) return 'warning-only';
  const editors = obj(protection.editors);
  const list = (v: unknown) =>
    (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
      .map((x) => x.toLowerCase())
      .sort();
  return JSON.stringify([list(editors.users), list(editors.groups), !!editors.domainUsersCanEdit]);
}

/** Refuses holes in a protection of less than a whole sheet (Google: "only on protected sheets"). */
export function checkHoles(protection: Json, where: string): void {
  const holes = protection.unprotectedRanges;
  if (!Array.isArray(holes) || holes.length === 0) return;
  const range = obj(protection.range);
  const partial = ['startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'].some(
    (k) => range[k] !== undefined && range[k] !== null,
  );
  if (partial) {
    throw new ApiRefusal(
      `Invalid ${where}: Unprotected ranges are only supported on protected sheets.`,
    );
  }
}

/**
 * Refuses a sheet where one cell is locked by two protections with different editors:
 * Google does not say which one decides, so the stand-in will not guess.
 */
export function checkNoConflict(sheet: StandInSheet): void {
  const ranges = sheet.protectedRanges;
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const p = ranges[i] ?? {};
      const q = ranges[j] ?? {};
      if (editorsKey(p) === editorsKey(q)) continue;
      const area = intersect(boundsOf(obj(p.range)), boundsOf(obj(q.range)));
      if (area === null || !uncovered(area, [...holesOf(p), ...holesOf(q)])) continue;
      throw new ApiRefusal(
        `Invalid requests: protected ranges ${String(p.protectedRangeId)} and ${String(q.protectedRangeId)} of sheet ${sheet.properties.title} both lock a cell with different editors; Google does not document which applies, and the stand-in refuses it.`,
      );
    }
  }
}

function shift(range: Json, at: number, n: number, rows: boolean): void {
  const [start, end] = rows
    ? (['startRowIndex', 'endRowIndex'] as const)
    : (['startColumnIndex', 'endColumnIndex'] as const);
  const s = range[start];
  const e = range[end];
  if (typeof s === 'number' && at <= s) range[start] = s + n;
  if (typeof e === 'number' && at < e) range[end] = e + n;
}

/** Google moves protections below inserted rows (columns) down and grows those they enter. */
export function shiftProtections(sheet: StandInSheet, at: number, n: number, rows: boolean): void {
  // The batch's working copy shares protection objects with the committed sheet: copied first.
  sheet.protectedRanges = sheet.protectedRanges.map((p) => structuredClone(p));
  for (const protection of sheet.protectedRanges) {
    shift(obj(protection.range), at, n, rows);
    const holes = protection.unprotectedRanges;
    if (Array.isArray(holes)) for (const hole of holes) shift(obj(hole), at, n, rows);
  }
}
