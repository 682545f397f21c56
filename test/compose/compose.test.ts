/**
 * One composition for every front end (issue 21): the wiring the command line, the HTTP
 * functions and the watcher each did by hand lost SMTP_RATE on the way to the functions'
 * mailer, the watcher's .xlsx store wrapper dropped checkWritable, and the functions'
 * watcher ran a requested month without the agencies' cards. Each test here fails when a
 * front end wires its ports apart again.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../functions/cli/args.ts';
import { compose, type Composition } from '../../functions/compose/compose.ts';
import { monthPorts, remindPorts } from '../../functions/compose/use-case-ports.ts';
import { watchSheetHandler } from '../../functions/http/watch-handler.ts';
import { lazyRuntime } from '../../functions/http/runtime.ts';
import type { WorkbookStore } from '../../functions/ports.ts';
import {
  EXAMPLE,
  MAIL_FROM,
  RECIPIENTS,
  post,
  serve,
  startBench,
  type Bench,
  type Served,
} from '../support/functions-harness.ts';

const quiet = { info() {}, warn() {}, error() {} };
let dir: string | undefined;
let bench: Bench | undefined;
let fn: Served | undefined;
afterEach(async () => {
  await fn?.close();
  await bench?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  [dir, bench, fn] = [undefined, undefined, undefined];
});

/** The functions' composition and the command line's, from the same environment. */
function bothShells(workbook: string, env: NodeJS.ProcessEnv): [string, Composition][] {
  const functions = lazyRuntime({ env: { KARNAMEH_WORKBOOK: workbook, ...env }, write: () => {} });
  const cli = parseCliArgs(['watch', '--workbook', workbook], env);
  return [
    ['the functions', functions()],
    ['the command line', compose(cli.settings, { logger: () => quiet })],
  ];
}

describe('SMTP_RATE reaches the pace of the mailer every front end hands its use cases', () => {
  const env = { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM, SMTP_RATE: '2' };
  it.each(bothShells('ilam.xlsx', env))('%s', async (_shell, composition) => {
    expect(composition.settings.smtpRate).toBe(2);
    const mailer = composition.mailer('r-test');
    const run = await monthPorts(composition, { runId: 'r-test', log: quiet, mailer });
    expect(run.mailer?.pace).toMatchObject({ rate: 2, gapMs: 500 });
    const round = await remindPorts(composition, { runId: 'r-test', log: quiet, mailer });
    expect(round.mailer?.pace?.rate).toBe(2);
    expect(composition.sendingLimit.ms).toBeGreaterThan(0);
  });

  it('a bad SMTP_RATE stops both before anything is read', () => {
    const bad = { ...env, SMTP_RATE: '0' };
    expect(() =>
      lazyRuntime({ env: { KARNAMEH_WORKBOOK: 'a.xlsx', ...bad }, write: () => {} })(),
    ).toThrow('SMTP_RATE must be more than 0');
    expect(() => parseCliArgs(['watch', '--workbook', 'a.xlsx'], bad)).toThrow(
      'SMTP_RATE must be more than 0',
    );
  });
});

describe("the watcher's store refuses while the .xlsx is open in Excel", () => {
  it('checkWritable is required of every store (a store without it does not type-check)', () => {
    // @ts-expect-error checkWritable is required: a wrapper that forgets it is a type error
    const forgetful: WorkbookStore = {
      description: 'a wrapper',
      read: () => Promise.reject(new Error('unused')),
      write: () => Promise.reject(new Error('unused')),
      init: () => Promise.reject(new Error('unused')),
      readRuns: () => Promise.resolve(undefined),
    };
    expect(forgetful.checkWritable).toBeUndefined();
  });

  it('the store the watcher gets, in the functions and on the command line', async () => {
    dir = await mkdtemp(join(tmpdir(), 'karnameh-compose-'));
    const workbook = join(dir, 'ilam.xlsx');
    await copyFile(EXAMPLE, workbook);
    await writeFile(join(dir, '~$ilam.xlsx'), 'someone');
    for (const [, composition] of bothShells(workbook, { KARNAMEH_OUTBOX: dir })) {
      const ports = await monthPorts(composition, { runId: 'r-test', log: quiet });
      await expect(ports.store.checkWritable()).rejects.toMatchObject({ code: 'source.locked' });
    }
  });
});

describe("the functions' watcher runs a requested month with the command line's ports", () => {
  it('the agencies cards go out after the release, as with karnameh watch', async () => {
    bench = await startBench({ cards: true });
    await bench.setRunRequest('1403-04');
    fn = await serve(watchSheetHandler(bench.runtime));
    const answer = await post(fn.url, undefined, {});
    expect(answer.status, answer.text).toBe(200);
    const run = (answer.json().request as { run: { cards: { sent: number } } }).run;
    expect(run.cards.sent).toBeGreaterThan(50);
    expect(bench.smtp.received).toHaveLength(RECIPIENTS.length + run.cards.sent);
  });
});
