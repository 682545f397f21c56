/**
 * The bundled command line (scripts/build-cli.ts, what bin/karnameh.js runs after `npm ci`)
 * does what the sources do: built afresh into a folder of the package, then the example's
 * dry run and a real run into an outbox, against the same runs from the sources.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.ts';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { emlFiles } from '../../support/outbox-files.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Inside the package, so the packages left outside the bundle resolve from its node_modules.
// A space in its name, as in a user's folder: every path the bundle finds from its own URL
// must be decoded.
const OUT = join(ROOT, 'node_modules', '.cache', `karnameh bundle test ${process.pid}`);

type Main = typeof import('../../../functions/cli/main.ts').main;
let bundled: Main;

async function run(main: Main, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date('2024-07-25T08:00:00Z'),
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  await buildCli(OUT);
  ({ main: bundled } = (await import(pathToFileURL(join(OUT, 'cli.js')).href)) as {
    main: Main;
  });
}, 60_000);
afterAll(() => rm(OUT, { recursive: true, force: true }));

describe('the bundled command line', () => {
  it('holds zod inside and leaves handlebars, nodemailer and the Google client outside', async () => {
    const files = (await readdir(OUT)).filter((f) => f.endsWith('.js'));
    const code = (await Promise.all(files.map((f) => readFile(join(OUT, f), 'utf8')))).join('\n');
    expect(code).not.toMatch(/from\s+["']zod/);
    expect(code).toMatch(/\$ZodObject|ZodObject/);
    expect(code).toMatch(/["']handlebars\/runtime["']/);
    expect(code).toMatch(/import\("@googleapis\/sheets"\)/);
    // one chunk per lazily loaded command and store, not one file with everything
    expect(files.some((f) => f.startsWith('sheets-store-'))).toBe(true);
    expect(files.some((f) => f.startsWith('check-month-'))).toBe(true);
  });

  it('gives the dry run of the sources: the same summary and the same preview files', async () => {
    const results = [];
    for (const main of [bundled, null]) {
      const box = await scratch();
      const args = ['run', '--workbook', box.workbook, '--month', '1403-04', '--dry-run'];
      const out = main
        ? await run(main, [...args, '--json', '--outbox', box.outbox])
        : await karnameh([...args, '--json', '--outbox', box.outbox]);
      const cards = (await readdir(join(box.outbox, 'preview', 'cards'))).sort();
      const release = await readFile(join(box.outbox, 'preview', 'release.txt'), 'utf8');
      await box.cleanup();
      expect(out.code, out.stderr).toBe(0);
      results.push({ summary: JSON.parse(out.stdout) as unknown, cards, release });
    }
    const [fromBundle, fromSources] = results;
    expect(fromBundle?.cards).toHaveLength(220);
    expect(fromBundle?.summary).toEqual(fromSources?.summary);
    expect(fromBundle?.cards).toEqual(fromSources?.cards);
    // the release names its run and time, which differ between two runs
    const stable = (text = '') => text.replace(/[^\n]*(شناسه|run|۱۴۰۳، ساعت)[^\n]*/g, '');
    expect(stable(fromBundle?.release)).toEqual(stable(fromSources?.release));
  });

  it('makes a workbook from the example with init --example (found from the bundle, not dist/examples)', async () => {
    const box = await scratch();
    const fresh = join(box.dir, 'new.xlsx');
    const out = await run(bundled, ['init', '--example', '--workbook', fresh]);
    const check = await run(bundled, [
      'check',
      '--workbook',
      fresh,
      '--month',
      '1403-04',
      '--json',
    ]);
    await box.cleanup();
    expect(out.code, out.stderr).toBe(0);
    expect(check.code, check.stderr).toBe(0);
    const { groups } = JSON.parse(check.stdout) as { groups: { evaluated: number }[] };
    expect(groups.map((g) => g.evaluated)).toEqual([100, 10]);
  });

  it('sends into an outbox and records it, as the sources do', async () => {
    const box = await scratch();
    const out = await run(bundled, [
      'run',
      '--workbook',
      box.workbook,
      '--month',
      '1403-04',
      '--outbox',
      box.outbox,
    ]);
    const sent = await emlFiles(box.outbox);
    const again = await run(bundled, ['run', '--workbook', box.workbook, '--month', '1403-04']);
    await box.cleanup();
    expect(out.code, out.stderr).toBe(0);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr + again.stdout).toMatch(/already written as \.eml/);
  });
});
