/**
 * What a run wrote is still there (issue 19, item 13): Excel and LibreOffice save a
 * workbook by writing a copy and renaming it over the file, so a workbook opened before the
 * run and saved while it runs puts back the results and problems tabs as they were before
 * it. The store keeps what each of its writes left in those tabs; every later write checks
 * them in the file as it is then, and writes them again onto that save (its edits kept)
 * when they are gone or changed, and says so.
 */
import { createHash } from 'node:crypto';
import type { CellValue } from '../../core/contract/cells.ts';
import { matchesKey } from '../../core/contract/tab-lookup.ts';
import { TABS } from '../../core/contract/tabs.ts';
import type { OutputTabs } from '../../ports.ts';
import { openWorkbook, readTabs, type OpenWorkbook } from './open-workbook.ts';
import type { TabWrite } from './rewrite-workbook.ts';
import { partText } from './package-map.ts';

export type GuardedKey = 'results' | 'problems';

/** A tab as this store's last write left it: its rows, and how to know them again. */
export interface WrittenTab {
  rows: CellValue[][];
  /** sha-256 of its worksheet part as written (the fast check: an untouched part). */
  part: string;
  /** sha-256 of its cells as read back (the check after another program saved the file). */
  cells: string;
}

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const isTab =
  (key: GuardedKey) =>
  (name: string): boolean =>
    matchesKey(name, key, TABS[key].label);

/** The tab's worksheet part text in `open`, if the tab is there. */
function partOf(open: OpenWorkbook, key: GuardedKey): string | undefined {
  const sheet = open.map.sheets.find((s) => s.isWorksheet && isTab(key)(s.name));
  return sheet ? partText(open.zip, sheet.part) : undefined;
}

/** The tab's cells as read, trailing blanks left out, hashed. */
function cellsOf(open: OpenWorkbook, path: string, key: GuardedKey): string | undefined {
  const [tab] = readTabs(open, path, isTab(key));
  if (!tab) return undefined;
  const rows = tab.rows.map((row) => {
    const cells = row.map((c) => (c instanceof Date ? c.toISOString() : (c ?? '')));
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows.at(-1)?.length === 0) rows.pop();
  return sha(JSON.stringify(rows));
}

/** What a write left in the tabs it wrote, from the workbook it produced. */
function writtenTabs(
  open: OpenWorkbook,
  path: string,
  tabs: Partial<Record<GuardedKey, CellValue[][]>>,
): Map<GuardedKey, WrittenTab> {
  const out = new Map<GuardedKey, WrittenTab>();
  for (const key of Object.keys(tabs) as GuardedKey[]) {
    const rows = tabs[key];
    const part = partOf(open, key);
    const cells = cellsOf(open, path, key);
    if (rows && part !== undefined && cells !== undefined) {
      out.set(key, { rows, part: sha(part), cells });
    }
  }
  return out;
}

/** The tabs this store wrote that the file as it is now no longer holds as written. */
function erasedTabs(
  open: OpenWorkbook,
  path: string,
  written: ReadonlyMap<GuardedKey, WrittenTab>,
): GuardedKey[] {
  const erased: GuardedKey[] = [];
  for (const [key, tab] of written) {
    const part = partOf(open, key);
    if (part !== undefined && sha(part) === tab.part) continue;
    if (part !== undefined && cellsOf(open, path, key) === tab.cells) continue;
    erased.push(key);
  }
  return erased;
}

/** A tab to write again, erased since this store wrote it. */
export interface Restore {
  key: GuardedKey;
  write: TabWrite;
}

/** The results and problems tabs as one store's writes left them, and their checks. */
export function outputGuard(path: string) {
  const written = new Map<GuardedKey, WrittenTab>();
  return {
    /** The tabs written before, not in this write, that the file no longer holds as written. */
    erased(current: OpenWorkbook, outputs: OutputTabs): Restore[] {
      const others = new Map([...written].filter(([key]) => outputs[key] === undefined));
      return erasedTabs(current, path, others).map((key) => ({
        key,
        write: { title: TABS[key].label, matches: isTab(key), rows: written.get(key)?.rows ?? [] },
      }));
    },
    /** What this write left in the tabs it wrote (its own, and those written again). */
    remember(bytes: Buffer, outputs: OutputTabs, restore: readonly Restore[]): void {
      const tabs: Partial<Record<GuardedKey, CellValue[][]>> = { ...outputs };
      for (const r of restore) tabs[r.key] = written.get(r.key)?.rows ?? [];
      if (Object.keys(tabs).length === 0) return;
      for (const [key, tab] of writtenTabs(openWorkbook(bytes, path), path, tabs)) {
        written.set(key, tab);
      }
    },
  };
}

/** Said when the tabs were written again. */
export function rewrittenNote(file: string, keys: readonly GuardedKey[]): string {
  const fa = keys.map((key) => TABS[key].label).join('، ');
  const en = keys.map((key) => TABS[key].label).join(', ');
  return (
    `برگه‌های ${fa} که این اجرا نوشته بود با ذخیرهٔ ${file} از برنامهٔ دیگری (اکسل یا لیبره‌آفیس، از نسخه‌ای که پیش از اجرا باز شده بود) پاک شده بود؛ دوباره روی همان ذخیره نوشته شد و ویرایش‌های آن ماند. / ` +
    `the ${en} tab(s) this run wrote had been erased by a save of ${file} from another program (Excel or LibreOffice, from a copy opened before the run); written again onto that save, its edits kept.`
  );
}
