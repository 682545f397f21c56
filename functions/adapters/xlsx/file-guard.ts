/** The .xlsx file's identity and its guards: refuse a workbook open in Excel, read-only, or changed since read. */
import { randomUUID } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, chmod, chown, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KarnamehError } from '../../core/contract/errors.ts';

/** What tells that a file is still the one that was read. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

const identityOf = (s: Stats): FileIdentity => ({
  dev: s.dev,
  ino: s.ino,
  size: s.size,
  mtimeMs: s.mtimeMs,
});

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Whether `path` names a file (through a symlink too); one that cannot be read still exists. */
export async function targetExists(path: string): Promise<boolean> {
  try {
    await resolveTarget(path);
    return true;
  } catch (error) {
    return !(error instanceof KarnamehError && error.code === 'source.not_found');
  }
}

/** The real file behind `path` (a symlink is followed, so its target is what gets replaced). */
export async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KarnamehError(
        'source.not_found',
        `فایل کارپوشه پیدا نشد / workbook file not found: ${path}`,
        { cause: error },
      );
    }
    throw new KarnamehError('source.unreadable', `cannot read ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** The file's bytes and identity, taken from one open handle. */
export async function readIdentified(
  path: string,
): Promise<{ bytes: Buffer; identity: FileIdentity }> {
  let handle;
  try {
    handle = await open(path, 'r');
    const before = await handle.stat();
    if (before.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    const bytes = await handle.readFile();
    return { bytes, identity: identityOf(before) };
  } catch (error) {
    throw new KarnamehError('source.unreadable', `cannot read ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  } finally {
    await handle?.close();
  }
}

/** Lock files Excel (`~$NAME`) and LibreOffice (`.~lock.NAME#`) keep beside an open file. */
function lockFiles(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  return [join(dir, `~$${name}`), join(dir, `.~lock.${name}#`)];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses, before anything is written or sent, a workbook that is open in Excel or
 * LibreOffice (its lock file is beside it, or beside the link that names it; unless
 * `lockFiles` is false), marked read-only, or that this user cannot replace.
 */
export async function checkWritable(
  path: string,
  target: string,
  { lockFiles: refuseOpen = true } = {},
): Promise<void> {
  const lock = refuseOpen ? await openLock(path, target) : undefined;
  if (lock !== undefined) {
    throw new KarnamehError(
      'source.locked',
      `${path} در اکسل یا لیبره‌آفیس باز است (فایل قفل ${basename(lock)} کنارش است)؛ آن را ببندید و دوباره اجرا کنید؛ اگر کسی آن را باز نکرده، ${basename(lock)} را پاک کنید. / ` +
        `${path} is open in Excel or LibreOffice (its lock file ${basename(lock)} is beside it); close it and run again, or, if nobody has it open, delete ${basename(lock)}.`,
    );
  }
  const info = await stat(target);
  let reason: string | undefined;
  if ((info.mode & 0o222) === 0) reason = 'it is marked read-only';
  else {
    try {
      await access(target, constants.W_OK);
      await access(dirname(target), constants.W_OK);
    } catch {
      reason = 'this user may not write it or its folder';
    }
  }
  if (reason !== undefined) {
    throw new KarnamehError(
      'source.forbidden',
      `${path} فقط‌خواندنی است یا این کاربر اجازهٔ نوشتن در آن یا پوشه‌اش را ندارد؛ چیزی نوشته یا فرستاده نشد. / ` +
        `${path} cannot be written (${reason}); nothing was written or sent.`,
    );
  }
}

/** The lock file of Excel or LibreOffice beside the workbook (or its link), if there is one. */
export async function openLock(path: string, target: string): Promise<string | undefined> {
  for (const lock of new Set([...lockFiles(target), ...lockFiles(path)])) {
    if (await exists(lock)) return lock;
  }
  return undefined;
}

export function editedError(path: string): KarnamehError {
  return new KarnamehError(
    'source.changed',
    `${path} در حین اجرا ویرایش شد؛ چیزی بازنویسی نشد. اجرا را دوباره انجام دهید. / ` +
      `the workbook ${path} was edited during the run; nothing was overwritten. Run again.`,
  );
}

/**
 * Replaces `target` with `bytes` all at once: a temp file beside it, flushed, given the
 * original's mode and owner, and renamed over it only if `target` is still `expected`
 * (else `source.changed`). Returns the new file's identity. On failure nothing changes.
 */
export async function replaceFile(
  target: string,
  bytes: Buffer,
  expected: FileIdentity | undefined,
  path: string,
): Promise<FileIdentity> {
  await removeStaleTemps(target);
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const original = await stat(target).catch(() => undefined);
    if (original !== undefined) {
      await chmod(temp, original.mode & 0o7777);
      // Owner and group as they were; a user who may not give the file away (not root)
      // still keeps its group when it is one of theirs, so a shared workbook stays shared.
      await chown(temp, original.uid, original.gid).catch(() =>
        chown(temp, -1, original.gid).catch(() => undefined),
      );
    } else {
      await chmod(temp, 0o666 & ~process.umask());
    }
    if (
      expected !== undefined &&
      (original === undefined || !sameFile(identityOf(original), expected))
    ) {
      throw editedError(path);
    }
    await rename(temp, target);
    return identityOf(await stat(target));
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof KarnamehError) throw error;
    throw new KarnamehError('source.write_failed', `could not write ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/**
 * Removes the temp files `replaceFile` leaves beside `target` when its process is killed
 * mid-write (`.NAME.xlsx.1a2b3c4d.tmp`): those older than the write lock (`NAME.xlsx.karnameh-
 * write-lock`, file-lock.ts) this process holds now, so no live writer owns them. Without
 * that lock nothing is removed; a file that cannot be removed is left.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const lock = await stat(`${target}.karnameh-write-lock`).catch(() => undefined);
  if (!lock) return;
  const folder = dirname(target);
  const name = basename(target);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const file of names) {
    const tail = file.startsWith(`.${name}.`) ? file.slice(name.length + 2) : '';
    if (!/^[0-9a-f]{8}\.tmp$/.test(tail)) continue;
    const path = join(folder, file);
    const temp = await stat(path).catch(() => undefined);
    if (temp?.isFile() && temp.mtimeMs < lock.mtimeMs)
      await rm(path, { force: true }).catch(() => undefined);
  }
}
