/**
 * A headless Chromium (found by scripts/find-chromium.ts, installed by ensure-chromium.ts) for the tests that
 * look at what karnameh mails as a reader would: at a phone's width, with every request and
 * dialog the page makes recorded (a mail must make none).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/find-chromium.ts';

export function launchChromium(): Promise<Browser> {
  const found = findChromium();
  if (found.path === null) throw new Error(`karnameh tests: ${found.why}`);
  return chromium.launch({
    executablePath: found.path,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** `html` in a new page `width` px wide; `requests` collects requests and dialogs. */
export async function openPage(
  browser: Browser,
  html: string,
  width = 375,
): Promise<{ page: Page; requests: string[] }> {
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

/** WCAG relative luminance of `rgb(r, g, b)`. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
