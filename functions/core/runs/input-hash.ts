/** A short hash of the workbook's input tabs, to trace what a run read and notice changed input. */
import { createHash } from 'node:crypto';
import type { CellValue, RawWorkbook } from '../contract/cells.ts';
import { OUTPUT_TABS, SETTING_KEYS, TABS } from '../contract/tabs.ts';
import { normalizeName } from '../language/normalize.ts';
import { hasRunsHeader } from '../contract/tab-lookup.ts';

const OUTPUT_KEYS = new Set<string>(OUTPUT_TABS);
const OUTPUT_NAMES = new Set(
  [...OUTPUT_TABS, 'archive' as const].flatMap((key) => [
    normalizeName(key),
    normalizeName(TABS[key].label),
  ]),
);
const SETTINGS_NAMES = new Set([normalizeName('settings'), normalizeName(TABS.settings.label)]);
/** Settings the product itself writes back (the watcher clears one and fills the other). */
const WRITTEN_SETTINGS = new Set(
  (['run_request', 'run_status'] as const).flatMap((key) => [
    normalizeName(key),
    normalizeName(SETTING_KEYS[key]),
  ]),
);

/** Days since 1899-12-30, as Google Sheets sends a date: the same hash from either store. */
const serial = (date: Date): number => date.getTime() / 86_400_000 + 25_569;

const cellText = (cell: CellValue | undefined): string =>
  cell === null || cell === undefined ? '' : String(cell instanceof Date ? serial(cell) : cell);

/**
 * A short hash of the input tabs (everything but the product's own output tabs, the runs
 * tab found by its header whatever its title), so a
 * figure in the release can be traced to the exact sheet content it came from, and a month
 * whose data changed after it was sent is noticed (run.data_changed). Blank trailing cells
 * and rows do not change it, nor do the settings rows the product writes itself
 * (run_request, run_status). A hash the store already computed for these tabs
 * (`workbook.inputHash`) is taken as it is.
 */
export function inputHash(workbook: RawWorkbook): string {
  if (workbook.inputHash !== undefined) return workbook.inputHash;
  const hash = createHash('sha256');
  for (const tab of workbook.tabs) {
    if (OUTPUT_NAMES.has(normalizeName(tab.name)) || hasRunsHeader(tab)) continue;
    if (tab.mark !== undefined && OUTPUT_KEYS.has(tab.mark)) continue;
    hash.update(`\u0001${tab.name}\u0002`);
    const settings = SETTINGS_NAMES.has(normalizeName(tab.name));
    const kept = settings
      ? tab.rows.filter((row) => !row.some((c) => WRITTEN_SETTINGS.has(normalizeName(cellText(c)))))
      : tab.rows;
    const rows = kept.map((row) => {
      const cells = row.map(cellText);
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      return cells;
    });
    while (rows.length > 0 && rows.at(-1)?.length === 0) rows.pop();
    for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}
