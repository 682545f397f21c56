import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast, launchChromium, openPage } from '../../support/phone-browser.ts';
import {
  createReleaseRenderer,
  packageRoot,
} from '../../../functions/adapters/mail/render-release.ts';
import type { ReleaseInput } from '../../../functions/core/release/release-input.ts';
import { tirInput } from '../../support/release-fixtures.ts';

/** The HTML part in Debian's headless Chromium, as a phone (375 px) and a desktop show it. */

// The functions given to page.evaluate run in Chromium; the package compiles without the DOM
// library, so the little of it they use is declared here, for this file only.
interface Box {
  left: number;
  right: number;
  width: number;
  height: number;
}
interface Picture {
  naturalWidth: number;
  complete: boolean;
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

/** The HTML part as a mail client shows it: the inline picture's `cid:` resolved to its part. */
async function mailHtml(input: ReleaseInput): Promise<string> {
  const rendered = render(input);
  const picture = rendered.infographic;
  if (!picture) throw new Error('the release has no infographic');
  const data = `data:image/png;base64,${(await picture.png()).toString('base64')}`;
  return rendered.html.split(`cid:${picture.cid}`).join(data);
}
const artifacts = join(packageRoot(), 'test-artifacts');

function hostileTir() {
  const input = structuredClone(tirInput());
  const executive = input.summary.groups[0];
  const top = executive?.ranking[0];
  if (!executive || !top) throw new Error('fixture has no executive ranking');
  top.name = '<img src=x onerror=alert(1)>';
  executive.notEvaluated.push({ id: 'a104', name: '<script>alert(2)</script>', reason: 'x' });
  // The lede names who dropped out: the hostile name goes through that sentence too.
  executive.likeForLike = {
    agencies: 99,
    meanScore: 43,
    previousMeanScore: 42,
    weakShare: 41,
    previousWeakShare: 56,
    joined: [],
    left: ['a104'],
  };
  return input;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * In the page: each figure followed by «درصد» or «واحد درصد», with the tops of the line
 * boxes it is drawn on (one distinct top: never split at a line end).
 */
const FIGURE_LINES = `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  const pattern = /[۰-۹][۰-۹٫]*[\\s\\u00A0]+(واحد[\\s\\u00A0]+)?درصد/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = [...new Set([...range.getClientRects()].map((r) => Math.round(r.top)))];
      found.push({ text: match[0], lines: tops.length });
    }
  }
  return found;
})()`;

/** In the page: the colour of every piece of visible text and the background it sits on. */
const TEXT_COLOURS = `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const pairs = new Map();
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0')) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    const el = node.parentElement;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const key = style.color + ' on ' + background(el);
    if (!pairs.has(key)) pairs.set(key, { color: style.color, background: background(el), sample: node.data.trim().slice(0, 30) });
  }
  return [...pairs.values()];
})()`;

/** In the page: where the chart's legend ends and its first bar starts. */
const LEGEND = `(() => {
  const cells = [...document.querySelectorAll('td')].filter((td) => td.textContent.trim().startsWith('نوار رنگی'));
  return cells.map((legend) => {
    const table = legend.closest('table');
    const bar = table.querySelector('td[height="14"]');
    const grey = table.querySelector('td[height="6"]');
    return {
      legendBottom: legend.getBoundingClientRect().bottom,
      barTop: bar.getBoundingClientRect().top,
      text: legend.textContent.trim(),
      greyColour: grey ? getComputedStyle(grey).backgroundColor : null,
    };
  });
})()`;

interface FigureLine {
  text: string;
  lines: number;
}

describe('the release in Chromium', () => {
  it('never breaks a figure from «درصد» at a line end on a 375 px phone', async () => {
    const { page } = await openPage(browser, await mailHtml(tirInput()), 375);
    const figures = (await page.evaluate(FIGURE_LINES)) as FigureLine[];
    expect(figures.length).toBeGreaterThan(15);
    expect(figures.filter((f) => f.lines !== 1)).toEqual([]);
    await page.close();
  });

  it('really checks the line boxes: with plain spaces some figure breaks from «درصد»', async () => {
    const broken = render(tirInput()).html.replace(/\u00A0/g, ' ');
    const counts = new Set<number>();
    for (const width of [300, 320, 340, 360, 375]) {
      const { page } = await openPage(browser, broken, width);
      for (const f of (await page.evaluate(FIGURE_LINES)) as FigureLine[]) counts.add(f.lines);
      await page.close();
    }
    expect([...counts].some((n) => n > 1)).toBe(true);
  });

  it('puts each chart’s legend above its bars, naming the colours drawn', async () => {
    const { page } = await openPage(browser, await mailHtml(tirInput()), 375);
    const legends = (await page.evaluate(LEGEND)) as {
      legendBottom: number;
      barTop: number;
      text: string;
      greyColour: string | null;
    }[];
    expect(legends).toHaveLength(2);
    for (const legend of legends) {
      expect(legend.legendBottom).toBeLessThanOrEqual(legend.barTop);
      expect(legend.text).toBe('نوار رنگی: تیرماه؛ نوار خاکستری: خردادماه');
      // «خاکستری»: the month before's bar is a neutral grey (r = g = b within a few steps).
      const [r = 0, g = 0, b = 0] = (legend.greyColour?.match(/\d+/g) ?? []).map(Number);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(40);
    }
    await page.close();
  });

  it('gives every text colour a contrast of at least 4.5:1 with its background', async () => {
    const { page } = await openPage(browser, await mailHtml(tirInput({ correction: true })), 375);
    const pairs = (await page.evaluate(TEXT_COLOURS)) as {
      color: string;
      background: string;
      sample: string;
    }[];
    expect(pairs.length).toBeGreaterThan(3);
    const low = pairs
      .map((p) => ({ ...p, ratio: Math.round(contrast(p.color, p.background) * 100) / 100 }))
      .filter((p) => p.ratio < 4.5);
    expect(low).toEqual([]);
    // The check can fail: the old grey of last month's figures was 3.7:1.
    expect(contrast('rgb(123, 135, 148)', 'rgb(255, 255, 255)')).toBeLessThan(4.5);
    await page.close();
  });

  it('is right-to-left, fits a 375 px phone with no sideways scroll, and looks right', async () => {
    const { page, requests } = await openPage(browser, await mailHtml(tirInput()), 375);
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

    // The infographic is shown whole, as wide as the column, its width and height kept.
    const picture = await page.evaluate(() => {
      const img = document.querySelector('img') as unknown as (Element & Picture) | null;
      if (!img) return null;
      const box = img.getBoundingClientRect();
      return {
        width: box.width,
        height: box.height,
        natural: img.naturalWidth,
        done: img.complete,
      };
    });
    expect(picture?.done).toBe(true);
    expect(picture?.natural).toBe(1080);
    expect(picture?.width).toBeLessThanOrEqual(375);
    expect(picture?.width).toBeGreaterThan(300);
    expect((picture?.height ?? 0) / (picture?.width ?? 1)).toBeCloseTo(1350 / 1080, 2);

    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, 'release-375.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('stays at most 600 px wide on a desktop', async () => {
    const { page } = await openPage(browser, await mailHtml(tirInput()), 1024);
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
    const { page, requests } = await openPage(browser, await mailHtml(hostileTir()), 375);
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      text: document.body.innerText,
    }));
    expect(dom.images).toBe(1); // the infographic, and nothing from the sheet
    expect(dom.scripts).toBe(0);
    expect(dom.text).toContain('<img src=x onerror=alert(1)>');
    expect(dom.text).toContain('<script>alert(2)</script>');
    expect(dom.text).toContain('<script>alert(2)</script> که در خردادماه ارزیابی شده بود');
    expect(requests).toEqual([]);
    await page.close();
  });
});
