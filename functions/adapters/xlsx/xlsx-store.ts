/** The workbook store for an .xlsx file: read part by part, written by replacing karnameh's tabs only. */
import { basename } from 'node:path';
import type { RawTab, RawWorkbook } from '../../core/contract/cells.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import { findTab } from '../../core/contract/tab-lookup.ts';
import { TABS } from '../../core/contract/tabs.ts';
import type { OutputTabs, WorkbookStore, WriteReport, WriteRequest } from '../../ports.ts';
import { checkWritable, resolveTarget, targetExists } from './file-guard.ts';
import { inputFingerprint, runsTabIn } from './concurrent-writes.ts';
import { takeRunLock, withWriteLock } from './file-lock.ts';
import { checkFolderThere, initXlsx } from './xlsx-init.ts';
import { readTabs } from './open-workbook.ts';
import type { TabWrite } from './rewrite-workbook.ts';
import { outputGuard } from './output-guard.ts';
import { editMonthXlsx } from './month-edit.ts';
import { OUTPUT_KEYS, isTab, loadXlsx, siblingPath, type XlsxState } from './xlsx-files.ts';
import { writeLocked } from './xlsx-write.ts';

const WHOLE_TABS = ['results', 'problems'] as const;

/** The .xlsx store, with a check that the workbook can be written, for before anything is sent. */
export interface XlsxStore extends WorkbookStore {
  checkWritable(): Promise<void>;
}

/** The output tabs written whole (results, problems), each found by its name. */
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

/** The workbook (with the outputs of a sibling file over its own); `state` remembers what was read. */
async function readXlsx(path: string, state: XlsxState): Promise<RawWorkbook> {
  const { target, identity, open } = await loadXlsx(path);
  const tabs = readTabs(open, path);
  const inputs = inputFingerprint(tabs);
  state.seen = { target, identity, inputs };
  state.runsTitle = findTab({ tabs }, 'runs')?.name;
  const sibling = siblingPath(path);
  if (!(await targetExists(sibling))) return { tabs, inputHash: inputs };
  let outputs: RawTab[];
  try {
    const opened = await loadXlsx(sibling);
    outputs = readTabs(opened.open, sibling, (name) => OUTPUT_KEYS.some((key) => isTab(key)(name)));
  } catch (error) {
    throw new KarnamehError(
      'source.unreadable',
      `${sibling} holds the outputs of ${basename(path)} (its runs tab says what was sent) and cannot be read; repair it, or move it away to start the outputs afresh`,
      { cause: error },
    );
  }
  return { tabs: overlayOutputs(tabs, outputs), inputHash: inputs };
}

/** The runs tab as it is in the file now (or in the sibling that holds the outputs). */
async function readRunsXlsx(path: string, state: XlsxState): Promise<RawTab | undefined> {
  const sibling = siblingPath(path);
  const file = (await targetExists(sibling)) ? sibling : path;
  const { open } = await loadXlsx(file);
  return file === path
    ? runsTabIn(open, file, state.runsTitle)
    : readTabs(open, file, isTab('runs'))[0];
}

/**
 * The workbook store for an .xlsx file at `path`, read and written part by part: a write
 * replaces only karnameh's output tabs (and the settings cells it is asked to set), through
 * a symlink to its target, refusing a locked, read-only or meanwhile edited file.
 */
export function createXlsxStore(path: string): XlsxStore {
  const state: XlsxState = {};
  /** The results and problems tabs as this store's writes left them (output-guard.ts). */
  const guard = outputGuard(path);

  async function write(request: WriteRequest): Promise<WriteReport> {
    const settings = request.settings ?? [];
    const runs = request.runs ?? [];
    const tabs = outputWrites(request.outputs);
    if (tabs.length === 0 && runs.length === 0 && settings.length === 0) {
      return { location: path };
    }
    const outputs = request.outputs;
    return withWriteLock(path, () =>
      writeLocked(path, state, guard, { tabs, runs, settings, outputs }),
    );
  }

  return {
    description: path,
    read: () => readXlsx(path, state),
    write,
    init: async (template) => {
      await checkFolderThere(path); // (the write lock goes beside the new file)
      return withWriteLock(path, () => initXlsx(path, template));
    },
    checkWritable: async () => checkWritable(path, await resolveTarget(path)),
    readRuns: () => readRunsXlsx(path, state),
    editMonth: async (plan) => {
      const sibling = siblingPath(path);
      return editMonthXlsx(path, plan, (await targetExists(sibling)) ? sibling : null);
    },
    // One sending run per workbook at a time, across processes (file-lock.ts).
    lockRun: (request) => takeRunLock(path, request),
  };
}
