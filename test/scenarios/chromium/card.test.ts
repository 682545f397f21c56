import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../../support/phone-browser.ts';
import { packageRoot } from '../../../functions/adapters/mail/render-release.ts';
import { gmailErrors, unexpectedErrors } from '../../support/email-lint.ts';
import { AGENCY_ROWS, cardRun, TIR_SCORES } from '../../support/card-fixtures.ts';

/** The card's HTML part in Debian's headless Chromium at a phone's width, and against doiuse-email. */

// The functions given to page.evaluate run in Chromium; the package compiles without the DOM
// library, so the little of it they use is declared here, for this file only.
interface Box {
  left: number;
  right: number;
  width: number;
  height: number;
}
interface Element {
  getBoundingClientRect(): Box;
  parentElement: Element | null;
  childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
  querySelectorAll(selector: string): Iterable<Element> & { length: number };
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
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
  fontSize: string;
  lineHeight: string;
  color: string;
  backgroundColor: string;
};

const artifacts = join(packageRoot(), 'test-artifacts');

/** A card with everything: rank shared, change, dimensions, indicators, a year of four months. */
function richCard(): string {
  const scores = [
    ...TIR_SCORES,
    ['1403-01', 'a02', 2, 3, 2, 1],
    ['1403-02', 'a02', 3, 4, 3, 2],
    ['1403-01', 'a01', 2, 2, 2, 1],
    ['1403-02', 'a01', 5, 4, 3, 2],
  ];
  return cardRun({ امتیازها: scores }).html('a02');
}

/** Not evaluated, with long names and hostile text from the sheet. */
function hostileCard(): string {
  const rows = AGENCY_ROWS.map((r) =>
    r[0] === 'a04'
      ? [
          'a04',
          '<img src=x onerror=alert(1)> اداره کل تعاون، کار و رفاه اجتماعی استان',
          ...r.slice(2),
        ]
      : r,
  );
  return cardRun({
    دستگاه‌ها: rows,
    امتیازها: [...TIR_SCORES, ['1403-04', 'a04', 2, '<script>alert(2)</script>', '', 1]],
  }).html('a04');
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the card in Chromium at 375 px', () => {
  it('is right-to-left with no sideways scroll, and its year table is legible', async () => {
    const { page, requests } = await openPage(browser, richCard(), 375);
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
    expect(layout.tables.length).toBeGreaterThan(3);
    expect(layout.tables.every((d) => d === 'rtl')).toBe(true);
    expect(layout.scrollWidth).toBeLessThanOrEqual(375);
    expect(layout.font.startsWith('Tahoma')).toBe(true);
    expect(layout.lang).toBe('fa');

    // The year table: the last data table (layout tables carry role="presentation").
    const year = await page.evaluate(() => {
      const tables = [...document.querySelectorAll('table:not([role])')];
      const table = tables[tables.length - 1];
      if (!table) return null;
      const box = table.getBoundingClientRect();
      const cells = [...table.querySelectorAll('th, td')].map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const style = getComputedStyle(cell);
        return {
          text: cell.textContent ?? '',
          fontSize: parseFloat(style.fontSize),
          lineHeight: parseFloat(style.lineHeight),
          textHeight: range.getBoundingClientRect().height,
          overflows: cell.scrollWidth > cell.clientWidth,
        };
      });
      return { left: box.left, right: box.right, rows: table.querySelectorAll('tr').length, cells };
    });
    expect(year).not.toBeNull();
    expect(year?.rows).toBe(5); // the header and Farvardin to Tir
    expect(year?.left).toBeGreaterThanOrEqual(0);
    expect(year?.right).toBeLessThanOrEqual(375);
    expect(year?.cells.map((c) => c.text.trim()).slice(0, 4)).toEqual([
      'ماه',
      'امتیاز',
      'سطح',
      'میانگین گروه',
    ]);
    for (const cell of year?.cells ?? []) {
      expect(cell.fontSize).toBeGreaterThanOrEqual(14);
      expect(cell.overflows).toBe(false);
      // Every figure and month on one line: nothing broken across lines.
      if (/[۰-۹]/.test(cell.text)) expect(cell.textHeight).toBeLessThan(cell.lineHeight * 1.5);
    }

    // Text contrast at least 4.5:1 (WCAG AA) for every element holding text, against the
    // first background behind it.
    const contrast = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const found: { text: string; ratio: number }[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
        if (!own) continue;
        const a = lum(rgb(getComputedStyle(el).color));
        const b = lum(rgb(background(el)));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        found.push({ text: (el.textContent ?? '').trim().slice(0, 30), ratio });
      }
      return found;
    });
    expect(contrast.length).toBeGreaterThan(30);
    expect(contrast.filter((c) => c.ratio < 4.5)).toEqual([]);

    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, 'card-375.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows a not-evaluated card with the cells to fix, names from the sheet as text', async () => {
    const { page, requests } = await openPage(browser, hostileCard(), 375);
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      text: document.body.innerText,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    expect(dom.images).toBe(0);
    expect(dom.scripts).toBe(0);
    expect(dom.text).toContain('<img src=x onerror=alert(1)>');
    expect(dom.text).toContain('<script>alert(2)</script>');
    expect(dom.text).toContain('خانه D11');
    expect(dom.scrollWidth).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(artifacts, 'card-not-evaluated-375.png'), fullPage: true });
    expect(requests).toEqual([]);
    await page.close();
  });
});

/** As for the release (test/support/email-lint.ts), with the same accepted errors. */
describe('email client support of the card', () => {
  it.each([
    ['an evaluated card', richCard],
    ['a not-evaluated card', hostileCard],
    ['a correction', () => cardRun({}, '1403-04', { correction: true }).html('a01')],
  ])('%s has no errors for Gmail, Outlook and the others but the accepted ones', (_what, html) => {
    expect(unexpectedErrors(html())).toEqual([]);
    expect(gmailErrors(html())).toEqual([]);
  });
});
