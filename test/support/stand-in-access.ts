/**
 * Who may edit what in the stand-in, as Google decides it: protected ranges stop every
 * account but their editors and the owner (the creator of a protection is always one of
 * its editors), with Google's own words; and developer metadata on the spreadsheet (the
 * write marker) and on whole sheets (the tabs' marks), `createDeveloperMetadata` and
 * `deleteDeveloperMetadata`.
 */
import {
  ApiRefusal,
  applyMask,
  parseFieldMask,
  resolveGridRange,
  type Bounds,
  type Json,
  type StandInSheet,
  type StandInSpreadsheet,
} from './stand-in-model.ts';

/** The account sending the batch. */
export interface EditContext {
  user: string;
}

/** Google's answer to an edit of a protected range by someone who is not its editor. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function users(range: Json): string[] {
  const list = obj(range.editors).users;
  return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : [];
}

/** True when `user` may edit inside `range` (a ProtectedRange JSON). */
export function mayEdit(doc: StandInSpreadsheet, range: Json, user: string): boolean {
  return range.warningOnly === true || user === doc.owner || users(range).includes(user);
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

function overlaps(a: Bounds, b: Bounds): boolean {
  return (
    a.startRow < b.endRow &&
    b.startRow < a.endRow &&
    a.startColumn < b.endColumn &&
    b.startColumn < a.endColumn
  );
}

/**
 * Refuses an edit of `bounds` on `sheet` (null: the sheet's structure, e.g. rows added at
 * its end) when a protected range there does not list `ctx.user` as an editor.
 */
export function guardEdit(
  doc: StandInSpreadsheet,
  sheet: StandInSheet,
  bounds: Bounds | null,
  ctx: EditContext,
): void {
  const everything: Bounds = { startRow: 0, endRow: Infinity, startColumn: 0, endColumn: Infinity };
  for (const range of sheet.protectedRanges) {
    if (mayEdit(doc, range, ctx.user)) continue;
    if (overlaps(bounds ?? everything, boundsOf(obj(range.range)))) {
      throw new ApiRefusal(PROTECTED_MESSAGE);
    }
  }
}

/** `addProtectedRange`'s editors: those given, plus the account adding it. */
export function editorsWithSender(given: unknown, ctx: EditContext): Json {
  const editors = obj(structuredClone(given));
  const list = users({ editors });
  if (!list.includes(ctx.user)) list.push(ctx.user);
  return { ...editors, users: list };
}

export function updateProtectedRange(
  doc: StandInSpreadsheet,
  body: Json,
  where: string,
  ctx: EditContext,
): undefined {
  const given = obj(body.protectedRange);
  const paths = parseFieldMask(body.fields, 'ProtectedRange', where);
  const sheet = doc.sheets.find((s) =>
    s.protectedRanges.some((p) => p.protectedRangeId === given.protectedRangeId),
  );
  const at = sheet?.protectedRanges.findIndex((p) => p.protectedRangeId === given.protectedRangeId);
  const current = at === undefined || at < 0 ? undefined : sheet?.protectedRanges[at];
  if (!sheet || current === undefined || at === undefined) {
    throw new ApiRefusal(
      `Invalid ${where}: No protected range with id: ${String(given.protectedRangeId)}`,
    );
  }
  if (!mayEdit(doc, { ...current, warningOnly: false }, ctx.user)) {
    throw new ApiRefusal(PROTECTED_MESSAGE);
  }
  const next = applyMask(current, given, paths) ?? {};
  if (paths.some((p) => p[0] === 'range')) resolveGridRange(doc, next.range, where);
  if (next.warningOnly === true && next.editors !== undefined) {
    throw new ApiRefusal(`Invalid ${where}: A warning-only protected range cannot have editors.`);
  }
  sheet.protectedRanges[at] = next;
  return undefined;
}

const METADATA_ID_MAX = 2_147_483_647;

/** Every developer metadata entry of the spreadsheet, at its level and on its sheets. */
function allMetadata(doc: StandInSpreadsheet): Json[] {
  return [...doc.developerMetadata, ...doc.sheets.flatMap((s) => s.developerMetadata ?? [])];
}

/**
 * Where a new entry goes, as Google reads `DeveloperMetadataLocation`: exactly one of
 * `spreadsheet: true` or a `sheetId` that names a sheet (a row or column range is not
 * implemented by the stand-in); `locationType` is read-only, set by the answer.
 */
function metadataHome(doc: StandInSpreadsheet, location: Json, where: string): StandInSheet | null {
  const given = ['spreadsheet', 'sheetId', 'dimensionRange'].filter(
    (k) => location[k] !== undefined && location[k] !== null && location[k] !== false,
  );
  if (given.length !== 1) {
    throw new ApiRefusal(
      `Invalid ${where}: developerMetadata.location must specify exactly one of spreadsheet, sheetId or dimensionRange.`,
    );
  }
  if (given[0] === 'dimensionRange') {
    throw new ApiRefusal(`Invalid ${where}: the stand-in keeps no row or column metadata`, 501);
  }
  if (given[0] === 'spreadsheet') {
    if (location.spreadsheet !== true) throw new ApiRefusal(`Invalid ${where}: location`);
    return null;
  }
  const sheet = doc.sheets.find((s) => s.properties.sheetId === location.sheetId);
  if (!sheet)
    throw new ApiRefusal(`Invalid ${where}: No grid with id: ${String(location.sheetId)}`);
  return sheet;
}

export function createDeveloperMetadata(doc: StandInSpreadsheet, body: Json, where: string): Json {
  const metadata = obj(structuredClone(body.developerMetadata));
  const location = obj(metadata.location);
  const home = metadataHome(doc, location, where);
  if (typeof metadata.metadataKey !== 'string' || metadata.metadataKey === '') {
    throw new ApiRefusal(`Invalid ${where}: metadataKey is required.`);
  }
  if (metadata.visibility !== 'DOCUMENT' && metadata.visibility !== 'PROJECT') {
    throw new ApiRefusal(`Invalid ${where}: visibility is required.`);
  }
  const every = allMetadata(doc);
  let id = metadata.metadataId;
  if (id === undefined || id === null) {
    id = 1 + Math.max(0, ...every.map((m) => Number(m.metadataId)));
  } else if (typeof id !== 'number' || id < 1 || id > METADATA_ID_MAX) {
    throw new ApiRefusal(`Invalid ${where}: metadataId must be positive.`);
  } else if (every.some((m) => m.metadataId === id)) {
    throw new ApiRefusal(`Invalid ${where}: Developer metadata with id ${id} already exists.`);
  }
  const stored = {
    ...metadata,
    metadataId: id,
    location: home
      ? { locationType: 'SHEET', sheetId: home.properties.sheetId }
      : { locationType: 'SPREADSHEET', spreadsheet: true },
  };
  if (home) home.developerMetadata = [...(home.developerMetadata ?? []), stored];
  else doc.developerMetadata.push(stored);
  return { createDeveloperMetadata: { developerMetadata: structuredClone(stored) } };
}

export function deleteDeveloperMetadata(doc: StandInSpreadsheet, body: Json, where: string): Json {
  const lookup = obj(obj(body.dataFilter).developerMetadataLookup);
  const keys = ['metadataId', 'metadataKey', 'metadataValue'].filter(
    (k) => lookup[k] !== undefined,
  );
  if (keys.length === 0) {
    throw new ApiRefusal(`Invalid ${where}: the stand-in looks metadata up by id, key or value`);
  }
  const matches = (m: Json) => keys.every((k) => m[k] === lookup[k]);
  const deleted = allMetadata(doc).filter(matches);
  doc.developerMetadata = doc.developerMetadata.filter((m) => !matches(m));
  for (const sheet of doc.sheets) {
    if (sheet.developerMetadata) {
      sheet.developerMetadata = sheet.developerMetadata.filter((m) => !matches(m));
    }
  }
  return { deleteDeveloperMetadata: { deletedDeveloperMetadata: structuredClone(deleted) } };
}
