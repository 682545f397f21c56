/**
 * The journal's edges with real files and processes: a journal of a process still running
 * (another run of the same Sheet, another month) is never folded under it; a journal that
 * cannot be written is said, and the run goes on in batches; a workbook reached through a
 * symlink keeps its journal beside the real file, so a run by either path folds it.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createFileJournal } from '../../../functions/adapters/journal/file-journal.ts';
import { journalLine } from '../../../functions/core/runs/delivery-journal.ts';
import { processHere } from '../../../functions/use-cases/delivery-ledger/claim.ts';
import { scratch } from '../../support/cli-harness.ts';
import {
  MAIL_FROM,
  MONTH,
  RECIPIENTS,
  brief,
  runOverSmtp,
  runsOf,
  setAgencyCards,
} from '../../support/mail-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false);
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.close();
  await box.cleanup();
});

it("a running process's journal is left alone; once it is gone, it is folded", async () => {
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const gone = new Promise((resolve) => other.once('exit', resolve));
  const dir = join(box.dir, 'journal');
  await mkdir(dir);
  const header = {
    t: 'run' as const,
    runId: 'r-other',
    month: MONTH,
    pid: other.pid ?? 0,
    host: hostname(),
    requestedBy: 'cli',
    digest: '',
    at: new Date().toISOString(),
  };
  await writeFile(join(dir, 'r-other.jsonl'), journalLine(header));
  const journal = createFileJournal({ dir, here: processHere(), warn: () => undefined });
  expect(await journal.earlier()).toEqual([]);
  other.kill('SIGKILL');
  await gone;
  expect((await journal.earlier()).map((j) => j.header.runId)).toEqual(['r-other']);
});

it('a journal that cannot be written is said, and the run sends in batches as before', async () => {
  // A file where the journal's folder would be: it cannot be made.
  await writeFile(join(box.dir, '.ilam.xlsx.karnameh-journal'), 'not a folder');
  const run = await runOverSmtp(box, smtp.url);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(
    /karnameh warning: no delivery journal \(\S+\.ilam\.xlsx\.karnameh-journal: E\w+\): this run records its deliveries in batches only/,
  );
  expect(smtp.received).toHaveLength(3);
});

it('a workbook reached through a symlink: the journal is beside the real file; a run by the real path folds it', async () => {
  const links = join(box.dir, 'links');
  await mkdir(links);
  const link = join(links, 'karnameh.xlsx');
  await symlink(box.workbook, link);
  smtp.faults.stallData.add(RECIPIENTS[0]);
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--workbook', link, '--outbox', box.outbox, '--month', MONTH],
    { env: { PATH: process.env.PATH, SMTP_URL: smtp.url, MAIL_FROM }, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await vi.waitFor(() => expect(smtp.stalled).toEqual([RECIPIENTS[0]]), { timeout: 20_000 });
  child.kill('SIGKILL');
  await exited;
  smtp.faults.stallData.clear();
  expect(await readdir(links)).toEqual(['karnameh.xlsx']);
  expect(await readdir(join(box.dir, '.ilam.xlsx.karnameh-journal'))).toHaveLength(1);

  const next = await runOverSmtp(box, smtp.url);
  expect(next.code, next.stderr).toBe(0);
  expect(next.stderr).toContain('folded the delivery journal');
  expect(brief(await runsOf(box.workbook)).slice(1, 4)).toEqual([
    ['release', 'unconfirmed', RECIPIENTS[0]],
    ['release', 'skipped', RECIPIENTS[1]],
    ['release', 'skipped', RECIPIENTS[2]],
  ]);
  expect(smtp.counts()).toEqual({ [RECIPIENTS[1]]: 1, [RECIPIENTS[2]]: 1 });
}, 60_000);
