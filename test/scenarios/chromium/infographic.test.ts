import type { Browser } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderInfographicPng,
  withEmbeddedFont,
} from '../../../functions/adapters/infographic/render-png.ts';
import { infographicSvg } from '../../../functions/core/infographic/infographic-svg.ts';
import type { ReleaseInput } from '../../../functions/core/release/release-input.ts';
import { launchChromium } from '../../support/phone-browser.ts';
import { exampleReleaseInput } from '../../support/example-release-input.ts';
import { svgParts } from '../../support/svg-parts.ts';

/**
 * The PNG resvg renders on the server against Chromium's rendering of the same SVG, with
 * the same font (embedded in the page): the whole picture, and each text against the way a
 * browser lays it out as a right-to-left paragraph (`direction="rtl"`, no isolates): the
 * reference for where digits, Latin words and brackets belong.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser.close();
});

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** In the page: each text's id and box (SVG getBBox). */
const TEXT_BOXES = `[...document.querySelectorAll('text')].map((t) => {
  const b = t.getBBox();
  return { id: t.id, x: b.x, y: b.y, width: b.width, height: b.height };
})`;

/** Chromium's screenshot of `svg` at 1080 × 1350, and each text's box (getBBox). */
async function chromiumShot(svg: string): Promise<{ png: PNG; boxes: Box[] }> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1350 } });
  try {
    await page.setContent(
      `<!DOCTYPE html><html><body style="margin:0">${withEmbeddedFont(svg)}</body></html>`,
    );
    await page.evaluate('document.fonts.ready');
    const boxes = (await page.evaluate(TEXT_BOXES)) as Box[];
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1080, height: 1350 } });
    return { png: PNG.sync.read(shot), boxes };
  } finally {
    await page.close();
  }
}

/** The same SVG as a browser would lay out RTL text natively: no isolates, `direction="rtl"`. */
function nativeRtl(svg: string): string {
  const flip: Record<string, string> = { end: 'start', start: 'end', middle: 'middle' };
  return svg
    .replace(/[\u2067\u2069]/g, '')
    .replace(/text-anchor="(\w+)"/g, (_, a: string) => `direction="rtl" text-anchor="${flip[a]}"`);
}

/** A region of an RGBA image. */
function crop(img: PNG, box: { x: number; y: number; w: number; h: number }): Uint8Array {
  const out = new Uint8Array(box.w * box.h * 4);
  for (let row = 0; row < box.h; row++) {
    const from = ((box.y + row) * img.width + box.x) * 4;
    out.set(img.data.subarray(from, from + box.w * 4), row * box.w * 4);
  }
  return out;
}

/** Leftmost and rightmost column holding ink (a pixel well away from the background's). */
function inkColumns(
  data: Uint8Array,
  w: number,
  h: number,
): { left: number; right: number; ink: number } {
  const background = [data[0] ?? 255, data[1] ?? 255, data[2] ?? 255];
  let left = w;
  let right = -1;
  let ink = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const d = [0, 1, 2].reduce(
        (n, c) => n + Math.abs((data[i + c] ?? 0) - (background[c] ?? 0)),
        0,
      );
      if (d > 200) {
        ink++;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right, ink };
}

interface TextCompare {
  id: string;
  /** Pixels of the text's box that differ beyond anti-aliasing, over its ink pixels. */
  differ: number;
  leftShift: number;
  rightShift: number;
}

/** Each text of `resvgPng` against the same text in `reference` (boxes from Chromium). */
function compareTexts(resvgPng: PNG, reference: PNG, boxes: Box[]): TextCompare[] {
  return boxes.map((b) => {
    const x = Math.max(0, Math.floor(b.x) - 8);
    const y = Math.max(0, Math.floor(b.y) - 4);
    const w = Math.min(1080 - x, Math.ceil(b.width) + 16);
    const h = Math.min(1350 - y, Math.ceil(b.height) + 8);
    const ours = crop(resvgPng, { x, y, w, h });
    const theirs = crop(reference, { x, y, w, h });
    const differ = pixelmatch(ours, theirs, undefined, w, h, { threshold: 0.2 });
    const a = inkColumns(ours, w, h);
    const c = inkColumns(theirs, w, h);
    return {
      id: b.id,
      differ: differ / Math.max(1, c.ink),
      leftShift: Math.abs(a.left - c.left),
      rightShift: Math.abs(a.right - c.right),
    };
  });
}

async function resvgShot(svg: string): Promise<PNG> {
  return PNG.sync.read(Buffer.from(await renderInfographicPng(svg)));
}

const example = await exampleReleaseInput('1403-04');
/** Strings that start with Latin letters or digits and end in a bracket or a full stop. */
const hostile: ReleaseInput = (() => {
  const groups = example.summary.groups.map((g, gi) =>
    gi !== 0
      ? g
      : {
          ...g,
          ranking: g.ranking.map((r, ri) =>
            ri === 0 ? { ...r, name: 'SMS 137 سامانه پیامکی استان' } : r,
          ),
        },
  );
  return {
    ...example,
    source: 'IRNA، خبرگزاری جمهوری اسلامی',
    summary: { ...example.summary, groups },
  };
})();

describe('the infographic in resvg and in Chromium', () => {
  for (const [name, input] of [
    ['Tir 1403', example],
    ['Latin, digits and brackets at the edges', hostile],
  ] as const) {
    it(`${name}: fewer than 2 % of the pixels differ beyond anti-aliasing`, async () => {
      const svg = infographicSvg(input);
      const ours = await resvgShot(svg);
      const { png: theirs } = await chromiumShot(svg);
      expect([ours.width, ours.height]).toEqual([1080, 1350]);
      const differ = pixelmatch(ours.data, theirs.data, undefined, 1080, 1350, { threshold: 0.2 });
      expect(differ / (1080 * 1350)).toBeLessThan(0.02);
      // not blank: the picture has ink all over it
      expect(inkColumns(ours.data, 1080, 1350).ink).toBeGreaterThan(50_000);
    }, 60_000);

    it(`${name}: every text lands where a browser lays it out right to left`, async () => {
      const svg = infographicSvg(input);
      const ours = await resvgShot(svg);
      const { png: reference, boxes } = await chromiumShot(nativeRtl(svg));
      const texts = svgParts(svg).texts;
      expect(boxes.length).toBe(texts.length);
      const results = compareTexts(ours, reference, boxes);
      for (const r of results) {
        expect(r.leftShift, `${r.id} left edge`).toBeLessThanOrEqual(4);
        expect(r.rightShift, `${r.id} right edge`).toBeLessThanOrEqual(4);
        expect(r.differ, `${r.id} pixels`).toBeLessThan(0.25);
      }
    }, 60_000);
  }

  it('the check catches a string laid out left to right: without the isolates, digits move', async () => {
    const svg = infographicSvg(example);
    const ours = await resvgShot(svg.replace(/[\u2067\u2069]/g, ''));
    const { png: reference, boxes } = await chromiumShot(nativeRtl(svg));
    const results = compareTexts(ours, reference, boxes);
    const change = results.find((r) => r.id === 'headline-change');
    expect(change?.differ).toBeGreaterThan(0.25);
    const date = results.find((r) => r.id === 'date');
    expect(date?.differ).toBeGreaterThan(0.25);
  }, 60_000);
});
