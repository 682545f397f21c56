/**
 * The watcher on an .xlsx (KARNAMEH_WORKBOOK) while the file is open in LibreOffice or Excel:
 * its run request is not run, nothing is sent (issue 21: the watcher's store wrapper left
 * out `checkWritable`, so a run_request sent while the file was open: the cards of a month
 * whose release went out before, which are sent with delivery records alone).
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import { watchSheetHandler } from '../../functions/http/watch-handler.ts';
import { lazyRuntime } from '../../functions/http/runtime.ts';
import { runOverSmtp, setAgencyCards } from '../support/mail-fixtures.ts';
import { KarnamehError } from '../../functions/core/contract/errors.ts';
import type { WorkbookStore } from '../../functions/ports.ts';
import { watchSheet } from '../../functions/use-cases/watch-sheet.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher.ts';
import {
  EXAMPLE,
  MAIL_FROM,
  NOW,
  post,
  serve,
  startBench,
  type Bench,
  type Served,
} from '../support/functions-harness.ts';

let dir: string | undefined;
let smtp: SmtpCatcher | undefined;
let fn: Served | undefined;
let bench: Bench | undefined;
afterEach(async () => {
  await fn?.close();
  await smtp?.close();
  await bench?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  [fn, smtp, bench, dir] = [undefined, undefined, undefined, undefined];
});

describe("the watcher's run asks the store whether it can be written", () => {
  it('a store that cannot be written: the run request is not run, nothing is sent', async () => {
    bench = await startBench();
    await bench.setRunRequest('1403-04');
    const runtime = bench.runtime();
    const sheet = bench.store();
    // The Sheet itself, but refusing writes as an .xlsx open in Excel does (checkWritable).
    const store: WorkbookStore = {
      ...sheet,
      checkWritable: () => Promise.reject(new KarnamehError('source.locked', 'open in Excel')),
    };
    const outcome = await watchSheet({
      store,
      mailer: runtime.mailer('r-test'),
      render: runtime.render,
      renderCard: runtime.renderCard,
      now: runtime.now,
      newRunId: () => 'r-test',
      log: runtime.logger(),
      lock: runtime.lock,
    });
    expect(outcome.request).toMatchObject({ state: 'failed', error: { code: 'source.locked' } });
    expect(bench.smtp.received).toHaveLength(0);
  });
});

describe('watchSheet on an .xlsx that is open in an office program', () => {
  it.each([
    ['LibreOffice', '.~lock.ilam.xlsx#'],
    ['Excel', '~$ilam.xlsx'],
  ])('%s: the run request is not run and nothing is sent', async (_program, lockName) => {
    dir = await mkdtemp(join(tmpdir(), 'karnameh-watch-lock-'));
    const workbook = join(dir, 'ilam.xlsx');
    await copyFile(EXAMPLE, workbook);
    smtp = await startSmtpCatcher();
    // The release goes out without cards; then the cards are turned on.
    await setAgencyCards(workbook, false);
    const first = await runOverSmtp({ workbook, outbox: join(dir, 'outbox') }, smtp.url);
    expect(first.code, first.stderr).toBe(0);
    const released = smtp.received.length;
    expect(released).toBe(3);
    await setAgencyCards(workbook, true);
    const runtime = lazyRuntime({
      env: { KARNAMEH_WORKBOOK: workbook, SMTP_URL: smtp.url, MAIL_FROM, KARNAMEH_OUTBOX: dir },
      write: () => undefined,
      now: () => NOW,
    });
    fn = await serve(watchSheetHandler(runtime));
    // A first pass with nothing asked (the problems tab as the file now needs it).
    expect((await post(fn.url, undefined, {})).status).toBe(200);
    // The secretary asks for the month, and has the file open when the watcher comes.
    const store = createXlsxStore(workbook);
    await store.read();
    await store.write({ outputs: {}, settings: [{ key: 'run_request', value: '1403-04' }] });
    await writeFile(join(dir, lockName), 'someone,host,2024-07-25;');
    const answer = await post(fn.url, undefined, {});
    expect(answer.status, answer.text).toBe(500);
    expect(answer.json().error?.code).toBe('source.locked');
    expect(smtp.received).toHaveLength(released);
  });
});
