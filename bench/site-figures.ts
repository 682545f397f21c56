/**
 * The public site of the bundled example's four months (Farvardin–Tir 1403, 110 agencies):
 * `karnameh publish` writing the whole site into an empty folder from the kept months
 * (read, build, write), with `public_table: top` and `all` (every agency's page too), and
 * the four sending runs' publishing one month each. Target: the whole site under 1 s.
 * Run: `node bench/site-figures.ts [runs]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFolderSite } from '../functions/adapters/site/folder-site.ts';
import { buildSite } from '../functions/core/site/build-site.ts';
import type { PublishedMonth } from '../functions/core/site/site-record.ts';
import { publishMonth, publishSite } from '../functions/use-cases/publish-site.ts';
import { exampleKept } from '../test/support/site-fixtures.ts';
import { medianMs, type Figure } from './measure.ts';

/** A folder holding the months' kept figures only, and an empty folder to publish into. */
async function keptFolder(months: readonly PublishedMonth[]) {
  const dir = await mkdtemp(join(tmpdir(), 'karnameh-bench-site-'));
  const kept = buildSite(months).filter((f) => f.path.endsWith('/results.json'));
  await createFolderSite(join(dir, 'kept')).write(kept);
  return { dir, from: createFolderSite(join(dir, 'kept')), to: createFolderSite(join(dir, 'out')) };
}

export async function siteFigures(runs = 5): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const table of ['top', 'all'] as const) {
    const months = (await exampleKept(table)).map((k) => k.month);
    const files = buildSite(months);
    const pages = files.filter((f) => f.path.endsWith('.html'));
    const largest = Math.max(...pages.map((p) => Buffer.byteLength(p.content)));
    const folders: string[] = [];
    const whole = await medianMs(
      runs,
      ({ from, to }) => publishSite(from, to),
      async () => {
        const prepared = await keptFolder(months);
        folders.push(prepared.dir);
        return prepared;
      },
    );
    const sending = await medianMs(
      runs,
      async (site) => {
        for (const month of months) await publishMonth(site, month);
      },
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'karnameh-bench-site-'));
        folders.push(dir);
        return createFolderSite(dir);
      },
    );
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
    figures.push(
      {
        name: `public site, 4 months, public_table ${table}: publish`,
        value: whole,
        unit: 'ms',
        target: 1000,
        runs,
        detail: `${files.length} files, ${pages.length} pages, largest ${(largest / 1024).toFixed(1)} KB`,
      },
      {
        name: `public site, 4 months, public_table ${table}: 4 sending runs`,
        value: sending,
        unit: 'ms',
        runs,
        detail: 'each run: read kept months, build its month + index (+ agency pages), write',
      },
    );
  }
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of await siteFigures(Number(process.argv[2] ?? 5))) {
    console.log(`${f.name}: ${f.value.toFixed(1)} ms (${f.detail ?? ''})`);
  }
}
