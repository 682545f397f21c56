import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderProblem, makeFolder } from '../../functions/adapters/make-folder.ts';
import { karnameh, scratch } from '../support/cli-harness.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'karnameh-folder-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('makeFolder (mkdir -p)', () => {
  it('makes the folder and every missing one above it, and accepts one already there', async () => {
    const deep = join(dir, 'a', 'b', 'c');
    await makeFolder(deep);
    await makeFolder(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
  });

  it('refuses a file where the folder should be, and a folder under a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(makeFolder(join(dir, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeFolder(join(dir, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Node's mkdir(…, { recursive: true }) never returns here (its parent /proc exists).
  it('returns ENOENT under /proc, where no folder can be made', async () => {
    await expect(makeFolder('/proc/karnameh-no-such/box')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('lets a dry run with such an outbox stop with the path, not hang', async () => {
    const box = await scratch();
    const run = await karnameh([
      'run',
      '--workbook',
      box.workbook,
      '--month',
      '1403-04',
      '--dry-run',
      '--outbox',
      '/proc/karnameh-no-such',
    ]);
    await box.cleanup();
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('cannot use /proc/karnameh-no-such');
  });
});

describe('folderProblem (before a run claims its month)', () => {
  it('accepts a folder there or one that can be made, and names a file in the way', async () => {
    await writeFile(join(dir, 'file'), 'x');
    expect(await folderProblem(dir)).toBeNull();
    expect(await folderProblem(join(dir, 'new', 'deeper'))).toBeNull();
    expect(await folderProblem(join(dir, 'file'))).toBe('it is a file, not a folder');
    expect(await folderProblem(join(dir, 'file', 'sub'))).toBe(
      `${join(dir, 'file')} is a file, not a folder`,
    );
    await expect(stat(join(dir, 'new'))).rejects.toMatchObject({ code: 'ENOENT' }); // nothing made
  });

  it('stops a run whose --outbox is a file in one line, before it claims the month', async () => {
    const box = await scratch();
    try {
      const outbox = join(box.dir, 'obfile');
      await writeFile(outbox, 'x');
      const bytes = await readFile(box.workbook);
      const args = ['run', '--workbook', box.workbook, '--month', '1403-04', '--outbox', outbox];
      const run = await karnameh(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `karnameh error: the outbox ${outbox} cannot be used: it is a file, not a folder; nothing was claimed, written or sent (give --outbox a folder) [usage]\n`,
      );
      expect(await readFile(box.workbook)).toEqual(bytes); // no claim in the runs tab
    } finally {
      await box.cleanup();
    }
  });
});
