/**
 * The calls the Sheets store makes on one spreadsheet, each retried on 429, 5xx and
 * timeouts and failing as a KarnamehError: the tab list (`get`), every tab's values
 * (`values.batchGet`), given ranges, and a planned batch sent at most once
 * (commit-batch.ts). Holds the client and nothing else: what was read is the store's.
 */
import { randomUUID } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleAuth } from 'google-auth-library';
import type { RawTab, RawWorkbook } from '../../core/contract/cells.ts';
import { fillMerged } from '../../core/contract/merged-cells.ts';
import { describeFailure, type Operation } from './api-errors.ts';
import { fromApiRows } from './cell-data.ts';
import { commitBatch, type Planned } from './commit-batch.ts';
import { lockedTabs } from './init-protection.ts';
import { retryPolicy, withRetry, type RetryOptions } from './retry.ts';
import { createSheetsClient, type SheetsClient } from './sheets-client.ts';
import {
  SHEET_READ_FIELDS,
  quoteTitle,
  sheetInfos,
  takeSnapshot,
  type SheetInfo,
  type WorkbookSnapshot,
} from './snapshot.ts';
import { MARKER_FIELDS, markerOf } from './write-marker.ts';

export interface SheetsApiOptions {
  spreadsheetId: string;
  /** Replaces https://sheets.googleapis.com/ (env SHEETS_API_URL; the tests' stand-in). */
  rootUrl?: string;
  /** A static bearer token (env SHEETS_ACCESS_TOKEN) instead of application default credentials. */
  accessToken?: string;
  retry?: RetryOptions;
  /** Credentials already held (tests; callers with their own GoogleAuth). */
  auth?: GoogleAuth;
}

/** The tab list of a `get`, the write marker it holds, and the answer itself. */
interface SheetList {
  sheets: SheetInfo[];
  marker: string | null;
  data: sheets_v4.Schema$Spreadsheet;
}

/** A whole read: the workbook as the core reads it, and the snapshot a write plans against. */
export interface FullRead extends SheetList {
  workbook: RawWorkbook;
  snapshot: WorkbookSnapshot;
}

export interface SheetsApi {
  readonly spreadsheetId: string;
  /** `Google Sheet <id>`, for messages and reports. */
  readonly description: string;
  /** The account of the credentials, when they name one. */
  account(): Promise<string | null>;
  /** One `get` of the tab list with `fields` (and the write marker). */
  fetchSheets(operation: Operation, fields?: string): Promise<SheetList>;
  /** One `get` and one `values.batchGet` of every tab. */
  fetchAll(operation: Operation, fields?: string): Promise<FullRead>;
  /** Rows read by `values.batchGet` of the given A1 ranges, one list per range. */
  valuesOf(operation: Operation, ranges: string[]): Promise<RawTab['rows'][]>;
  /**
   * Sends a planned batch at most once (commit-batch.ts): the plan's result, the answer of
   * the batch that landed (if one was sent), and the marker for the next.
   */
  commit<T>(
    operation: Operation,
    first: Planned<T>,
    replan: () => Promise<Planned<T>>,
  ): Promise<{ result: T; answer?: unknown; marker: string | null }>;
}

type Request = sheets_v4.Schema$Request;

const VALUES = {
  valueRenderOption: 'UNFORMATTED_VALUE',
  dateTimeRenderOption: 'SERIAL_NUMBER',
  majorDimension: 'ROWS',
} as const;

/** The tabs as the core reads them: merged cells read as their top-left value everywhere they cover. */
function workbookOf(grids: readonly SheetInfo[], tabs: Map<number, RawTab>): RawWorkbook {
  const read = (s: SheetInfo): RawTab => {
    const tab = tabs.get(s.sheetId) ?? { name: s.title, rows: [] };
    return s.merges?.length
      ? { ...tab, rows: fillMerged(tab.rows, s.merges), merges: s.merges }
      : tab;
  };
  return { tabs: grids.map(read) };
}

/** The client of one spreadsheet, made on first use, and its calls with retries. */
interface Connection {
  spreadsheetId: string;
  description: string;
  policy: ReturnType<typeof retryPolicy>;
  connect: () => Promise<SheetsClient>;
  /** A failure as a KarnamehError (api-errors.ts), naming the protected tabs `requests` touched. */
  fail: (
    error: unknown,
    attempts: number,
    operation: Operation,
    requests?: Request[],
  ) => Promise<Error>;
}

function connection(options: SheetsApiOptions): Connection {
  const { spreadsheetId } = options;
  const policy = retryPolicy(options.retry);
  let client: Promise<SheetsClient> | null = null;
  const connect = () =>
    (client ??= createSheetsClient({
      rootUrl: options.rootUrl,
      accessToken: options.accessToken,
      auth: options.auth,
      timeoutMs: policy.timeoutMs,
    }));
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
  return { spreadsheetId, description: `Google Sheet ${spreadsheetId}`, policy, connect, fail };
}

/** One API call with retries; failures as KarnamehError. */
async function call<T>(
  c: Connection,
  operation: Operation,
  run: (api: sheets_v4.Sheets) => Promise<{ data: T }>,
): Promise<T> {
  const { api } = await c.connect();
  return withRetry(
    async () => (await run(api)).data,
    c.policy,
    (error, attempts) => c.fail(error, attempts, operation),
  );
}

async function fetchSheets(
  c: Connection,
  operation: Operation,
  fields = SHEET_READ_FIELDS,
): Promise<SheetList> {
  const data = await call(c, operation, (api) =>
    api.spreadsheets.get({ spreadsheetId: c.spreadsheetId, fields: `${fields},${MARKER_FIELDS}` }),
  );
  return { sheets: sheetInfos(data), marker: markerOf(data), data };
}

async function valuesOf(
  c: Connection,
  operation: Operation,
  ranges: string[],
): Promise<RawTab['rows'][]> {
  const data = await call(c, operation, (api) =>
    api.spreadsheets.values.batchGet({ spreadsheetId: c.spreadsheetId, ranges, ...VALUES }),
  );
  return ranges.map((_, i) =>
    fromApiRows(data.valueRanges?.[i]?.values as unknown[][] | undefined),
  );
}

async function fetchAll(
  c: Connection,
  operation: Operation,
  fields = SHEET_READ_FIELDS,
): Promise<FullRead> {
  const list = await fetchSheets(c, operation, fields);
  const grids = list.sheets.filter((s) => s.grid);
  const rows =
    grids.length > 0
      ? await valuesOf(
          c,
          operation,
          grids.map((s) => quoteTitle(s.title)),
        )
      : [];
  const tabs = new Map<number, RawTab>();
  grids.forEach((sheet, i) => {
    tabs.set(sheet.sheetId, {
      name: sheet.title,
      rows: rows[i] ?? [],
      ...(sheet.mark === undefined ? {} : { mark: sheet.mark }),
    });
  });
  // The snapshot keeps the cells as they are, for the next write.
  return { ...list, workbook: workbookOf(grids, tabs), snapshot: takeSnapshot(list.sheets, tabs) };
}

async function commit<T>(
  c: Connection,
  operation: Operation,
  first: Planned<T>,
  replan: () => Promise<Planned<T>>,
) {
  const { api } = await c.connect();
  const done = await commitBatch(first, {
    send: async (requests, answer) =>
      (
        await api.spreadsheets.batchUpdate({
          spreadsheetId: c.spreadsheetId,
          ...(answer ? { fields: answer.fields } : {}),
          requestBody: { requests, ...answer?.body },
        })
      ).data,
    replan,
    fail: (error, attempts, requests) => c.fail(error, attempts, operation, requests),
    policy: c.policy,
    writeId: randomUUID(),
    where: c.description,
  });
  return { result: done.result, answer: done.answer, marker: done.marker };
}

export function createSheetsApi(options: SheetsApiOptions): SheetsApi {
  const c = connection(options);
  return {
    spreadsheetId: c.spreadsheetId,
    description: c.description,
    account: async () => (await c.connect()).account(),
    fetchSheets: (operation, fields) => fetchSheets(c, operation, fields),
    fetchAll: (operation, fields) => fetchAll(c, operation, fields),
    valuesOf: (operation, ranges) => valuesOf(c, operation, ranges),
    commit: (operation, first, replan) => commit(c, operation, first, replan),
  };
}
