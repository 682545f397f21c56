/**
 * One write of the .xlsx store, under the write lock: output tabs replaced whole, runs rows
 * upserted, settings cells set, against the file as it is now (or the sibling file that
 * holds the outputs); stopped, with nothing written, when a person edited an input tab
 * since the read.
 */
import { basename } from 'node:path';
import type { RawTab } from '../../core/contract/cells.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import type { RunsEntry } from '../../core/contract/runs-log.ts';
import { TABS } from '../../core/contract/tabs.ts';
import type { OutputTabs, WriteReport, WriteRequest } from '../../ports.ts';
import { currentInputFingerprint, runsUpsert } from './concurrent-writes.ts';
import {
  checkWritable,
  editedError,
  openLock,
  replaceFile,
  resolveTarget,
  sameFile,
  targetExists,
} from './file-guard.ts';
import { outputGuard, rewrittenNote } from './output-guard.ts';
import { rewriteWorkbook, type TabWrite } from './rewrite-workbook.ts';
import { isTab, loadXlsx, siblingPath, type XlsxState } from './xlsx-files.ts';

/** What one write asks for. */
export interface XlsxWrite {
  tabs: TabWrite[];
  runs: RunsEntry[];
  settings: NonNullable<WriteRequest['settings']>;
  outputs: OutputTabs;
}

type Loaded = Awaited<ReturnType<typeof loadXlsx>>;

/** Said when delivery records went into a workbook that is open in Excel or LibreOffice. */
function openNote(path: string, lock: string): string {
  return (
    `${basename(path)} در اکسل یا لیبره‌آفیس باز است (${basename(lock)})؛ سوابق ارسال در آن نوشته شد: آن را بدون ذخیره ببندید تا این سوابق از دست نرود. / ` +
    `${path} is open in Excel or LibreOffice (${basename(lock)}); the delivery records were written into it: close it without saving, or they are lost and the next run may send again.`
  );
}

/** Said when the outputs went to the sibling file, where earlier runs put them. */
function siblingNote(path: string, sibling: string): string {
  return (
    `خروجی‌های ${basename(path)} مانند اجراهای پیشین در ${basename(sibling)} نوشته شد؛ برای بازگرداندن آنها به فایل اصلی، برگه‌هایش را به آن بیفزایید و ${basename(sibling)} را بردارید. / ` +
    `the outputs of ${basename(path)} went to ${sibling}, where earlier runs put them; to have them in ${basename(path)} again, copy its tabs there and move ${basename(sibling)} away.`
  );
}

/** The new workbook's bytes; anything but a KarnamehError becomes a plain `source.write_failed`. */
function rewrite(make: () => Buffer, path: string): Buffer {
  try {
    return make();
  } catch (error) {
    if (error instanceof KarnamehError) throw error;
    throw new KarnamehError(
      'source.write_failed',
      `${path}: نسخهٔ تازهٔ کارپوشه ساخته نشد؛ چیزی نوشته نشد / could not prepare the new workbook, nothing was written (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

/**
 * The workbook as it is now, after the checks: writable (and the sibling too), not edited
 * by a person since the read. Delivery records alone (runs rows, mid-send) go in whatever
 * happened to the workbook since it was read: written over the file as it is now, keeping a
 * person's edit (a record lost would mean a second copy on the next run); `lock` is the
 * lock file of the program that has it open, if any.
 */
async function openForWrite(
  path: string,
  state: XlsxState,
  recordsOnly: boolean,
  sibling: string | null,
): Promise<{ current: Loaded; lock: string | undefined }> {
  const target = await resolveTarget(path);
  const lock = recordsOnly ? await openLock(path, target) : undefined;
  await checkWritable(path, target, { lockFiles: !recordsOnly });
  if (sibling) await checkWritable(sibling, await resolveTarget(sibling));
  const current = await loadXlsx(path);
  const { seen } = state;
  if (!recordsOnly && seen !== undefined && seen.target !== current.target) {
    throw editedError(path);
  }
  if (!recordsOnly && seen !== undefined && !sameFile(seen.identity, current.identity)) {
    // Changed since: by another run writing its outputs (fine), or by a person (stop).
    if (currentInputFingerprint(current.open, path) !== seen.inputs) throw editedError(path);
  }
  return { current, lock };
}

/** The output tabs and runs rows into the sibling file; the runs tab as it left it. */
async function writeSibling(sibling: string, w: XlsxWrite): Promise<RawTab | undefined> {
  const other = await loadXlsx(sibling);
  const upsert = w.runs.length > 0 ? runsUpsert(other.open, sibling, w.runs) : undefined;
  const all = upsert ? [...w.tabs, upsert.write] : w.tabs;
  const bytes = rewrite(() => rewriteWorkbook(other.open, { tabs: all }, sibling), sibling);
  await replaceFile(other.target, bytes, other.identity, sibling);
  return upsert?.after;
}

/**
 * The workbook itself rewritten: its settings cells and (unless the sibling holds them)
 * the output tabs, the runs rows, and what this store wrote before that a save from another
 * program erased since (output-guard.ts).
 */
async function writeWorkbook(
  path: string,
  current: Loaded,
  context: { state: XlsxState; guard: ReturnType<typeof outputGuard>; toSibling: boolean },
  w: XlsxWrite,
): Promise<{ runsAfter: RawTab | undefined; restored: string | undefined }> {
  const { state, guard, toSibling } = context;
  const upsert =
    !toSibling && w.runs.length > 0
      ? runsUpsert(current.open, path, w.runs, state.runsTitle)
      : undefined;
  const restore = toSibling ? [] : guard.erased(current.open, w.outputs);
  const plan = {
    tabs: toSibling
      ? []
      : [...w.tabs, ...restore.map((r) => r.write), ...(upsert ? [upsert.write] : [])],
    settings: { matches: isTab('settings'), updates: w.settings },
  };
  if (
    w.settings.length > 0 &&
    !current.open.map.sheets.some((s) => s.isWorksheet && isTab('settings')(s.name))
  ) {
    throw new KarnamehError(
      'source.write_failed',
      `${path} has no settings tab (${TABS.settings.label}) to write ${w.settings.map((u) => u.key).join(', ')} into`,
    );
  }
  const bytes = rewrite(() => rewriteWorkbook(current.open, plan, path), path);
  const identity = await replaceFile(current.target, bytes, current.identity, path);
  if (state.seen !== undefined) state.seen = { ...state.seen, identity };
  if (!toSibling) guard.remember(bytes, w.outputs, restore);
  const restored =
    restore.length > 0
      ? rewrittenNote(
          basename(path),
          restore.map((r) => r.key),
        )
      : undefined;
  return { runsAfter: upsert?.after, restored };
}

/** The write, under the write lock (xlsx-store.ts takes it); `state` follows what it wrote. */
export async function writeLocked(
  path: string,
  state: XlsxState,
  guard: ReturnType<typeof outputGuard>,
  w: XlsxWrite,
): Promise<WriteReport> {
  const sibling = siblingPath(path);
  // Outputs an older version put in the sibling stay there: the runs log is never split.
  const toSibling = w.tabs.length + w.runs.length > 0 && (await targetExists(sibling));
  const recordsOnly = w.tabs.length === 0 && w.settings.length === 0;
  const { current, lock } = await openForWrite(
    path,
    state,
    recordsOnly,
    toSibling ? sibling : null,
  );
  let runsAfter = toSibling ? await writeSibling(sibling, w) : undefined;
  let restored: string | undefined;
  if (w.settings.length > 0 || !toSibling) {
    const done = await writeWorkbook(path, current, { state, guard, toSibling }, w);
    runsAfter ??= done.runsAfter;
    restored = done.restored;
  }
  if (!toSibling && runsAfter) state.runsTitle = runsAfter.name;
  const notes = [restored, lock === undefined ? undefined : openNote(path, lock)];
  const note = notes.filter((n) => n !== undefined).join(' ');
  const after = {
    ...(runsAfter ? { runsAfter } : {}),
    ...(note === '' ? {} : { note }),
  };
  return toSibling
    ? { ...after, location: sibling, note: siblingNote(path, sibling) }
    : { location: path, ...after };
}
