/** Reading the site's pages back in tests: figures, tables, and the checks against the summary. */
import { expect } from 'vitest';
import { ordinalWord } from '../../functions/core/language/persian-text.ts';
import type { BuiltFile } from '../../functions/core/site/build-site.ts';
import type { GroupSummary, Summary } from '../../functions/core/figures/summary.ts';

/** `۴۲٫۷۶` → 42.76 (the first number in `text`), null when none. */
export function figure(text: string): number | null {
  const ascii = text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/٫/g, '.')
    .replace(/\u200E−/g, '-');
  const match = /-?\d+(\.\d+)?/.exec(ascii);
  return match ? Number(match[0]) : null;
}
export const figures = (text: string): number[] =>
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
export function tables(html: string): Map<string, string[][]> {
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

export const file = (files: BuiltFile[], path: string): string => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
};

const standingOf = (group: GroupSummary, score: number) =>
  1 + group.ranking.filter((e) => e.score > score).length;

export function expectBands(html: string, summary: Summary) {
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

export function expectRanking(html: string, summary: Summary, top: number | 'all') {
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
      // The standing, the only «X از N» (docs/texts.md#ranks-in-words).
      expect(figures(row[0] ?? '')).toEqual([standingOf(group, entry.score), group.evaluated]);
      expect(entry.standing).toBe(standingOf(group, entry.score));
      expect(figure(row[2] ?? '')).toBe(entry.score);
      expect(row[2]).toContain(entry.band);
    });
  }
}
