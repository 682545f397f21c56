// The infographic's page geometry (1080 × 1350 px) and its one shape helper.
import { round } from './svg-text.ts';

export const INFOGRAPHIC_WIDTH = 1080;
export const INFOGRAPHIC_HEIGHT = 1350;
export const MARGIN = 60;
/** Where right-to-left lines end: the right margin. */
export const RIGHT = INFOGRAPHIC_WIDTH - MARGIN;
/** The width between the margins. */
export const INNER = INFOGRAPHIC_WIDTH - 2 * MARGIN;
export const HEADER = 190;
export const FOOTER = 96;

export const rect = (x: number, y: number, w: number, h: number, fill: string): string =>
  `<rect x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(h)}" fill="${fill}"/>`;

export const hline = (y: number, stroke: string): string =>
  `<line x1="${MARGIN}" y1="${round(y)}" x2="${RIGHT}" y2="${round(y)}" stroke="${stroke}" stroke-width="2"/>`;
