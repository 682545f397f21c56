import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { summarySchema } from '../../functions/core/figures/summary.ts';
import { monthlyRunHandler } from '../../functions/http/monthly-run.ts';
import {
  RECIPIENTS,
  idToken,
  incompleteExample,
  post,
  runsLines,
  serve,
  startBench,
  type Bench,
  type BenchOptions,
  type Served,
} from '../support/functions-harness.ts';

let bench: Bench;
let fn: Served;
async function start(options: BenchOptions = {}) {
  bench = await startBench(options);
  fn = await serve(monthlyRunHandler(bench.runtime));
}
afterEach(async () => {
  await fn.close();
  await bench.close();
});

const secretary = {
  authorization: `Bearer ${idToken({ email: 'Z.Moradi@example.org', sub: '1' })}`,
};

describe('monthlyRun: 200', () => {
  it('dry run: the summary, nothing written, nothing sent', async () => {
    await start();
    const before = bench.standIn.dump(bench.sheetId);
    const answer = await post(fn.url, { month: '1403-04', dryRun: true });
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(summarySchema.parse(body).status).toBe('dry-run');
    expect(body).toMatchObject({ month: '1403-04', monthName: 'تیر ۱۴۰۳' });
    expect(bench.standIn.count('batchUpdate')).toBe(0);
    expect(bench.standIn.dump(bench.sheetId)).toBe(before);
    expect(bench.smtp.received).toHaveLength(0);
    expect((body.run as { previewFiles: string[] }).previewFiles.length).toBeGreaterThan(0);
  });

  it('dry run with cards on: the card previews are said as their folder and count, not listed', async () => {
    await start({ cards: true });
    const answer = await post(fn.url, { month: '1403-04', dryRun: true });
    expect(answer.status, answer.text).toBe(200);
    const run = answer.json().run as {
      previewFiles: string[];
      cardPreviews: { folder: string; files: number } | null;
    };
    expect(run.previewFiles.every((f) => !f.includes('/cards/'))).toBe(true);
    expect(run.cardPreviews?.folder).toBe(join(bench.outbox, 'preview', 'cards'));
    const files = await readdir(run.cardPreviews?.folder ?? '');
    expect(run.cardPreviews?.files).toBe(files.length);
    expect(files).toContain('d001.html');
    expect(files.length).toBeGreaterThan(100);
    expect(bench.smtp.received).toHaveLength(0);
  });

  it('a run with cards on: the release, then one card per agency; the answer counts them', async () => {
    await start({ cards: true });
    const sent = await post(fn.url, { month: '1403-04' }, secretary);
    expect(sent.status, sent.text).toBe(200);
    const run = sent.json().run as { cards: { sent: number; failed: string[] } };
    expect(run.cards.failed).toEqual([]);
    expect(run.cards.sent).toBeGreaterThan(50);
    expect(bench.smtp.received).toHaveLength(RECIPIENTS.length + run.cards.sent);
    const cardRows = bench.tab('runs').filter((row) => row.includes('card'));
    expect(cardRows).toHaveLength(run.cards.sent);
  });

  it('sent: one email per recipient, the runs tab names who asked; then already sent', async () => {
    await start();
    const sent = await post(fn.url, { month: '1403-04' }, secretary);
    expect(sent.status, sent.text).toBe(200);
    expect(sent.json().status).toBe('sent');
    expect(sent.json().run).toMatchObject({
      requestedBy: 'z.moradi@example.org',
      unconfirmed: [],
    });
    // Every message of the run, in the form docs/command-line.md gives, as `karnameh run --json` gives it.
    const deliveries = sent.json().deliveries as { recipient: string }[];
    expect([...deliveries].sort((x, y) => x.recipient.localeCompare(y.recipient))).toEqual(
      RECIPIENTS.map((recipient) => ({
        kind: 'release',
        recipient,
        agency: null,
        status: 'sent',
        reason: null,
      })),
    );
    expect(bench.smtp.counts()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    expect(bench.smtp.received[0]?.parsed.subject).toContain('تیر');
    const runs = bench.tab('runs');
    expect(runsLines(runs)).toEqual([
      'run sent',
      'release sent dabirkhaneh@example.org',
      'release sent z.moradi@example.org',
      'release sent h.nazari@example.org',
    ]);
    expect(runs.slice(1).every((row) => row[6] === 'z.moradi@example.org')).toBe(true);

    const again = await post(fn.url, { month: '1403-04' }, secretary);
    expect(again.status).toBe(200);
    expect(again.json().status).toBe('already-sent');
    expect(bench.smtp.received).toHaveLength(3);
  });
});

describe('monthlyRun: 400 names the field and why', () => {
  it.each([
    ['a bad month', { month: '1403-13' }, 'month', 'not a month; write it as 1403-04, 1403-4'],
    ['a month in no form', { month: 'ماه بعد' }, 'month', 'not a month'],
    ['an unknown field', { month: '1403-04', dryrun: true }, 'dryrun', 'is not a field'],
    ['a wrong type', { dryRun: 'yes' }, 'dryRun', 'must be true or false'],
    ['a number for the month', { month: 140304 }, 'month', 'must be a string'],
    ['not an object', [1, 2], 'body', 'must be a JSON object'],
    ['not JSON', 'month=1403-04', 'body', 'is not JSON'],
  ])('%s', async (_what, body, field, why) => {
    await start();
    const answer = await post(fn.url, body, { 'content-type': 'text/plain' });
    expect(answer.status).toBe(400);
    const json = answer.json();
    expect(json.error?.code).toBe('request.invalid');
    expect(json.error?.message).toContain(field);
    expect(json.issues).toEqual([{ field, message: expect.stringContaining(why) }]);
    expect(bench.standIn.log).toHaveLength(0);
  });
});

describe('monthlyRun: other statuses', () => {
  it('405 for another method, with Allow: POST', async () => {
    await start();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await post(fn.url, {}, {}, method);
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
      expect(answer.json().error?.code).toBe('method.not_allowed');
    }
  });

  it('409 for the second of two concurrent runs of one month: one email per recipient', async () => {
    await start();
    const answers = await Promise.all([
      post(fn.url, { month: '1403-04' }),
      post(fn.url, { month: '1403-04' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.json().error?.code).toBe('run.in_progress');
    expect(bench.smtp.counts()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    // Another month is not held up by the lock.
    const other = await post(fn.url, { month: '1403-03', dryRun: true });
    expect(other.status).toBe(200);
  });

  it('two concurrent runs of different months: both sent, the runs tab keeps both', async () => {
    await start();
    const answers = await Promise.all([
      post(fn.url, { month: '1403-03' }),
      post(fn.url, { month: '1403-04' }),
    ]);
    expect(answers.map((a) => [a.status, a.json().status])).toEqual([
      [200, 'sent'],
      [200, 'sent'],
    ]);
    expect(bench.smtp.received).toHaveLength(6);
    const runs = bench.tab('runs').slice(1);
    expect(
      runs
        .filter((r) => r[3] === 'run')
        .map((r) => `${r[1]} ${r[4]}`)
        .sort(),
    ).toEqual(['1403-03 sent', '1403-04 sent']);
  });

  it('422 for an incomplete month, with the summary naming who is missing; 200 with allowIncomplete', async () => {
    await start({ workbook: await incompleteExample() });
    const answer = await post(fn.url, { month: '1403-04' });
    expect(answer.status).toBe(422);
    const summary = summarySchema.parse(answer.json());
    expect(summary.status).toBe('blocked');
    expect(summary.groups.flatMap((g) => g.notEvaluated)).toEqual([
      expect.objectContaining({ id: 'd001', reason: 'agency.no_submission' }),
    ]);
    expect(bench.smtp.received).toHaveLength(0);

    const anyway = await post(fn.url, { month: '1403-04', allowIncomplete: true });
    expect(anyway.status).toBe(200);
    expect(anyway.json().status).toBe('sent');
    expect(bench.smtp.received).toHaveLength(3);
  });

  it('422 for a month nobody was evaluated in (the current month, Mordad)', async () => {
    await start();
    const answer = await post(fn.url, { month: '1403-05' });
    expect(answer.status).toBe(422);
    expect(answer.json().status).toBe('blocked');
  });

  it('400 month.future for a month that has not begun (Tehran), in any form; nothing read or sent', async () => {
    await start();
    for (const month of ['1403-06', 'شهریور ۱۴۰۳', '1403/9', '۱۴۰۴-۰۱']) {
      const answer = await post(fn.url, { month });
      expect(answer.status, month).toBe(400);
      expect(answer.json().error?.code).toBe('month.future');
      expect(answer.json().error?.message).toContain(
        'after the current month (1403-05, Asia/Tehran)',
      );
    }
    expect(bench.standIn.log).toHaveLength(0);
    expect(bench.smtp.received).toHaveLength(0);
  });

  it('takes the month in every form of a month cell, as the command line does', async () => {
    await start();
    for (const month of ['تیر ۱۴۰۳', '1403-4', '۱۴۰۳/۰۴', ' 1403/04 ']) {
      const answer = await post(fn.url, { month, dryRun: true });
      expect(answer.status, `${month}: ${answer.text.slice(0, 200)}`).toBe(200);
      expect(answer.json().month).toBe('1403-04');
    }
  });

  it('500 when the sheet keeps failing: a JSON error without a stack trace', async () => {
    await start();
    bench.standIn.inject({ status: 500, times: Infinity });
    const answer = await post(fn.url, { month: '1403-04' });
    expect(answer.status).toBe(500);
    const json = answer.json();
    expect(json.error?.code).toBe('source.unavailable');
    expect(json.error?.message).toMatch(/\S/);
    expect(answer.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node:internal|Error:/);
    expect(bench.smtp.received).toHaveLength(0);
    // The stack goes to the log, in the field Cloud Error Reporting reads (never to the caller).
    const failure = bench.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find(
        (entry) =>
          entry['severity'] === 'ERROR' && /monthlyRun failed/.test(String(entry['message'])),
      );
    expect(failure?.['stack_trace']).toMatch(/^\w*Error: [^\n]*\n\s+at /);
    // The lock was released: once the sheet is back, the month runs.
    bench.standIn.clearFaults();
    expect((await post(fn.url, { month: '1403-04' })).status).toBe(200);
  });
});

describe('monthlyRun: the caller', () => {
  it('401 for an Authorization header that is not a Bearer ID token', async () => {
    await start();
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer not-a-jwt', 'Bearer abc.@@@.x']) {
      const answer = await post(fn.url, { dryRun: true }, { authorization });
      expect(answer.status, authorization).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(bench.standIn.log).toHaveLength(0);
  });

  it('without a token: allowed locally with a warning, refused (401) on Cloud Run', async () => {
    await start();
    const local = await post(fn.url, { dryRun: true });
    expect(local.status).toBe(200);
    expect(bench.logs.join('')).toContain('local development only');
    await fn.close();
    await bench.close();

    await start({ env: { K_SERVICE: 'monthlyrun' } });
    const cloud = await post(fn.url, { dryRun: true });
    expect(cloud.status).toBe(401);
    expect(cloud.json().error?.message).toContain('--no-allow-unauthenticated');
    const token = await post(fn.url, { dryRun: true }, secretary);
    expect(token.status).toBe(200);
  });

  it('logs one JSON object per line with severity, message, runId and month', async () => {
    await start();
    await post(fn.url, { month: '1403-04', dryRun: true }, secretary);
    const lines = bench.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const runLines = lines.filter((l) => l.runId);
    expect(runLines.length).toBeGreaterThan(0);
    for (const line of runLines) {
      expect(line).toMatchObject({
        severity: expect.stringMatching(/^(INFO|WARNING|ERROR)$/),
        message: expect.any(String),
        runId: expect.stringMatching(/^r-/),
        month: '1403-04',
      });
    }
  });
});

describe('monthlyRun: a body the framework cannot parse', () => {
  it('400 from functions-framework for broken JSON, with no stack trace when NODE_ENV=production (as deployed)', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await start();
    } finally {
      process.env.NODE_ENV = saved;
    }
    const answer = await post(fn.url, '{"month": "1403-04"');
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/SyntaxError|\bat \S+ \(|node_modules/);
    expect(bench.standIn.log).toHaveLength(0);
  });
});
