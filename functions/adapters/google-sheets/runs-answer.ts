/**
 * The runs tab as a `batchUpdate` left it, from the batch's own answer: asked for with
 * `includeSpreadsheetInResponse` and `responseRanges` (the runs tab alone, its values only,
 * by a `fields` mask), so that a write that must see the tab after it (a claim, read back
 * to learn which live claim came first) needs no other read.
 *
 * Google applies the batches of a spreadsheet one after another and answers with the
 * spreadsheet right after this one: every row another run wrote before it is there, and
 * none written after it (those come below this run's claim, and their runs see it). Pure.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { RawTab } from '../../core/contract/cells.ts';
import { fromApiRows, toPlainRows } from './cell-data.ts';
import { quoteTitle, type SheetInfo, type WorkbookSnapshot } from './snapshot.ts';
import type { WritePlan } from './write-plan.ts';

/** What a batch that writes runs rows asks to get back (the request body's extra fields). */
export function runsAnswerRequest(runs: SheetInfo): {
  includeSpreadsheetInResponse: true;
  responseRanges: string[];
  responseIncludeGridData: true;
} {
  return {
    includeSpreadsheetInResponse: true,
    responseRanges: [quoteTitle(runs.title)],
    responseIncludeGridData: true,
  };
}

/** The `fields` mask of that answer: the tab's id, title, grid size and cell values. */
export const RUNS_ANSWER_FIELDS =
  'updatedSpreadsheet(sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),data(startRow,rowData(values(effectiveValue)))))';

/** Google's error cells as `values.batchGet` (UNFORMATTED_VALUE) shows them. */
const ERRORS: Record<string, string> = {
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  LOADING: 'Loading...',
};

function plainValue(cell: sheets_v4.Schema$CellData | undefined): unknown {
  const value = cell?.effectiveValue;
  if (!value) return '';
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.numberValue === 'number') return value.numberValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (value.errorValue) return ERRORS[value.errorValue.type ?? ''] ?? '#ERROR!';
  return '';
}

/**
 * The runs tab (`sheetId`) from a batch's answer, as `values.batchGet` would have read it,
 * with its grid size; null when the answer does not hold it.
 */
function runsFromAnswer(
  answer: sheets_v4.Schema$BatchUpdateSpreadsheetResponse | undefined,
  sheetId: number,
): { tab: RawTab; rowCount: number; columnCount: number } | null {
  const sheet = answer?.updatedSpreadsheet?.sheets?.find((s) => s.properties?.sheetId === sheetId);
  const title = sheet?.properties?.title;
  const grid = sheet?.data?.[0];
  if (!sheet || typeof title !== 'string' || !grid || (grid.startRow ?? 0) !== 0) return null;
  const values = (grid.rowData ?? []).map((row) => (row.values ?? []).map(plainValue));
  // As `values.batchGet` reads it: no empty rows after the last one with a value.
  while (values.length > 0 && (values.at(-1) ?? []).every((v) => v === '')) values.pop();
  return {
    tab: { name: title, rows: fromApiRows(values) },
    rowCount: sheet.properties?.gridProperties?.rowCount ?? 0,
    columnCount: sheet.properties?.gridProperties?.columnCount ?? 0,
  };
}

/**
 * The snapshot after a write (its plan, and the answer of the batch that landed, absent
 * when none was sent), its runs tab as the answer shows it, which the report hands on
 * (`runsLanded`). A batch this store sent that added the runs tab holds it alone: Google
 * refuses a second tab of that title, so nobody else wrote into it before the batch landed.
 */
export function snapshotAfter(
  plan: WritePlan,
  answer: unknown,
): { after: WorkbookSnapshot; runs?: RawTab } {
  const state = plan.after.outputs.runs;
  if (answer === undefined || !state) return { after: plan.after };
  const { sheet } = state;
  if (plan.requests.some((r) => r.addSheet?.properties?.sheetId === sheet.sheetId)) {
    return { after: plan.after, runs: { name: sheet.title, rows: state.rows } };
  }
  const seen = runsFromAnswer(
    answer as sheets_v4.Schema$BatchUpdateSpreadsheetResponse,
    sheet.sheetId,
  );
  if (!seen) return { after: plan.after };
  const now = { ...sheet, rowCount: seen.rowCount, columnCount: seen.columnCount };
  const runs = { sheet: now, rows: toPlainRows(seen.tab.rows) };
  const sheets = plan.after.sheets.map((s) => (s.sheetId === now.sheetId ? now : s));
  return {
    after: { ...plan.after, sheets, outputs: { ...plan.after.outputs, runs } },
    runs: seen.tab,
  };
}
