/**
 * Who may edit what in the stand-in, as Google decides it: protected ranges stop every
 * account but their editors and the owner (the creator of a protection is always one of
 * its editors), with Google's own words; and developer metadata on the spreadsheet (the
 * write marker) and on whole sheets (the tabs' marks), `createDeveloperMetadata` and
 * `deleteDeveloperMetadata`.
 */
import { checkHoles, locks } from './stand-in-protection.ts';
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

/** The account sending the batch, and the Google Groups it belongs to. */
export interface EditContext {
  user: string;
  groups?: readonly string[];
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

function groups(range: Json): string[] {
  const list = obj(range.editors).groups;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
}

/** True when `user` (a member of `memberOf`) may edit inside `range` (a ProtectedRange JSON). */
export function mayEdit(
  doc: StandInSpreadsheet,
  range: Json,
  user: string,
  memberOf: readonly string[] = [],
): boolean {
  const lower = (list: readonly string[]) => list.map((x) => x.toLowerCase());
  return (
    range.warningOnly === true ||
    user === doc.owner ||
    lower(users(range)).includes(user.toLowerCase()) ||
    lower(groups(range)).some((g) => lower(memberOf).includes(g))
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
  for (const range of sheet.protectedRanges) {
    if (mayEdit(doc, range, ctx.user, ctx.groups)) continue;
    if (locks(range, bounds)) throw new ApiRefusal(PROTECTED_MESSAGE);
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
  if (!mayEdit(doc, { ...current, warningOnly: false }, ctx.user, ctx.groups)) {
    throw new ApiRefusal(PROTECTED_MESSAGE);
  }
  const next = applyMask(current, given, paths) ?? {};
  if (paths.some((p) => p[0] === 'range')) resolveGridRange(doc, next.range, where);
  for (const hole of Array.isArray(next.unprotectedRanges) ? next.unprotectedRanges : []) {
    resolveGridRange(doc, hole, where);
  }
  checkHoles(next, where);
  if (next.warningOnly === true && next.editors !== undefined) {
    throw new ApiRefusal(`Invalid ${where}: A warning-only protected range cannot have editors.`);
  }
  sheet.protectedRanges[at] = next;
  return undefined;
}

export function deleteProtectedRange(
  doc: StandInSpreadsheet,
  body: Json,
  where: string,
  ctx: EditContext,
): undefined {
  const id = body.protectedRangeId;
  const sheet = doc.sheets.find((s) => s.protectedRanges.some((p) => p.protectedRangeId === id));
  const current = sheet?.protectedRanges.find((p) => p.protectedRangeId === id);
  if (!sheet || !current) {
    throw new ApiRefusal(`Invalid ${where}: No protected range with id: ${String(id)}`);
  }
  if (!mayEdit(doc, { ...current, warningOnly: false }, ctx.user, ctx.groups)) {
    throw new ApiRefusal(PROTECTED_MESSAGE);
  }
  sheet.protectedRanges = sheet.protectedRanges.filter((p) => p !== current);
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
