/** What every function checks first: the method, the configuration, the caller. */
import type { Request, Response } from '@google-cloud/functions-framework';
import { admit, readCaller } from './caller.ts';
import { errorBody, sendError, thrownBody } from './respond.ts';
import type { FunctionsRuntime, RuntimeSource } from './runtime.ts';

export interface Admitted {
  runtime: FunctionsRuntime;
  /** The caller's email from the token, `local` without one; for the record only. */
  requestedBy: string | undefined;
}

/** Answers 405, 500 (configuration) or 401 and gives null; or gives what the call may use. */
export function guard(
  req: Request,
  res: Response,
  source: RuntimeSource,
  name: string,
): Admitted | null {
  if (req.method !== 'POST') {
    sendError(
      res,
      errorBody('method.not_allowed', `${name} answers POST only (got ${req.method})`),
      {
        Allow: 'POST',
      },
    );
    return null;
  }
  let runtime: FunctionsRuntime;
  try {
    runtime = source();
  } catch (error) {
    sendError(res, thrownBody(error));
    return null;
  }
  const admission = admit(readCaller(req.headers), runtime.settings.service !== undefined);
  const log = runtime.logger({ function: name });
  if (!admission.admitted) {
    log.warn(`refused: ${admission.message}`);
    sendError(res, errorBody(admission.code, admission.message), {
      'WWW-Authenticate': 'Bearer',
    });
    return null;
  }
  if (admission.warning) log.warn(admission.warning);
  return { runtime, requestedBy: admission.requestedBy };
}
