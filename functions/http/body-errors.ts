/**
 * A body functions-framework cannot parse (`Content-Type: application/json` with text that
 * is not JSON) never reaches the handler: the framework's body-parser fails first and
 * Express answers with its HTML error page (a stack trace outside production). This puts
 * one error handler at the end of every Express app the framework makes, so that such a
 * request gets the same JSON 400 as a body that does not validate (docs/command-line.md#the-functions), in
 * development and production alike. Everything else is left to Express.
 */
import { createRequire } from 'node:module';
import type { Request, Response } from '@google-cloud/functions-framework';
import { errorBody, sendJson } from './respond.ts';

interface ExpressApp {
  handle(req: unknown, res: unknown, callback?: unknown): unknown;
  use(handler: unknown): unknown;
}

/** body-parser's error types for a body it could not read, and what to say about each. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'is not JSON',
  'encoding.unsupported': 'has a content encoding that is not supported',
  'charset.unsupported': 'has a charset that is not supported',
  'entity.too.large': 'is too large',
  'entity.verify.failed': 'could not be read',
  'request.size.invalid': 'is shorter or longer than its Content-Length',
};

function bodyError(error: unknown): { status: number; message: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { type, status } = error as { type?: unknown; status?: unknown };
  const message = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (message === undefined) return null;
  const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
  return { status: code, message };
}

/** The JSON answer for a body that could not be read; any other error goes on to Express. */
function answerBodyError(
  error: unknown,
  _req: Request,
  res: Response,
  next: (error?: unknown) => void,
): void {
  const found = bodyError(error);
  if (!found || res.headersSent) {
    next(error);
    return;
  }
  const issues = [{ field: 'body', message: found.message }];
  sendJson(res, found.status, errorBody('request.invalid', `body ${found.message}`, { issues }));
}

const INSTALLED = Symbol.for('karnameh.bodyErrors');
const ADDED = Symbol.for('karnameh.bodyErrors.added');

/**
 * Teaches the Express that functions-framework uses (its own dependency, resolved from it)
 * to end every app with `answerBodyError`: added on an app's first request, after the
 * framework has set up all of its middleware and routes. Idempotent; call it before the
 * server is made (the handler factories do).
 */
export function answerBodyErrorsAsJson(): void {
  const fromFramework = createRequire(import.meta.resolve('@google-cloud/functions-framework'));
  const express = fromFramework('express') as { application: ExpressApp } & Record<symbol, true>;
  if (express[INSTALLED]) return;
  express[INSTALLED] = true;
  const application = express.application;
  const handle = application.handle;
  application.handle = function (this: ExpressApp & Record<symbol, boolean>, req, res, callback) {
    if (!this[ADDED]) {
      this[ADDED] = true;
      this.use(answerBodyError);
    }
    return handle.call(this, req, res, callback);
  };
}
