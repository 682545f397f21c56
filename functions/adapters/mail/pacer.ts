import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { KarnamehError } from '../../core/errors.ts';

/** `SMTP_RATE`: messages per second, a number > 0 and ≤ 1000 (e.g. `2`, `0.5`); unset: no pace. */
export const smtpRateSchema = z.coerce
  .number({ message: 'is not a number of messages per second (e.g. 2 or 0.5)' })
  .positive('must be more than 0 messages per second')
  .max(1000, 'must be at most 1000 messages per second');

/** SMTP_RATE as written in the environment, checked; undefined when unset or blank. */
export function parseSmtpRate(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = smtpRateSchema.safeParse(value.trim());
  if (!parsed.success) {
    throw new KarnamehError(
      'config.invalid',
      `SMTP_RATE ${parsed.error.issues[0]?.message ?? 'is invalid'} (got ${JSON.stringify(value)})`,
    );
  }
  return parsed.data;
}

export interface PacerClock {
  now: () => number;
  sleep: (ms: number) => Promise<unknown>;
}

const realClock: PacerClock = { now: () => performance.now(), sleep: (ms) => sleep(ms) };

/**
 * A pace of `rate` messages per second: `wait()` resolves when the next message may start,
 * at least 1000/rate ms after the start of the one before (the first goes at once). Callers
 * send one message at a time (the SMTP mailer's queue), so starts are evenly spaced and a
 * provider's per-second limit is never exceeded. No rate: never waits.
 */
export function createPacer(rate: number | undefined, clock: PacerClock = realClock) {
  const gap = rate ? 1000 / rate : 0;
  let last: number | null = null;
  return {
    gapMs: gap,
    async wait(): Promise<void> {
      if (gap > 0 && last !== null) {
        const due = last + gap - clock.now();
        if (due > 0) await clock.sleep(due);
      }
      last = clock.now();
    },
  };
}
