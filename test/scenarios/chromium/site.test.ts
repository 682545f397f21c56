/**
 * The public site in Debian's headless Chromium at a phone's widths (320 and 375 px), and
 * printed: axe-core finds no WCAG 2.1 A/AA violation on any page, nothing is wider than
 * the screen, and no request leaves the site's folder.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseInfographic } from '../../../functions/adapters/mail/render-release.ts';
import { createFolderSite } from '../../../functions/adapters/site/folder-site.ts';
import { buildSite } from '../../../functions/core/site/build-site.ts';
import { launchChromium } from '../../support/phone-browser.ts';
import { exampleKept } from '../../support/site-fixtures.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [320, 375];

let browser: Browser;
let dir: string;
let root: string;
/** Pages of the site with `public_table: top`, then with `all` (in `all/`). */
const PAGES = [
  'index.html',
  '1403-01/index.html',
  '1403-02/index.html',
  '1403-03/index.html',
  '1403-04/index.html',
  'all/index.html',
  'all/1403-04/index.html',
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'karnameh-site-'));
  root = pathToFileURL(`${dir}/`).href;
  const kept = await exampleKept();
  const top = kept.map((k) => k.month);
  const all = (await exampleKept('all')).map((k) => k.month);
  // Tir with its infographic, as a sending run publishes it.
  const tir = kept.find((k) => k.month.month === '1403-04');
  if (!tir) throw new Error('no Tir');
  const png = Buffer.from(await releaseInfographic(tir.input).png());
  await createFolderSite(dir).write([
    { path: '1403-04/infographic.png', contentType: 'image/png', content: png },
    ...buildSite(top, { infographics: new Set(['1403-04']) }),
  ]);
  const allFiles = buildSite(all);
  await createFolderSite(join(dir, 'all')).write(allFiles);
  // A few agencies' own pages (each is the same template).
  const agencies = allFiles.filter((f) => f.path.startsWith('agencies/')).map((f) => f.path);
  PAGES.push(...[agencies[0], agencies[55], agencies[agencies.length - 1]].map((p) => `all/${p}`));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The page at `width`, every request outside the site's folder recorded and refused. */
async function open(path: string, width: number): Promise<{ page: Page; outside: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const outside: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(root)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(`${root}${path}`, { waitUntil: 'load' });
  return { page, outside };
}

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`) as Promise<
    Violation[]
  >;
}

/** Elements whose right or left edge is beyond the screen. */
const OVERFLOW = `(() => {
  const w = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5);
  });
  return { scroll: document.documentElement.scrollWidth, width: w, wide: wide.slice(0, 5).map((e) => e.tagName + ' ' + (e.textContent || '').slice(0, 40)) };
})()`;

describe('the public site in Chromium', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px: no WCAG 2.1 A/AA violation, nothing wider than the screen, no request off the site`, async () => {
      for (const path of PAGES) {
        const { page, outside } = await open(path, width);
        try {
          expect(
            await page.evaluate(
              'document.documentElement.lang + " " + document.documentElement.dir',
            ),
          ).toBe('fa rtl');
          const fit = (await page.evaluate(OVERFLOW)) as {
            scroll: number;
            width: number;
            wide: string[];
          };
          expect(fit.wide, `${path} at ${width}`).toEqual([]);
          expect(fit.scroll, path).toBeLessThanOrEqual(width);
          expect(await axeViolations(page), `${path} at ${width}`).toEqual([]);
          expect(outside, path).toEqual([]);
          if (path === '1403-04/index.html') {
            const shown = (await page.evaluate(
              '(() => { const i = document.querySelector("img[src=\'infographic.png\']"); return i && i.complete ? i.naturalWidth : 0; })()',
            )) as number;
            expect(shown, 'the infographic is shown').toBe(1080);
          }
        } finally {
          await page.close();
        }
      }
    }, 120_000);
  }

  it('printed (A4 width): nothing cut at the side, the figures still there', async () => {
    for (const path of ['index.html', '1403-04/index.html', 'all/1403-04/index.html']) {
      const { page } = await open(path, 600);
      try {
        await page.emulateMedia({ media: 'print' });
        const fit = (await page.evaluate(OVERFLOW)) as {
          scroll: number;
          width: number;
          wide: string[];
        };
        expect(fit.wide, path).toEqual([]);
        expect(await page.evaluate('document.querySelectorAll("table").length')).toBeGreaterThan(1);
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await page.close();
      }
    }
  }, 60_000);

  it('control: axe does report a violation where there is one (text in low contrast)', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    try {
      await page.setContent(
        '<!DOCTYPE html><html lang="fa" dir="rtl"><head><title>t</title></head><body><main><h1>t</h1><p style="color:#bbb">کم‌رنگ</p></main></body></html>',
      );
      expect((await axeViolations(page)).map((v) => v.id)).toContain('color-contrast');
    } finally {
      await page.close();
    }
  });

  it('a request to another host would be seen and refused', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    await page.setContent('<img src="http://198.51.100.1/x.png" alt="x">', { waitUntil: 'load' });
    await page.close();
    expect(outside).toEqual(['http://198.51.100.1/x.png']);
  });
});
