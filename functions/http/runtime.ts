/**
 * What the HTTP functions share within one instance: the configuration (validated once per
 * cold start), the compiled release templates, the month lock and the logger. Stores and
 * mailers are made per request from it.
 */
import { join } from 'node:path';
import { createPreviewWriter } from '../adapters/mail/preview-writer.ts';
import { createMailer, createStore } from '../compose.ts';
import { FUNCTIONS_TIMEOUT_S, composeEnv, describeConfig, loadConfig } from '../config.ts';
import type { FunctionsConfig } from '../config.ts';
import { createJsonLogger } from '../adapters/logger.ts';
import type {
  Logger,
  Mailer,
  PreviewWriter,
  RenderCard,
  RenderRelease,
  SitePorts,
  WorkbookStore,
} from '../ports.ts';
import { createBucketSite } from '../adapters/site/bucket-site.ts';
import { createFolderSite } from '../adapters/site/folder-site.ts';
import type { RenderReminders } from '../ports.ts';
import { createMonthLock } from '../use-cases/month-lock.ts';
import type { MonthLock } from '../use-cases/month-lock.ts';
import type { SendingLimit } from '../use-cases/run-month/pace-check.ts';
import { createStopSignal, type StopSignal } from './stop-signal.ts';

export interface FunctionsRuntime {
  config: FunctionsConfig;
  now: () => Date;
  lock: MonthLock;
  render: RenderRelease;
  /** The agencies' card renderer, compiled on first use. */
  renderCard: RenderCard;
  /** The reminder and digest renderer, compiled on first use. */
  renderReminders: RenderReminders;
  /** A JSON-lines logger (Cloud Logging reads `severity` and `message`) with these fields on every line. */
  logger(fields?: Record<string, unknown>): Logger;
  store(): WorkbookStore;
  mailer(runId: string): Mailer;
  /** Where a dry run puts the rendered release: `OUTBOX_DIR/preview`, or nowhere without OUTBOX_DIR. */
  preview(): PreviewWriter | undefined;
  /** SIGTERM (Cloud Run stopping the instance): runs record their batch and stop (stop-signal.ts). */
  stop: StopSignal;
  /** How long a run's messages may take at SMTP_RATE: the functions' timeout. */
  sendingLimit: SendingLimit;
  /**
   * The public site: the bucket of `KARNAMEH_SITE_BUCKET` (none without it, which the run
   * row says); a dry run's pages go to `OUTBOX_DIR/preview/site` when OUTBOX_DIR is set.
   */
  site(): SitePorts;
}

export interface RuntimeOptions {
  env: NodeJS.ProcessEnv;
  /** Where log lines go (default: stdout, which Cloud Logging collects). */
  write?: (line: string) => void;
  now?: () => Date;
  lock?: MonthLock;
  /** The store for each request (default: compose.ts `createStore` from the configuration). */
  store?: (config: FunctionsConfig) => WorkbookStore;
  /** SIGTERM's handling (default: stop-signal.ts with Cloud Run's grace). */
  stop?: StopSignal;
}

/**
 * The release renderer, compiled on first use: a watcher call that only checks the sheet
 * never loads Handlebars and the templates.
 */
function lazyRenderer(): RenderRelease {
  let renderer: Promise<RenderRelease> | undefined;
  return async (input) => {
    renderer ??= import('../adapters/mail/render-release.ts').then((m) =>
      m.createReleaseRenderer(),
    );
    return (await renderer)(input);
  };
}

/** The card renderer, compiled on first use (the release's month runs and dry runs). */
function lazyCardRenderer(): RenderCard {
  let renderer: Promise<RenderCard> | undefined;
  return async (view) => {
    renderer ??= import('../adapters/mail/render-card.ts').then((m) => m.createCardRenderer());
    return (await renderer)(view);
  };
}

/** The reminder renderer, compiled on first use (only reminder days load its templates). */
function lazyReminderRenderer(): RenderReminders {
  let renderer: Promise<RenderReminders> | undefined;
  const loaded = () =>
    (renderer ??= import('../adapters/mail/render-reminder.ts').then((m) =>
      m.createReminderRenderer(),
    ));
  return {
    reminder: async (view) => (await loaded()).reminder(view),
    digest: async (view) => (await loaded()).digest(view),
  };
}

/** Builds the runtime; throws `config.invalid` naming each bad or missing variable. */
export function createRuntime(options: RuntimeOptions): FunctionsRuntime {
  const config = loadConfig(options.env);
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const env = composeEnv(config);
  const outbox = config.outboxDir ?? 'outbox';
  return {
    config,
    now: options.now ?? (() => new Date()),
    lock: options.lock ?? createMonthLock(),
    render: lazyRenderer(),
    renderCard: lazyCardRenderer(),
    renderReminders: lazyReminderRenderer(),
    logger: (fields = {}) => createJsonLogger(write, fields),
    store: () => (options.store ? options.store(config) : createStore(config.source, env)),
    mailer: (runId) => createMailer(env, outbox, runId),
    preview: () =>
      config.outboxDir ? createPreviewWriter(join(config.outboxDir, 'preview')) : undefined,
    stop:
      options.stop ?? createStopSignal({ log: (message) => createJsonLogger(write).warn(message) }),
    sendingLimit: {
      ms: FUNCTIONS_TIMEOUT_S * 1000,
      label: `the functions' timeout of ${FUNCTIONS_TIMEOUT_S} s`,
    },
    site: () => ({
      store: config.siteBucket ? createBucketSite(config.siteBucket) : null,
      none: 'KARNAMEH_SITE_BUCKET تعیین نشده است',
      ...(config.outboxDir
        ? { preview: createFolderSite(join(config.outboxDir, 'preview', 'site')) }
        : {}),
    }),
  };
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
        runtime.logger().info('karnameh functions configured', describeConfig(runtime.config));
        made = { runtime };
      } catch (error) {
        const log = createJsonLogger(
          options.write ?? ((line: string) => void process.stdout.write(line)),
        );
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
