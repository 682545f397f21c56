import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReleaseRenderer,
  packageRoot,
} from '../../functions/adapters/mail/render-release.ts';
import { tirInput } from './fixtures.ts';

/** The HTML part in Debian's headless Chromium, as a phone (375 px) and a desktop show it. */

// The functions given to page.evaluate run in Chromium; the package compiles without the DOM
// library, so the little of it they use is declared here, for this file only.
interface Box {
  left: number;
  right: number;
  width: number;
}
interface Element {
  getBoundingClientRect(): Box;
  closest(selector: string): Element | null;
}
declare const document: {
  documentElement: { scrollWidth: number; lang: string };
  body: Element & { innerText: string };
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element> & { length: number };
  createRange(): { selectNodeContents(node: Element): void; getBoundingClientRect(): Box };
};
declare function getComputedStyle(element: Element): { direction: string; fontFamily: string };

const render = createReleaseRenderer();
const artifacts = join(packageRoot(), 'test-artifacts');

function hostileTir() {
  const input = structuredClone(tirInput());
  const executive = input.summary.groups[0];
  const top = executive?.ranking[0];
  if (!executive || !top) throw new Error('fixture has no executive ranking');
  top.name = '<img src=x onerror=alert(1)>';
  executive.notEvaluated.push({ id: 'a104', name: '<script>alert(2)</script>', reason: 'x' });
  return input;
}

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function open(html: string, width: number): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    requests.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

describe('the release in Chromium', () => {
  it('is right-to-left, fits a 375 px phone with no sideways scroll, and looks right', async () => {
    const { page, requests } = await open(render(tirInput()).html, 375);
    const layout = await page.evaluate(() => {
      const wrapper = document.querySelector('body > div');
      const tables = [...document.querySelectorAll('table')];
      return {
        body: getComputedStyle(document.body).direction,
        wrapper: wrapper ? getComputedStyle(wrapper).direction : null,
        tables: tables.map((t) => getComputedStyle(t).direction),
        scrollWidth: document.documentElement.scrollWidth,
        font: getComputedStyle(document.body).fontFamily,
        lang: document.documentElement.lang,
      };
    });
    expect(layout.body).toBe('rtl');
    expect(layout.wrapper).toBe('rtl');
    expect(layout.tables.every((d) => d === 'rtl')).toBe(true);
    expect(layout.scrollWidth).toBeLessThanOrEqual(375);
    expect(layout.font.startsWith('Tahoma')).toBe(true);
    expect(layout.lang).toBe('fa');

    // Paragraph text hugs the right edge (RTL alignment), every line inside the viewport.
    const edges = await page.evaluate(() =>
      [...document.querySelectorAll('h1, p')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { right: Math.round(text.right), el: Math.round(el.getBoundingClientRect().right) };
      }),
    );
    for (const edge of edges) expect(Math.abs(edge.right - edge.el)).toBeLessThanOrEqual(2);

    // The bars grow from the right: the coloured cell of «ضعیف» (37 %) starts at the track's right edge.
    const bar = await page.evaluate(() => {
      const cell = document.querySelector('td[width="37%"]');
      const track = cell?.closest('table');
      if (!cell || !track) return null;
      const c = cell.getBoundingClientRect();
      const t = track.getBoundingClientRect();
      return { ratio: c.width / t.width, rightGap: Math.abs(t.right - c.right) };
    });
    expect(bar).not.toBeNull();
    expect(bar?.ratio).toBeGreaterThan(0.33);
    expect(bar?.ratio).toBeLessThan(0.41);
    expect(bar?.rightGap).toBeLessThanOrEqual(1);

    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, 'release-375.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('stays at most 600 px wide on a desktop', async () => {
    const { page } = await open(render(tirInput()).html, 1024);
    const width = await page.evaluate(() => {
      const main = document.querySelector('body > div > table');
      return main ? main.getBoundingClientRect().width : null;
    });
    expect(width).not.toBeNull();
    expect(width).toBeLessThanOrEqual(600);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1024,
    );
    await page.close();
  });

  it('shows names from the sheet as text, never as markup', async () => {
    const { page, requests } = await open(render(hostileTir()).html, 375);
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      text: document.body.innerText,
    }));
    expect(dom.images).toBe(0);
    expect(dom.scripts).toBe(0);
    expect(dom.text).toContain('<img src=x onerror=alert(1)>');
    expect(dom.text).toContain('<script>alert(2)</script>');
    expect(requests).toEqual([]);
    await page.close();
  });
});
