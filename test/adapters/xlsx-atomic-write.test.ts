import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../functions/adapters/xlsx/atomic-write.ts';
import { KarnamehError } from '../../functions/core/errors.ts';
import { tempFolder } from './xlsx-fixtures.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(async () => {
  await cleanup();
});

describe('writeAtomically', () => {
  it('replaces the file with what the writer put in the temp file, in the same folder', async () => {
    const path = join(dir, 'book.xlsx');
    await writeFile(path, 'old');
    let tempPath = '';
    await writeAtomically(path, async (temp) => {
      tempPath = temp;
      await writeFile(temp, 'new');
    });
    expect(tempPath.startsWith(`${dir}/.book.xlsx.`)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['book.xlsx']);
  });

  it('leaves the original and removes the temp file when the writer fails half-way', async () => {
    const path = join(dir, 'book.xlsx');
    await writeFile(path, 'old');
    const failure = await writeAtomically(path, async (temp) => {
      await writeFile(temp, 'half');
      throw new Error('disk full');
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KarnamehError);
    expect(failure).toMatchObject({ code: 'source.write_failed' });
    expect((failure as Error).message).toContain(path);
    expect((failure as Error).message).toContain('disk full');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['book.xlsx']);
  });

  it('passes a KarnamehError from the writer through unchanged', async () => {
    const path = join(dir, 'book.xlsx');
    const own = new KarnamehError('source.unreadable', 'nope');
    await expect(writeAtomically(path, () => Promise.reject(own))).rejects.toBe(own);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails when the rename cannot happen, leaving no temp file', async () => {
    const path = join(dir, 'taken');
    await mkdir(join(path, 'inside'), { recursive: true });
    await expect(writeAtomically(path, (temp) => writeFile(temp, 'x'))).rejects.toMatchObject({
      code: 'source.write_failed',
    });
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readdir(path)).toEqual(['inside']);
  });
});
