/** The workbook store for an .xlsx file: read part by part, written by replacing karnameh's tabs only. */
import { basename, dirname, extname, join } from 'node:path';
import type { RawTab, RawWorkbook } from '../../core/contract/cells.ts';
import type { RunsEntry } from '../../core/contract/runs-log.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import { findTab, matchesKey } from '../../core/contract/tab-lookup.ts';
import { TABS, type TabKey } from '../../core/contract/tabs.ts';
import type { OutputTabs, WorkbookStore, WriteReport, WriteRequest } from '../../ports.ts';
import {
  checkWritable,
  editedError,
  openLock,
  readIdentified,
  replaceFile,
  resolveTarget,
  targetExists,
  sameFile,
  type FileIdentity,
} from './file-guard.ts';
import {
  currentInputFingerprint,
  inputFingerprint,
  runsTabIn,
  runsUpsert,
} from './concurrent-writes.ts';
import { takeRunLock, withWriteLock } from './file-lock.ts';
import { checkFolderThere, initXlsx } from './xlsx-init.ts';
import { openWorkbook, readTabs, type OpenWorkbook } from './open-workbook.ts';
import { rewriteWorkbook, type TabWrite } from './rewrite-workbook.ts';
import { outputGuard, rewrittenNote } from './output-guard.ts';
import { editMonthXlsx } from './month-edit.ts';

const OUTPUT_KEYS = ['results', 'problems', 'runs'] as const;
const WHOLE_TABS = ['results', 'problems'] as const;

const isTab =
  (key: TabKey) =>
  (name: string): boolean =>
    matchesKey(name, key, TABS[key].label);

/** `dir/name.xlsx` → `dir/name.karnameh-results.xlsx`: where older versions put the outputs of a workbook they could not rewrite. */
export function siblingPath(path: string): string {
  return join(dirname(path), `${basename(path, extname(path))}.karnameh-results.xlsx`);
}

/** The .xlsx store, with a check that the workbook can be written, for before anything is sent. */
export interface XlsxStore extends WorkbookStore {
  checkWritable(): Promise<void>;
}

/**
 * The workbook store for an .xlsx file at `path`, read and written part by part: a write
 * replaces only karnameh's output tabs (and the settings cells it is asked to set), through
 * a symlink to its target, refusing a locked, read-only or meanwhile edited file.
 */
export function createXlsxStore(path: string): XlsxStore {
  /** The file as this store last read or wrote it, and its input tabs' fingerprint as read. */
  let seen: { target: string; identity: FileIdentity; inputs: string } | undefined;
  /** The runs tab's title as last seen (it is found by its header, whatever its title). */
  let runsTitle: string | undefined;
  /** The results and problems tabs as this store's writes left them (output-guard.ts). */
  const guard = outputGuard(path);

  const load = async (
    file: string,
  ): Promise<{ target: string; identity: FileIdentity; open: OpenWorkbook }> => {
    const target = await resolveTarget(file);
    const { bytes, identity } = await readIdentified(target);
    return { target, identity, open: openWorkbook(bytes, file) };
  };

  async function read(): Promise<RawWorkbook> {
    const { target, identity, open } = await load(path);
    const tabs = readTabs(open, path);
    const inputs = inputFingerprint(tabs);
    seen = { target, identity, inputs };
    runsTitle = findTab({ tabs }, 'runs')?.name;
    const sibling = siblingPath(path);
    if (!(await targetExists(sibling))) return { tabs, inputHash: inputs };
    let outputs: RawTab[];
    try {
      const opened = await load(sibling);
      outputs = readTabs(opened.open, sibling, (name) =>
        OUTPUT_KEYS.some((key) => isTab(key)(name)),
      );
    } catch (error) {
      throw new KarnamehError(
        'source.unreadable',
        `${sibling} holds the outputs of ${basename(path)} (its runs tab says what was sent) and cannot be read; repair it, or move it away to start the outputs afresh`,
        { cause: error },
      );
    }
    return { tabs: overlayOutputs(tabs, outputs), inputHash: inputs };
  }

  /**
   * Output tabs replaced whole, runs rows upserted, settings cells set: under the write lock,
   * against the file as it is now. Stopped, with nothing written, when a person edited an
   * input tab since the read.
   */
  async function write(request: WriteRequest): Promise<WriteReport> {
    const settings = request.settings ?? [];
    const runs = request.runs ?? [];
    const tabs = outputWrites(request.outputs);
    if (tabs.length === 0 && runs.length === 0 && settings.length === 0) {
      return { location: path };
    }
    return withWriteLock(path, () => writeLocked(tabs, runs, settings, request.outputs));
  }

  async function writeLocked(
    tabs: TabWrite[],
    runs: RunsEntry[],
    settings: NonNullable<WriteRequest['settings']>,
    outputs: OutputTabs = {},
  ): Promise<WriteReport> {
    const sibling = siblingPath(path);
    // Outputs an older version put in the sibling stay there: the runs log is never split.
    const toSibling = tabs.length + runs.length > 0 && (await targetExists(sibling));
    let restored: string | undefined;
    // Delivery records alone (runs rows, mid-send) go in whatever happened to the workbook
    // since it was read: they are written over the file as it is now, keeping a person's
    // edit, and a record lost would mean a second copy on the next run.
    const recordsOnly = tabs.length === 0 && settings.length === 0;
    const target = await resolveTarget(path);
    const open = recordsOnly ? await openLock(path, target) : undefined;
    await checkWritable(path, target, { lockFiles: !recordsOnly });
    if (toSibling) await checkWritable(sibling, await resolveTarget(sibling));
    const current = await load(path);
    if (!recordsOnly && seen !== undefined && seen.target !== current.target) {
      throw editedError(path);
    }
    if (!recordsOnly && seen !== undefined && !sameFile(seen.identity, current.identity)) {
      // Changed since: by another run writing its outputs (fine), or by a person (stop).
      if (currentInputFingerprint(current.open, path) !== seen.inputs) throw editedError(path);
    }
    let runsAfter: RawTab | undefined;
    if (toSibling) {
      const other = await load(sibling);
      const upsert = runs.length > 0 ? runsUpsert(other.open, sibling, runs) : undefined;
      runsAfter = upsert?.after;
      const all = upsert ? [...tabs, upsert.write] : tabs;
      const bytes = rewrite(() => rewriteWorkbook(other.open, { tabs: all }, sibling), sibling);
      await replaceFile(other.target, bytes, other.identity, sibling);
    }
    if (settings.length > 0 || !toSibling) {
      const upsert =
        !toSibling && runs.length > 0 ? runsUpsert(current.open, path, runs, runsTitle) : undefined;
      runsAfter ??= upsert?.after;
      // What this store wrote before and a save from another program erased since.
      const restore = toSibling ? [] : guard.erased(current.open, outputs);
      const plan = {
        tabs: toSibling
          ? []
          : [...tabs, ...restore.map((r) => r.write), ...(upsert ? [upsert.write] : [])],
        settings: { matches: isTab('settings'), updates: settings },
      };
      if (
        settings.length > 0 &&
        !current.open.map.sheets.some((s) => s.isWorksheet && isTab('settings')(s.name))
      ) {
        throw new KarnamehError(
          'source.write_failed',
          `${path} has no settings tab (${TABS.settings.label}) to write ${settings.map((u) => u.key).join(', ')} into`,
        );
      }
      const bytes = rewrite(() => rewriteWorkbook(current.open, plan, path), path);
      const identity = await replaceFile(current.target, bytes, current.identity, path);
      if (seen !== undefined) seen = { ...seen, identity };
      if (!toSibling) guard.remember(bytes, outputs, restore);
      if (restore.length > 0) {
        restored = rewrittenNote(
          basename(path),
          restore.map((r) => r.key),
        );
      }
    }
    if (!toSibling && runsAfter) runsTitle = runsAfter.name;
    const notes = [restored, open === undefined ? undefined : openNote(path, open)];
    const note = notes.filter((n) => n !== undefined).join(' ');
    const after = {
      ...(runsAfter ? { runsAfter } : {}),
      ...(note === '' ? {} : { note }),
    };
    return toSibling
      ? {
          ...after,
          location: sibling,
          note:
            `خروجی‌های ${basename(path)} مانند اجراهای پیشین در ${basename(sibling)} نوشته شد؛ برای بازگرداندن آنها به فایل اصلی، برگه‌هایش را به آن بیفزایید و ${basename(sibling)} را بردارید. / ` +
            `the outputs of ${basename(path)} went to ${sibling}, where earlier runs put them; to have them in ${basename(path)} again, copy its tabs there and move ${basename(sibling)} away.`,
        }
      : { location: path, ...after };
  }

  /** The runs tab as it is in the file now (or in the sibling that holds the outputs). */
  async function readRuns(): Promise<RawTab | undefined> {
    const sibling = siblingPath(path);
    const file = (await targetExists(sibling)) ? sibling : path;
    const { open } = await load(file);
    return file === path
      ? runsTabIn(open, file, runsTitle)
      : readTabs(open, file, isTab('runs'))[0];
  }

  return {
    description: path,
    read,
    write,
    init: async (template) => {
      await checkFolderThere(path); // (the write lock goes beside the new file)
      return withWriteLock(path, () => initXlsx(path, template));
    },
    checkWritable: async () => checkWritable(path, await resolveTarget(path)),
    readRuns,
    editMonth: async (plan) => {
      const sibling = siblingPath(path);
      return editMonthXlsx(path, plan, (await targetExists(sibling)) ? sibling : null);
    },
    // One sending run per workbook at a time, across processes (file-lock.ts).
    lockRun: (request) => takeRunLock(path, request),
  };
}

/** Said when delivery records went into a workbook that is open in Excel or LibreOffice. */
function openNote(path: string, lock: string): string {
  return (
    `${basename(path)} در اکسل یا لیبره‌آفیس باز است (${basename(lock)})؛ سوابق ارسال در آن نوشته شد: آن را بدون ذخیره ببندید تا این سوابق از دست نرود. / ` +
    `${path} is open in Excel or LibreOffice (${basename(lock)}); the delivery records were written into it: close it without saving, or they are lost and the next run may send again.`
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

function outputWrites(outputs: OutputTabs): TabWrite[] {
  return WHOLE_TABS.flatMap((key) => {
    const rows = outputs[key];
    return rows === undefined ? [] : [{ title: TABS[key].label, matches: isTab(key), rows }];
  });
}

/** `tabs` with each output tab the sibling holds in place of the workbook's own (or added at the end). */
function overlayOutputs(tabs: RawTab[], sibling: RawTab[]): RawTab[] {
  let result = tabs;
  for (const key of OUTPUT_KEYS) {
    const tab = sibling.find((t) => isTab(key)(t.name));
    if (tab === undefined) continue;
    const at = result.findIndex((t) => isTab(key)(t.name));
    const rest = result.filter((t) => !isTab(key)(t.name));
    result = at < 0 ? [...rest, tab] : [...rest.slice(0, at), tab, ...rest.slice(at)];
  }
  return result;
}
