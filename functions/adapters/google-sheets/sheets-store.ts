/**
 * The workbook in a Google Sheet (ports.ts `WorkbookStore`).
 *
 * - `read`: one `spreadsheets.get` (tab list and merged ranges, `fields` mask) and one
 *   `values.batchGet` for every tab; merged cells read as their top-left value; keeps a
 *   snapshot for the next write.
 * - `write`: one atomic `spreadsheets.batchUpdate`: missing output tabs added, each
 *   output tab edited minimally against the snapshot, settings cells set. Runs rows are
 *   upserted (runs-plan.ts) so that rows another run wrote since the read survive: a write
 *   that updates a row already there reads the runs tab first (one `values.batchGet`) and
 *   upserts against the tab as it is then; a write that only adds rows (a claim, the first
 *   announcement of a batch) needs no read, as `appendCells` lands after whatever is there.
 *   The batch answers with the runs tab as it left it (runs-answer.ts): the report's
 *   `runsLanded`, from which a claim is read back, and the next write's base.
 * - `readRuns`: one `values.batchGet` of the runs tab (one `get` first when the last read
 *   saw none).
 * - `init`: one `get` (tabs and their protections; and, when a scores tab is to be added
 *   next to an existing agencies tab, one `values.batchGet` of that tab's header row), then
 *   one `batchUpdate` adding what is missing and making the functions' account (`editor`)
 *   an editor of the protected output tabs (none when nothing is to change).
 *
 * Every call is retried on 429, 5xx and timeouts. A batch that timed out or got a 5xx may
 * have landed, or may still land, so before it is sent again the sheet is re-read and the
 * batch planned anew from what is there (a batch that landed plans to nothing), and a
 * batch that would do harm landing twice carries the write marker, so that of two copies
 * only one can land (commit-batch.ts, write-marker.ts).
 */
import { randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleAuth } from 'google-auth-library';
import type { RawTab, RawWorkbook } from '../../core/contract/cells.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import { fillMerged } from '../../core/contract/merged-cells.ts';
import { mergeRunsRows } from '../../core/contract/runs-log.ts';
import { titled } from '../../core/contract/tab-identity.ts';
import { TABS, type TabKey } from '../../core/contract/tabs.ts';
import type { InitTemplate, WorkbookStore, WriteReport, WriteRequest } from '../../ports.ts';
import { describeFailure, type Operation } from './api-errors.ts';
import { fromApiRows, toPlainRows } from './cell-data.ts';
import { commitBatch, type Planned } from './commit-batch.ts';
import { agenciesHeaderNeeded, planInit } from './init-requests.ts';
import {
  INIT_FIELDS,
  lockedTabs,
  protectionNeeded,
  protectionUpdates,
  protectionsOf,
  requireEditor,
} from './init-protection.ts';
import { retryPolicy, withRetry, type RetryOptions } from './retry.ts';
import { createSheetsClient, type SheetsClient } from './sheets-client.ts';
import {
  SHEET_READ_FIELDS,
  findSheet,
  locateSheet,
  quoteTitle,
  sheetInfos,
  takeSnapshot,
  type SheetInfo,
  type WorkbookSnapshot,
} from './snapshot.ts';
import { MARKER_FIELDS, markerOf } from './write-marker.ts';
import { RUNS_ANSWER_FIELDS, runsAnswerRequest, snapshotAfter } from './runs-answer.ts';
import { appendOnlyUpsert } from './runs-plan.ts';
import { planWrite } from './write-plan.ts';
import type { RunsUpsert } from './runs-plan.ts';
import { planMonthEdit } from './month-plan.ts';
import { GUARD_PROTECTION_FIELDS } from './guard-plan.ts';

/** The functions' account, named on every protection the guard sets, or the question to ask. */
function guardAccount(editor: string | null, spreadsheetId: string): string {
  if (editor) return editor;
  throw new KarnamehError(
    'config.invalid',
    `open, close and reopen set who may edit what on the sheet and must name the account the functions run as on every protection (or the watcher could no longer write); the credentials do not say which account that is. Name it: --sheet ${spreadsheetId} with env KARNAMEH_EDITOR=karnameh@PROJECT.iam.gserviceaccount.com. Nothing was written.`,
  );
}

/** The read of an open or close: the tabs, their merged ranges and their protections. */
const GUARD_READ_FIELDS = `${SHEET_READ_FIELDS.slice(0, -1)},${GUARD_PROTECTION_FIELDS})`;

type Request = sheets_v4.Schema$Request;

export interface SheetsStoreOptions {
  spreadsheetId: string;
  /** Replaces https://sheets.googleapis.com/ (env SHEETS_API_URL; the tests' stand-in). */
  rootUrl?: string;
  /** A static bearer token (env SHEETS_ACCESS_TOKEN) instead of application default credentials. */
  accessToken?: string;
  retry?: RetryOptions;
  /** Credentials already held (tests; callers with their own GoogleAuth). */
  auth?: GoogleAuth;
  /**
   * The account the functions run as, made an editor of the protected output tabs by
   * `init` (CLI `--editor`, env KARNAMEH_EDITOR); default: the service account of the
   * credentials, when they name one.
   */
  editor?: string;
}

/**
 * The tabs that may be a runs tab renamed (found by its header, core/contract/tab-identity.ts): in
 * a spreadsheet with tabs of the product but none found as the runs tab by its mark or
 * title, every unmarked tab whose title names no tab of the product.
 */
function runsCandidates(sheets: readonly SheetInfo[]): SheetInfo[] {
  const keys = Object.keys(TABS) as TabKey[];
  const known = (s: SheetInfo) =>
    s.mark !== undefined || keys.some((k) => titled({ name: s.title }, k));
  if (findSheet(sheets, 'runs') || !sheets.some(known)) return [];
  return sheets.filter((s) => s.grid && !known(s));
}

/** The runs tab of a snapshot: the one it read, else one titled so (added since). */
const runsSheet = (state: WorkbookSnapshot): SheetInfo | null =>
  state.outputs.runs?.sheet ?? findSheet(state.sheets, 'runs') ?? null;

export function createSheetsStore(options: SheetsStoreOptions): WorkbookStore {
  const { spreadsheetId } = options;
  const description = `Google Sheet ${spreadsheetId}`;
  const policy = retryPolicy(options.retry);
  let client: Promise<SheetsClient> | null = null;
  const connect = () =>
    (client ??= createSheetsClient({
      rootUrl: options.rootUrl,
      accessToken: options.accessToken,
      auth: options.auth,
      timeoutMs: policy.timeoutMs,
    }));
  let snapshot: WorkbookSnapshot | null = null;

  let marker: string | null = null;
  /** Whether `snapshot.outputs.runs` holds every runs row this store wrote (appendOnly). */
  let runsTrusted = true;

  const fail = async (
    error: unknown,
    attempts: number,
    operation: Operation,
    requests: Request[] = [],
  ) => {
    const c = await connect().catch(() => null);
    return describeFailure(error, attempts, {
      spreadsheetId,
      operation,
      who: () => (c ? c.who() : Promise.resolve('the service account karnameh runs as')),
      account: () => (c ? c.account() : Promise.resolve(null)),
      protectedTabs: async () => lockedTabs((await connect()).api, spreadsheetId, requests),
    });
  };

  /** One API call with retries; failures as KarnamehError. */
  async function call<T>(
    operation: Operation,
    run: (api: sheets_v4.Sheets) => Promise<{ data: T }>,
  ): Promise<T> {
    const { api } = await connect();
    return withRetry(
      async () => (await run(api)).data,
      policy,
      (error, attempts) => fail(error, attempts, operation),
    );
  }

  async function fetchSheets(
    operation: Operation,
    fields = SHEET_READ_FIELDS,
  ): Promise<{ sheets: SheetInfo[]; marker: string | null; data: sheets_v4.Schema$Spreadsheet }> {
    const data = await call(operation, (api) =>
      api.spreadsheets.get({ spreadsheetId, fields: `${fields},${MARKER_FIELDS}` }),
    );
    return { sheets: sheetInfos(data), marker: markerOf(data), data };
  }

  async function fetchAll(
    operation: Operation,
    fields = SHEET_READ_FIELDS,
  ): Promise<{
    workbook: RawWorkbook;
    snapshot: WorkbookSnapshot;
    marker: string | null;
    data: sheets_v4.Schema$Spreadsheet;
  }> {
    const { sheets, marker, data: spreadsheet } = await fetchSheets(operation, fields);
    const grids = sheets.filter((s) => s.grid);
    const tabs = new Map<number, RawTab>();
    if (grids.length > 0) {
      const data = await call(operation, (api) =>
        api.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges: grids.map((s) => quoteTitle(s.title)),
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
          majorDimension: 'ROWS',
        }),
      );
      const ranges = data.valueRanges ?? [];
      grids.forEach((sheet, i) => {
        tabs.set(sheet.sheetId, {
          name: sheet.title,
          rows: fromApiRows(ranges[i]?.values as unknown[][] | undefined),
          ...(sheet.mark === undefined ? {} : { mark: sheet.mark }),
        });
      });
    }
    // Merged cells read as their top-left value everywhere they cover; the snapshot keeps
    // the cells as they are, for the next write.
    const read = (s: SheetInfo): RawTab => {
      const tab = tabs.get(s.sheetId) ?? { name: s.title, rows: [] };
      return s.merges?.length
        ? { ...tab, rows: fillMerged(tab.rows, s.merges), merges: s.merges }
        : tab;
    };
    return {
      workbook: { tabs: grids.map(read) },
      snapshot: takeSnapshot(sheets, tabs),
      marker,
      data: spreadsheet,
    };
  }

  /**
   * Sends a planned batch at most once (commit-batch.ts); the marker kept for the next.
   * Resolves to the plan's result and the answer of the batch that landed (if one was sent).
   */
  async function commit<T>(
    operation: Operation,
    first: Planned<T>,
    replan: () => Promise<Planned<T>>,
  ): Promise<{ result: T; answer?: unknown }> {
    const { api } = await connect();
    const done = await commitBatch(first, {
      send: async (requests, answer) =>
        (
          await api.spreadsheets.batchUpdate({
            spreadsheetId,
            ...(answer ? { fields: answer.fields } : {}),
            requestBody: { requests, ...answer?.body },
          })
        ).data,
      replan,
      fail: (error, attempts, requests) => fail(error, attempts, operation, requests),
      policy,
      writeId: randomUUID(),
      where: description,
    });
    marker = done.marker;
    return { result: done.result, answer: done.answer };
  }

  function report(changes: string[]): WriteReport {
    const note = changes.length > 0 ? changes.join('; ') : 'nothing to change';
    return { location: description, note, routine: true };
  }

  /** Rows read by `values.batchGet` of the given A1 ranges, one list per range. */
  async function valuesOf(operation: Operation, ranges: string[]): Promise<RawTab['rows'][]> {
    const data = await call(operation, (api) =>
      api.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges,
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      }),
    );
    return ranges.map((_, i) =>
      fromApiRows(data.valueRanges?.[i]?.values as unknown[][] | undefined),
    );
  }

  /**
   * The runs tab among `sheets`: by its mark or title, else (a renamed, unmarked one) the
   * tab whose row 1 is its header (one `values.batchGet` of every tab's row 1).
   */
  async function locateRuns(
    operation: Operation,
    sheets: readonly SheetInfo[],
    byHeader = true,
  ): Promise<SheetInfo | undefined> {
    const found = findSheet(sheets, 'runs');
    if (found || !byHeader) return found;
    const grids = sheets.filter((s) => s.grid && s.mark === undefined);
    if (grids.length === 0) return undefined;
    const heads = await valuesOf(
      operation,
      grids.map((s) => `${quoteTitle(s.title)}!1:1`),
    );
    const tabs = new Map(grids.map((s, i) => [s.sheetId, { name: s.title, rows: heads[i] ?? [] }]));
    return locateSheet(grids, tabs, 'runs');
  }

  /**
   * The runs tab as it is now: one `values.batchGet` of `known` (the runs tab as last
   * seen), else found first (a `get`; and, without a snapshot that looked at every tab's
   * row 1 already, a read of those rows).
   */
  async function freshRuns(
    operation: Operation,
    known: SheetInfo | null,
    byHeader: boolean,
  ): Promise<{ sheet: SheetInfo; tab: RawTab } | null> {
    const sheets = known ? [] : (await fetchSheets(operation)).sheets;
    const sheet = known ?? (await locateRuns(operation, sheets, byHeader));
    if (!sheet) return null;
    const [rows] = await valuesOf(operation, [quoteTitle(sheet.title)]);
    return { sheet, tab: { name: sheet.title, rows: rows ?? [] } };
  }

  async function writePlan(
    state: WorkbookSnapshot,
    request: WriteRequest,
    at: string | null,
    reread: boolean,
  ) {
    let runs: RunsUpsert | undefined;
    if (request.runs && request.runs.length > 0) {
      const added = reread || !runsTrusted ? null : appendOnlyUpsert(state, request.runs);
      const fresh = added ? null : await freshRuns('write', runsSheet(state), false);
      runs = added ?? {
        fresh: fresh ? { sheet: fresh.sheet, rows: toPlainRows(fresh.tab.rows) } : null,
        merged: mergeRunsRows(fresh?.tab, request.runs),
      };
    }
    const plan = planWrite(state, request, description, runs);
    // A batch that writes into the runs tab answers with the tab as it left it.
    const tab = runs?.fresh?.sheet;
    const answer = tab ? { body: runsAnswerRequest(tab), fields: RUNS_ANSWER_FIELDS } : undefined;
    return { requests: plan.requests, result: plan, marker: at, ...(answer ? { answer } : {}) };
  }

  async function initPlan(template: InitTemplate): Promise<Planned<string[]>> {
    const { sheets, marker: at, data } = await fetchSheets('init', INIT_FIELDS);
    const protections = protectionsOf(data);
    const editor = protectionNeeded(sheets, protections)
      ? requireEditor(options.editor ?? (await (await connect()).account()), spreadsheetId)
      : null;
    // Row 1 of the agencies tab (for the scores tab's check), and of every tab that may be
    // a renamed runs tab, in one read (docs/workbook.md#runs: never a new runs tab beside it).
    const agencies = agenciesHeaderNeeded(sheets, template);
    const maybeRuns = runsCandidates(sheets);
    const ranges = [...(agencies ? [agencies] : []), ...maybeRuns].map(
      (s) => `${quoteTitle(s.title)}!1:1`,
    );
    const heads = ranges.length > 0 ? await valuesOf('init', ranges) : [];
    const header: unknown[] = agencies ? (heads[0]?.[0] ?? []) : [];
    const rowsOf = heads.slice(agencies ? 1 : 0);
    const runsTab = locateSheet(
      maybeRuns,
      new Map(maybeRuns.map((s, i) => [s.sheetId, { name: s.title, rows: rowsOf[i] ?? [] }])),
      'runs',
    );
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

  return {
    description,

    async read() {
      const fresh = await fetchAll('read');
      snapshot = fresh.snapshot;
      marker = fresh.marker;
      runsTrusted = true;
      return fresh.workbook;
    },

    async write(request) {
      if (!snapshot) {
        const fresh = await fetchAll('write');
        snapshot = fresh.snapshot;
        marker = fresh.marker;
        runsTrusted = true;
      }
      const first = await writePlan(snapshot, request, marker, false);
      const replan = async () => {
        const fresh = await fetchAll('write');
        return writePlan(fresh.snapshot, request, fresh.marker, true);
      };
      let done;
      try {
        done = await commit('write', first, replan).catch((error: unknown) => {
          runsTrusted = false; // it may have landed: the next write reads the tab first
          throw error;
        });
      } catch (error) {
        // A tab this write adds (the runs tab, on a sheet without one) may have been added
        // by another run a moment ago (two runs' first claims): planned again once against
        // the sheet as it is now, the rows go into that tab instead.
        const adds = first.requests.some((r) => r.addSheet);
        if (!adds || !(error instanceof KarnamehError) || error.code !== 'source.write_failed') {
          throw error;
        }
        done = await commit('write', await replan(), replan);
      }
      const after = snapshotAfter(done.result, done.answer);
      snapshot = after.after;
      runsTrusted = true;
      // The first plan says what this write changes, even when a retry found it landed.
      return { ...report(first.result.changes), ...(after.runs ? { runsLanded: after.runs } : {}) };
    },

    /** A Sheet is never locked by a person having it open: nothing to check. */
    async checkWritable() {},

    async readRuns() {
      const known = snapshot ? runsSheet(snapshot) : null;
      return (await freshRuns('read', known, snapshot === null))?.tab;
    },

    async editMonth(plan) {
      const monthPlan = async (): Promise<Planned<boolean>> => {
        const fresh = await fetchAll('write', GUARD_READ_FIELDS);
        const edit = plan(fresh.workbook);
        const account = edit?.guard
          ? guardAccount(options.editor ?? (await (await connect()).account()), spreadsheetId)
          : null;
        const guard = account ? { protections: protectionsOf(fresh.data), account } : undefined;
        const requests = edit ? planMonthEdit(fresh.snapshot, edit, description, guard) : [];
        return { requests, result: requests.length > 0, marker: fresh.marker, marked: true };
      };
      const done = await commit('write', await monthPlan(), monthPlan);
      snapshot = null; // the scores and runs tabs changed; the next write reads first
      return { location: description, applied: done.result, guarded: true };
    },

    async init(template) {
      const first = await initPlan(template);
      await commit('init', first, () => initPlan(template));
      snapshot = null; // the tabs changed; the next write reads first
      // The first plan says what init changes, even when a retry found it landed.
      return report(first.result);
    },
  };
}
