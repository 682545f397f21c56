/**
 * The protection of the output tabs, as `init` sets it up: only karnameh's account (and,
 * as Google always allows, the sheet's owner and whoever ran `init`) may edit them. The
 * account the functions run as must be one of the editors, or every run fails to write;
 * so `init` adds it to protections already there too, and asks for it when the
 * credentials do not say (a person's login, a bare token).
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { KarnamehError } from '../../core/contract/errors.ts';
import { OUTPUT_TABS, TABS, type TabKey } from '../../core/contract/tabs.ts';
import { SHEET_FIELDS, findSheet, type SheetInfo } from './snapshot.ts';

type Request = sheets_v4.Schema$Request;
type ProtectedRange = sheets_v4.Schema$ProtectedRange;

/** `spreadsheets.get` fields for init: the tabs and their protected ranges. */
export const INIT_FIELDS = SHEET_FIELDS.replace(
  /\)$/,
  ',protectedRanges(protectedRangeId,range(sheetId),editors,warningOnly))',
);

/** The protected ranges of each tab, by sheet id. */
export function protectionsOf(
  spreadsheet: sheets_v4.Schema$Spreadsheet,
): Map<number, ProtectedRange[]> {
  const out = new Map<number, ProtectedRange[]>();
  for (const sheet of spreadsheet.sheets ?? []) {
    const id = sheet.properties?.sheetId;
    if (typeof id === 'number') out.set(id, sheet.protectedRanges ?? []);
  }
  return out;
}

/** Output tabs already in the sheet whose (editor-limited) protection lacks `editor`. */
export function protectionUpdates(
  sheets: readonly SheetInfo[],
  protections: ReadonlyMap<number, ProtectedRange[]>,
  editor: string,
): { requests: Request[]; tabs: string[] } {
  const requests: Request[] = [];
  const tabs: string[] = [];
  for (const key of OUTPUT_TABS as TabKey[]) {
    const sheet = findSheet(sheets, key);
    if (!sheet) continue;
    for (const range of protections.get(sheet.sheetId) ?? []) {
      if (range.warningOnly || typeof range.protectedRangeId !== 'number') continue;
      const users = range.editors?.users ?? [];
      if (users.some((u) => u.toLowerCase() === editor.toLowerCase())) continue;
      requests.push({
        updateProtectedRange: {
          protectedRange: {
            protectedRangeId: range.protectedRangeId,
            editors: { ...range.editors, users: [...users, editor] },
          },
          fields: 'editors',
        },
      });
      if (!tabs.includes(sheet.title)) tabs.push(sheet.title);
    }
  }
  return { requests, tabs };
}

/** True when init has output-tab protection to lay down or to check. */
export function protectionNeeded(
  sheets: readonly SheetInfo[],
  protections: ReadonlyMap<number, ProtectedRange[]>,
): boolean {
  return (OUTPUT_TABS as TabKey[]).some((key) => {
    const sheet = findSheet(sheets, key);
    return !sheet || (protections.get(sheet.sheetId) ?? []).some((r) => !r.warningOnly);
  });
}

/** The account of the functions, or the question to ask when nobody said. */
export function requireEditor(editor: string | null, spreadsheetId: string): string {
  if (editor) return editor;
  throw new KarnamehError(
    'config.invalid',
    `init protects the output tabs (${(OUTPUT_TABS as TabKey[]).map((k) => TABS[k].label).join('، ')}) so that only karnameh writes them, and must make the account the functions run as one of their editors; the credentials do not say which account that is (a person's login or a bare token). Name it: karnameh init --sheet ${spreadsheetId} --editor karnameh@PROJECT.iam.gserviceaccount.com (or set KARNAMEH_EDITOR). Nothing was written.`,
  );
}

/** The tabs a batch edits whose protection the caller may not edit (one `get`). */
export async function lockedTabs(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  requests: readonly Request[],
): Promise<string[]> {
  const { data } = await api.spreadsheets.get({
    spreadsheetId,
    fields: 'sheets(properties(sheetId,title),protectedRanges(requestingUserCanEdit))',
  });
  const touched = new Set(JSON.stringify(requests).match(/"sheetId":\d+/g) ?? []);
  return (data.sheets ?? [])
    .filter(
      (s) =>
        touched.has(`"sheetId":${s.properties?.sheetId}`) &&
        (s.protectedRanges ?? []).some((p) => p.requestingUserCanEdit === false),
    )
    .map((s) => s.properties?.title ?? '');
}
