import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../functions/cli/main.ts';
import type { Summary } from '../../functions/core/figures/summary.ts';

export const EXAMPLE = fileURLToPath(new URL('../../examples/ilam-1403.xlsx', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: () => Summary;
}

/**
 * Runs the CLI in-process with its own env; nothing from the test's env leaks in. Without
 * XDG_STATE_HOME in `env`, a Sheet's delivery journal goes into a folder of this call alone,
 * removed after it (never the user's ~/.local/state, never another test's journal).
 */
export async function karnameh(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  now = new Date('2024-07-25T08:00:00Z'),
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const state = env.XDG_STATE_HOME ? null : await mkdtemp(join(tmpdir(), 'karnameh-state-'));
  try {
    const code = await main(args, {
      env: state ? { ...env, XDG_STATE_HOME: state } : env,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      now: () => now,
    });
    return { code, stdout, stderr, summary: () => JSON.parse(stdout) as Summary };
  } finally {
    if (state) await rm(state, { recursive: true, force: true });
  }
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
