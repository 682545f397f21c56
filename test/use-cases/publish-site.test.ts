/** Two months published into one site at once (two runs of different months): the index lists both. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFolderSite } from '../../functions/adapters/site/folder-site.ts';
import { publishMonth } from '../../functions/use-cases/publish-site.ts';
import { exampleKept } from '../support/site-fixtures.ts';

describe('two runs publishing at once', () => {
  it('each keeps its month, and the index ends up listing every month', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'karnameh-site-race-'));
    try {
      const kept = (await exampleKept()).map((k) => k.month);
      // Each run with its own store on the same folder, as two processes would have.
      await Promise.all(kept.map((month) => publishMonth(createFolderSite(dir), month)));
      const index = await readFile(join(dir, 'index.html'), 'utf8');
      for (const month of kept) expect(index).toContain(`href="${month.month}/index.html"`);
      expect(await createFolderSite(dir).readMonths()).toEqual(kept);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
