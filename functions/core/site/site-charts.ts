/**
 * The site's charts as inline SVG (no script, no image request): a group's band shares
 * beside the month before, and the year so far. Each chart is drawn for the eye only
 * (`aria-hidden`): the same figures follow it as a table for screen readers.
 */
import { monthOnlyName } from '../language/jalali.ts';
import { percentSignText, persianNumber } from '../language/persian-text.ts';
import { esc } from './site-html.ts';

const NOW_COLOUR = '#0b5394';
const BEFORE_COLOUR = '#6b7785';
const INK = '#1b1f24';
const WIDTH = 400;

interface Share {
  label: string;
  percent: number;
}

const svgOpen = (height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" direction="rtl" font-family="Vazirmatn, Tahoma, sans-serif" aria-hidden="true" focusable="false">`;

/** A legend entry: a swatch and its label, anchored at `x` (its right edge). */
const legend = (x: number, y: number, colour: string, label: string): string =>
  `<rect x="${x - 14}" y="${y - 12}" width="14" height="14" fill="${colour}"/>` +
  `<text x="${x - 20}" y="${y}" font-size="15" fill="${INK}">${esc(label)}</text>`;

/**
 * Horizontal bars, one row per band (low to high, top to bottom), this month's bar and
 * under it the month before's; bars grow leftwards from the labels, each with its percent.
 */
export function bandsChart(
  now: readonly Share[],
  before: readonly Share[] | null,
  names: { now: string; before: string },
): string {
  const rowHeight = before ? 46 : 30;
  const top = 34;
  const height = top + now.length * rowHeight + 6;
  const labelWidth = 110;
  const barMax = WIDTH - labelWidth - 60;
  const right = WIDTH - labelWidth;
  const parts = [svgOpen(height), legend(WIDTH - 4, 18, NOW_COLOUR, names.now)];
  if (before) parts.push(legend(WIDTH / 2, 18, BEFORE_COLOUR, names.before));
  now.forEach((share, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${WIDTH - 4}" y="${y + 16}" font-size="15" fill="${INK}">${esc(share.label)}</text>`,
    );
    const bar = (value: number, dy: number, colour: string, h: number) => {
      const w = Math.max(0, Math.min(100, value)) * (barMax / 100);
      return (
        `<rect x="${(right - w).toFixed(1)}" y="${y + dy}" width="${w.toFixed(1)}" height="${h}" fill="${colour}"/>` +
        `<text x="${(right - w - 4).toFixed(1)}" y="${y + dy + h - 3}" font-size="14" fill="${INK}">${esc(percentSignText(value))}</text>`
      );
    };
    parts.push(bar(share.percent, 2, NOW_COLOUR, 18));
    const previous = before?.[i];
    if (previous) parts.push(bar(previous.percent, 22, BEFORE_COLOUR, 14));
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface YearPoint {
  month: string;
  weakShare: number;
  meanScore: number;
}

interface Series {
  label: string;
  colour: string;
}

/** Vertical bars by month (the first month on the right), one bar per series, 0–100. */
function monthBars(points: readonly { month: string; values: number[] }[], series: Series[]) {
  const top = 34;
  const plot = 150;
  const base = top + plot + 14;
  const slot = (WIDTH - 8) / Math.max(points.length, 1);
  const barW = Math.min(22, (slot - 6) / series.length);
  const parts = [svgOpen(base + 34)];
  series.forEach((s, i) => parts.push(legend(WIDTH - 4 - i * (WIDTH / 2), 18, s.colour, s.label)));
  parts.push(
    `<line x1="4" x2="${WIDTH - 4}" y1="${base}" y2="${base}" stroke="${INK}" stroke-width="1"/>`,
  );
  points.forEach((point, i) => {
    const centre = WIDTH - 4 - slot * (i + 0.5);
    const left = centre - (barW * series.length) / 2;
    series.forEach((s, j) => {
      const value = point.values[j] ?? 0;
      // The first series on the right of the pair, as the month order runs.
      const x = left + (series.length - 1 - j) * barW;
      const h = (Math.max(0, Math.min(100, value)) / 100) * plot;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"/>` +
          `<text x="${(x + barW / 2).toFixed(1)}" y="${(base - h - 4).toFixed(1)}" font-size="11" text-anchor="middle" fill="${INK}">${esc(persianNumber(value))}</text>`,
      );
    });
    parts.push(
      `<text x="${centre.toFixed(1)}" y="${base + 20}" font-size="13" text-anchor="middle" fill="${INK}">${esc(monthOnlyName(point.month))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The year so far: per month the weak share (percent) and the mean score (of 100), one 0–100 scale. */
export function yearChart(points: readonly YearPoint[], names: { weak: string; mean: string }) {
  return monthBars(
    points.map((p) => ({ month: p.month, values: [p.weakShare, p.meanScore] })),
    [
      { label: names.weak, colour: NOW_COLOUR },
      { label: names.mean, colour: BEFORE_COLOUR },
    ],
  );
}

/** An agency's score by month, as bars on a 0–100 scale (its own page, `public_table: all`). */
export function scoreChart(points: readonly { month: string; score: number }[], label: string) {
  return monthBars(
    points.map((p) => ({ month: p.month, values: [p.score] })),
    [{ label, colour: NOW_COLOUR }],
  );
}
