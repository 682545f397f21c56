import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../functions/cli.ts';
import type { Summary } from '../../functions/core/summary.ts';

export const EXAMPLE = fileURLToPath(new URL('../../examples/ilam-1403.xlsx', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: () => Summary;
}

/** Runs the CLI in-process with its own env; nothing from the test's env leaks in. */
export async function karnameh(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  now = new Date('2024-07-25T08:00:00Z'),
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => now,
  });
  return { code, stdout, stderr, summary: () => JSON.parse(stdout) as Summary };
}

/** A temp folder with a copy of the example workbook; removed by `cleanup`. */
export async function scratch(): Promise<{
  dir: string;
  workbook: string;
  outbox: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-cli-'));
  const workbook = join(dir, 'ilam.xlsx');
  await copyFile(EXAMPLE, workbook);
  return {
    dir,
    workbook,
    outbox: join(dir, 'outbox'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
