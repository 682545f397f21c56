/** The settings worksheet's XML with single value cells set, each cell keeping its style. */
import { a1, type CellValue } from '../../core/contract/cells.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import { matchesKey } from '../../core/contract/tab-lookup.ts';
import { SETTING_KEYS, TABS } from '../../core/contract/tabs.ts';
import type { SettingsUpdate } from '../../ports.ts';
import { parseRef } from './read-sheet.ts';
import { escapeXml } from './write-sheet.ts';
import { encodeXstring } from './xstring.ts';

function columnOf(header: CellValue[], key: string, label: string): number | undefined {
  const index = header.findIndex((v) => typeof v === 'string' && matchesKey(v, key, label));
  return index < 0 ? undefined : index;
}

function newCell(ref: string, text: string, style: string): string {
  return text === ''
    ? `<c r="${ref}"${style}/>`
    : `<c r="${ref}"${style} t="inlineStr"><is><t>${escapeXml(encodeXstring(text))}</t></is></c>`;
}

/** `xml` with cell (row, column) holding `text` (or emptied), keeping the cell's style. */
export function setCell(xml: string, row: number, column: number, text: string): string {
  const ref = a1(row, column);
  const rowOpen = new RegExp(`<(\\w+:)?row\\b[^>]*\\br="${row + 1}"[^>]*?(/?)>`).exec(xml);
  if (rowOpen === null) {
    const prefix = /<(\w+:)?sheetData\b/.exec(xml)?.[1] ?? '';
    const rowXml = `<${prefix}row r="${row + 1}">${newCell(ref, text, '')}</${prefix}row>`;
    const later = [...xml.matchAll(/<(?:\w+:)?row\b[^>]*\br="(\d+)"/g)].find(
      (m) => Number(m[1]) > row + 1,
    );
    if (later?.index !== undefined)
      return xml.slice(0, later.index) + rowXml + xml.slice(later.index);
    const empty = /<(\w+:)?sheetData\s*\/>/.exec(xml);
    if (empty !== null) {
      return `${xml.slice(0, empty.index)}<${prefix}sheetData>${rowXml}</${prefix}sheetData>${xml.slice(empty.index + empty[0].length)}`;
    }
    const close = /<\/(\w+:)?sheetData>/.exec(xml);
    if (close === null) throw new Error('no sheetData');
    return xml.slice(0, close.index) + rowXml + xml.slice(close.index);
  }
  const prefix = rowOpen[1] ?? '';
  const start = rowOpen.index + rowOpen[0].length;
  if (rowOpen[2] === '/') {
    const open = rowOpen[0].replace(/\s*\/>$/, '>');
    return `${xml.slice(0, rowOpen.index)}${open}${newCell(ref, text, '')}</${prefix}row>${xml.slice(start)}`;
  }
  const end = xml.indexOf(`</${prefix}row>`, start);
  const body = xml.slice(start, end);
  const cells = [...body.matchAll(/<(\w+:)?c\b[^>]*?(?:\/>|>[\s\S]*?<\/\1?c>)/g)];
  for (const match of cells) {
    const cellRef = /\br="([^"]+)"/.exec(match[0])?.[1];
    const at = cellRef === undefined ? undefined : parseRef(cellRef);
    if (at === undefined || at[1] < column) continue;
    const style = /\ss="\d+"/.exec(match[0])?.[0] ?? '';
    const from = start + (match.index ?? 0);
    if (at[1] === column)
      return xml.slice(0, from) + newCell(ref, text, style) + xml.slice(from + match[0].length);
    return xml.slice(0, from) + newCell(ref, text, '') + xml.slice(from);
  }
  return xml.slice(0, end) + newCell(ref, text, '') + xml.slice(end);
}

/**
 * The settings worksheet with each update's value cell set (the row whose key names it in
 * English or Persian), or a row (Persian label, value) appended when the key is absent.
 */
export function patchSettings(
  xml: string,
  rows: CellValue[][],
  updates: SettingsUpdate[],
  where: string,
): string {
  const [keySpec, valueSpec] = TABS.settings.columns;
  const header = rows[0] ?? [];
  const keyColumn = keySpec && columnOf(header, keySpec.key, keySpec.label);
  const valueColumn = valueSpec && columnOf(header, valueSpec.key, valueSpec.label);
  if (keyColumn === undefined || valueColumn === undefined) {
    throw new KarnamehError(
      'source.write_failed',
      `the settings tab of ${where} has no ${keyColumn === undefined ? `key (${keySpec?.label})` : `value (${valueSpec?.label})`} column in row 1`,
    );
  }
  let result = xml;
  let last = rows.length;
  for (const update of updates) {
    const label = SETTING_KEYS[update.key];
    let target = rows.findIndex((row, r) => {
      const key = row[keyColumn];
      return r > 0 && typeof key === 'string' && matchesKey(key, update.key, label);
    });
    if (target < 0) {
      target = last++;
      result = setCell(result, target, keyColumn, label);
    }
    result = setCell(result, target, valueColumn, update.value);
  }
  return result;
}
