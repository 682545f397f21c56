/**
 * Retrying Sheets API calls: jittered exponential backoff on 429, 5xx, timeouts and broken
 * connections, a fixed number of attempts, then the failure goes up.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Attempts per call, the first one included (default 5). */
  attempts?: number;
  /** Backoff ceiling after the first failure, in ms (default 500); it doubles each time. */
  baseDelayMs?: number;
  /** Largest wait between attempts, in ms (default 20 000). */
  maxDelayMs?: number;
  /** Time allowed for one request before it counts as failed, in ms (default 30 000). */
  timeoutMs?: number;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
}

export type RetryPolicy = Required<RetryOptions>;

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    attempts: Math.max(1, Math.floor(options.attempts ?? 5)),
    baseDelayMs: Math.max(0, options.baseDelayMs ?? 500),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? 20_000),
    timeoutMs: Math.max(1, options.timeoutMs ?? 30_000),
    random: options.random ?? Math.random,
  };
}

/**
 * How a failed attempt failed:
 * - `refused`: Google answered 429, so it did not act on the request; sending it again is safe.
 * - `ambiguous`: a 5xx, a timeout or a broken connection; a write may or may not have
 *   landed, so it is re-read before it is tried again.
 * - `final`: any other answer (400, 403, 404, …) or an error of our own; retrying cannot help.
 */
export type FailureKind = 'refused' | 'ambiguous' | 'final';

interface HttpErrorLike {
  name?: unknown;
  status?: unknown;
  code?: unknown;
  config?: unknown;
  response?: { status?: unknown; headers?: unknown; data?: unknown };
}

function asHttpError(error: unknown): HttpErrorLike | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = error as HttpErrorLike;
  // gaxios errors (HTTP answers, timeouts, refused connections) carry the request config.
  return candidate.name === 'GaxiosError' || 'config' in candidate ? candidate : null;
}

/** The HTTP status of a failed call, when there was an answer. */
export function statusOf(error: unknown): number | undefined {
  const http = asHttpError(error);
  const status = http?.response?.status ?? http?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The failure's code without an answer: `TimeoutError`, `ECONNREFUSED`, `ECONNRESET`, … */
export function codeOf(error: unknown): string | undefined {
  const code = asHttpError(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Google's own words from an error answer (`{error: {message}}`), else the error message. */
export function googleMessage(error: unknown): string {
  const data = asHttpError(error)?.response?.data;
  if (typeof data === 'object' && data !== null && 'error' in data) {
    const inner = (data as { error: unknown }).error;
    if (typeof inner === 'object' && inner !== null && 'message' in inner) {
      return String((inner as { message: unknown }).message);
    }
    if (typeof inner === 'string') return inner;
  }
  return error instanceof Error ? error.message : String(error);
}

export function failureKind(error: unknown): FailureKind {
  if (asHttpError(error) === null) return 'final';
  const status = statusOf(error);
  if (status === undefined) return 'ambiguous';
  if (status === 429) return 'refused';
  if (status >= 500) return 'ambiguous';
  return 'final';
}

/** A `Retry-After` header in ms (seconds form only), when Google sent one. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = asHttpError(error)?.response?.headers;
  let value: unknown;
  if (headers instanceof Headers) value = headers.get('retry-after');
  else if (typeof headers === 'object' && headers !== null) {
    value = (headers as Record<string, unknown>)['retry-after'];
  }
  const seconds = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * The wait after the `failures`-th failed attempt: "equal jitter" on a doubling ceiling
 * (half fixed, half random), at least a `Retry-After`, at most `maxDelayMs`.
 */
export function backoffDelay(policy: RetryPolicy, failures: number, retryAfter?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  const jittered = ceiling / 2 + (policy.random() * ceiling) / 2;
  return Math.min(policy.maxDelayMs, Math.max(jittered, retryAfter ?? 0));
}

export function waitBeforeRetry(policy: RetryPolicy, failures: number, error: unknown) {
  return sleep(backoffDelay(policy, failures, retryAfterMs(error)));
}

/**
 * Runs `call` until it succeeds, retrying refused and ambiguous failures (safe for reads;
 * writes go through the store's re-read-and-replan loop instead). A final failure, or the
 * last one, goes through `describe` (which turns it into a KarnamehError).
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  describe: (error: unknown, attempts: number) => Promise<Error>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (failureKind(error) === 'final' || attempt >= policy.attempts) {
        throw await describe(error, attempt);
      }
      await waitBeforeRetry(policy, attempt, error);
    }
  }
}
