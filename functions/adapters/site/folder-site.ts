/** The public site as a folder on disk (`<outbox>/site/`, `--out DIR`, the dry run's preview). */
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SiteStore } from '../../ports.ts';
import { makeFolder } from '../make-folder.ts';
import { parseKeptMonth } from './site-months.ts';

const MONTH_FOLDER = /^\d{4}-\d{2}$/;

/**
 * `path` holding `content`, whole or not at all: written beside it and renamed over it (a
 * killed run leaves the old file; a web server never serves half of one; a symlink in its
 * place is replaced, not written through).
 */
async function replaceFile(path: string, content: string | Buffer): Promise<void> {
  await makeFolder(dirname(path));
  const temp = join(dirname(path), `.write-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The month folders of `dir` (none when it does not exist yet). */
async function monthFolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => MONTH_FOLDER.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const exists = async (path: string): Promise<boolean> =>
  (await stat(path).catch(() => undefined))?.isFile() ?? false;

export function createFolderSite(dir: string): SiteStore {
  return {
    description: `folder ${dir}`,
    location: dir,
    async readMonths() {
      const months = [];
      for (const month of await monthFolders(dir)) {
        const path = join(dir, month, 'results.json');
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (error) {
          // A month folder without its figures (an infographic alone) is not a kept month.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw error;
        }
        months.push(parseKeptMonth(text, path, month));
      }
      return months;
    },
    async infographics() {
      const found = new Set<string>();
      for (const month of await monthFolders(dir)) {
        if (await exists(join(dir, month, 'infographic.png'))) found.add(month);
      }
      return found;
    },
    readFile: (path) => readFile(join(dir, ...path.split('/'))),
    async write(files) {
      for (const file of files) await replaceFile(join(dir, ...file.path.split('/')), file.content);
    },
  };
}
