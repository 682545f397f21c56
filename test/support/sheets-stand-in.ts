/**
 * A stand-in of the Google Sheets REST API v4 for tests: an HTTP server on 127.0.0.1 that
 * the real @googleapis/sheets client talks to (`rootUrl: standIn.url`).
 *
 * It keeps spreadsheets in memory and implements `spreadsheets.get` (with `fields`),
 * `spreadsheets.values.batchGet` and `spreadsheets.batchUpdate` (atomic: a batch is applied
 * to a copy, committed only when every request succeeded; with `includeSpreadsheetInResponse`
 * it answers the spreadsheet as the batch left it, stand-in-grid.ts). It counts and logs requests
 * with their body sizes, answers injected faults (429, 500, a stall, a batch that lands
 * late), and refuses what Google refuses: every query parameter and request body is
 * checked against Google's discovery document, ranges, ids and titles against the sheet,
 * bodies over 10 MiB, and access as Google decides it: each bearer token is an account
 * (`tokenFor`), with its scopes and its project's API switch; a spreadsheet is open to
 * its owner and the accounts it is shared with; protected ranges stop all but their
 * editors (stand-in-access.ts); a file that is not a Google Sheet answers
 * FAILED_PRECONDITION. Errors come in Google's shape, `{error: {code, message, status,
 * details}}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CellValue, RawWorkbook } from '../../functions/core/contract/cells.ts';
import { methods, validateBody, validateQuery, type MethodSpec } from './sheets-discovery.ts';
import {
  ApiRefusal,
  a1Bounds,
  applySelection,
  checkSelection,
  parseA1Range,
  parseSelection,
  rangeValues,
  sheetByTitle,
  spreadsheetFrom,
  workingCopy,
  type DateRender,
  type Json,
  type LoadOptions,
  type StandInSheet,
  type StandInSpreadsheet,
  type StoredCell,
  type ValueRender,
} from './stand-in-model.ts';
import { STAND_IN_OWNER } from './stand-in-model.ts';
import { mayEdit } from './stand-in-access.ts';
import { responseSheets } from './stand-in-grid.ts';
import { applyRequests } from './stand-in-requests.ts';

export { STAND_IN_OWNER };
const STAND_IN_TOKEN = 'stand-in-token';

/** Google's request size limit: 10 MiB. */
export const GOOGLE_MAX_BODY_BYTES = 10_485_760;

const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

/** Who a bearer token speaks for. */
interface StandInAccount {
  email: string;
  /** OAuth scopes of the token (default: the spreadsheets scope). */
  scopes?: string[];
  /** The token's project has the Sheets API turned off (403 SERVICE_DISABLED). */
  apiDisabled?: boolean;
}

/** A fault to answer instead of doing the work. */
interface Fault {
  /** Answer this HTTP status (429, 500, 503, …) with Google's error body. */
  status?: number;
  /**
   * Never answer (until the stand-in closes): `before` does nothing, `after` applies the
   * request first, as when a batch landed but its answer was lost; `late` (batchUpdate)
   * holds the batch: reads of that spreadsheet are answered with the old state until the
   * next batchUpdate to it arrives (or `settle()`), and only then is the held batch
   * applied, before that next one, as Google still applying a large batch after the
   * client gave up on it.
   */
  stall?: 'before' | 'after' | 'late';
  /** Drop the connection (ECONNRESET at the client): `before` or `after` doing the work. */
  drop?: 'before' | 'after';
  /** How many matching requests it hits (default 1; `Infinity`: every one). */
  times?: number;
  /** Hit `fail` matching requests, let `pass` through, again and again (ignores `times`). */
  cycle?: { fail: number; pass: number };
  /** Short method names it applies to (`get`, `values.batchGet`, `batchUpdate`); default all. */
  methods?: string[];
}

interface RequestRecord {
  /** Short method name: `get`, `values.batchGet`, `batchUpdate`, or `unknown`. */
  method: string;
  httpMethod: string;
  path: string;
  /** The query string, decoded (`fields=…&ranges=…`). */
  query: URLSearchParams;
  /** The request body, parsed (null when there was none or it was not JSON). */
  body: unknown;
  /** The status answered; 0 for a stalled request. */
  status: number;
  bodyBytes: number;
  /** True when an injected fault answered. */
  fault: boolean;
}

export interface StandInOptions {
  /** The owner's token (default `stand-in-token`). */
  token?: string;
  /** Largest request body accepted (default Google's 10 MiB). */
  maxBodyBytes?: number;
}

export interface SheetsStandIn {
  /** The API root for the client: `http://127.0.0.1:PORT/`. */
  readonly url: string;
  readonly token: string;
  /** Every request received, in order. */
  readonly log: RequestRecord[];
  /** Puts a workbook in as spreadsheet `id` (dates as serial numbers with a date format). */
  loadWorkbook(id: string, raw: RawWorkbook, options?: LoadOptions): void;
  /** The committed state of a spreadsheet (read it, do not change it). */
  spreadsheet(id: string): StandInSpreadsheet;
  /** A tab's values as the store reads them: ragged rows, blank cells null. */
  tabRows(id: string, title: string): CellValue[][];
  /** One stored cell (CellData JSON) by A1 reference. */
  cell(id: string, title: string, a1: string): StoredCell | undefined;
  /** The spreadsheet as JSON, for comparing before and after. */
  dump(id: string): string;
  /** Answers 403 for this spreadsheet from now on. */
  forbid(id: string): void;
  /** A bearer token for another account (it sees only what is shared with it). */
  tokenFor(account: StandInAccount): string;
  /** Shares the spreadsheet with the account as an editor. */
  share(id: string, email: string): void;
  /** Makes the account a member of a Google Group (protections may name the group). */
  addToGroup(group: string, email: string): void;
  /** Puts in a file that is not a Google Sheet (an .xlsx stored in Drive) as `id`. */
  loadNonSheetsFile(id: string): void;
  /** Applies every batch held by a `late` fault now. */
  settle(): void;
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Requests received for a method (short name), or in all. */
  count(method?: string): number;
  resetLog(): void;
  close(): Promise<void>;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const FAULT_MESSAGES: Record<number, string> = {
  429: "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com'.",
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

const IMPLEMENTED = new Set(['get', 'values.batchGet', 'batchUpdate']);

function shortName(spec: MethodSpec): string {
  return spec.id.replace(/^sheets\.spreadsheets\./, '');
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}

interface ActiveFault {
  fault: Fault;
  hits: number;
  seen: number;
}

export async function startSheetsStandIn(options: StandInOptions = {}): Promise<SheetsStandIn> {
  const token = options.token ?? STAND_IN_TOKEN;
  const maxBodyBytes = options.maxBodyBytes ?? GOOGLE_MAX_BODY_BYTES;
  const docs = new Map<string, StandInSpreadsheet>();
  const forbidden = new Set<string>();
  const nonSheets = new Set<string>();
  const accounts = new Map<string, StandInAccount>([[token, { email: STAND_IN_OWNER }]]);
  /** Batches held by a `late` fault, per spreadsheet, in arrival order. */
  const held = new Map<string, { body: Json; user: string }[]>();
  const memberships = new Map<string, Set<string>>();
  const groupsOf = (user: string): string[] => [...(memberships.get(user.toLowerCase()) ?? [])];
  const faults: ActiveFault[] = [];
  const log: RequestRecord[] = [];
  const routes = methods();
  const sockets = new Set<Socket>();

  function takeFault(method: string): Fault | null {
    for (const active of faults) {
      const { fault } = active;
      if (fault.methods && !fault.methods.includes(method)) continue;
      if (fault.cycle) {
        const period = fault.cycle.fail + fault.cycle.pass;
        const position = active.seen++ % period;
        if (position < fault.cycle.fail) return fault;
        continue;
      }
      active.hits++;
      if (active.hits >= (fault.times ?? 1)) faults.splice(faults.indexOf(active), 1);
      return fault;
    }
    return null;
  }

  function send(res: ServerResponse, record: RequestRecord, status: number, body: unknown) {
    record.status = status;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  function sendError(
    res: ServerResponse,
    record: RequestRecord,
    status: number,
    message: string,
    more: { status?: string; details?: Json[] } = {},
  ) {
    send(res, record, status, {
      error: {
        code: status,
        message,
        status: more.status ?? STATUS_NAMES[status] ?? 'UNKNOWN',
        ...(more.details ? { details: more.details } : {}),
      },
    });
  }

  function documentFor(id: string, user: string): StandInSpreadsheet {
    if (nonSheets.has(id)) {
      throw new ApiRefusal(
        'This operation is not supported for this document',
        400,
        'FAILED_PRECONDITION',
      );
    }
    const doc = docs.get(id);
    if (!doc) throw new ApiRefusal('Requested entity was not found.', 404);
    if (forbidden.has(id) || (user !== doc.owner && !doc.sharedWith.includes(user))) {
      throw new ApiRefusal('The caller does not have permission', 403);
    }
    return doc;
  }

  /** Applies the batches a `late` fault held for `id`, in order (a refused one is lost). */
  function land(id: string): void {
    const queue = held.get(id) ?? [];
    held.delete(id);
    for (const { body, user } of queue) {
      const doc = docs.get(id);
      if (!doc) continue;
      const copy = workingCopy(doc);
      try {
        applyRequests(copy, body.requests, { user, groups: groupsOf(user) });
        docs.set(id, copy);
      } catch (error) {
        if (!(error instanceof ApiRefusal)) throw error;
      }
    }
  }

  /** 403s that come before the spreadsheet is looked at: the API switch, the scopes. */
  function checkAccount(account: StandInAccount, write: boolean): void {
    const domain = 'googleapis.com';
    if (account.apiDisabled) {
      const project = '123456789012';
      throw new ApiRefusal(
        `Google Sheets API has not been used in project ${project} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=${project} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
        403,
        'PERMISSION_DENIED',
        [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'SERVICE_DISABLED',
            domain,
            metadata: { consumer: `projects/${project}`, service: 'sheets.googleapis.com' },
          },
        ],
      );
    }
    const scopes = account.scopes ?? [SPREADSHEETS_SCOPE];
    const enough = write
      ? scopes.includes(SPREADSHEETS_SCOPE)
      : scopes.includes(SPREADSHEETS_SCOPE) || scopes.includes(READONLY_SCOPE);
    if (!enough) {
      throw new ApiRefusal(
        'Request had insufficient authentication scopes.',
        403,
        'PERMISSION_DENIED',
        [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
            domain,
            metadata: {
              service: 'sheets.googleapis.com',
              method: 'google.apps.sheets.v4.SpreadsheetsService',
            },
          },
        ],
      );
    }
  }

  function selectFields(query: URLSearchParams, schemaName: string, body: unknown): unknown {
    const fields = query.get('fields');
    if (fields === null) return body;
    const selection = parseSelection(fields);
    checkSelection(selection, schemaName);
    return applySelection(body, selection);
  }

  function getSpreadsheet(id: string, query: URLSearchParams, user: string): unknown {
    const doc = documentFor(id, user);
    if (query.get('includeGridData') === 'true' || query.has('ranges')) {
      throw new ApiRefusal('the stand-in does not implement grid data in spreadsheets.get', 501);
    }
    return selectFields(
      query,
      'Spreadsheet',
      spreadsheetJson(doc, doc.sheets.map(sheetJson(doc, user))),
    );
  }

  /** A tab as `spreadsheets.get` lists it (no grid data). */
  const sheetJson = (doc: StandInSpreadsheet, user: string) => (sheet: StandInSheet) => ({
    properties: structuredClone(sheet.properties),
    ...(sheet.conditionalFormats.length > 0
      ? { conditionalFormats: structuredClone(sheet.conditionalFormats) }
      : {}),
    ...(sheet.protectedRanges.length > 0
      ? {
          protectedRanges: sheet.protectedRanges.map((range) => ({
            ...structuredClone(range),
            requestingUserCanEdit: mayEdit(doc, range, user, groupsOf(user)),
          })),
        }
      : {}),
    ...(sheet.merges?.length ? { merges: structuredClone(sheet.merges) } : {}),
    ...(sheet.developerMetadata?.length
      ? { developerMetadata: structuredClone(sheet.developerMetadata) }
      : {}),
  });

  function spreadsheetJson(doc: StandInSpreadsheet, sheets: Json[]): Json {
    return {
      spreadsheetId: doc.spreadsheetId,
      properties: {
        title: doc.title,
        locale: 'fa_IR',
        autoRecalc: 'ON_CHANGE',
        timeZone: 'Asia/Tehran',
      },
      sheets,
      ...(doc.developerMetadata.length > 0
        ? { developerMetadata: structuredClone(doc.developerMetadata) }
        : {}),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${doc.spreadsheetId}/edit`,
    };
  }

  function batchGet(id: string, query: URLSearchParams, user: string): unknown {
    const doc = documentFor(id, user);
    const valueRender = (query.get('valueRenderOption') ?? 'FORMATTED_VALUE') as ValueRender;
    const dateRender = (query.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER') as DateRender;
    const major = query.get('majorDimension') === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
    const valueRanges = query.getAll('ranges').map((text) => {
      const { sheet, bounds } = parseA1Range(doc, text);
      const values = rangeValues(sheet, bounds, valueRender, dateRender, major);
      return {
        range: a1Bounds(sheet.properties.title, bounds),
        majorDimension: major,
        ...(values.length > 0 ? { values } : {}),
      };
    });
    return selectFields(query, 'BatchGetValuesResponse', {
      spreadsheetId: doc.spreadsheetId,
      ...(valueRanges.length > 0 ? { valueRanges } : {}),
    });
  }

  function batchUpdate(
    id: string,
    query: URLSearchParams,
    body: Json,
    user: string,
    late: boolean,
  ): unknown {
    land(id);
    const doc = documentFor(id, user);
    if (late) {
      held.set(id, [...(held.get(id) ?? []), { body, user }]);
      return null;
    }
    const copy = workingCopy(doc);
    const replies = applyRequests(copy, body.requests, { user, groups: groupsOf(user) });
    // The spreadsheet right after the batch (stand-in-grid.ts), before it is committed: a
    // response range Google cannot read refuses the whole batch.
    const updated =
      body.includeSpreadsheetInResponse === true
        ? spreadsheetJson(
            copy,
            responseSheets(copy, body, query.has('fields'), sheetJson(copy, user)),
          )
        : undefined;
    docs.set(id, copy);
    return selectFields(query, 'BatchUpdateSpreadsheetResponse', {
      spreadsheetId: doc.spreadsheetId,
      replies,
      ...(updated ? { updatedSpreadsheet: updated } : {}),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const httpMethod = req.method ?? 'GET';
    const route = routes.find(
      (r) => r.spec.httpMethod === httpMethod && r.pattern.test(url.pathname),
    );
    const record: RequestRecord = {
      method: route ? shortName(route.spec) : 'unknown',
      httpMethod,
      path: url.pathname,
      query: url.searchParams,
      body: parseJson(raw),
      status: 0,
      bodyBytes: raw.length,
      fault: false,
    };
    log.push(record);

    const fault = takeFault(record.method);
    if (fault) record.fault = true;
    if (fault?.stall === 'before') return; // never answered; the socket closes with the server
    if (fault?.drop === 'before') {
      req.socket.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      sendError(res, record, fault.status, FAULT_MESSAGES[fault.status] ?? 'Injected fault.');
      return;
    }

    const authorization = req.headers.authorization;
    const account = accounts.get(authorization?.slice('Bearer '.length) ?? '');
    if (!authorization?.startsWith('Bearer ')) {
      sendError(
        res,
        record,
        401,
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
      return;
    }
    if (!account) {
      sendError(res, record, 401, 'Request had invalid authentication credentials.');
      return;
    }
    if (!route) {
      sendError(
        res,
        record,
        404,
        `The requested URL ${url.pathname} was not found on this server.`,
      );
      return;
    }
    try {
      if (raw.length > maxBodyBytes) {
        throw new ApiRefusal(`Request payload size exceeds the limit: ${maxBodyBytes} bytes.`);
      }
      const { spec } = route;
      const match = route.pattern.exec(url.pathname) ?? [];
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
      );
      for (const [name, parameter] of Object.entries(spec.parameters ?? {})) {
        if (parameter.required && parameter.location === 'path' && !params[name]) {
          throw new ApiRefusal(`Missing required parameter ${name}`);
        }
      }
      const queryError = validateQuery(spec, url.searchParams);
      if (queryError) throw new ApiRefusal(queryError);
      let body: Json = {};
      if (spec.request) {
        if (raw.length > 0 && record.body === null) {
          throw new ApiRefusal('Invalid JSON payload received. Unexpected token.');
        }
        body = (record.body ?? {}) as Json;
        const bodyError = validateBody(spec, body);
        if (bodyError) throw new ApiRefusal(bodyError);
      }
      if (!IMPLEMENTED.has(record.method)) {
        throw new ApiRefusal(`the stand-in does not implement ${spec.id}`, 501);
      }
      checkAccount(account, record.method === 'batchUpdate');
      const id = params.spreadsheetId ?? '';
      const user = account.email;
      const late = fault?.stall === 'late' && record.method === 'batchUpdate';
      const answer =
        record.method === 'get'
          ? getSpreadsheet(id, url.searchParams, user)
          : record.method === 'values.batchGet'
            ? batchGet(id, url.searchParams, user)
            : batchUpdate(id, url.searchParams, body, user, late);
      if (fault?.stall === 'after' || late) return; // never answered
      if (fault?.drop === 'after') {
        req.socket.destroy();
        return;
      }
      send(res, record, 200, answer);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      if (fault?.stall === 'after') return;
      sendError(res, record, error.status, error.message, {
        status: error.statusName,
        details: error.details,
      });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      res.writeHead(500, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(
        JSON.stringify({
          error: { code: 500, message: `stand-in bug: ${String(error)}`, status: 'INTERNAL' },
        }),
      );
    });
  });
  // Node closes a kept-alive connection after 5 s idle; a client that computed for longer
  // then sends its next request into a closing socket (ECONNRESET). Google keeps them open
  // for minutes, so the stand-in does too.
  server.keepAliveTimeout = 600_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function spreadsheet(id: string): StandInSpreadsheet {
    const doc = docs.get(id);
    if (!doc) throw new Error(`no spreadsheet ${id} in the stand-in`);
    return doc;
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    log,
    loadWorkbook(id, raw, loadOptions) {
      docs.set(id, spreadsheetFrom(id, raw, loadOptions));
    },
    spreadsheet,
    tabRows(id, title) {
      const doc = spreadsheet(id);
      const sheet = sheetByTitle(doc, title);
      if (!sheet) throw new Error(`no tab ${title} in ${id}`);
      const grid = sheet.properties.gridProperties;
      const values = rangeValues(
        sheet,
        { startRow: 0, endRow: grid.rowCount, startColumn: 0, endColumn: grid.columnCount },
        'UNFORMATTED_VALUE',
        'SERIAL_NUMBER',
        'ROWS',
      );
      return values.map((row) => row.map((v) => (v === '' ? null : (v as CellValue))));
    },
    cell(id, title, a1) {
      const doc = spreadsheet(id);
      const { sheet, bounds } = parseA1Range(doc, `'${title.replaceAll("'", "''")}'!${a1}`);
      return sheet.rows[bounds.startRow]?.[bounds.startColumn];
    },
    dump(id) {
      return JSON.stringify(spreadsheet(id));
    },
    forbid(id) {
      forbidden.add(id);
    },
    tokenFor(account) {
      const issued = `token-${accounts.size}-${account.email}`;
      accounts.set(issued, account);
      return issued;
    },
    share(id, email) {
      const doc = spreadsheet(id);
      if (!doc.sharedWith.includes(email)) doc.sharedWith.push(email);
    },
    addToGroup(group, email) {
      const key = email.toLowerCase();
      memberships.set(key, new Set([...(memberships.get(key) ?? []), group.toLowerCase()]));
    },
    loadNonSheetsFile(id) {
      nonSheets.add(id);
    },
    settle() {
      for (const id of [...held.keys()]) land(id);
    },
    inject(fault) {
      faults.push({ fault, hits: 0, seen: 0 });
    },
    clearFaults() {
      faults.length = 0;
    },
    count(method) {
      return method === undefined ? log.length : log.filter((r) => r.method === method).length;
    },
    resetLog() {
      log.length = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
