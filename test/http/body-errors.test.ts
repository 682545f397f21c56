/**
 * A body sent as `application/json` that is not JSON never reaches the handler (the
 * framework's body-parser refuses it first): it still gets the documented JSON 400, never
 * Express's HTML page, with NODE_ENV development and production.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { monthlyRunHandler } from '../../functions/http/monthly-run.ts';
import { watchSheetHandler } from '../../functions/http/watch-handler.ts';
import { post, serve, startBench, type Bench, type Served } from '../support/functions-harness.ts';

let bench: Bench | undefined;
let served: Served[] = [];
const savedEnv = process.env.NODE_ENV;
afterEach(async () => {
  for (const s of served) await s.close();
  served = [];
  await bench?.close();
  bench = undefined;
  if (savedEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = savedEnv;
});

const BAD_BODIES = [
  '{"month": "1403-04"',
  '{month: "1403-04"}',
  'month=1403-04',
  '{"dryRun": tru}',
];

describe.each(['development', 'production'])('NODE_ENV=%s', (mode) => {
  it.each([
    ['monthlyRun', monthlyRunHandler],
    ['watchSheet', watchSheetHandler],
  ])('%s answers JSON 400 {error, issues} for a body that is not JSON', async (_name, make) => {
    process.env.NODE_ENV = mode; // read by Express when the app is made
    bench = await startBench();
    const fn = await serve(make(bench.runtime));
    served.push(fn);
    for (const body of BAD_BODIES) {
      const answer = await post(fn.url, body, { 'content-type': 'application/json' });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.text).not.toMatch(/<|SyntaxError|at JSON\.parse|node_modules/);
      expect(answer.json()).toEqual({
        error: { code: 'request.invalid', message: 'body is not JSON' },
        issues: [{ field: 'body', message: 'is not JSON' }],
      });
    }
    expect(bench.standIn.log).toHaveLength(0);
    // The same app still answers a good call.
    if (make === monthlyRunHandler) {
      const ok = await post(fn.url, { month: '1403-04', dryRun: true });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json().status).toBe('dry-run');
    }
  });
});
