/**
 * Only what the release publishes is on the public pages: with `public_table: top` no
 * address, note, problem message or score of an agency the release does not rank; with
 * `all`, every evaluated agency and its own page; a name from the sheet is text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltFile } from '../../../functions/core/site/build-site.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { expectRanking, figure, file, tables } from '../../support/page-tables.ts';
import {
  EXAMPLE_MONTHS,
  exampleKept,
  exampleWorkbook,
  keptMonthOf,
  type KeptExample,
} from '../../support/site-fixtures.ts';

let kept: KeptExample[];
let files: BuiltFile[];
beforeAll(async () => {
  kept = await exampleKept();
  files = buildSite(kept.map((k) => k.month));
});

describe('only what the release publishes', () => {
  it('public_table top: no address, no note, no problem message, no score of an agency the release does not rank', async () => {
    const raw = await exampleWorkbook();
    const scores = raw.tabs.find((t) => t.name === TABS.scores.label)?.rows ?? [];
    const notes = scores
      .slice(1)
      .map((r) => String(r[r.length - 1] ?? ''))
      .filter((n) => n.length > 3);
    expect(notes.length).toBeGreaterThan(0);
    const everything = files.map((f) => f.content).join('\n');
    expect(everything).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+|mailto:|group:/);
    expect(everything).toContain('@media print');
    for (const note of notes) expect(everything).not.toContain(note);
    for (const { summary, month } of kept) {
      for (const problem of summary.problems) expect(everything).not.toContain(problem.message);
      // The month's own files, and the index when it shows this month.
      const latest = month.month === EXAMPLE_MONTHS[EXAMPLE_MONTHS.length - 1];
      const own = files
        .filter((f) => f.path.startsWith(`${month.month}/`) || (latest && f.path === 'index.html'))
        .map((f) => f.content)
        .join('\n');
      for (const group of summary.groups) {
        for (const entry of group.ranking.filter((e) => e.rank > month.top)) {
          expect(own, entry.name).not.toContain(entry.name);
        }
      }
      expect(month.groups.every((g) => g.ranking.every((e) => e.rank <= month.top))).toBe(true);
      expect(JSON.stringify(month)).not.toMatch(/"id"|previousScore|r-test|d1g3st/);
    }
  });

  it('public_table all: every evaluated agency, each with its own page of its months', async () => {
    const all = await exampleKept('all');
    const site = buildSite(all.map((k) => k.month));
    const latest = all[all.length - 1] as KeptExample;
    expectRanking(file(site, '1403-04/index.html'), latest.summary, 'all');
    const entry = latest.summary.groups[0]?.ranking[50];
    if (!entry) throw new Error('the example has 100 executive agencies');
    const page = file(site, `agencies/${entry.id}.html`);
    expect(page).toContain(`<h1>${entry.name}</h1>`);
    const rows = tables(page).values().next().value ?? [];
    expect(rows.map((r) => figure(r[1] ?? ''))).toEqual(
      all.map((k) => k.summary.groups[0]?.ranking.find((e) => e.id === entry.id)?.score),
    );
    expect(site.filter((f) => f.path.startsWith('agencies/')).length).toBeGreaterThanOrEqual(110);
  });

  it('public_table unreadable (null): no ranking at all, nobody named but the agencies not evaluated', async () => {
    const raw = await exampleWorkbook();
    const { month, summary } = keptMonthOf(raw, '1403-04', { publicTable: null });
    expect(month.publicTable).toBe('none');
    const site = buildSite([month]);
    const everything = site.map((f) => f.content).join('\n');
    expect(everything).not.toContain('رتبه‌بندی');
    for (const entry of summary.groups.flatMap((g) => g.ranking)) {
      expect(everything, entry.name).not.toContain(`>${entry.name}<`);
    }
    expect(month.groups.every((g) => g.ranking.length === 0)).toBe(true);
  });

  it('a name from the sheet is shown as text, never as markup', async () => {
    const raw = await exampleWorkbook();
    const agencies = raw.tabs.find((t) => t.name === TABS.agencies.label)?.rows ?? [];
    const first = keptMonthOf(raw, '1403-04').summary.groups[0]?.ranking[0];
    const row = agencies.find((r) => r[0] === first?.id);
    if (!row) throw new Error('no first agency');
    row[1] = '<script>alert(1)</script> & "x"';
    const site = buildSite([keptMonthOf(raw, '1403-04').month]);
    for (const f of site.filter((s) => s.path.endsWith('.html'))) {
      expect(f.content).not.toContain('<script');
    }
    expect(file(site, '1403-04/index.html')).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;',
    );
  });
});
