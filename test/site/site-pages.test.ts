/**
 * The public pages from the figures as sent: every figure on them equals the summary JSON
 * of the run that sent the month; nothing the release does not publish is on them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ordinalWord } from '../../functions/core/persian-text.ts';
import { buildSite, type BuiltFile } from '../../functions/core/site/build-site.ts';
import type { GroupSummary, Summary } from '../../functions/core/summary.ts';
import { TABS } from '../../functions/core/tabs.ts';
import { jalaliDay } from '../../functions/core/site/site-html.ts';
import {
  EXAMPLE_MONTHS,
  exampleKept,
  exampleWorkbook,
  keptMonthOf,
  type KeptExample,
} from './site-fixtures.ts';

/** `۴۲٫۷۶` → 42.76 (the first number in `text`), null when none. */
function figure(text: string): number | null {
  const ascii = text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/٫/g, '.')
    .replace(/\u200E−/g, '-');
  const match = /-?\d+(\.\d+)?/.exec(ascii);
  return match ? Number(match[0]) : null;
}
const figures = (text: string): number[] =>
  [...text.replace(/[۰-۹]+(٫[۰-۹]+)?/g, (m) => ` ${m} `).matchAll(/[۰-۹]+(٫[۰-۹]+)?/g)].map(
    (m) => figure(m[0]) ?? NaN,
  );

const textOf = (html: string) =>
  html
    .replace(/<br>/g, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .trim();

/** The tables of a page by caption: rows of cell texts (header row left out). */
function tables(html: string): Map<string, string[][]> {
  const found = new Map<string, string[][]>();
  for (const [, body = ''] of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
    const caption = textOf(/<caption>([\s\S]*?)<\/caption>/.exec(body)?.[1] ?? '');
    const rows = [
      ...(/<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g),
    ];
    found.set(
      caption,
      rows.map(([, row = '']) =>
        [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c = '']) => textOf(c)),
      ),
    );
  }
  return found;
}

const file = (files: BuiltFile[], path: string): string => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
};

const standingOf = (group: GroupSummary, score: number) =>
  1 + group.ranking.filter((e) => e.score > score).length;

function expectBands(html: string, summary: Summary) {
  const all = tables(html);
  const captions = [...all.keys()].filter((c) => c.startsWith('سهم هر سطح در'));
  expect(captions).toHaveLength(summary.groups.filter((g) => g.evaluated > 0).length);
  summary.groups.forEach((group, i) => {
    const caption = captions[i];
    const rows = all.get(caption ?? '') ?? [];
    group.bands.forEach((band, b) => {
      const row = rows[b] ?? [];
      expect(row[0]).toBe(band.label);
      expect(figures(row[1] ?? '')).toEqual([band.percent, band.count]);
      const before = group.previousBands?.[b];
      if (before) expect(figures(row[2] ?? '')).toEqual([before.percent, before.count]);
      else expect(row).toHaveLength(2);
    });
  });
}

function expectRanking(html: string, summary: Summary, top: number | 'all') {
  const all = tables(html);
  for (const group of summary.groups) {
    const rows =
      [...all.entries()].find(
        ([c]) => c.startsWith('رتبه‌بندی') && c.includes(group.name.split(' ')[0] ?? ''),
      )?.[1] ?? [];
    const shown = top === 'all' ? group.ranking : group.ranking.filter((e) => e.rank <= top);
    expect(rows.map((r) => r[1])).toEqual(shown.map((e) => e.name));
    shown.forEach((entry, k) => {
      const row = rows[k] ?? [];
      expect(row[0]?.startsWith(ordinalWord(entry.rank))).toBe(true);
      // The standing, the only «X از N» (press-release.md, "Ranks in words").
      expect(figures(row[0] ?? '')).toEqual([standingOf(group, entry.score), group.evaluated]);
      expect(entry.standing).toBe(standingOf(group, entry.score));
      expect(figure(row[2] ?? '')).toBe(entry.score);
      expect(row[2]).toContain(entry.band);
    });
  }
}

let kept: KeptExample[];
let files: BuiltFile[];
beforeAll(async () => {
  kept = await exampleKept();
  files = buildSite(kept.map((k) => k.month));
});

describe('every figure on the pages equals the summary JSON of the run that sent the month', () => {
  it.each(EXAMPLE_MONTHS)(
    '%s: band shares (this month and the month before), ranks, means, weak shares, the year',
    (month) => {
      const { summary, month: record } = kept.find((k) => k.summary.month === month) as KeptExample;
      const html = file(files, `${month}/index.html`);
      expect(html).toContain(`<h1>${record.headline}</h1>`);
      expect(record.lede).toContain('ایلام');
      expect(html).toContain(`<p>${record.lede}</p>`);
      expectBands(html, summary);
      expectRanking(html, summary, record.top);
      const leads = [...html.matchAll(/<\/h2>\n<p>([^<]*)<\/p>/g)].map((m) => m[1] ?? '');
      summary.groups.forEach((group, i) => {
        const expected = [group.evaluated, group.meanScore, 100];
        if (group.previousMeanScore !== null) expected.push(group.previousMeanScore, 100);
        expected.push(group.weakShare ?? NaN);
        if (group.previousWeakShare !== null) expected.push(group.previousWeakShare);
        const same = group.likeForLike;
        if (same && (same.joined.length > 0 || same.left.length > 0)) {
          expected.push(
            same.agencies,
            same.previousMeanScore ?? NaN,
            100,
            same.meanScore ?? NaN,
            100,
          );
        }
        expect(figures(leads[i] ?? '')).toEqual(expected);
        const year = tables(html).get(`${record.groups[i]?.plural}: روند سال`);
        if (group.history.length > 1) {
          expect(year?.map((r) => figures(`${r[1]} ${r[2]}`))).toEqual(
            group.history.map((h) => [h.weakShare, h.meanScore]),
          );
        }
      });
    },
  );

  it('the index shows the latest month: its headline, band shares and announced ranks', () => {
    const latest = kept[kept.length - 1] as KeptExample;
    const html = file(files, 'index.html');
    expect(html).toContain(latest.month.headline);
    expectBands(html, latest.summary);
    expectRanking(html, latest.summary, latest.month.top);
    for (const month of EXAMPLE_MONTHS) expect(html).toContain(`href="${month}/index.html"`);
  });

  it('results.json is the kept month; results.csv (BOM) lists the published ranks with their scores', () => {
    for (const { month } of kept) {
      expect(JSON.parse(file(files, `${month.month}/results.json`))).toEqual(month);
      const csv = file(files, `${month.month}/results.csv`);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).trim().split('\r\n');
      const published = month.groups.flatMap((g) => g.ranking);
      const evaluated = lines.filter((l) => l.includes('"ارزیابی‌شده"'));
      expect(evaluated.map((l) => Number(l.split('","')[5]))).toEqual(
        published.map((e) => e.score),
      );
    }
  });
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

describe('the pages', () => {
  it('a correction is marked «اصلاحیه» with its date, on the month page and in the index', async () => {
    const raw = await exampleWorkbook();
    const at = new Date('2024-08-10T09:00:00Z');
    const corrected = keptMonthOf(raw, '1403-04', { correction: true, sentAt: at }).month;
    const site = buildSite([...kept.slice(0, 3).map((k) => k.month), corrected]);
    const page = file(site, '1403-04/index.html');
    expect(page).toContain('<strong>اصلاحیه</strong>');
    expect(page).toContain(jalaliDay(at.toISOString()));
    expect(jalaliDay(at.toISOString())).toBe('۲۰ مرداد ۱۴۰۳');
    expect(file(site, 'index.html')).toContain('تیر ۱۴۰۳</a> (اصلاحیه)');
    expect(file(site, '1403-03/index.html')).not.toContain('اصلاحیه');
  });

  it('each page is under 100 KB, lang="fa" dir="rtl", with no script and no address of another host', async () => {
    const all = buildSite((await exampleKept('all')).map((k) => k.month));
    for (const page of [...files, ...all].filter((f) => f.path.endsWith('.html'))) {
      expect(Buffer.byteLength(page.content), page.path).toBeLessThan(100 * 1024);
      expect(page.content).toMatch(/^<!DOCTYPE html>\n<html lang="fa" dir="rtl">/);
      expect(page.content).not.toMatch(/<script|<link|@import|url\(|<iframe|<object/i);
      const refs = [...page.content.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
      for (const ref of refs) expect(ref, page.path).not.toMatch(/^[a-z]+:|^\/\//i);
    }
  });

  it('every link of the site leads to a file of the site', () => {
    const paths = new Set(files.map((f) => f.path));
    for (const page of files.filter((f) => f.path.endsWith('.html'))) {
      const base = page.path.includes('/')
        ? page.path.slice(0, page.path.lastIndexOf('/') + 1)
        : '';
      for (const [, ref = ''] of page.content.matchAll(/\bhref="([^"#]+)/g)) {
        const target = new URL(ref, `http://site/${base}`).pathname.slice(1);
        expect(paths.has(decodeURIComponent(target)), `${page.path} → ${ref}`).toBe(true);
      }
    }
  });
});
