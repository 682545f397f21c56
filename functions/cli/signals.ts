/** Ctrl-C, SIGTERM and SIGHUP turned into an abort signal for a command that sends. */
import type { CliIo } from './io.ts';
import type { Logger } from '../ports.ts';

/**
 * Ctrl-C, SIGTERM or SIGHUP during a command that sends: the returned signal is aborted (the
 * message in flight is finished and recorded, no more sent). None for a dry run, which
 * sends nothing. `unsubscribe` gives the signals back.
 */
export function stopOnSignals(
  io: CliIo,
  log: Logger,
  dryRun: boolean | undefined,
): { signal: AbortSignal; unsubscribe: () => void } {
  const stop = new AbortController();
  const unsubscribe = dryRun
    ? undefined
    : io.signals?.((name) => {
        if (stop.signal.aborted) return;
        log.warn(`${name}: finishing the message in flight, recording, then stopping`);
        stop.abort(name);
      });
  return { signal: stop.signal, unsubscribe: () => unsubscribe?.() };
}
