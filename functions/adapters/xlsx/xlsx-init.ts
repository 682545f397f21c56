/** `init` of an .xlsx: a new workbook, or the missing tabs added to one (nothing else touched). */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KarnamehError } from '../../core/contract/errors.ts';
import { normalizeName } from '../../core/language/normalize.ts';
import { matchesKey } from '../../core/contract/tab-lookup.ts';
import { TABS, type TabKey } from '../../core/contract/tabs.ts';
import type { InitTemplate, WriteReport } from '../../ports.ts';
import {
  checkWritable,
  readIdentified,
  replaceFile,
  resolveTarget,
  targetExists,
  type FileIdentity,
} from './file-guard.ts';
import { emptyPackage } from './new-package.ts';
import { openWorkbook, readTabs } from './open-workbook.ts';
import { rewriteWorkbook, type TabWrite } from './rewrite-workbook.ts';

const isTab =
  (key: TabKey) =>
  (name: string): boolean =>
    matchesKey(name, key, TABS[key].label);

/**
 * Refuses a workbook whose folder is not there: `init` makes the file, never the folders
 * above it (a mistyped path would otherwise make them, silently).
 */
export async function checkFolderThere(path: string): Promise<void> {
  const folder = dirname(path);
  const info = await stat(folder).catch(() => null);
  if (info?.isDirectory()) return;
  throw new KarnamehError(
    'source.not_found',
    `the folder ${folder} does not exist: init makes the workbook, not its folder; make the folder first (mkdir -p "${folder}") or give another --workbook`,
  );
}

export async function initXlsx(path: string, template: InitTemplate): Promise<WriteReport> {
  const isNew = !(await targetExists(path));
  const target = isNew ? path : await resolveTarget(path);
  let current: { bytes: Buffer; identity?: FileIdentity } = { bytes: emptyPackage() };
  if (!isNew) {
    await checkWritable(path, target);
    current = await readIdentified(target);
  }
  const open = openWorkbook(current.bytes, path, isNew);
  const names = isNew ? [] : readTabs(open, path).map((t) => t.name);
  const missing = template.tabs.filter(
    (tab) =>
      !names.some(
        (name) => isTab(tab.key)(name) || normalizeName(name) === normalizeName(tab.title),
      ),
  );
  if (missing.length === 0) {
    return {
      location: path,
      note: 'همهٔ برگه‌ها از پیش بودند؛ چیزی تغییر نکرد. / Every tab is already there; nothing changed.',
    };
  }
  const tabs: TabWrite[] = missing.map((tab) => ({
    title: tab.title,
    matches: () => false,
    rows: [tab.header, ...tab.rows],
  }));
  const bytes = rewriteWorkbook(open, { tabs }, path);
  await replaceFile(target, bytes, current.identity, path);
  const titles = missing.map((tab) => tab.title);
  return {
    location: path,
    note: `برگه‌های افزوده: ${titles.join('، ')} / Tabs added: ${titles.join(', ')}`,
  };
}
