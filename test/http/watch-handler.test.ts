import { afterEach, describe, expect, it } from 'vitest';
import { watchSheetHandler } from '../../functions/http/watch-handler.ts';
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
  fn = await serve(watchSheetHandler(bench.runtime));
}
afterEach(async () => {
  await fn.close();
  await bench.close();
});

const scheduler = {
  authorization: `Bearer ${idToken({ email: 'karnameh@my-project.iam.gserviceaccount.com' })}`,
};
const RUN_REQUEST = 'درخواست اجرا';
const RUN_STATUS = 'وضعیت اجرا';
const watch = () => post(fn.url, undefined, scheduler);

describe('watchSheet', () => {
  it('ten calls with nothing changed write nothing', async () => {
    await start();
    const first = await watch();
    expect(first.status, first.text).toBe(200);
    expect(first.json()).toMatchObject({ month: '1403-04', wroteProblems: true, request: null });
    expect(bench.standIn.count('batchUpdate')).toBe(1);
    bench.standIn.resetLog();

    for (let i = 0; i < 10; i++) {
      const answer = await watch();
      expect(answer.status).toBe(200);
      expect(answer.json()).toMatchObject({ wroteProblems: false, request: null });
    }
    expect(bench.standIn.count('batchUpdate')).toBe(0);
    expect(bench.standIn.count('get')).toBe(10);
    expect(bench.smtp.received).toHaveLength(0);
  });

  it('handles run_request end to end: mails out, run_request cleared, run_status in Persian', async () => {
    await start();
    await bench.setRunRequest('تیر ۱۴۰۳');
    const answer = await watch();
    expect(answer.status, answer.text).toBe(200);
    const body = answer.json();
    expect(body.request).toMatchObject({
      raw: 'تیر ۱۴۰۳',
      month: '1403-04',
      state: 'handled',
      run: { status: 'sent', requestedBy: 'karnameh@my-project.iam.gserviceaccount.com' },
    });
    expect(bench.smtp.counts()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    expect(bench.smtp.received[0]?.parsed.subject).toContain('تیر');
    expect(bench.setting(RUN_REQUEST) ?? '').toBe('');
    expect(bench.setting(RUN_STATUS)).toBe(
      'کارنامهٔ تیر ۱۴۰۳ در ۴ مرداد ۱۴۰۳، ساعت ۱۱:۳۰ برای ۳ گیرنده فرستاده شد.',
    );
    const runs = bench.tab('runs');
    expect(runsLines(runs)[0]).toBe('run sent');
    expect(runs[1]?.[6]).toBe('run_request via karnameh@my-project.iam.gserviceaccount.com');
    // The request is recorded once, under the run's id, with what run_status says.
    const request = runs.filter((row) => row[3] === 'request');
    expect(request.map((row) => [row[0], row[1], row[4], row[6], row[8]])).toEqual([
      [runs[1]?.[0], '1403-04', 'done', runs[1]?.[6], bench.setting(RUN_STATUS)],
    ]);

    // The request is gone: the next calls send nothing and write nothing.
    bench.standIn.resetLog();
    for (let i = 0; i < 3; i++) expect((await watch()).json().request).toBeNull();
    expect(bench.smtp.received).toHaveLength(3);
  });

  it('a run_request for a month already sent: nothing sent again, run_status says so', async () => {
    await start();
    await bench.setRunRequest('1403-04');
    await watch();
    await bench.setRunRequest('1403-04');
    const again = await watch();
    expect(again.json().request).toMatchObject({
      state: 'handled',
      run: { status: 'already-sent' },
    });
    expect(bench.smtp.received).toHaveLength(3);
    expect(bench.setting(RUN_STATUS)).toBe(
      'کارنامهٔ تیر ۱۴۰۳ پیش‌تر فرستاده شده است و دوباره فرستاده نشد (۴ مرداد ۱۴۰۳، ساعت ۱۱:۳۰).',
    );
  });

  it('a run_request for an incomplete month: not sent, run_status names the missing agency', async () => {
    await start({ workbook: await incompleteExample() });
    await bench.setRunRequest('1403-04');
    const answer = await watch();
    expect(answer.status).toBe(200);
    expect(answer.json().request).toMatchObject({ state: 'handled', run: { status: 'blocked' } });
    expect(bench.smtp.received).toHaveLength(0);
    expect(String(bench.setting(RUN_STATUS))).toMatch(
      /^کارنامهٔ تیر ۱۴۰۳ فرستاده نشد \(۴ مرداد ۱۴۰۳، ساعت ۱۱:۳۰\): ۱ دستگاه ارزیابی نشده‌اند: اداره کل آموزش و پرورش\./,
    );
    expect(bench.setting(RUN_REQUEST) ?? '').toBe('');
  });

  it('an invalid run_request: cleared, run_status says why; later calls write nothing', async () => {
    await start();
    await bench.setRunRequest('ماه بعد');
    const first = await watch();
    expect(first.status, first.text).toBe(200);
    expect(first.json().request).toMatchObject({ state: 'invalid', month: null });
    expect(bench.setting(RUN_STATUS)).toBe(
      '«ماه بعد» ماه معتبری نیست و درخواست پاک شد؛ ماه را مانند ۱۴۰۳-۰۴ یا «تیر ۱۴۰۳» دوباره در «درخواست اجرا» بنویسید.',
    );
    expect(bench.setting(RUN_REQUEST) ?? '').toBe('');
    // Recorded as a request not run, with no month (it named none).
    const runs = bench.tab('runs');
    expect(runsLines(runs)).toEqual(['request blocked']);
    expect([runs[1]?.[1] ?? '', runs[1]?.[8]]).toEqual(['', bench.setting(RUN_STATUS)]);
    await watch(); // the problems tab loses the request's problem
    bench.standIn.resetLog();
    await watch();
    await watch();
    expect(bench.standIn.count('batchUpdate')).toBe(0);
    expect(bench.smtp.received).toHaveLength(0);
  });

  it('a run_request for a month that has not begun: month.future, cleared with the reason, nothing sent', async () => {
    await start();
    await bench.setRunRequest('آذر ۱۴۰۳');
    const answer = await watch();
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json().request).toMatchObject({
      state: 'future',
      month: '1403-09',
      error: { code: 'month.future' },
    });
    expect(bench.setting(RUN_REQUEST) ?? '').toBe('');
    expect(bench.setting(RUN_STATUS)).toBe(
      '«آذر ۱۴۰۳» (آذر ۱۴۰۳) هنوز آغاز نشده است و درخواست پاک شد؛ ماه جاری مرداد ۱۴۰۳ است و هر ماه را پس از آغازش می‌توان اجرا کرد.',
    );
    expect(bench.smtp.received).toHaveLength(0);
    // No run was even claimed: the runs tab holds the request alone, not run.
    const runs = bench.tab('runs');
    expect(runsLines(runs)).toEqual(['request blocked']);
    expect(runs[1]?.slice(1, 2)).toEqual(['1403-09']);
    expect(runs[1]?.[6]).toBe('run_request via karnameh@my-project.iam.gserviceaccount.com');
    expect(runs[1]?.[8]).toBe(bench.setting(RUN_STATUS));
  });

  it('a body that asks for something is refused with 400, never ignored; {} and no body pass', async () => {
    await start();
    await bench.setRunRequest('1403-04');
    const refused = await post(fn.url, { month: '1403-04' }, scheduler);
    expect(refused.status).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'request.invalid' });
    expect(refused.json().error?.message).toContain('watchSheet takes no body');
    expect(
      (await post(fn.url, 'run it', { ...scheduler, 'content-type': 'text/plain' })).status,
    ).toBe(400);
    expect(bench.smtp.received).toHaveLength(0);
    expect(bench.setting(RUN_REQUEST)).toBe('1403-04');
    const empty = await fetch(fn.url, { method: 'POST', headers: scheduler });
    expect(empty.status).toBe(200);
    expect(bench.smtp.received).toHaveLength(3);
  });

  it('two calls at once with a run_request: one email per recipient, one run', async () => {
    await start();
    await bench.setRunRequest('1403-04');
    const answers = await Promise.all([watch(), watch()]);
    expect(
      answers.map((a) => a.status),
      answers.map((a) => a.text).join('\n'),
    ).toEqual([200, 200]);
    // The second pass waits for the first, then finds the request gone.
    const states = answers.map((a) => (a.json().request as { state: string } | null)?.state);
    expect(states).toEqual(['handled', undefined]);
    expect(bench.smtp.counts()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    expect(String(bench.setting(RUN_STATUS))).toContain('برای ۳ گیرنده فرستاده شد');
    expect(runsLines(bench.tab('runs')).filter((l) => l.startsWith('run '))).toEqual(['run sent']);
  });

  it('a run_request for a month being run: left for the next call, nothing written', async () => {
    await start();
    await bench.setRunRequest('1403-04');
    expect((await watch()).json().request).toMatchObject({ state: 'handled' });
    await bench.setRunRequest('1403-03');
    const release = bench.runtime().lock.tryAcquire('1403-03');
    bench.standIn.resetLog();
    const busy = await watch();
    expect(busy.json().request).toMatchObject({ state: 'in-progress', runStatus: null });
    expect(bench.standIn.count('batchUpdate')).toBe(0);
    expect(bench.setting(RUN_REQUEST)).toBe('1403-03');
    release?.();
    expect((await watch()).json().request).toMatchObject({ state: 'handled', month: '1403-03' });
    expect(bench.smtp.received).toHaveLength(6);
  });

  it('a run that fails on the sheet: 500, the request stays for the next call, which sends', async () => {
    await start();
    expect((await watch()).json().wroteProblems).toBe(true);
    await bench.setRunRequest('1403-04');
    // Every attempt of the run's first write fails (5 attempts); the run_status write passes.
    bench.standIn.inject({ status: 500, methods: ['batchUpdate'], times: 5 });
    const failed = await watch();
    expect(failed.status).toBe(500);
    expect(failed.json().error?.code).toBe('source.unavailable');
    expect(bench.smtp.received).toHaveLength(0);
    expect(bench.setting(RUN_REQUEST)).toBe('1403-04');
    expect(String(bench.setting(RUN_STATUS))).toContain('دوباره امتحان می‌شود');
    const requests = () => runsLines(bench.tab('runs')).filter((l) => l.startsWith('request'));
    expect(requests()).toEqual(['request failed']);

    const retried = await watch();
    expect(retried.status, retried.text).toBe(200);
    expect(bench.smtp.counts()).toEqual(Object.fromEntries(RECIPIENTS.map((r) => [r, 1])));
    expect(bench.setting(RUN_REQUEST) ?? '').toBe('');
    expect(requests()).toEqual(['request failed', 'request done']);
  });
});
