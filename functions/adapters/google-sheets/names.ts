/**
 * Name matching of docs/workbook.md#names (the same rule as core/tab-lookup `matchesKey`),
 * on `normalizeName` alone, so that loading the Sheets store does not load the parsers.
 */
import { normalizeName } from '../../core/language/normalize.ts';

/** True when `text` names the key, by its English name or its Persian label. */
export function namesKey(text: string, key: string, label: string): boolean {
  const name = normalizeName(text);
  return name !== '' && (name === normalizeName(key) || name === normalizeName(label));
}
