/** What the .xlsx store's read and write share: the output tabs, the sibling file, a file loaded with its identity, and what the store saw. */
import { basename, dirname, extname, join } from 'node:path';
import { matchesKey } from '../../core/contract/tab-lookup.ts';
import { TABS, type TabKey } from '../../core/contract/tabs.ts';
import { readIdentified, resolveTarget, type FileIdentity } from './file-guard.ts';
import { openWorkbook, type OpenWorkbook } from './open-workbook.ts';

export const OUTPUT_KEYS = ['results', 'problems', 'runs'] as const;

/** Whether a tab's name is the key's (English name or Persian label). */
export const isTab =
  (key: TabKey) =>
  (name: string): boolean =>
    matchesKey(name, key, TABS[key].label);

/** `dir/name.xlsx` → `dir/name.karnameh-results.xlsx`: where older versions put the outputs of a workbook they could not rewrite. */
export function siblingPath(path: string): string {
  return join(dirname(path), `${basename(path, extname(path))}.karnameh-results.xlsx`);
}

/** The file at `file` (through a symlink to its target), read with its identity and opened. */
export async function loadXlsx(
  file: string,
): Promise<{ target: string; identity: FileIdentity; open: OpenWorkbook }> {
  const target = await resolveTarget(file);
  const { bytes, identity } = await readIdentified(target);
  return { target, identity, open: openWorkbook(bytes, file) };
}

/** What the store remembers between calls. */
export interface XlsxState {
  /** The file as this store last read or wrote it, and its input tabs' fingerprint as read. */
  seen?: { target: string; identity: FileIdentity; inputs: string };
  /** The runs tab's title as last seen (it is found by its header, whatever its title). */
  runsTitle?: string;
}
