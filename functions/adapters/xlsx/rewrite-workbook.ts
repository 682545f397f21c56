/** An .xlsx rewritten with only the planned tabs' parts replaced or added; every other entry copied as is. */
import type { CellValue, RawTab } from '../../core/contract/cells.ts';
import type { SettingsUpdate } from '../../ports.ts';
import { registerSheet, type Registry } from './add-sheet.ts';
import { pruneCalcChain } from './calc-chain.ts';
import { readCellStyles } from './cell-styles.ts';
import { readTabs, type OpenWorkbook } from './open-workbook.ts';
import { partText, readRelationships } from './package-map.ts';
import { patchSettings } from './settings-patch.ts';
import { sheetXml } from './write-sheet.ts';
import { writeZip } from './zip-container.ts';

/** One tab to write whole: found by `matches` (first worksheet in workbook order), else added as `title`. */
export interface TabWrite {
  title: string;
  matches: (name: string) => boolean;
  /** The tab's rows, header first; a function is given the tab as it is in the file now. */
  rows: CellValue[][] | ((current: RawTab | undefined) => CellValue[][]);
}

export interface RewritePlan {
  tabs: TabWrite[];
  /** Settings cells to set, in the tab `settingsTab` matches. */
  settings?: { matches: (name: string) => boolean; updates: SettingsUpdate[] };
  /** Input worksheet parts edited in place (open's rows in the scores tab), by tab. */
  patches?: { matches: (name: string) => boolean; patch: (xml: string) => string }[];
}

const SHEET_PR = /<(\w+:)?sheetPr\b[^>]*?(?:\/>|>[\s\S]*?<\/\1?sheetPr>)/;

/**
 * The workbook's bytes with only the planned tabs' worksheet parts replaced (new tabs added
 * with their workbook, relationship and content-type entries); every other entry is copied
 * byte for byte.
 */
export function rewriteWorkbook(open: OpenWorkbook, plan: RewritePlan, where: string): Buffer {
  const { zip, map } = open;
  const styles = readCellStyles(map.stylesPart && partText(zip, map.stylesPart));
  const layout = {
    headerStyle: styles.boldIndex,
    dateStyle: styles.dateIndex,
    date1904: map.date1904,
  };
  const replace = new Map<string, Buffer>();
  const add: [string, Buffer][] = [];
  const taken = new Set<string>();
  let registry: Registry | undefined;
  const worksheets = map.sheets.filter((s) => s.isWorksheet);
  const replacedIds = new Set<number>();
  for (const tab of plan.tabs) {
    const sheet = worksheets.find((s) => tab.matches(s.name));
    const current =
      sheet !== undefined && typeof tab.rows === 'function'
        ? readTabs(open, where, (name) => name === sheet.name)[0]
        : undefined;
    const rows = typeof tab.rows === 'function' ? tab.rows(current) : tab.rows;
    if (sheet !== undefined) {
      const old = partText(zip, sheet.part) ?? '';
      const sheetPr = SHEET_PR.exec(old.slice(0, 4096))?.[0];
      replace.set(sheet.part, Buffer.from(sheetXml(rows, { ...layout, sheetPr }), 'utf8'));
      replacedIds.add(sheet.sheetId);
      continue;
    }
    registry ??= {
      workbook: partText(zip, map.workbookPart) ?? '',
      rels: partText(zip, map.workbookRelsPart) ?? '',
      types: partText(zip, '[Content_Types].xml') ?? '',
    };
    const part = registerSheet(zip, map, registry, tab.title, taken);
    add.push([part, Buffer.from(sheetXml(rows, layout), 'utf8')]);
  }
  if (registry !== undefined) {
    replace.set(map.workbookPart, Buffer.from(registry.workbook, 'utf8'));
    replace.set(map.workbookRelsPart, Buffer.from(registry.rels, 'utf8'));
    replace.set('[Content_Types].xml', Buffer.from(registry.types, 'utf8'));
  }
  const settings = plan.settings;
  if (settings !== undefined && settings.updates.length > 0) {
    const sheet = worksheets.find((s) => settings.matches(s.name));
    if (sheet === undefined) throw new Error('no settings tab');
    const rows = readTabs(open, where, (name) => name === sheet.name)[0]?.rows ?? [];
    const xml = partText(zip, sheet.part) ?? '';
    replace.set(sheet.part, Buffer.from(patchSettings(xml, rows, settings.updates, where), 'utf8'));
  }
  for (const edit of plan.patches ?? []) {
    const sheet = worksheets.find((s) => edit.matches(s.name));
    if (sheet === undefined) throw new Error('no tab to patch');
    replace.set(sheet.part, Buffer.from(edit.patch(partText(zip, sheet.part) ?? ''), 'utf8'));
  }
  const chainPart = readRelationships(zip, map.workbookPart).find((r) =>
    r.type.endsWith('/calcChain'),
  );
  const chain = replacedIds.size > 0 && chainPart ? partText(zip, chainPart.part) : undefined;
  const pruned = chain === undefined ? undefined : pruneCalcChain(chain, replacedIds);
  if (chainPart && pruned !== undefined) replace.set(chainPart.part, Buffer.from(pruned, 'utf8'));
  return writeZip(zip, replace, add);
}
