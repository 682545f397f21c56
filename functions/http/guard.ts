/** What every function checks first: the method, the configuration, the caller. */
import type { Request, Response } from '@google-cloud/functions-framework';
import { admit, readCaller } from './caller.ts';
import { errorBody, sendJson, thrownBody } from './respond.ts';
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
    sendJson(
      res,
      405,
      errorBody('method.not_allowed', `${name} answers POST only (got ${req.method})`),
      { Allow: 'POST' },
    );
    return null;
  }
  let runtime: FunctionsRuntime;
  try {
    runtime = source();
  } catch (error) {
    sendJson(res, 500, thrownBody(error));
    return null;
  }
  const admission = admit(readCaller(req.headers), runtime.config.onCloudRun);
  const log = runtime.logger({ function: name });
  if (!admission.admitted) {
    log.warn(`refused: ${admission.message}`);
    sendJson(res, 401, errorBody(admission.code, admission.message), {
      'WWW-Authenticate': 'Bearer',
    });
    return null;
  }
  if (admission.warning) log.warn(admission.warning);
  return { runtime, requestedBy: admission.requestedBy };
}
