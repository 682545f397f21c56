/**
 * monthlyRun on a sheet with a definition error (an agency whose group is blank): 422 and
 * nothing sent, allowIncomplete or not; the dry run still answers 200 with its preview and
 * says a real run would stop.
 */
import { afterEach, expect, it } from 'vitest';
import { summarySchema } from '../../functions/core/figures/summary.ts';
import { TABS } from '../../functions/core/contract/tabs.ts';
import { monthlyRunHandler } from '../../functions/http/monthly-run.ts';
import {
  exampleWorkbook,
  post,
  serve,
  startBench,
  type Bench,
  type Served,
} from '../support/functions-harness.ts';

let bench: Bench;
let fn: Served;
afterEach(async () => {
  await fn.close();
  await bench.close();
});

it('a blank group: 422, the problem at its cell, nothing sent; the dry run says BLOCKED', async () => {
  const workbook = await exampleWorkbook();
  const agencies = workbook.tabs.find((t) => t.name === TABS.agencies.label);
  const header = agencies?.rows[0] ?? [];
  const groupColumn = header.indexOf('گروه');
  const row = agencies?.rows[5];
  if (!row || groupColumn < 0) throw new Error('the example has no agencies tab with a group');
  row[groupColumn] = null;
  bench = await startBench({ workbook });
  fn = await serve(monthlyRunHandler(bench.runtime));
  const cell = `${String.fromCharCode(65 + groupColumn)}6`;

  const answer = await post(fn.url, { month: '1403-04', allowIncomplete: true });
  expect(answer.status, answer.text).toBe(422);
  const summary = summarySchema.parse(answer.json());
  expect(summary.status).toBe('blocked');
  expect(summary.problems).toContainEqual(
    expect.objectContaining({ code: 'agency.invalid', tab: TABS.agencies.label, cell }),
  );
  const notEvaluated = summary.groups.flatMap((g) => g.notEvaluated);
  expect(notEvaluated).toContainEqual(expect.objectContaining({ reason: 'agency.invalid' }));
  expect(bench.smtp.received).toHaveLength(0);
  expect(bench.tab('problems').map((r) => r[1])).toContain('agency.invalid');

  const dry = await post(fn.url, { month: '1403-04', dryRun: true });
  expect(dry.status, dry.text).toBe(200);
  expect(dry.json().status).toBe('dry-run');
  const run = dry.json().run as { message: string; previewFiles: string[] };
  expect(run.message).toContain('BLOCKED: a real run would stop: 1 definition error(s)');
  expect(run.previewFiles.length).toBeGreaterThan(0);
});
