/** `mkdir -p` that says where a folder cannot be made (Node's recursive mkdir may not). */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

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

/**
 * Why `path` cannot be used as a folder to write in, or null when it can: a folder there
 * that can be written, or none yet under a nearest folder that can (then it can be made).
 * Makes nothing: a run asks this of its outbox before it claims the month.
 */
export async function folderProblem(path: string): Promise<string | null> {
  for (let at = resolve(path); ; at = dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (info === null) {
      if (dirname(at) === at) return 'no folder above it exists';
      continue;
    }
    const it = at === resolve(path) ? 'it' : at;
    if (!info.isDirectory()) return `${it} is a file, not a folder`;
    try {
      await access(at, constants.W_OK);
      return null;
    } catch {
      return `${it} cannot be written (check its permissions)`;
    }
  }
}
