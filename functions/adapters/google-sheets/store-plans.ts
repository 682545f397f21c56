/**
 * The batches the Sheets store sends, each planned from a fresh read (and planned again
 * from the sheet as it is when a send may have landed): a write of outputs and runs rows,
 * `init`, and an open, close or reopen of a month.
 */
import { KarnamehError } from '../../core/contract/errors.ts';
import type { RawWorkbook } from '../../core/contract/cells.ts';
import { mergeRunsRows } from '../../core/contract/runs-log.ts';
import type { InitTemplate, MonthEdit, WriteRequest } from '../../ports.ts';
import { toPlainRows } from './cell-data.ts';
import type { Planned } from './commit-batch.ts';
import { GUARD_PROTECTION_FIELDS } from './guard-plan.ts';
import { agenciesHeaderNeeded, planInit } from './init-requests.ts';
import {
  INIT_FIELDS,
  protectionNeeded,
  protectionUpdates,
  protectionsOf,
  requireEditor,
} from './init-protection.ts';
import { planMonthEdit } from './month-plan.ts';
import { RUNS_ANSWER_FIELDS, runsAnswerRequest } from './runs-answer.ts';
import { freshRuns, headerRange, runsByHeader, runsCandidates, runsSheet } from './runs-locate.ts';
import { appendOnlyUpsert } from './runs-plan.ts';
import type { SheetsApi } from './sheets-api.ts';
import { SHEET_READ_FIELDS, type WorkbookSnapshot } from './snapshot.ts';
import { planWrite, type WritePlan } from './write-plan.ts';
import { type RunsUpsert } from './runs-plan.ts';

/**
 * A write against `state`: runs rows appended without a read when the snapshot holds every
 * runs row this store wrote (`appendOnly`) and this is not a replan; else upserted into the
 * runs tab as read now. A batch that writes into the runs tab answers with the tab as it
 * left it.
 */
export async function planStoreWrite(
  api: SheetsApi,
  state: WorkbookSnapshot,
  request: WriteRequest,
  at: string | null,
  appendOnly: boolean,
): Promise<Planned<WritePlan>> {
  let runs: RunsUpsert | undefined;
  if (request.runs && request.runs.length > 0) {
    const added = appendOnly ? appendOnlyUpsert(state, request.runs) : null;
    const fresh = added ? null : await freshRuns(api, 'write', runsSheet(state), false);
    runs = added ?? {
      fresh: fresh ? { sheet: fresh.sheet, rows: toPlainRows(fresh.tab.rows) } : null,
      merged: mergeRunsRows(fresh?.tab, request.runs),
    };
  }
  const plan = planWrite(state, request, api.description, runs);
  const tab = runs?.fresh?.sheet;
  const answer = tab ? { body: runsAnswerRequest(tab), fields: RUNS_ANSWER_FIELDS } : undefined;
  return { requests: plan.requests, result: plan, marker: at, ...(answer ? { answer } : {}) };
}

/** `init`: what is missing added, the functions' account made an editor of the output tabs; the notes say what. */
export async function planStoreInit(
  api: SheetsApi,
  template: InitTemplate,
  editorOption: string | undefined,
): Promise<Planned<string[]>> {
  const { sheets, marker: at, data } = await api.fetchSheets('init', INIT_FIELDS);
  const protections = protectionsOf(data);
  const editor = protectionNeeded(sheets, protections)
    ? requireEditor(editorOption ?? (await api.account()), api.spreadsheetId)
    : null;
  // Row 1 of the agencies tab (for the scores tab's check), and of every tab that may be
  // a renamed runs tab, in one read (docs/workbook.md#runs: never a new runs tab beside it).
  const agencies = agenciesHeaderNeeded(sheets, template);
  const maybeRuns = runsCandidates(sheets);
  const ranges = [...(agencies ? [agencies] : []), ...maybeRuns].map(headerRange);
  const heads = ranges.length > 0 ? await api.valuesOf('init', ranges) : [];
  const header: unknown[] = agencies ? (heads[0]?.[0] ?? []) : [];
  const runsTab = runsByHeader(maybeRuns, heads.slice(agencies ? 1 : 0));
  const plan = planInit(sheets, template, editor, header, runsTab);
  const updates = editor ? protectionUpdates(sheets, protections, editor) : null;
  const notes = plan.added.length > 0 ? [`tabs added: ${plan.added.join('، ')}`] : [];
  if (updates && updates.tabs.length > 0) {
    notes.push(`${editor} made an editor of ${updates.tabs.join('، ')}`);
  }
  return {
    requests: [...plan.requests, ...(updates?.requests ?? [])],
    result: notes,
    marker: at,
  };
}

/** The read of an open or close: the tabs, their merged ranges and their protections. */
const GUARD_READ_FIELDS = `${SHEET_READ_FIELDS.slice(0, -1)},${GUARD_PROTECTION_FIELDS})`;

/** The functions' account, named on every protection the guard sets, or the question to ask. */
function guardAccount(editor: string | null, spreadsheetId: string): string {
  if (editor) return editor;
  throw new KarnamehError(
    'config.invalid',
    `open, close and reopen set who may edit what on the sheet and must name the account the functions run as on every protection (or the watcher could no longer write); the credentials do not say which account that is. Name it: --sheet ${spreadsheetId} with env KARNAMEH_EDITOR=karnameh@PROJECT.iam.gserviceaccount.com. Nothing was written.`,
  );
}

/** An open, close or reopen, planned by `plan` from the whole sheet read now; true when it changes something. */
export async function planStoreMonthEdit(
  api: SheetsApi,
  plan: (workbook: RawWorkbook) => MonthEdit | null,
  editorOption: string | undefined,
): Promise<Planned<boolean>> {
  const fresh = await api.fetchAll('write', GUARD_READ_FIELDS);
  const edit = plan(fresh.workbook);
  const account = edit?.guard
    ? guardAccount(editorOption ?? (await api.account()), api.spreadsheetId)
    : null;
  const guard = account ? { protections: protectionsOf(fresh.data), account } : undefined;
  const requests = edit ? planMonthEdit(fresh.snapshot, edit, api.description, guard) : [];
  return { requests, result: requests.length > 0, marker: fresh.marker, marked: true };
}
