/**
 * The site from the command line: a run that sends keeps its month and publishes it; a dry
 * run renders the site into the preview; `karnameh publish` rebuilds the pages from the
 * figures kept, with no workbook at all.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { karnameh, scratch } from '../../support/cli-harness.ts';
import { setAgencyCards } from '../../support/mail-fixtures.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false);
});
afterEach(async () => {
  await box.cleanup();
});

const run = (...args: string[]) =>
  karnameh(['run', '--workbook', box.workbook, '--outbox', box.outbox, ...args]);
const publish = (...args: string[]) => karnameh(['publish', '--outbox', box.outbox, ...args]);
const site = (path: string) => readFile(join(box.outbox, 'site', path), 'utf8');

/** Every file of a folder, by relative path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
  }
  return files;
}

describe('karnameh run and publish', () => {
  it('a sending run keeps the figures it sent and publishes them; publish rebuilds the same site with no workbook', async () => {
    const sent = await run('--month', '1403-04', '--json');
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toContain(`public pages written to ${join(box.outbox, 'site')}`);
    const summary = sent.summary();
    const kept = JSON.parse(await site('1403-04/results.json'));
    expect(kept.groups.map((g: { meanScore: number }) => g.meanScore)).toEqual(
      summary.groups.map((g) => g.meanScore),
    );
    expect(kept.groups[0].bands).toEqual(summary.groups[0]?.bands);
    const before = await tree(join(box.outbox, 'site'));
    expect(before['1403-04/index.html']).toContain('<img src="infographic.png"');
    expect(Object.keys(before).sort()).toEqual([
      '1403-04/index.html',
      '1403-04/infographic.png',
      '1403-04/infographic.svg',
      '1403-04/results.csv',
      '1403-04/results.json',
      'index.html',
    ]);

    // The workbook gone: the pages come from the kept figures alone.
    await rm(box.workbook);
    const again = await publish();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('4 files written');
    expect(await tree(join(box.outbox, 'site'))).toEqual(before);

    const out = join(box.dir, 'www');
    expect((await publish('--out', out)).code).toBe(0);
    expect(await tree(out)).toEqual(before);
  });

  it('--force republishes the month marked «اصلاحیه»; a month never sent is refused; a broken kept month is named', async () => {
    expect((await run('--month', '1403-03')).code).toBe(0);
    expect((await run('--month', '1403-04')).code).toBe(0);
    expect(await site('1403-04/index.html')).not.toContain('اصلاحیه');
    const forced = await run('--month', '1403-04', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(await site('1403-04/index.html')).toContain('<strong>اصلاحیه</strong>');
    expect(await site('index.html')).toContain('href="1403-03/index.html"');

    const never = await publish('--month', '1403-02');
    expect(never.code).toBe(2);
    expect(never.stderr).toContain('1403-02 has no kept figures');

    await writeFile(join(box.outbox, 'site', '1403-03', 'results.json'), '{"month": "1403-03"');
    const broken = await publish();
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(join(box.outbox, 'site', '1403-03', 'results.json'));
  });

  it('an outbox with no kept month is refused, in one line, and the site in --out is left as it was', async () => {
    expect((await run('--month', '1403-04')).code).toBe(0);
    const out = join(box.dir, 'www');
    expect((await publish('--out', out)).code).toBe(0);
    const good = await tree(out);
    const refused = await karnameh([
      'publish',
      '--outbox',
      join(box.dir, 'typo-outbox'),
      '--out',
      out,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`no month kept in ${join(box.dir, 'typo-outbox', 'site')}`);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(await tree(out)).toEqual(good);
  });

  it('a dry run renders the whole site into the preview and publishes nothing', async () => {
    expect((await run('--month', '1403-03')).code).toBe(0);
    const dry = await run('--month', '1403-04', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    const preview = join(box.outbox, 'preview', 'site');
    expect(dry.stderr).toContain(`preview: ${preview}/index.html`);
    const files = Object.keys(await tree(preview)).sort();
    expect(files).toContain('1403-03/index.html');
    expect(files).toContain('1403-04/index.html');
    expect(await readdir(join(box.outbox, 'site'))).toEqual(['1403-03', 'index.html']);
  });
});
