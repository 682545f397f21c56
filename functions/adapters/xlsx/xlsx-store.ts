import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, RawTab, RawWorkbook } from '../../core/cells.ts';
import { KarnamehError } from '../../core/errors.ts';
import { normalizeName } from '../../core/normalize.ts';
import { matchesKey } from '../../core/tab-lookup.ts';
import { SETTING_KEYS, TABS } from '../../core/tabs.ts';
import type {
  InitTemplate,
  OutputTabs,
  SettingsUpdate,
  WorkbookStore,
  WriteReport,
  WriteRequest,
} from '../../ports.ts';
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
    write: (request) => writeXlsx(path, request),
    init: (template) => initXlsx(path, template),
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

function applyOutputs(workbook: ExcelJS.Workbook, outputs: OutputTabs): void {
  for (const key of OUTPUT_KEYS) {
    const rows = outputs[key];
    if (rows !== undefined) {
      replaceWorksheet(workbook, findWorksheet(workbook, key), TABS[key].label, rows);
    }
  }
}

async function writeXlsx(path: string, request: WriteRequest): Promise<WriteReport> {
  const settings = request.settings ?? [];
  const bytes = await readSourceBytes(path);
  const hasOutputs = OUTPUT_KEYS.some((key) => request.outputs[key] !== undefined);
  if (!hasOutputs && settings.length === 0) return { location: path };
  const unsupported = await findUnsupportedParts(bytes).catch((error: unknown) => {
    throw new KarnamehError('source.unreadable', `${path} is not a readable .xlsx workbook`, {
      cause: error,
    });
  });
  // Once outputs live in the sibling they stay there (reads take them from there too), even
  // if the workbook could now be rewritten: the runs log is never split between two files.
  if (unsupported.length > 0 || (await fileExists(siblingPath(path)))) {
    return writeSibling(path, request.outputs, settings, unsupported);
  }
  const workbook = await loadWorkbook(bytes, path);
  applyOutputs(workbook, request.outputs);
  applySettingsUpdates(workbook, settings, path);
  await saveWorkbook(workbook, path);
  return { location: path };
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
  outputs: OutputTabs,
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
  applyOutputs(workbook, outputs);
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
      location: target,
      note:
        `خروجی‌های ${basename(path)}${settingsFa} مانند اجراهای پیشین در ${basename(target)} نوشته شد؛ برای بازگرداندن آنها به فایل اصلی، برگه‌هایش را به آن بیفزایید و ${basename(target)} را بردارید. / ` +
        `the outputs of ${basename(path)}${settingsEn} went to ${target}, where earlier runs put them; to have them in ${basename(path)} again, copy its tabs there and move ${basename(target)} away.`,
    };
  }
  return {
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
