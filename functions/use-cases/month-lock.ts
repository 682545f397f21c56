/** Runs that write to the workbook kept one at a time within this process. */
import type { MonthKey } from '../core/language/jalali.ts';

/**
 * Runs that write to the workbook, one at a time within this process.
 *
 * - `tryAcquire(month)`: one run per month; a second one is refused at once (HTTP 409).
 * - `exclusive(job)`: every job that writes (a run, a watcher pass) waits for the one
 *   before it. A store plans its write against what it read, so two writers at once would
 *   undo each other's rows in the runs tab; runs of different months queue instead.
 *
 * These only reach within one process. Across processes (the two functions are separate
 * Cloud Run services; the command line) runs are kept apart by the store: the claim row in
 * the runs tab, and on an .xlsx its lock file (delivery-ledger/claim.ts; docs/deploy.md, "Two
 * runs at once").
 */
export interface MonthLock {
  /** Takes the month's lock: the release function, or null when a run of it is in progress. */
  tryAcquire(month: MonthKey): (() => void) | null;
  /** Runs `job` when every job queued before it has finished. */
  exclusive<T>(job: () => Promise<T>): Promise<T>;
  /** Months being run right now. */
  held(): MonthKey[];
}

export function createMonthLock(): MonthLock {
  const held = new Set<MonthKey>();
  let tail: Promise<unknown> = Promise.resolve();
  return {
    tryAcquire(month) {
      if (held.has(month)) return null;
      held.add(month);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(month);
      };
    },
    exclusive(job) {
      const run = tail.then(() => job());
      tail = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    held: () => [...held],
  };
}
