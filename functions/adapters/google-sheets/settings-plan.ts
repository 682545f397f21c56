/**
 * The settings cells of a write: each value set in the row whose key names the setting, or
 * a new row added for it. Pure.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { KarnamehError } from '../../core/contract/errors.ts';
import { SETTING_KEYS, TABS } from '../../core/contract/tabs.ts';
import type { SettingsUpdate } from '../../ports.ts';
import { toPlain, toPlainRows, type PlainCell } from './cell-data.ts';
import { appendDimension, singleCell } from './grid-requests.ts';
import { namesKey as matchesKey } from './names.ts';
import type { TabState } from './snapshot.ts';

type Request = sheets_v4.Schema$Request;

function headerColumn(rows: readonly PlainCell[][], key: string, label: string): number {
  const header = rows[0] ?? [];
  return header.findIndex((cell) => typeof cell === 'string' && matchesKey(cell, key, label));
}

/**
 * Settings updates: the value cell of the row whose key names the setting (English key or
 * Persian label), or a new row (Persian label, value) after the last one when the key is
 * absent. A cell that already holds the value is left alone; nothing else is touched.
 */
export function planSettings(
  state: TabState | null,
  updates: readonly SettingsUpdate[],
  where: string,
): { requests: Request[]; after: TabState | null } {
  if (updates.length === 0) return { requests: [], after: state };
  const [keySpec, valueSpec] = TABS.settings.columns;
  if (!state || !keySpec || !valueSpec) {
    throw new KarnamehError(
      'source.write_failed',
      `${where} has no settings tab (${TABS.settings.label}) to write ${updates.map((u) => u.key).join(', ')} into; nothing was written`,
    );
  }
  const keyColumn = headerColumn(state.rows, keySpec.key, keySpec.label);
  const valueColumn = headerColumn(state.rows, valueSpec.key, valueSpec.label);
  if (keyColumn < 0 || valueColumn < 0) {
    const missing = keyColumn < 0 ? `key (${keySpec.label})` : `value (${valueSpec.label})`;
    throw new KarnamehError(
      'source.write_failed',
      `the settings tab "${state.sheet.title}" of ${where} has no ${missing} column in row 1; nothing was written`,
    );
  }
  const sheet = { ...state.sheet };
  const rows = state.rows.map((row) => row.slice());
  const requests: Request[] = [];
  const set = (row: number, column: number, value: PlainCell) => {
    const cells = (rows[row] ??= []);
    while (cells.length <= column) cells.push(null);
    cells[column] = value;
  };
  for (const update of updates) {
    const label = SETTING_KEYS[update.key];
    const value = toPlain(update.value);
    let target = -1;
    for (let r = 1; r < rows.length && target < 0; r++) {
      const key = rows[r]?.[keyColumn];
      if (typeof key === 'string' && matchesKey(key, update.key, label)) target = r;
    }
    if (target >= 0) {
      if ((rows[target]?.[valueColumn] ?? null) === value) continue;
      requests.push(singleCell(sheet.sheetId, target, valueColumn, value));
      set(target, valueColumn, value);
      continue;
    }
    if (value === null) continue; // nothing to clear
    target = rows.length;
    if (target >= sheet.rowCount) {
      requests.push(appendDimension(sheet.sheetId, 'ROWS', target + 1 - sheet.rowCount));
      sheet.rowCount = target + 1;
    }
    requests.push(singleCell(sheet.sheetId, target, keyColumn, label));
    requests.push(singleCell(sheet.sheetId, target, valueColumn, value));
    set(target, keyColumn, label);
    set(target, valueColumn, value);
  }
  return { requests, after: { sheet, rows: toPlainRows(rows) } };
}
