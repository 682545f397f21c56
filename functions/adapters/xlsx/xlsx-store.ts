import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, RawWorkbook } from '../../core/cells.ts';
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

async function readXlsx(path: string): Promise<RawWorkbook> {
  const workbook = await loadWorkbook(await readSourceBytes(path), path);
  return { tabs: workbook.worksheets.map(readWorksheet) };
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
  if (unsupported.length > 0) return writeSibling(path, request.outputs, settings, unsupported);
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
