import type { Workbook, Worksheet } from 'exceljs';
import { KarnamehError } from '../../core/errors.ts';
import { matchesKey } from '../../core/tab-lookup.ts';
import { SETTING_KEYS, TABS } from '../../core/tabs.ts';
import type { SettingsUpdate } from '../../ports.ts';
import { findWorksheet } from './match-names.ts';
import { cellValue } from './read-cells.ts';
import { excelValue } from './write-tabs.ts';

function headerColumn(worksheet: Worksheet, key: string, label: string): number | undefined {
  let found: number | undefined;
  worksheet.getRow(1).eachCell((cell, column) => {
    const value = cellValue(cell);
    if (found === undefined && typeof value === 'string' && matchesKey(value, key, label)) {
      found = column;
    }
  });
  return found;
}

/**
 * Sets the value cell of each updated key in the settings tab (the row whose key cell
 * names it in English or Persian), or appends a row (Persian label, value) when the key
 * is absent. An empty value empties the cell. Nothing else in the tab changes.
 */
export function applySettingsUpdates(
  workbook: Workbook,
  updates: SettingsUpdate[],
  where: string,
): void {
  if (updates.length === 0) return;
  const worksheet = findWorksheet(workbook, 'settings');
  const [keySpec, valueSpec] = TABS.settings.columns;
  if (worksheet === undefined || keySpec === undefined || valueSpec === undefined) {
    throw new KarnamehError(
      'source.write_failed',
      `${where} has no settings tab (${TABS.settings.label}) to write ${updates.map((u) => u.key).join(', ')} into`,
    );
  }
  const keyColumn = headerColumn(worksheet, keySpec.key, keySpec.label);
  const valueColumn = headerColumn(worksheet, valueSpec.key, valueSpec.label);
  if (keyColumn === undefined || valueColumn === undefined) {
    throw new KarnamehError(
      'source.write_failed',
      `the settings tab "${worksheet.name}" of ${where} has no ${keyColumn === undefined ? `key (${keySpec.label})` : `value (${valueSpec.label})`} column in row 1`,
    );
  }
  let lastRow = 1;
  worksheet.eachRow({ includeEmpty: false }, (_row, rowNumber) => {
    lastRow = rowNumber;
  });
  for (const update of updates) {
    const label = SETTING_KEYS[update.key];
    let target: number | undefined;
    for (let rowNumber = 2; rowNumber <= lastRow && target === undefined; rowNumber++) {
      const row = worksheet.findRow(rowNumber);
      const cell = row?.findCell(keyColumn);
      const key = cell === undefined ? null : cellValue(cell);
      if (typeof key === 'string' && matchesKey(key, update.key, label)) target = rowNumber;
    }
    if (target === undefined) {
      lastRow += 1;
      target = lastRow;
      worksheet.getRow(target).getCell(keyColumn).value = label;
    }
    worksheet.getRow(target).getCell(valueColumn).value = excelValue(update.value);
  }
}
