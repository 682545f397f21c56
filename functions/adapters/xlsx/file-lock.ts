/**
 * Locks beside an .xlsx workbook, across processes:
 *
 * - the run lock `NAME.xlsx.karnameh-lock`: one run that sends per workbook at a time;
 *   a second one is refused with `run.in_progress` at once;
 * - the write lock `NAME.xlsx.karnameh-write-lock`: one write (read, change, rename) at a
 *   time; a writer waits for the one before it, so no writer plans against a file another
 *   is about to replace and nobody's runs rows are lost.
 *
 * Both are files created atomically with `wx` (exclusive create) in the folder of the
 * workbook's real path (symlinks resolved first: two paths to one file share one lock),
 * holding JSON `{ pid, host, startedAt, runId?, month? }`. A lock whose process is gone on
 * this host is taken over at once. A lock of another host (a workbook in a shared folder)
 * cannot be asked about its process: its holder touches it every minute, and it counts as
 * dead once untouched for 10 minutes. Taking over is itself guarded by a `…-takeover` file
 * (exclusive create too), so two processes that find the same dead lock cannot both take it.
 */
import { readFile, realpath, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { KarnamehError } from '../../core/contract/errors.ts';
import type { RunLock, RunLockRequest } from '../../ports.ts';

const ownerSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  runId: z.string().optional(),
  month: z.string().optional(),
});
type LockOwner = z.infer<typeof ownerSchema>;

/** True unless `pid` is known gone on this host (EPERM: it exists, owned by someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The lock file for `workbook`, of `kind` (`lock`, `write-lock`), beside its real path. */
export async function lockPath(workbook: string, kind: 'lock' | 'write-lock'): Promise<string> {
  let real: string;
  try {
    real = await realpath(workbook);
  } catch {
    // Not there yet (init): its folder's real path, the name as given.
    real = join(
      await realpath(dirname(workbook)).catch(() => dirname(workbook)),
      basename(workbook),
    );
  }
  return `${real}.karnameh-${kind}`;
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed = ownerSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // gone, or half-written by a process that died while creating it
  }
}

const ageMs = async (path: string): Promise<number> => {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
};

/** A lock file nobody can read (its writer died between create and write) counts as dead after this. */
const UNREADABLE_DEAD_MS = 30_000;

/** How often a run touches its lock, and how long another host's untouched lock lives. */
export const LOCK_HEARTBEAT_MS = 60_000;
export const FOREIGN_LOCK_DEAD_MS = 10 * 60_000;

const isDead = async (path: string, owner: LockOwner | null): Promise<boolean> => {
  if (!owner) return (await ageMs(path)) > UNREADABLE_DEAD_MS;
  if (owner.host !== hostname()) return (await ageMs(path)) > FOREIGN_LOCK_DEAD_MS;
  return owner.pid !== process.pid && !processAlive(owner.pid);
};

type Attempt =
  { held: true; tookOver: LockOwner | null } | { held: false; owner: LockOwner | null };

async function create(path: string, owner: LockOwner): Promise<boolean> {
  try {
    await writeFile(path, JSON.stringify(owner), { flag: 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new KarnamehError(
      'source.write_failed',
      `cannot create the lock file ${path} (${code ?? String(error)}): karnameh needs to write in the workbook's folder`,
      { cause: error },
    );
  }
}

/** One try: create the lock, or take over a dead one. */
async function attempt(path: string, owner: LockOwner): Promise<Attempt> {
  if (await create(path, owner)) return { held: true, tookOver: null };
  const current = await readOwner(path);
  if (!(await isDead(path, current))) return { held: false, owner: current };
  const guard = `${path}-takeover`;
  if ((await ageMs(guard)) > UNREADABLE_DEAD_MS) await rm(guard, { force: true });
  if (!(await create(guard, owner))) return { held: false, owner: current };
  try {
    // Still the dead owner's file (nobody took it over before this guard was ours)?
    const again = await readOwner(path);
    if (JSON.stringify(again) !== JSON.stringify(current)) return { held: false, owner: again };
    await rm(path, { force: true });
    return (await create(path, owner))
      ? { held: true, tookOver: current }
      : { held: false, owner: await readOwner(path) };
  } finally {
    await rm(guard, { force: true });
  }
}

function ownerHere(request?: RunLockRequest): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    ...(request ? { runId: request.runId, month: request.month } : {}),
  };
}

const describeOwner = (owner: LockOwner | null): string =>
  owner
    ? `${owner.runId ? `run ${owner.runId}${owner.month ? ` of ${owner.month}` : ''}, ` : ''}process ${owner.pid} on ${owner.host}, since ${owner.startedAt}`
    : 'a process that is starting';

/** Removes the lock file if it is still ours. */
async function releaseIfOurs(path: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(path);
  if (current && JSON.stringify(current) === JSON.stringify(owner)) await rm(path, { force: true });
}

/** The run lock of `workbook`; `run.in_progress` naming the other run while it is alive. */
export async function takeRunLock(workbook: string, request: RunLockRequest): Promise<RunLock> {
  const path = await lockPath(workbook, 'lock');
  const owner = ownerHere(request);
  const result = await attempt(path, owner);
  if (!result.held) {
    throw new KarnamehError(
      'run.in_progress',
      `a run of ${workbook} is in progress (${describeOwner(result.owner)}; lock ${path}); try again when it is done${result.owner && result.owner.host !== hostname() ? ` (a lock of another machine is taken over once untouched for ${FOREIGN_LOCK_DEAD_MS / 60_000} minutes)` : ''}`,
    );
  }
  // Signs of life for a run on another host sharing the folder (see the top of this file).
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, LOCK_HEARTBEAT_MS);
  heartbeat.unref();
  return {
    ...(result.tookOver
      ? {
          note: `the lock of a run that is gone was taken over (${describeOwner(result.tookOver)})`,
        }
      : {}),
    release: () => {
      clearInterval(heartbeat);
      return releaseIfOurs(path, owner);
    },
  };
}

/** How long a writer waits for the write lock before giving up. */
const WRITE_LOCK_WAIT_MS = 60_000;

/** Runs `job` holding the write lock of `workbook`, waiting for it when another writer has it. */
export async function withWriteLock<T>(workbook: string, job: () => Promise<T>): Promise<T> {
  const path = await lockPath(workbook, 'write-lock');
  const owner = ownerHere();
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const result = await attempt(path, owner);
    if (result.held) break;
    if (Date.now() > deadline) {
      throw new KarnamehError(
        'source.write_failed',
        `${workbook} is being written by ${describeOwner(result.owner)} for more than ${WRITE_LOCK_WAIT_MS / 1000} s (lock ${path}); nothing was written`,
      );
    }
    await sleep(pause);
  }
  try {
    return await job();
  } finally {
    await releaseIfOurs(path, owner);
  }
}
