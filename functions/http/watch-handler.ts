/**
 * `watchSheet`: POST with no body (Cloud Scheduler, every 15 minutes; a body that asks for
 * anything is refused with 400, never ignored). Re-checks the sheet and handles `run_request` (use-cases/watch-sheet.ts). Answers 200 with what it did, 500 when it could
 * not do it (the sheet unreachable, or the requested run stopped on an error: the request
 * then stays in the sheet and the next call tries again).
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { newRunId } from '../compose/compose.ts';
import { isErrorCode } from '../core/contract/errors.ts';
import { monthPorts } from '../compose/use-case-ports.ts';
import { watchSheet } from '../use-cases/watch-sheet.ts';
import type { WatchSheetOutcome } from '../use-cases/watch-sheet.ts';
import { answerBodyErrorsAsJson } from './body-errors.ts';
import { guard } from './guard.ts';
import { errorBody, runInfo, sendError, sendJson, thrownBody } from './respond.ts';
import type { RuntimeSource } from './runtime.ts';

/** The answer's body: the outcome without the summary (the sheet has it). */
function watchBody(outcome: WatchSheetOutcome, requestedBy: string | undefined) {
  const request = outcome.request;
  return {
    month: outcome.month,
    errors: outcome.errors,
    warnings: outcome.warnings,
    wroteProblems: outcome.wroteProblems,
    reminders: outcome.reminders.map((r) => ({
      month: r.month,
      daysBefore: r.daysBefore,
      status: r.outcome?.status ?? 'failed',
      message: r.outcome?.message ?? r.error?.message ?? '',
      sent: r.outcome?.deliveries.filter((d) => d.status === 'sent').length ?? 0,
      error: r.error,
    })),
    request: request && {
      raw: request.raw,
      month: request.month,
      state: request.state,
      runStatus: request.runStatus,
      error: request.error,
      run: request.run && {
        status: request.run.summary.status,
        ...runInfo(request.run, requestedBy),
      },
    },
  };
}

/**
 * Whether the call came with a body that asks for something: watchSheet takes none. No
 * body, blanks and `{}` (an empty JSON object: nothing to ignore) pass; anything else
 * (fields, an array, text that is not JSON) is refused, never ignored in silence.
 */
function hasBody(rawBody: Buffer | undefined, parsed: unknown): boolean {
  const text =
    rawBody !== undefined ? rawBody.toString('utf8') : typeof parsed === 'string' ? parsed : null;
  if (text !== null) return text.trim() !== '' && !/^\{\s*\}$/.test(text.trim());
  if (parsed === undefined || parsed === null) return false;
  return typeof parsed !== 'object' || Array.isArray(parsed) || Object.keys(parsed).length > 0;
}

export function watchSheetHandler(source: RuntimeSource): HttpFunction {
  answerBodyErrorsAsJson();
  return async (req, res) => {
    const admitted = guard(req, res, source, 'watchSheet');
    if (!admitted) return;
    if (hasBody(req.rawBody, req.body)) {
      const message =
        'watchSheet takes no body (it reads what to do from the sheet); to run a month, write it in run_request or call monthlyRun with { "month": … }';
      sendError(
        res,
        errorBody('request.invalid', message, {
          issues: [{ field: 'body', message: 'must be empty' }],
        }),
      );
      return;
    }
    const { runtime, requestedBy } = admitted;
    const runId = newRunId(runtime.now());
    const log = runtime.logger({ function: 'watchSheet' });
    const mailer = runtime.mailer(runId);
    try {
      const ports = await monthPorts(runtime, { runId, log, mailer });
      const outcome = await runtime.stop.track(() =>
        watchSheet(ports, {
          requestedBy,
          signal: runtime.stop.signal,
          sendingLimit: runtime.sendingLimit,
        }),
      );
      const body = watchBody(outcome, requestedBy);
      if (outcome.request?.state === 'failed') {
        // The run stopped on an error: a 500 whatever its code (the request stays for a retry).
        const failure = outcome.request.error;
        const code = failure && isErrorCode(failure.code) ? failure.code : 'internal';
        sendJson(res, 500, errorBody(code, failure?.message ?? 'the run failed', { watch: body }));
        return;
      }
      log.info(
        `checked ${outcome.month}: ${outcome.errors} error(s), ${outcome.warnings} warning(s)${outcome.wroteProblems ? ', problems tab rewritten' : ''}${outcome.request ? `; run_request ${outcome.request.raw}: ${outcome.request.state}` : ''}`,
        { month: outcome.month },
      );
      sendJson(res, 200, body);
    } catch (error) {
      log.error(`watchSheet failed: ${error instanceof Error ? error.message : String(error)}`, {
        stack: error instanceof Error ? error.stack : undefined,
      });
      sendError(res, thrownBody(error));
    } finally {
      await mailer.close().catch(() => undefined);
    }
  };
}
