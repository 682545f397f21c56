// The Cloud Functions entry points (package.json `main` → dist/functions/index.js): each handler's modules loaded on its first request.
import { http, type HttpFunction } from '@google-cloud/functions-framework';
import { answerBodyErrorsAsJson } from './http/body-errors.ts';

/**
 * A handler whose module (and zod, the use cases, the adapters) is imported on the first
 * request, not at the instance's start: the cold start pays for functions-framework alone.
 */
function onFirstRequest(load: () => Promise<HttpFunction>): HttpFunction {
  let handler: Promise<HttpFunction> | undefined;
  return async (req, res) => (await (handler ??= load()))(req, res);
}

// Before the framework makes its Express app: a body it cannot parse answers JSON too.
answerBodyErrorsAsJson();

http(
  'monthlyRun',
  onFirstRequest(async () => {
    const [{ monthlyRunHandler }, { processRuntime }] = await Promise.all([
      import('./http/monthly-run.ts'),
      import('./http/runtime.ts'),
    ]);
    return monthlyRunHandler(processRuntime);
  }),
);
http(
  'watchSheet',
  onFirstRequest(async () => {
    const [{ watchSheetHandler }, { processRuntime }] = await Promise.all([
      import('./http/watch-handler.ts'),
      import('./http/runtime.ts'),
    ]);
    return watchSheetHandler(processRuntime);
  }),
);
