// The Cloud Functions entry points (package.json `main` → dist/functions/index.js).
import { http } from '@google-cloud/functions-framework';
import { monthlyRunHandler } from './http/monthly-run.ts';
import { processRuntime } from './http/runtime.ts';
import { watchSheetHandler } from './http/watch-handler.ts';

http('monthlyRun', monthlyRunHandler(processRuntime));
http('watchSheet', watchSheetHandler(processRuntime));
