/**
 * The public pages from the figures as sent: every figure on them equals the summary JSON
 * of the run that sent the month; nothing the release does not publish is on them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltFile } from '../../../functions/core/site/build-site.ts';
import { jalaliDay } from '../../../functions/core/site/site-html.ts';
import {
  EXAMPLE_MONTHS,
  exampleKept,
  exampleWorkbook,
  keptMonthOf,
  type KeptExample,
} from '../../support/site-fixtures.ts';
import { expectBands, expectRanking, figures, file, tables } from '../../support/page-tables.ts';

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
