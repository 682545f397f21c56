/**
 * bin/karnameh.js turns on Node's compile cache in os.tmpdir(); a temp folder where no
 * folder can be made (TMPDIR under /proc) must mean no cache, not a start that never ends
 * (Node's recursive mkdir spins there). The child is killed after 30 s if it hangs.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/karnameh.js', import.meta.url));
const exec = promisify(execFile);

const help = (env: NodeJS.ProcessEnv) =>
  exec(process.execPath, [BIN, 'help'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
    killSignal: 'SIGKILL',
  });

describe('the compile cache of bin/karnameh.js', () => {
  it.each(['/proc', '/proc/self', '/nonexistent/tmp'])(
    'TMPDIR=%s: the command runs, without a cache',
    async (dir) => {
      const { stdout } = await help({ TMPDIR: dir });
      expect(stdout).toMatch(/^usage:/);
    },
    40_000,
  );

  it('is kept in the temp folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'karnameh-cache-'));
    try {
      await help({ TMPDIR: dir });
      expect(await readdir(dir)).toEqual(['node-compile-cache']);
      expect((await readdir(join(dir, 'node-compile-cache'))).length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
