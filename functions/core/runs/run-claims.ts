/** A run's claim on a month in the runs tab, and whether a claim is still alive. */
import type { MonthKey } from '../language/jalali.ts';
import type { RunsEntry } from '../contract/runs-log.ts';

/**
 * Claims: a run that is about to send writes its `run` row as `started`, with the process
 * that runs it in the detail (`pid 4242 @ host`), and refreshes its `at` with every batch it
 * records (the heartbeat). Another run of the month reads the claims to decide whether it
 * may send. A claim is dead when
 * - it names this host and its process is gone (known at once), or
 * - its heartbeat is older than CLAIM_STALE_MS (another machine: its process cannot be
 *   asked; a live run records at least every batch, i.e. every 25 messages or 10 s of
 *   sending plus one message's SMTP timeouts, far less than this).
 */
export const CLAIM_STALE_MS = 10 * 60 * 1000;

/** Where this process runs, and how to ask whether a process of this host is alive. */
export interface ProcessHere {
  host: string;
  pid: number;
  alive: (pid: number) => boolean;
}

export interface ClaimOwner {
  pid: number;
  host: string;
}

// The host ends at a space or at the Persian semicolon that joins more detail (claim.ts).
const OWNER = /pid (\d+) @ ([^\s؛]+)/;

/** The detail of a `started` run row: who holds the claim. */
export function claimDetail(owner: ClaimOwner): string {
  return `pid ${owner.pid} @ ${owner.host}`;
}

export function claimOwner(entry: RunsEntry): ClaimOwner | null {
  const match = OWNER.exec(entry.detail);
  return match ? { pid: Number(match[1]), host: match[2] ?? '' } : null;
}

/** Why a `started` claim counts as dead, or null while it may still be sending. */
export function deadClaim(entry: RunsEntry, now: Date, here: ProcessHere): string | null {
  const owner = claimOwner(entry);
  if (owner && owner.host === here.host && !here.alive(owner.pid)) {
    return `its process ${owner.pid} on ${owner.host} is gone`;
  }
  const at = Date.parse(entry.at);
  if (!Number.isFinite(at) || now.getTime() - at >= CLAIM_STALE_MS) {
    return `it has recorded nothing since ${entry.at || 'it started'}`;
  }
  return null;
}

/** The `started` run rows of `month` (its claims), but `exceptRun`'s, in the order of the tab. */
function claimsOf(entries: RunsEntry[], month: MonthKey, exceptRun: string): RunsEntry[] {
  return entries.filter(
    (e) => e.month === month && e.kind === 'run' && e.status === 'started' && e.runId !== exceptRun,
  );
}

/**
 * The live claims of `month` in the order of the tab (the first one holds the month).
 * Rows of `exceptRun` are left out.
 */
export function liveClaims(
  entries: RunsEntry[],
  month: MonthKey,
  now: Date,
  here: ProcessHere,
  exceptRun = '',
): RunsEntry[] {
  return claimsOf(entries, month, exceptRun).filter((e) => deadClaim(e, now, here) === null);
}

/** Dead claims of `month` (still `started`), for a note: the runs that crashed. */
export function deadClaims(
  entries: RunsEntry[],
  month: MonthKey,
  now: Date,
  here: ProcessHere,
  exceptRun = '',
): RunsEntry[] {
  return claimsOf(entries, month, exceptRun).filter((e) => deadClaim(e, now, here) !== null);
}
