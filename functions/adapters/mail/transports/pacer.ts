/** `SMTP_RATE` checked, and the pacer that spaces messages to that many per second. */
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';

/**
 * The slowest pace: a pause longer than 2^31 - 1 ms (about 24.8 days) overflows Node's
 * timer, which then fires at once; any rate below this is refused.
 */
export const MIN_SMTP_RATE = 1000 / (2 ** 31 - 1);

/** `SMTP_RATE`: messages per second, a number > 0 and ≤ 1000 (e.g. `2`, `0.5`); unset: no pace. */
export const smtpRateSchema = z.coerce
  .number({ message: 'is not a number of messages per second (e.g. 2 or 0.5)' })
  .positive('must be more than 0 messages per second')
  .min(
    MIN_SMTP_RATE,
    'is too slow: a pause of more than 24 days between two messages cannot be timed (give at least 0.0000005, and in practice 0.01 or more)',
  )
  .max(1000, 'must be at most 1000 messages per second');

export interface PacerClock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<unknown>;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : undefined),
};

/**
 * A pace of `rate` messages per second: the next message may start at least 1000/rate ms
 * after the start of the one before (the first goes at once). `ready(signal)` waits for
 * that moment and ends early, with false, when `signal` is aborted (Ctrl-C, SIGTERM): the
 * caller then sends nothing more. `wait()` waits as well and marks the start. Callers send
 * one message at a time (the SMTP mailer's queue), so starts are evenly spaced and a
 * provider's per-second limit is never exceeded. No rate: never waits.
 */
export function createPacer(rate: number | undefined, clock: PacerClock = realClock) {
  const gap = rate ? 1000 / rate : 0;
  let last: number | null = null;
  const readyIn = (): number =>
    gap > 0 && last !== null ? Math.max(0, last + gap - clock.now()) : 0;
  const ready = async (signal?: AbortSignal): Promise<boolean> => {
    if (signal?.aborted) return false;
    const due = readyIn();
    if (due <= 0) return true;
    try {
      await clock.sleep(due, signal);
    } catch (error) {
      if (signal?.aborted) return false;
      throw error;
    }
    return !signal?.aborted;
  };
  return {
    rate: rate ?? 0,
    gapMs: gap,
    readyIn,
    ready,
    async wait(): Promise<void> {
      await ready();
      last = clock.now();
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
