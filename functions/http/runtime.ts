/**
 * What the HTTP functions share within one instance: the composition of the settings
 * (read and checked once per cold start), the month lock, the logger and SIGTERM's stop.
 */
import { createJsonLogger } from '../adapters/logger.ts';
import { compose, type Composition } from '../compose/compose.ts';
import { describeSettings, readSettings } from '../compose/settings.ts';
import type { Settings } from '../compose/settings.ts';
import type { WorkbookStore } from '../ports.ts';
import type { MonthLock } from '../use-cases/month-lock.ts';
import { createStopSignal, type StopSignal } from './stop-signal.ts';

export interface FunctionsRuntime extends Composition {
  /** SIGTERM (Cloud Run stopping the instance): runs record their batch and stop (stop-signal.ts). */
  stop: StopSignal;
}

export interface RuntimeOptions {
  env: NodeJS.ProcessEnv;
  /** Where log lines go (default: stdout, which Cloud Logging collects). */
  write?: (line: string) => void;
  now?: () => Date;
  lock?: MonthLock;
  /** The store for each request (default: the settings' workbook, compose.ts). */
  store?: (settings: Settings) => WorkbookStore;
  /** SIGTERM's handling (default: stop-signal.ts with Cloud Run's grace). */
  stop?: StopSignal;
}

const stdout = (line: string): void => void process.stdout.write(line);

/** Builds the runtime; throws `config.invalid` naming each bad or missing variable. */
export function createRuntime(options: RuntimeOptions): FunctionsRuntime {
  const write = options.write ?? stdout;
  const settings = readSettings({ shell: 'functions', env: options.env });
  const composition = compose(settings, {
    logger: (fields = {}) => createJsonLogger(write, fields),
    env: options.env,
    ...(options.now ? { now: options.now } : {}),
    ...(options.lock ? { lock: options.lock } : {}),
    ...(options.store ? { store: options.store } : {}),
  });
  const stop =
    options.stop ?? createStopSignal({ log: (message) => createJsonLogger(write).warn(message) });
  return { ...composition, stop };
}

/** Gives the instance's runtime; throws the configuration error (every time) when there is one. */
export type RuntimeSource = () => FunctionsRuntime;

/**
 * The runtime made on first use and kept for the life of the instance (one cold start, one
 * validation). A bad configuration is logged once and answered to every request.
 */
export function lazyRuntime(options: RuntimeOptions): RuntimeSource {
  let made: { runtime: FunctionsRuntime } | { error: unknown } | null = null;
  return () => {
    if (!made) {
      try {
        const runtime = createRuntime(options);
        const log = runtime.logger();
        for (const warning of runtime.settings.warnings) log.warn(warning);
        log.info('karnameh functions configured', describeSettings(runtime.settings));
        made = { runtime };
      } catch (error) {
        const log = createJsonLogger(options.write ?? stdout);
        log.error(error instanceof Error ? error.message : String(error), {
          stack: error instanceof Error ? error.stack : undefined,
        });
        made = { error };
      }
    }
    if ('error' in made) throw made.error;
    return made.runtime;
  };
}

/** The deployed functions' runtime: this process's environment, logs on stdout. */
export const processRuntime: RuntimeSource = lazyRuntime({ env: process.env });
