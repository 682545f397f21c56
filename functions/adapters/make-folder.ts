/** `mkdir -p` that says where a folder cannot be made (Node's recursive mkdir may not). */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p`: `path` and any missing folder above it. Not `mkdir(path, { recursive: true })`,
 * which never returns where a folder cannot be made although its parent exists (under
 * /proc, say, where mkdir says ENOENT): here that is the error, ENOENT with the path.
 */
export async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return isFolder(path, error);
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    await makeFolder(parent);
    try {
      await mkdir(path);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
      await isFolder(path, again);
    }
  }
}

/** Throws `error` (EEXIST) when `path` is there but is not a folder. */
async function isFolder(path: string, error: unknown): Promise<void> {
  if (!(await stat(path)).isDirectory()) throw error;
}
