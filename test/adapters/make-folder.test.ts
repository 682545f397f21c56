import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolder } from '../../functions/adapters/make-folder.ts';
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
