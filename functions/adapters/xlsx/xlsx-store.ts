import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, RawTab, RawWorkbook } from '../../core/cells.ts';
import { KarnamehError } from '../../core/errors.ts';
import { normalizeName } from '../../core/normalize.ts';
import { mergeRunsRows, type RunsEntry } from '../../core/runs-log.ts';
import { findTab, matchesKey } from '../../core/tab-lookup.ts';
import { SETTING_KEYS, TABS } from '../../core/tabs.ts';
import type {
  InitTemplate,
  OutputTabs,
  SettingsUpdate,
  WorkbookStore,
  WriteReport,
  WriteRequest,
} from '../../ports.ts';
import { takeRunLock, withWriteLock } from './file-lock.ts';
import { fileExists, loadWorkbook, readSourceBytes, saveWorkbook } from './load-workbook.ts';
import { findWorksheet } from './match-names.ts';
import { readWorksheet } from './read-cells.ts';
import { applySettingsUpdates } from './settings-cells.ts';
import { findUnsupportedParts, type UnsupportedPart } from './unsupported-parts.ts';
import { fillWorksheet, replaceWorksheet } from './write-tabs.ts';

const OUTPUT_KEYS = ['results', 'problems', 'runs'] as const;

/** Title of the sibling file's tab listing settings changes it could not make. */
export const SETTINGS_NOTE_TITLE = 'یادداشت تنظیمات';

/** `dir/name.xlsx` → `dir/name.karnameh-results.xlsx`: where outputs go when `path` cannot be rewritten. */
export function siblingPath(path: string): string {
  return join(dirname(path), `${basename(path, extname(path))}.karnameh-results.xlsx`);
}

/** The workbook store for an .xlsx file at `path` (read with exceljs, written atomically). */
export function createXlsxStore(path: string): WorkbookStore {
  return {
    description: path,
    read: () => readXlsx(path),
    // Writes take turns across processes (file-lock.ts): each plans against the file as it
    // is once the write lock is held, so a concurrent writer's runs rows survive.
    write: (request) => withWriteLock(path, () => writeXlsx(path, request)),
    init: async (template) => {
      await mkdir(dirname(path), { recursive: true }); // the write lock goes beside the new file
      return withWriteLock(path, () => initXlsx(path, template));
    },
    readRuns: async () => findTab(await readXlsx(path), 'runs'),
    lockRun: (request) => takeRunLock(path, request),
  };
}

/**
 * The workbook's tabs; when the sibling file exists, its output tabs (results, problems,
 * runs) stand in for the workbook's own, so a run sees the runs it recorded there and
 * does not send a month twice. An unreadable sibling is an error, not an empty log.
 */
async function readXlsx(path: string): Promise<RawWorkbook> {
  const workbook = await loadWorkbook(await readSourceBytes(path), path);
  const tabs = workbook.worksheets.map(readWorksheet);
  const sibling = siblingPath(path);
  if (!(await fileExists(sibling))) return { tabs };
  let outputs: ExcelJS.Workbook;
  try {
    outputs = await loadWorkbook(await readSourceBytes(sibling), sibling);
  } catch (error) {
    throw new KarnamehError(
      'source.unreadable',
      `${sibling} holds the outputs of ${basename(path)} (its runs tab says what was sent) and cannot be read; repair it, or move it away to start the outputs afresh`,
      { cause: error },
    );
  }
  return { tabs: overlayOutputs(tabs, outputs) };
}

/** `tabs` with each output tab the sibling holds in place of the workbook's own (or added at the end). */
function overlayOutputs(tabs: RawTab[], sibling: ExcelJS.Workbook): RawTab[] {
  let result = tabs;
  for (const key of OUTPUT_KEYS) {
    const worksheet = findWorksheet(sibling, key);
    if (worksheet === undefined) continue;
    const tab = readWorksheet(worksheet);
    const isOutput = (t: RawTab): boolean => matchesKey(t.name, key, TABS[key].label);
    const at = result.findIndex(isOutput);
    const rest = result.filter((t) => !isOutput(t));
    result = at < 0 ? [...rest, tab] : [...rest.slice(0, at), tab, ...rest.slice(at)];
  }
  return result;
}

/**
 * Whole output tabs replaced; the runs rows upserted into the runs sheet of `workbook`,
 * which was loaded from the file at write time (under the write lock): rows of other runs
 * are kept as they are in the file now (core/runs-log.ts `mergeRunsRows`).
 */
function applyOutputs(
  workbook: ExcelJS.Workbook,
  outputs: OutputTabs,
  runs?: RunsEntry[],
): RawTab | undefined {
  for (const key of ['results', 'problems'] as const) {
    const rows = outputs[key];
    if (rows !== undefined) {
      replaceWorksheet(workbook, findWorksheet(workbook, key), TABS[key].label, rows);
    }
  }
  if (runs && runs.length > 0) {
    const sheet = findWorksheet(workbook, 'runs');
    const rows = mergeRunsRows(sheet ? readWorksheet(sheet) : undefined, runs);
    replaceWorksheet(workbook, sheet, TABS.runs.label, rows);
    return { name: sheet?.name ?? TABS.runs.label, rows };
  }
  return undefined;
}

async function writeXlsx(path: string, request: WriteRequest): Promise<WriteReport> {
  const settings = request.settings ?? [];
  const bytes = await readSourceBytes(path);
  const hasOutputs =
    request.outputs.results !== undefined ||
    request.outputs.problems !== undefined ||
    (request.runs?.length ?? 0) > 0;
  if (!hasOutputs && settings.length === 0) return { location: path };
  const unsupported = await findUnsupportedParts(bytes).catch((error: unknown) => {
    throw new KarnamehError('source.unreadable', `${path} is not a readable .xlsx workbook`, {
      cause: error,
    });
  });
  // Once outputs live in the sibling they stay there (reads take them from there too), even
  // if the workbook could now be rewritten: the runs log is never split between two files.
  if (unsupported.length > 0 || (await fileExists(siblingPath(path)))) {
    return writeSibling(path, request, settings, unsupported);
  }
  const workbook = await loadWorkbook(bytes, path);
  const runsAfter = applyOutputs(workbook, request.outputs, request.runs);
  applySettingsUpdates(workbook, settings, path);
  await saveWorkbook(workbook, path);
  return { location: path, ...(runsAfter ? { runsAfter } : {}) };
}

function settingsNoteRows(settings: SettingsUpdate[]): CellValue[][] {
  return [
    ['کلید', 'مقدار', 'توضیح'],
    ...settings.map((update) => [
      SETTING_KEYS[update.key],
      update.value,
      'در برگهٔ تنظیمات فایل اصلی بنویسید / set it in the settings tab of the original file',
    ]),
  ];
}

async function writeSibling(
  path: string,
  { outputs, runs }: WriteRequest,
  settings: SettingsUpdate[],
  unsupported: UnsupportedPart[],
): Promise<WriteReport> {
  const target = siblingPath(path);
  let workbook = new ExcelJS.Workbook();
  if (await fileExists(target)) {
    try {
      workbook = await loadWorkbook(await readSourceBytes(target), target);
    } catch {
      // Our own output file, unreadable: it is rebuilt from scratch.
    }
  }
  const runsAfter = applyOutputs(workbook, outputs, runs);
  const after = runsAfter ? { runsAfter } : {};
  if (settings.length > 0) {
    const existing = workbook.worksheets.find(
      (ws) => normalizeName(ws.name) === normalizeName(SETTINGS_NOTE_TITLE),
    );
    replaceWorksheet(workbook, existing, SETTINGS_NOTE_TITLE, settingsNoteRows(settings));
  }
  await saveWorkbook(workbook, target);
  const settingsFa =
    settings.length > 0 ? ` و تغییرات تنظیمات در برگهٔ «${SETTINGS_NOTE_TITLE}»` : '';
  const settingsEn = settings.length > 0 ? ' (settings changes in its note tab)' : '';
  if (unsupported.length === 0) {
    return {
      ...after,
      location: target,
      note:
        `خروجی‌های ${basename(path)}${settingsFa} مانند اجراهای پیشین در ${basename(target)} نوشته شد؛ برای بازگرداندن آنها به فایل اصلی، برگه‌هایش را به آن بیفزایید و ${basename(target)} را بردارید. / ` +
        `the outputs of ${basename(path)}${settingsEn} went to ${target}, where earlier runs put them; to have them in ${basename(path)} again, copy its tabs there and move ${basename(target)} away.`,
    };
  }
  return {
    ...after,
    location: target,
    note:
      `${basename(path)} دست نخورد چون ${unsupported.map((p) => p.fa).join('، ')} دارد؛ خروجی‌ها${settingsFa} در ${basename(target)} نوشته شد. / ` +
      `${basename(path)} was left untouched because it holds ${unsupported.map((p) => p.en).join(', ')}; the outputs${settingsEn} went to ${target}.`,
  };
}

async function initXlsx(path: string, template: InitTemplate): Promise<WriteReport> {
  const exists = await fileExists(path);
  const bytes = exists ? await readSourceBytes(path) : undefined;
  const workbook = bytes === undefined ? new ExcelJS.Workbook() : await loadWorkbook(bytes, path);
  const missing = template.tabs.filter(
    (tab) =>
      !workbook.worksheets.some(
        (ws) =>
          matchesKey(ws.name, tab.key, TABS[tab.key].label) ||
          normalizeName(ws.name) === normalizeName(tab.title),
      ),
  );
  if (missing.length === 0) {
    return {
      location: path,
      note: 'همهٔ برگه‌ها از پیش بودند؛ چیزی تغییر نکرد. / Every tab is already there; nothing changed.',
    };
  }
  const titles = missing.map((tab) => tab.title);
  if (bytes !== undefined) {
    const unsupported = await findUnsupportedParts(bytes);
    if (unsupported.length > 0) {
      throw new KarnamehError(
        'source.write_failed',
        `${path} holds ${unsupported.map((p) => p.en).join(', ')}, which rewriting it would lose; add these tabs by hand: ${titles.join(', ')}`,
      );
    }
  }
  for (const tab of missing) {
    fillWorksheet(workbook.addWorksheet(tab.title), [tab.header, ...tab.rows]);
  }
  if (bytes === undefined) await mkdir(dirname(path), { recursive: true });
  await saveWorkbook(workbook, path);
  return {
    location: path,
    note: `برگه‌های افزوده: ${titles.join('، ')} / Tabs added: ${titles.join(', ')}`,
  };
}
