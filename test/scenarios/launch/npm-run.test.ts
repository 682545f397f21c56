/**
 * `npm run karnameh -- …` typed in another folder (a subfolder of the project, or with
 * --prefix): npm runs the script in the package's folder, but the paths on the command
 * line, and the default ./outbox, are meant from where it was typed.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratch } from '../../support/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const exec = promisify(execFile);

let box: Awaited<ReturnType<typeof scratch>>;
beforeEach(async () => {
  box = await scratch();
});
afterEach(() => box.cleanup());

describe('npm run karnameh from another folder', () => {
  it('reads the workbook and writes the outbox where the command was typed', async () => {
    const { stderr } = await exec(
      'npm',
      ['--prefix', ROOT, 'run', 'karnameh', '--', 'run', '--workbook', 'ilam.xlsx'].concat([
        '--month',
        '1403-04',
        '--dry-run',
      ]),
      { cwd: box.dir, env: { PATH: process.env.PATH ?? '', HOME: box.dir } },
    );
    expect(stderr).toContain('dry run: nothing written, nothing sent');
    expect(await readdir(join(box.dir, 'outbox', 'preview'))).toContain('release.html');
  }, 60_000);
});
