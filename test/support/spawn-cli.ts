/**
 * `karnameh …` in a process of its own (bin/karnameh.js, as a user starts it), with only
 * the env given (and PATH): its exit code, stdout and stderr once it ends.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/karnameh.js', import.meta.url));

export interface SpawnedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Without XDG_STATE_HOME in `env`, a Sheet's delivery journal goes into a folder of this
 * run alone, removed after it (never the user's ~/.local/state, never another test's).
 */
export async function spawnCli(args: string[], env: NodeJS.ProcessEnv): Promise<SpawnedRun> {
  const state = env.XDG_STATE_HOME ? null : await mkdtemp(join(tmpdir(), 'karnameh-state-'));
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, ...(state ? { XDG_STATE_HOME: state } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (state) await rm(state, { recursive: true, force: true });
  return { code, stdout, stderr };
}
