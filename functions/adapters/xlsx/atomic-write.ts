import { randomUUID } from 'node:crypto';
import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KarnamehError } from '../../core/errors.ts';

/**
 * Replaces `path` all at once: `write` fills a temp file in the same folder, which is
 * flushed to disk and renamed over `path` (keeping the original's permissions). On any
 * failure `path` is untouched, the temp file is removed and a `source.write_failed`
 * KarnamehError is thrown (a KarnamehError from `write` passes through as it is).
 */
export async function writeAtomically(
  path: string,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await write(tempPath);
    const handle = await open(tempPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const mode = await existingMode(path);
    if (mode !== undefined) await chmod(tempPath, mode);
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    if (error instanceof KarnamehError) throw error;
    throw new KarnamehError(
      'source.write_failed',
      `could not write ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}
