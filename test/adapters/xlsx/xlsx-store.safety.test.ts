import { spawn } from 'node:child_process';
import {
  chmod,
  chown,
  copyFile,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { compose } from '../../../functions/compose/compose.ts';
import { readSettings } from '../../../functions/compose/settings.ts';
import { isKarnamehError } from '../../../functions/core/contract/errors.ts';
import type { RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { EXAMPLE, karnameh, scratch } from '../../support/cli-harness.ts';
import { emlFiles as emlFilesIn } from '../../support/outbox-files.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => {
  await chmod(box.dir, 0o700);
  await box.cleanup();
});

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));
/**
 * setpriv's flags to run as nobody. It may read and search any folder (CAP_DAC_READ_SEARCH),
 * so it can load the project wherever it was cloned (a 0700 folder too); what it may write
 * is still nobody's, which is what these tests are about.
 */
const AS_NOBODY = [
  '--reuid=65534',
  '--regid=65534',
  '--inh-caps=+dac_read_search',
  '--ambient-caps=+dac_read_search',
];
const results = [['ماه'], ['1403-04']];

async function errorOf(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isKarnamehError(error), String(error)).toBe(true);
  return { code: (error as { code: unknown }).code, message: (error as Error).message };
}

const run = (workbook = box.workbook) =>
  karnameh(['run', '--workbook', workbook, '--month', '1403-04', '--outbox', box.outbox]);

async function emlFiles(): Promise<string[]> {
  return emlFilesIn(box.outbox);
}

describe('xlsx store: a symlinked workbook', () => {
  it('writes the target and leaves the link a link; a run on the target then says it was already written', async () => {
    const target = join(box.dir, 'shared.xlsx');
    await copyFile(EXAMPLE, target);
    await import('node:fs/promises').then((fs) => fs.rm(box.workbook));
    await symlink('shared.xlsx', box.workbook);
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect((await lstat(box.workbook)).isSymbolicLink()).toBe(true);
    expect(await readlink(box.workbook)).toBe('shared.xlsx');
    expect(findTab(await createXlsxStore(target).read(), 'results')?.rows.length).toBeGreaterThan(
      1,
    );
    const second = await run(target);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('already written as .eml');
    expect((await readdir(box.dir)).sort()).toEqual(['ilam.xlsx', 'outbox', 'shared.xlsx']);
  });
});

describe('xlsx store: permissions', () => {
  it('keeps the mode and owner of the file it replaces', async () => {
    await chmod(box.workbook, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chown(box.workbook, 65534, 65534);
    const before = await stat(box.workbook);
    await createXlsxStore(box.workbook).write({ outputs: { results } });
    const after = await stat(box.workbook);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o7777).toBe(0o640);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
  });

  it('refuses a read-only (chmod 444) workbook before anything is sent, exit 3', async () => {
    await chmod(box.workbook, 0o444);
    const bytes = await readFile(box.workbook);
    const early = await errorOf(createXlsxStore(box.workbook).checkWritable());
    expect(early.code).toBe('source.forbidden');
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot be written');
    expect(result.stderr).toContain('ilam.xlsx');
    expect(await emlFiles()).toEqual([]);
    expect(await readFile(box.workbook)).toEqual(bytes);
    expect((await stat(box.workbook)).mode & 0o777).toBe(0o444);
  });

  it('check of a read-only workbook still reports its problems, then says the tab was not written, exit 3', async () => {
    await chmod(box.workbook, 0o444);
    const bytes = await readFile(box.workbook);
    const result = await karnameh(['check', '--workbook', box.workbook, '--month', '1403-04']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /\d+ error\(s\), \d+ warning\(s\); the problems tab was not written: /,
    );
    expect(result.stderr).toContain('cannot be written');
    expect(await readFile(box.workbook)).toEqual(bytes);
  });

  it('refuses, as a user who may not write it, a workbook writable by its owner only', async () => {
    // Tests run as root: the CLI runs here as nobody (setpriv), a real unprivileged user.
    const asRoot = process.getuid?.() === 0;
    await chmod(box.dir, 0o755);
    await chmod(box.workbook, 0o644);
    if (!asRoot) await chmod(box.dir, 0o555);
    const outbox = join(box.dir, 'mail');
    await import('node:fs/promises').then((fs) => fs.mkdir(outbox, { mode: 0o777 }));
    await chmod(outbox, 0o777);
    const bytes = await readFile(box.workbook);
    const args = [BIN, 'run', '--workbook', box.workbook, '--month', '1403-04', '--outbox', outbox];
    const command = asRoot
      ? ['setpriv', [...AS_NOBODY, '--clear-groups', process.execPath, ...args]]
      : [process.execPath, args];
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
      (resolve) => {
        const child = spawn(command[0] as string, command[1] as string[], {
          env: { PATH: process.env.PATH ?? '', HOME: '/tmp' },
        });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('close', (c) => resolve({ code: c, stderr: err }));
      },
    );
    expect(code, stderr).toBe(3);
    expect(stderr).toContain('may not write');
    expect(stderr).toContain('[source.forbidden]');
    expect(await emlFilesIn(outbox)).toEqual([]);
    expect(await readFile(box.workbook)).toEqual(bytes);
  });
});

describe('xlsx store: a shared workbook written by a member of its group', () => {
  it('keeps the file in its group (root:users 664, written by nobody in users)', async () => {
    const asRoot = process.getuid?.() === 0;
    const group = asRoot ? 100 : (process.getgid?.() ?? 0);
    if (asRoot) {
      await chown(box.dir, 0, group);
      await chown(box.workbook, 0, group);
    }
    await chmod(box.dir, 0o775);
    await chmod(box.workbook, 0o664);
    const outbox = join(box.dir, 'mail');
    await mkdir(outbox, { mode: 0o777 });
    await chmod(outbox, 0o777);
    const args = [BIN, 'run', '--workbook', box.workbook, '--month', '1403-04', '--outbox', outbox];
    const command = asRoot
      ? ['setpriv', [...AS_NOBODY, `--groups=${group}`, process.execPath, ...args]]
      : [process.execPath, args];
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(command[0] as string, command[1] as string[], {
        env: { PATH: process.env.PATH ?? '', HOME: '/tmp' },
        stdio: 'ignore',
      });
      child.on('close', resolve);
    });
    expect(code).toBe(0);
    const after = await stat(box.workbook);
    expect(after.gid).toBe(group);
    expect(after.mode & 0o777).toBe(0o664);
  });
});

describe('xlsx store: a workbook open in Excel or LibreOffice', () => {
  it.each([
    ['LibreOffice', '.~lock.ilam.xlsx#'],
    ['Excel', '~$ilam.xlsx'],
  ])('refuses before sending while %s has it open (lock file %s beside it)', async (_app, lock) => {
    await writeFile(join(box.dir, lock), 'user,host,2024-07-25T08:00');
    const bytes = await readFile(box.workbook);
    // the early check a use case makes before sending, through the command line's store
    const settings = readSettings({ shell: 'cli', env: {}, flags: { workbook: box.workbook } });
    const early = await errorOf((await compose(settings).store()).checkWritable());
    expect(early.code).toBe('source.locked');
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('is open in Excel or LibreOffice');
    expect(result.stderr).toContain(lock);
    expect(result.stderr).toContain('[source.locked]');
    expect(await emlFiles()).toEqual([]);
    expect(await readFile(box.workbook)).toEqual(bytes);
  });
});

describe('xlsx store: delivery records mid-send', () => {
  const record = (status: RunsEntry['status']): RunsEntry => ({
    runId: 'r-1',
    month: '1403-04',
    at: '2024-07-22T08:00:00.000Z',
    kind: 'release',
    status,
    recipient: 'a@example.org',
    requestedBy: '',
    contentHash: 'abc',
    detail: '',
  });

  it('go in though the workbook was opened in LibreOffice or edited since the read, keeping the edit', async () => {
    const store = createXlsxStore(box.workbook);
    await store.read();
    await store.write({ outputs: {}, runs: [record('pending')] });
    // the secretary opens the file in LibreOffice and saves a score meanwhile
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(box.workbook);
    const sheet = book.worksheets.find((ws) => ws.name === 'امتیازها');
    if (!sheet) throw new Error('the example has a scores tab');
    sheet.getCell('C2').value = 7;
    await book.xlsx.writeFile(box.workbook);
    const lock = join(dirname(box.workbook), `.~lock.${basename(box.workbook)}#`);
    await writeFile(lock, 'x');

    const report = await store.write({ outputs: {}, runs: [record('sent')] });
    expect(report.note).toContain('close it without saving');
    const after = await createXlsxStore(box.workbook).read();
    expect(
      findTab(after, 'runs')
        ?.rows.slice(1)
        .map((r) => r[4]),
    ).toEqual(['sent']);
    expect(findTab(after, 'scores')?.rows[1]?.[2]).toBe(7);
    // anything more than records is still refused
    const { code } = await errorOf(store.write({ outputs: { results } }));
    expect(code).toBe('source.locked');
  });
});

describe('xlsx store: another run writes between read and write', () => {
  it('is not an edit: the outputs of both and runs rows are kept', async () => {
    const store = createXlsxStore(box.workbook);
    await store.read();
    const other = createXlsxStore(box.workbook);
    await other.read();
    await other.write({ outputs: { problems: [['کد']] } });
    await utimes(box.workbook, new Date(), new Date(Date.now() + 5000));
    await store.write({ outputs: { results } });
    const after = await createXlsxStore(box.workbook).read();
    expect(findTab(after, 'results')?.rows).toEqual(results);
    expect(findTab(after, 'problems')?.rows).toEqual([['کد']]);
  });
});

describe('xlsx store: an edit saved between read and write', () => {
  it('stops the write with a plain message and keeps the edited file as it is', async () => {
    const store = createXlsxStore(box.workbook);
    await store.read();
    // the secretary saves the workbook (another program rewrites it, with a score changed)
    // while the run computes
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(box.workbook);
    const scores = book.worksheets.find((ws) => ws.name === 'امتیازها');
    if (!scores) throw new Error('the example has a scores tab');
    scores.getCell('C2').value = 7;
    await book.xlsx.writeFile(box.workbook);
    const edited = await readFile(box.workbook);
    const { code, message } = await errorOf(store.write({ outputs: { results } }));
    expect(code).toBe('source.changed');
    expect(message).toContain('edited during the run; nothing was overwritten');
    expect(message).toContain('ilam.xlsx');
    expect(await readFile(box.workbook)).toEqual(edited);
    expect(findTab(await store.read(), 'results')).toBeUndefined();
    // read again, the write goes through, and the store's own write is not taken for an edit
    await store.write({ outputs: { results } });
    await store.write({ outputs: { problems: [['کد']] } });
    expect(findTab(await store.read(), 'problems')?.rows).toEqual([['کد']]);
  });
});
