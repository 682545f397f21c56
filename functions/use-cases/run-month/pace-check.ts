/**
 * SMTP_RATE against the time a run may take (docs/command-line.md#environment): a run whose
 * messages would take longer than its limit at that pace (the functions' timeout; six hours
 * on the command line) is refused before anything is sent; the expected time is said when
 * it is over a minute.
 */
import { KarnamehError } from '../../core/contract/errors.ts';
import type { Mailer } from '../../ports.ts';
import type { LedgerRun } from '../delivery-ledger/ledger.ts';

/** How long a run that sends may take, and what that limit is called in a message. */
export interface SendingLimit {
  ms: number;
  /** E.g. `the command line's limit of 6 h`, `the functions' timeout of 5 min`. */
  label: string;
}

/** The command line's limit: six hours of sending. */
export const CLI_SENDING_LIMIT: SendingLimit = {
  ms: 6 * 3600_000,
  label: "the command line's limit of 6 h",
};

/** `1 h 5 min`, `4 min 10 s`, `40 s`. */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
  return `${sec} s`;
}

/** Refuses (`config.invalid`) a pace too slow for `count` messages; says the time when long. */
export function checkPace(
  run: LedgerRun,
  mailer: Mailer | undefined,
  count: number,
  limit: SendingLimit | undefined,
): void {
  const pace = mailer?.pace;
  if (!pace || count < 2) return;
  const ms = (count - 1) * pace.gapMs;
  if (limit && ms > limit.ms) {
    const needed = Math.ceil(((count - 1) / (limit.ms / 1000)) * 10_000) / 10_000;
    throw new KarnamehError(
      'config.invalid',
      `SMTP_RATE ${pace.rate} would take ${duration(ms)} to send this run's ${count} messages, longer than ${limit.label}: nothing was sent; set SMTP_RATE to at least ${needed} (messages per second), or unset it`,
    );
  }
  if (ms > 60_000) {
    run.log.info(
      `sending ${count} messages at SMTP_RATE ${pace.rate} takes about ${duration(ms)}`,
      { runId: run.runId, month: run.month },
    );
  }
}
