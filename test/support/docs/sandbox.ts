/** A copy of this checkout in a temporary folder (its node_modules linked), where a page's commands run through /bin/sh. */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What a fresh clone does not have, or `npm ci` makes: not copied (node_modules is linked). */
const LEFT_OUT = new Set(['.git', 'node_modules', 'dist', 'outbox', 'coverage', 'test-artifacts']);

interface ShellRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  /** The copy of the checkout: every command's working folder. */
  root: string;
  /** A path inside the copy. */
  path: (relative: string) => string;
  /** Runs `command` with /bin/sh -c in the copy, with only `env` (HOME is the sandbox's). */
  sh: (command: string, env?: NodeJS.ProcessEnv) => Promise<ShellRun>;
  /** The environment every command gets unless it says otherwise: PATH, HOME, a UTF-8 locale. */
  env: NodeJS.ProcessEnv;
  cleanup: () => Promise<void>;
}

export async function makeSandbox(): Promise<Sandbox> {
  const base = await mkdtemp(join(tmpdir(), 'karnameh-docs-'));
  const root = join(base, 'karnameh');
  const home = join(base, 'home');
  await cp(ROOT, root, {
    recursive: true,
    filter: (source) => !LEFT_OUT.has(source.slice(ROOT.length).split('/')[0] ?? ''),
  });
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  await mkdir(home);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' };
  return {
    root,
    env,
    path: (relative) => join(root, relative),
    sh: (command, given = env) => shell(command, root, given),
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}

function shell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ShellRun> {
  const child = spawn('/bin/sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** The folder of the `npm` on this PATH (for a cron-like PATH of that folder and /usr/bin:/bin). */
export function npmFolder(): string {
  const found = spawnSync('/bin/sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (!path) throw new Error('no npm on PATH');
  return dirname(path);
}

/** Every file under `dir` whose name ends with `suffix`, at any depth ([] when there is no `dir`). */
export async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(suffix)).map((name) => join(dir, name));
}

export const sameBytes = async (a: string, b: string): Promise<boolean> =>
  (await readFile(a)).equals(await readFile(b));

/** A workbook's tabs as rows of cell texts (ExcelJS, independent of karnameh's reader). */
export async function tabs(path: string): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const out = new Map<string, string[][]>();
  for (const sheet of book.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
      rows.push(cells);
    });
    out.set(sheet.name, rows);
  }
  return out;
}

/** Sets a key of the settings tab (تنظیمات: key in column A, value in B), as the secretary types it. */
export async function setSetting(path: string, key: string, value: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  let found = false;
  book.getWorksheet('تنظیمات')?.eachRow((row) => {
    if (row.getCell(1).text.trim() !== key) return;
    row.getCell(2).value = value;
    found = true;
  });
  if (!found) throw new Error(`no ${key} in the settings tab of ${path}`);
  await book.xlsx.writeFile(path);
}
