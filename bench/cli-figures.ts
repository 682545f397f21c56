/**
 * The whole command line on the bundled example, in a fresh Node process each time, as a
 * person runs it: `node bin/karnameh.js run --workbook <copy> --month 1403-04`, mail into
 * an outbox folder, and the same with `--dry-run`. Each run gets its own copy of the
 * workbook (a second run of a sent month would only say "already sent").
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median, type Figure } from './measure.ts';

const exec = promisify(execFile);
const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const BIN = join(ROOT, 'bin', 'karnameh.js');
const EXAMPLE = join(ROOT, 'examples', 'ilam-1403.xlsx');

/** The environment without anything that would send real mail or pick another source. */
function quietEnv(): NodeJS.ProcessEnv {
  const dropped = new Set(['SMTP_URL', 'MAIL_FROM', 'KARNAMEH_WORKBOOK', 'KARNAMEH_SHEET']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.has(key)));
}

/** One CLI run on a fresh copy of the example; wall time in ms. */
async function timedRun(extra: string[]): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-bench-cli-'));
  try {
    const workbook = join(dir, 'ilam-1403.xlsx');
    await copyFile(EXAMPLE, workbook);
    const args = [
      BIN,
      'run',
      '--workbook',
      workbook,
      '--month',
      '1403-04',
      '--outbox',
      join(dir, 'outbox'),
    ];
    const start = performance.now();
    await exec(process.execPath, [...args, ...extra], {
      cwd: dir,
      env: quietEnv(),
      maxBuffer: 16 << 20,
    });
    return performance.now() - start;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function cliFigures(runs: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [label, extra] of [
    ['run (sends 3 messages to the outbox)', []],
    ['run --dry-run', ['--dry-run']],
  ] as const) {
    await timedRun([...extra]); // warms the file cache
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timedRun([...extra]));
    figures.push({
      name: `CLI ${label}, bundled example, child process`,
      value: median(times),
      unit: 'ms',
      target: 2000,
      runs,
      detail: `node bin/karnameh.js … --month 1403-04; min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    });
  }
  return figures;
}
