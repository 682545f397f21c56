/**
 * The workbook in a Google Sheet (ports.ts `WorkbookStore`).
 *
 * - `read`: one `spreadsheets.get` (tab list, `fields` mask) and one `values.batchGet`
 *   for every tab; keeps a snapshot for the next write.
 * - `write`: one atomic `spreadsheets.batchUpdate`: missing output tabs added, each
 *   output tab edited minimally against the snapshot, settings cells set; when the write
 *   carries runs rows, one `values.batchGet` of the runs tab first, and the rows are
 *   upserted against the tab as it is then (runs-plan.ts), so rows another run wrote since
 *   the read survive.
 * - `readRuns`: one `values.batchGet` of the runs tab (one `get` first when the last read
 *   saw none).
 * - `init`: one `get` (and, when a scores tab is to be added next to an existing agencies
 *   tab, one `values.batchGet` of that tab's header row), then one `batchUpdate` adding what
 *   is missing (none when nothing is).
 *
 * Every call is retried on 429, 5xx and timeouts. A batch that timed out or got a 5xx may
 * have landed, so before it is sent again the sheet is re-read and the batch planned anew
 * from what is there: a batch that landed plans to nothing, and nothing is applied twice.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleAuth } from 'google-auth-library';
import type { RawTab, RawWorkbook } from '../../core/cells.ts';
import { KarnamehError } from '../../core/errors.ts';
import { mergeRunsRows } from '../../core/runs-log.ts';
import type { InitTemplate, WorkbookStore, WriteReport, WriteRequest } from '../../ports.ts';
import { describeFailure, type Operation } from './api-errors.ts';
import { fromApiRows, toPlainRows } from './cell-data.ts';
import { agenciesHeaderNeeded, planInit } from './init-requests.ts';
import {
  failureKind,
  retryPolicy,
  waitBeforeRetry,
  withRetry,
  type RetryOptions,
} from './retry.ts';
import { createSheetsClient, type SheetsClient } from './sheets-client.ts';
import {
  SHEET_FIELDS,
  findSheet,
  quoteTitle,
  sheetInfos,
  takeSnapshot,
  type SheetInfo,
  type WorkbookSnapshot,
} from './snapshot.ts';
import { MAX_BODY_BYTES, bodyBytes, planWrite, type RunsUpsert } from './write-plan.ts';

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
}

interface Batch<T> {
  requests: Request[];
  result: T;
}

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

  const fail = async (error: unknown, attempts: number, operation: Operation) => {
    const c = await connect().catch(() => null);
    return describeFailure(error, attempts, {
      spreadsheetId,
      operation,
      who: () => (c ? c.who() : Promise.resolve('the service account karnameh runs as')),
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

  async function fetchSheets(operation: Operation): Promise<SheetInfo[]> {
    const data = await call(operation, (api) =>
      api.spreadsheets.get({ spreadsheetId, fields: SHEET_FIELDS }),
    );
    return sheetInfos(data);
  }

  async function fetchAll(operation: Operation): Promise<{
    workbook: RawWorkbook;
    snapshot: WorkbookSnapshot;
  }> {
    const sheets = await fetchSheets(operation);
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
        });
      });
    }
    return {
      workbook: { tabs: grids.map((s) => tabs.get(s.sheetId) ?? { name: s.title, rows: [] }) },
      snapshot: takeSnapshot(sheets, tabs),
    };
  }

  /**
   * Sends a planned batch. A 429 is sent again as is; after a 5xx or a timeout the batch
   * may have landed, so `replan` re-reads and plans again (a batch that landed plans to
   * nothing). Nothing is sent for an empty plan.
   */
  async function commit<T>(
    operation: Operation,
    first: Batch<T>,
    replan: () => Promise<Batch<T>>,
  ): Promise<T> {
    const { api } = await connect();
    let batch = first;
    for (let attempt = 1; ; attempt++) {
      if (batch.requests.length === 0) return batch.result;
      const size = bodyBytes(batch.requests);
      if (size > MAX_BODY_BYTES) {
        throw new KarnamehError(
          'source.write_failed',
          `The change to ${description} needs a request of ${size} bytes, more than the ${MAX_BODY_BYTES} bytes allowed in one atomic batch; nothing was written.`,
        );
      }
      try {
        await api.spreadsheets.batchUpdate({
          spreadsheetId,
          requestBody: { requests: batch.requests },
        });
        return batch.result;
      } catch (error) {
        const kind = failureKind(error);
        if (kind === 'final' || attempt >= policy.attempts) {
          throw await fail(error, attempt, operation);
        }
        await waitBeforeRetry(policy, attempt, error);
        if (kind === 'ambiguous') batch = await replan();
      }
    }
  }

  function report(changes: string[]): WriteReport {
    return changes.length > 0
      ? { location: description, note: changes.join('; ') }
      : { location: description, note: 'nothing to change' };
  }

  /** The runs tab as it is now: one `values.batchGet` (and a `get` when `sheets` has none). */
  async function freshRuns(
    operation: Operation,
    sheets: readonly SheetInfo[] | null,
  ): Promise<{ sheet: SheetInfo; tab: RawTab } | null> {
    const known = sheets ? findSheet(sheets, 'runs') : undefined;
    const sheet = known ?? findSheet(await fetchSheets(operation), 'runs');
    if (!sheet) return null;
    const data = await call(operation, (api) =>
      api.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: [quoteTitle(sheet.title)],
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      }),
    );
    const values = data.valueRanges?.[0]?.values as unknown[][] | undefined;
    return { sheet, tab: { name: sheet.title, rows: fromApiRows(values) } };
  }

  async function writePlan(state: WorkbookSnapshot, request: WriteRequest) {
    let runs: RunsUpsert | undefined;
    if (request.runs && request.runs.length > 0) {
      const fresh = await freshRuns('write', state.sheets);
      runs = {
        fresh: fresh ? { sheet: fresh.sheet, rows: toPlainRows(fresh.tab.rows) } : null,
        merged: mergeRunsRows(fresh?.tab, request.runs),
      };
    }
    const plan = planWrite(state, request, description, runs);
    return { requests: plan.requests, result: plan };
  }

  async function initPlan(template: InitTemplate) {
    const sheets = await fetchSheets('init');
    const account = await (await connect()).account();
    const agencies = agenciesHeaderNeeded(sheets, template);
    let header: unknown[] = [];
    if (agencies) {
      const data = await call('init', (api) =>
        api.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges: [`${quoteTitle(agencies.title)}!1:1`],
          valueRenderOption: 'UNFORMATTED_VALUE',
          majorDimension: 'ROWS',
        }),
      );
      header = data.valueRanges?.[0]?.values?.[0] ?? [];
    }
    const plan = planInit(sheets, template, account, header);
    return { requests: plan.requests, result: plan.added };
  }

  return {
    description,

    async read() {
      const fresh = await fetchAll('read');
      snapshot = fresh.snapshot;
      return fresh.workbook;
    },

    async write(request) {
      const state = snapshot ?? (await fetchAll('write')).snapshot;
      const first = await writePlan(state, request);
      const replan = async () => writePlan((await fetchAll('write')).snapshot, request);
      let plan;
      try {
        plan = await commit('write', first, replan);
      } catch (error) {
        // A tab this write adds (the runs tab, on a sheet without one) may have been added
        // by another run a moment ago (two runs' first claims): planned again once against
        // the sheet as it is now, the rows go into that tab instead.
        const adds = first.requests.some((r) => r.addSheet);
        if (!adds || !(error instanceof KarnamehError) || error.code !== 'source.write_failed') {
          throw error;
        }
        plan = await commit('write', await replan(), replan);
      }
      snapshot = plan.after;
      // The first plan says what this write changes, even when a retry found it landed.
      return report(first.result.changes);
    },

    async readRuns() {
      return (await freshRuns('read', snapshot?.sheets ?? null))?.tab;
    },

    async init(template) {
      const added = await commit('init', await initPlan(template), () => initPlan(template));
      snapshot = null; // the tabs changed; the next write reads first
      return report(added.length > 0 ? [`tabs added: ${added.join('، ')}`] : []);
    },
  };
}
