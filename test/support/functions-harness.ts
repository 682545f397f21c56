/**
 * The functions under test over real HTTP: each handler registered with functions-framework
 * and served by its `getTestServer` on 127.0.0.1, against the Sheets stand-in loaded with
 * the bundled example and a real SMTP server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http } from '@google-cloud/functions-framework';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import type { CellValue, RawWorkbook } from '../../functions/core/contract/cells.ts';
import { TABS } from '../../functions/core/contract/tabs.ts';
import { lazyRuntime } from '../../functions/http/runtime.ts';
import type { RuntimeSource } from '../../functions/http/runtime.ts';
import type { WorkbookStore } from '../../functions/ports.ts';
import { startSheetsStandIn, type SheetsStandIn } from './sheets-stand-in.ts';
import { standInStore } from './sheets-fixtures.ts';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher.ts';

export const EXAMPLE = fileURLToPath(new URL('../../examples/ilam-1403.xlsx', import.meta.url));
/** 4 Mordad 1403 in Tehran: the default month is Tir, 1403-04. */
export const NOW = new Date('2024-07-25T08:00:00Z');
export const RECIPIENTS = [
  'dabirkhaneh@example.org',
  'h.nazari@example.org',
  'z.moradi@example.org',
];
export const MAIL_FROM = 'روابط‌عمومی استانداری ایلام <pr@example.org>';

let example: Promise<RawWorkbook> | null = null;
/** The bundled example as a RawWorkbook (a fresh copy each time). */
export async function exampleWorkbook(): Promise<RawWorkbook> {
  example ??= createXlsxStore(EXAMPLE).read();
  return structuredClone(await example);
}

/** The example without agency d001's row for 1403-04: an incomplete month. */
export async function incompleteExample(): Promise<RawWorkbook> {
  const raw = await exampleWorkbook();
  const scores = raw.tabs.find((t) => t.name === TABS.scores.label);
  if (!scores) throw new Error('no scores tab');
  scores.rows = scores.rows.filter((row) => !(row[0] === '1403-04' && row[1] === 'd001'));
  return raw;
}

/** An ID token as Cloud Run hands it on: header and payload, the signature removed. */
export function idToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.SIGNATURE_REMOVED_BY_GOOGLE`;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

let registered = 0;
/** Registers the handler under a fresh name and serves it with functions-framework's test server. */
export async function serve(handler: HttpFunction): Promise<Served> {
  const name = `fn${++registered}`;
  http(name, handler);
  const server: Server = getTestServer(name);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown> & { error?: { code: string; message: string } };
}

/** POSTs `body` (JSON unless it is a string) and reads the answer. */
export async function post(
  url: string,
  body: unknown = {},
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'GET' || method === 'HEAD'
      ? {}
      : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as ReturnType<Answer['json']>,
  };
}

export interface Bench {
  standIn: SheetsStandIn;
  smtp: SmtpCatcher;
  sheetId: string;
  outbox: string;
  logs: string[];
  /** The environment the runtime was configured from. */
  env: NodeJS.ProcessEnv;
  runtime: RuntimeSource;
  /** A store on the stand-in for the test itself (setting run_request, reading tabs). */
  store(): WorkbookStore;
  /** A tab's rows as the stand-in holds them. */
  tab(key: keyof typeof TABS): CellValue[][];
  /** The value of a settings key (by its Persian label), or undefined. */
  setting(label: string): CellValue | undefined;
  setRunRequest(value: string): Promise<void>;
  close(): Promise<void>;
}

export interface BenchOptions {
  workbook?: RawWorkbook;
  env?: NodeJS.ProcessEnv;
  smtpAuth?: { user: string; pass: string };
  now?: () => Date;
  /** Agencies' cards on (agency_cards): off by default, so the release tests count the release. */
  cards?: boolean;
}

/** The workbook with `agency_cards` (کارنامه دستگاه‌ها) set yes or no in the settings tab. */
export function withAgencyCards(raw: RawWorkbook, on: boolean): RawWorkbook {
  const settings = raw.tabs.find((t) => t.name === TABS.settings.label);
  if (!settings) return raw;
  const value = on ? 'بله' : 'خیر';
  const row = settings.rows.find((r) => r[0] === 'کارنامه دستگاه‌ها' || r[0] === 'agency_cards');
  if (row) row[1] = value;
  else settings.rows.push(['کارنامه دستگاه‌ها', value]);
  return raw;
}

let sheets = 0;
export async function startBench(options: BenchOptions = {}): Promise<Bench> {
  const standIn = await startSheetsStandIn();
  const smtp = await startSmtpCatcher(options.smtpAuth);
  const outbox = await mkdtemp(join(tmpdir(), 'karnameh-fn-'));
  const sheetId = `functions-sheet-${++sheets}`;
  const workbook = options.workbook ?? (await exampleWorkbook());
  standIn.loadWorkbook(sheetId, withAgencyCards(workbook, options.cards ?? false));
  const logs: string[] = [];
  const env: NodeJS.ProcessEnv = {
    KARNAMEH_SHEET: sheetId,
    SHEETS_API_URL: standIn.url,
    SHEETS_ACCESS_TOKEN: standIn.token,
    SMTP_URL: smtp.url,
    MAIL_FROM,
    KARNAMEH_OUTBOX: outbox,
    ...options.env,
  };
  const runtime = lazyRuntime({
    env,
    write: (line) => void logs.push(line),
    now: options.now ?? (() => NOW),
    // Millisecond backoff: a persistent failure fails in milliseconds, not seconds.
    store: (config) => standInStore(standIn, config.source.sheet ?? sheetId),
  });
  const store = () => standInStore(standIn, sheetId);
  const tab = (key: keyof typeof TABS) => standIn.tabRows(sheetId, TABS[key].label);
  return {
    standIn,
    smtp,
    sheetId,
    outbox,
    logs,
    env,
    runtime,
    store,
    tab,
    setting: (label) => tab('settings').find((row) => row[0] === label)?.[1],
    async setRunRequest(value) {
      const s = store();
      await s.read();
      await s.write({ outputs: {}, settings: [{ key: 'run_request', value }] });
    },
    async close() {
      await Promise.all([
        standIn.close(),
        smtp.close(),
        rm(outbox, { recursive: true, force: true }),
      ]);
    },
  };
}

/** The runs tab as `kind status recipient` lines (header left out). */
export function runsLines(rows: CellValue[][]): string[] {
  return rows.slice(1).map((row) => [row[3], row[4], row[5]].filter(Boolean).join(' '));
}
