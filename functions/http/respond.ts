/** HTTP answers of the functions: JSON bodies, status codes, and errors without stack traces. */
import type { Response } from '@google-cloud/functions-framework';
import { httpStatusOf, isKarnamehError, type ErrorCode } from '../core/contract/errors.ts';
import type { Summary } from '../core/figures/summary.ts';
import type { RunMonthOutcome } from '../use-cases/run-month.ts';
import { runAnswer, type DeliveryLine, type RunInfo } from '../use-cases/run-month/answer.ts';

export { runInfo } from '../use-cases/run-month/answer.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
  [more: string]: unknown;
}

export function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .status(status)
    .set({ 'Cache-Control': 'no-store', ...headers })
    .json(body);
}

export function errorBody(
  code: ErrorCode,
  message: string,
  more: Record<string, unknown> = {},
): ErrorBody {
  return { error: { code, message }, ...more };
}

/** An error answered with its code's status (core/contract/errors.ts, the one table). */
export function sendError(
  res: Response,
  body: ErrorBody,
  headers: Record<string, string> = {},
): void {
  sendJson(res, httpStatusOf(body.error.code), body, headers);
}

/**
 * A thrown error as a body: a KarnamehError's code and message (written for people), or a
 * generic line for anything else. Never the stack: that goes to the logs only.
 */
export function thrownBody(error: unknown, runId?: string): ErrorBody {
  const where = runId
    ? ` (run ${runId}; the logs have the details)`
    : ' (the logs have the details)';
  if (isKarnamehError(error)) return errorBody(error.code, error.message, runId ? { runId } : {});
  return errorBody('internal', `unexpected failure${where}`, runId ? { runId } : {});
}

/**
 * The status for a finished run: 200 done (sent, dry run, already sent), 422 stopped by the
 * data (exit 1: blocked), 500 a failure (exit 3: some deliveries failed).
 */
export function runStatusCode(outcome: RunMonthOutcome): 200 | 422 | 500 {
  return outcome.exitCode === 0 ? 200 : outcome.exitCode === 1 ? 422 : 500;
}

/** The body for a finished run: the summary JSON (plus `run`), or an error body for a 500. */
export function runBody(
  outcome: RunMonthOutcome,
  requestedBy: string | undefined,
): (Summary & { deliveries: DeliveryLine[]; run: RunInfo }) | ErrorBody {
  const answer = runAnswer(outcome, requestedBy);
  if (runStatusCode(outcome) === 500) {
    const { deliveries, run } = answer;
    return errorBody('mail.failed', outcome.message, { summary: outcome.summary, deliveries, run });
  }
  return answer;
}
