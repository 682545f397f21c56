/**
 * SIGTERM in the functions: Cloud Run sends it when it stops an instance and kills the
 * process 10 seconds later. functions-framework's own handler exits at once, which would
 * leave a batch of deliveries `pending` (the functions keep no journal: no disk outlives
 * the instance). So, from the first request on, this takes SIGTERM over: it aborts the
 * runs in progress (each finishes the message in flight, records its batch, records the
 * rest `skipped`: delivery-ledger/deliver.ts), waits for them for up to `graceMs`, then
 * hands the signal to the handlers it took it from (the framework's, which exits).
 * docs/after-a-crash.md says what a kill without SIGTERM leaves.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** Cloud Run's grace is 10 s; the runs get 8 s of it, the framework the rest. */
const GRACE_MS = 8_000;

export interface StopSignal {
  /** Aborted on SIGTERM. */
  readonly signal: AbortSignal;
  /** Runs `job`; SIGTERM waits for it (up to the grace) before the process exits. */
  track<T>(job: () => Promise<T>): Promise<T>;
}

type Listener = (...args: unknown[]) => void;

export function createStopSignal(
  options: { graceMs?: number; log?: (message: string) => void } = {},
): StopSignal {
  const graceMs = options.graceMs ?? GRACE_MS;
  const stop = new AbortController();
  const running = new Set<Promise<unknown>>();
  let installed = false;
  const onSigterm = (): void => {
    if (stop.signal.aborted) return;
    options.log?.(
      `SIGTERM: ${running.size} run(s) in progress finish the message in flight, record, and stop`,
    );
    stop.abort('SIGTERM');
    const settled = Promise.allSettled([...running]);
    void Promise.race([settled, sleep(graceMs)]).then(() => {
      process.removeListener('SIGTERM', onSigterm);
      if (others.length === 0) process.kill(process.pid, 'SIGTERM');
      for (const listener of others) listener('SIGTERM');
    });
  };
  let others: Listener[] = [];
  const install = (): void => {
    if (installed) return;
    installed = true;
    others = process.listeners('SIGTERM') as Listener[];
    for (const listener of others) process.removeListener('SIGTERM', listener);
    process.on('SIGTERM', onSigterm);
  };
  return {
    signal: stop.signal,
    async track(job) {
      install();
      const run = job();
      running.add(run);
      try {
        return await run;
      } finally {
        running.delete(run);
      }
    },
  };
}
