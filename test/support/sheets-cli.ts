/**
 * The command line against the Sheets stand-in: the env that points `--sheet` at it, a
 * scratch folder for the outbox, and what the stand-in received (calls, bodies, the cells
 * of every `updateCells`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { sheets_v4 } from '@googleapis/sheets';
import type { SheetsStandIn } from './sheets-stand-in.ts';
import { emlFiles } from './outbox-files.ts';

/** What docs/command-line.md#environment says points `--sheet` at a stand-in of the API. */
export function standInEnv(standIn: SheetsStandIn): NodeJS.ProcessEnv {
  return { SHEETS_API_URL: standIn.url, SHEETS_ACCESS_TOKEN: standIn.token };
}

export interface Scratch {
  dir: string;
  outbox: string;
  /** The .eml files in the outbox. */
  mailed(): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function scratchDir(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-sheets-'));
  const outbox = join(dir, 'outbox');
  return {
    dir,
    outbox,
    async mailed() {
      try {
        return await emlFiles(outbox);
      } catch {
        return [];
      }
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The calls received, as `method status`. */
export function calls(standIn: SheetsStandIn): string[] {
  return standIn.log.map((r) => `${r.method} ${r.status}`);
}

/** The largest request body received, in bytes. */
export function largestBody(standIn: SheetsStandIn): number {
  return standIn.log.reduce((max, r) => Math.max(max, r.bodyBytes), 0);
}

type Request = sheets_v4.Schema$Request;

/** Every request of every `batchUpdate` received, in order. */
export function batchRequests(standIn: SheetsStandIn): Request[] {
  return standIn.log
    .filter((r) => r.method === 'batchUpdate')
    .flatMap((r) => (r.body as { requests?: Request[] } | null)?.requests ?? []);
}

/** Every cell value sent through `updateCells`. */
export function sentValues(standIn: SheetsStandIn): sheets_v4.Schema$ExtendedValue[] {
  return batchRequests(standIn).flatMap(
    (request) =>
      request.updateCells?.rows?.flatMap(
        (row) => row.values?.flatMap((cell) => cell.userEnteredValue ?? []) ?? [],
      ) ?? [],
  );
}
