/** A write removes the temp files a killed write left beside the workbook, and only those. */
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withWriteLock } from '../../../functions/adapters/xlsx/file-lock.ts';
import { replaceFile } from '../../../functions/adapters/xlsx/file-guard.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'karnameh-temps-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

it('removes .a.xlsx.XXXXXXXX.tmp older than the write lock; leaves look-alikes and other files', async () => {
  const workbook = join(dir, 'a.xlsx');
  await writeFile(workbook, 'old');
  const anHourAgo = new Date(Date.now() - 3_600_000);
  const stale = ['.a.xlsx.a470f3d5.tmp', '.a.xlsx.0badcafe.tmp'];
  const kept = ['.a.xlsx.notours.tmp', '.b.xlsx.a470f3d5.tmp', 'a.xlsx.a470f3d5.tmp', 'notes.txt'];
  for (const name of [...stale, ...kept]) {
    await writeFile(join(dir, name), 'x');
    await utimes(join(dir, name), anHourAgo, anHourAgo);
  }
  await withWriteLock(workbook, () =>
    replaceFile(workbook, Buffer.from('new'), undefined, workbook),
  );
  expect((await readdir(dir)).sort()).toEqual(['a.xlsx', ...kept].sort());
});

it('without the write lock held, nothing beside the workbook is removed', async () => {
  const workbook = join(dir, 'a.xlsx');
  await writeFile(workbook, 'old');
  await writeFile(join(dir, '.a.xlsx.a470f3d5.tmp'), 'x');
  await replaceFile(workbook, Buffer.from('new'), undefined, workbook);
  expect((await readdir(dir)).sort()).toEqual(['.a.xlsx.a470f3d5.tmp', 'a.xlsx']);
});
