/**
 * `monthlyRun`: POST `{ month?, dryRun?, force?, resendUnconfirmed?, allowIncomplete? }`, the same job as
 * `karnameh run`. Answers the summary JSON (plus `run`: id, message, deliveries,
 * unconfirmed recipients) with 200 done, 422 stopped by the data; or `{error: {code,
 * message}}` with 400 a bad body, 401 (caller.ts), 405, 409 a run of that month in
 * progress, 500 a failure (no stack trace).
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { newRunId } from '../compose/compose.ts';
import { monthPorts } from '../compose/use-case-ports.ts';
import { defaultMonth } from '../core/language/jalali.ts';
import { runMonth } from '../use-cases/run-month.ts';
import { answerBodyErrorsAsJson } from './body-errors.ts';
import { guard } from './guard.ts';
import { parseMonthlyRunBody } from './request-body.ts';
import { errorBody, runBody, runStatusCode, sendError, sendJson, thrownBody } from './respond.ts';
import type { RuntimeSource } from './runtime.ts';

export function monthlyRunHandler(source: RuntimeSource): HttpFunction {
  answerBodyErrorsAsJson();
  return async (req, res) => {
    const admitted = guard(req, res, source, 'monthlyRun');
    if (!admitted) return;
    const { runtime, requestedBy } = admitted;
    const parsed = parseMonthlyRunBody(req.rawBody, req.body, runtime.now());
    if (!parsed.ok) {
      const message = parsed.issues.map((i) => `${i.field} ${i.message}`).join('; ');
      sendError(res, errorBody(parsed.code, message, { issues: parsed.issues }));
      return;
    }
    const body = parsed.body;
    const month = body.month ?? defaultMonth(runtime.now());
    const runId = newRunId(runtime.now());
    const log = runtime.logger({ function: 'monthlyRun', runId, month });
    log.info(`monthlyRun asked by ${requestedBy ?? 'unknown'}`, { request: body });

    // A dry run writes and sends nothing, so it needs no lock.
    const release = body.dryRun ? () => undefined : runtime.lock.tryAcquire(month);
    if (!release) {
      log.warn(`a run of ${month} is already in progress`);
      sendError(
        res,
        errorBody('run.in_progress', `a run of ${month} is in progress; try again when it is done`),
      );
      return;
    }
    const mailer = body.dryRun ? undefined : runtime.mailer(runId);
    try {
      const ports = await monthPorts(runtime, { runId, log, mailer });
      const job = () =>
        runMonth(ports, {
          month,
          dryRun: body.dryRun,
          force: body.force,
          resendUnconfirmed: body.resendUnconfirmed,
          allowIncomplete: body.allowIncomplete,
          requestedBy,
          signal: runtime.stop.signal,
          sendingLimit: runtime.sendingLimit,
        });
      // A dry run only reads; a real one waits for any other writer in this process (and a
      // SIGTERM waits for it to record what it sent).
      const outcome = body.dryRun
        ? await job()
        : await runtime.stop.track(() => runtime.lock.exclusive(job));
      const status = runStatusCode(outcome);
      if (outcome.unconfirmed.length > 0) {
        log.warn(
          `earlier deliveries never confirmed, not sent again: ${outcome.unconfirmed.join(', ')}`,
        );
      }
      (status === 200 ? log.info : log.error)(outcome.message, {
        status: outcome.summary.status,
        httpStatus: status,
      });
      sendJson(res, status, runBody(outcome, requestedBy));
    } catch (error) {
      log.error(`monthlyRun failed: ${error instanceof Error ? error.message : String(error)}`, {
        stack: error instanceof Error ? error.stack : undefined,
      });
      sendError(res, thrownBody(error, runId));
    } finally {
      release();
      await mailer?.close().catch(() => undefined);
    }
  };
}
