import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrast, launchChromium, openPage } from '../../support/phone-browser.ts';
import { packageRoot } from '../../../functions/adapters/mail/render-release.ts';
import { lookMails, type LookMails } from '../../support/reminder-mail-fixtures.ts';

/** The reminder and the digest in Debian's headless Chromium, as a phone (375 px) shows them. */

// The functions given to page.evaluate run in Chromium; the package compiles without the DOM
// library, so the little of it they use is declared here, for this file only.
interface Box {
  left: number;
  right: number;
  width: number;
}
interface Element {
  getBoundingClientRect(): Box;
  parentElement: Element | null;
  childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
}
declare const document: {
  documentElement: { scrollWidth: number; lang: string };
  body: Element & { innerText: string };
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element> & { length: number };
  createRange(): { selectNodeContents(node: Element): void; getBoundingClientRect(): Box };
};
declare function getComputedStyle(element: Element): {
  direction: string;
  fontFamily: string;
  color: string;
  backgroundColor: string;
};

const artifacts = join(packageRoot(), 'test-artifacts');
let browser: Browser;
let mails: LookMails;

beforeAll(async () => {
  mails = await lookMails();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(['reminder', 'noRow', 'digest'] as const)('the %s in Chromium', (which) => {
  it('is right-to-left, fits 375 px with no sideways scroll, and every text has contrast ≥ 4.5:1', async () => {
    const { page, requests } = await openPage(browser, mails[which].html);
    const layout = await page.evaluate(() => {
      const wrapper = document.querySelector('body > div');
      return {
        body: getComputedStyle(document.body).direction,
        wrapper: wrapper ? getComputedStyle(wrapper).direction : null,
        tables: [...document.querySelectorAll('table')].map((t) => getComputedStyle(t).direction),
        scrollWidth: document.documentElement.scrollWidth,
        font: getComputedStyle(document.body).fontFamily,
        lang: document.documentElement.lang,
      };
    });
    expect(layout.body).toBe('rtl');
    expect(layout.wrapper).toBe('rtl');
    expect(layout.tables.length).toBeGreaterThan(0);
    expect(layout.tables.every((d) => d === 'rtl')).toBe(true);
    expect(layout.scrollWidth).toBeLessThanOrEqual(375);
    expect(layout.font.startsWith('Tahoma')).toBe(true);
    expect(layout.lang).toBe('fa');

    // Paragraphs hug the right edge (RTL alignment).
    const edges = await page.evaluate(() =>
      [...document.querySelectorAll('h1, p')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return Math.abs(range.getBoundingClientRect().right - el.getBoundingClientRect().right);
      }),
    );
    for (const gap of edges) expect(gap).toBeLessThanOrEqual(2);

    // Every element with text of its own, against the first opaque background behind it.
    const pairs = await page.evaluate(() => {
      const out: { color: string; background: string }[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const own = [...el.childNodes].some(
          (n) => n.nodeType === 3 && (n.textContent ?? '').trim(),
        );
        if (!own) continue;
        let bg: Element | null = el;
        while (bg && /rgba\(.*, 0\)|transparent/.test(getComputedStyle(bg).backgroundColor)) {
          bg = bg.parentElement;
        }
        out.push({
          color: getComputedStyle(el).color,
          background: bg ? getComputedStyle(bg).backgroundColor : 'rgb(255, 255, 255)',
        });
      }
      return out;
    });
    expect(pairs.length).toBeGreaterThan(3);
    for (const { color, background } of pairs) {
      expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }

    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, `${which}-375.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(5_000);
    expect(requests).toEqual([]);
    await page.close();
  });
});

describe('the contrast measure', () => {
  it('tells a light grey on white (2.8:1) from the text colours used (≥ 4.5:1)', () => {
    expect(contrast('rgb(150, 150, 150)', 'rgb(255, 255, 255)')).toBeLessThan(4.5);
    expect(contrast('rgb(82, 96, 109)', 'rgb(255, 255, 255)')).toBeGreaterThan(4.5);
    expect(contrast('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
  });
});
