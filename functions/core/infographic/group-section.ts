// One group in the infographic: its band shares as bars beside the month before's, and its announced top ranks.
import type { BandFigure, GroupFigures, InfographicView } from './infographic-view.ts';
import { hline, INNER, rect, RIGHT } from './layout.ts';
import { bandColour, PALETTE } from './palette.ts';
import { MIN_FONT_PX, svgText, textWidth, wrapText } from './svg-text.ts';

/** How tightly a group is set: the normal sizes, or smaller ones when the page is full. */
export interface Density {
  heading: number;
  headingSize: number;
  rankSize: number;
  rankLine: number;
  /** Each rank on its own lines, or all of a group's ranks run on in one paragraph. */
  runOn: boolean;
  gapAfter: number;
  /** The headline block's height. */
  headline: number;
  /** The shortest the tallest bar may be. */
  barMin: number;
}

export const DENSITIES: readonly Density[] = [
  {
    heading: 52,
    headingSize: 36,
    rankSize: 30,
    rankLine: 42,
    runOn: false,
    gapAfter: 26,
    headline: 200,
    barMin: 40,
  },
  {
    heading: 46,
    headingSize: 32,
    rankSize: 28,
    rankLine: 38,
    runOn: false,
    gapAfter: 16,
    headline: 184,
    barMin: 40,
  },
  {
    heading: 46,
    headingSize: 32,
    rankSize: 28,
    rankLine: 37,
    runOn: true,
    gapAfter: 12,
    headline: 170,
    barMin: 30,
  },
];

/** The row of figures above the tallest bar. */
const FIGURES_ROW = 42;
const BAND_LABEL_LINE = 34;
export const LEGEND_HEIGHT = 58;

const slotOf = (group: GroupFigures): number => INNER / Math.max(1, group.bands.length);

const labelLines = (band: BandFigure, slot: number): string[] =>
  wrapText(band.label, slot - 12, MIN_FONT_PX);

function bandLabelRows(group: GroupFigures): number {
  return Math.max(1, ...group.bands.map((band) => labelLines(band, slotOf(group)).length));
}

function rankColumn(group: GroupFigures, density: Density): number {
  if (density.runOn) return 0;
  const words = group.ranks.map((rank) => textWidth(`${rank.rankWord}:`, density.rankSize, true));
  return Math.max(0, ...words) + 14;
}

/**
 * The rank lines: the rank word on the first line of each rank, its names wrapped beside it;
 * or, run on, «اول: …؛ دوم: …» wrapped over the whole width.
 */
function rankLines(group: GroupFigures, density: Density): { word: string; text: string }[] {
  const width = INNER - rankColumn(group, density);
  if (density.runOn) {
    const all = group.ranks.map((rank) => `${rank.rankWord}: ${rank.names}`).join('؛ ');
    return wrapText(all, width, density.rankSize).map((text) => ({ word: '', text }));
  }
  return group.ranks.flatMap((rank) =>
    wrapText(rank.names, width, density.rankSize).map((text, i) => ({
      word: i === 0 ? `${rank.rankWord}:` : '',
      text,
    })),
  );
}

/** A group's height besides its bars. */
export function groupHeight(group: GroupFigures, density: Density): number {
  const labels = bandLabelRows(group) * BAND_LABEL_LINE + 8;
  const ranks = rankLines(group, density).length * density.rankLine;
  return density.heading + FIGURES_ROW + labels + ranks + density.gapAfter;
}

/** The legend: the band colours for this month, a grey swatch for the month before. */
export function legend(view: InfographicView, top: number, anyPrevious: boolean): string[] {
  const y = top + 40;
  const swatch = (right: number, colours: readonly string[]): string[] =>
    colours.map((colour, i) => {
      const w = 28 / colours.length;
      return rect(right - 28 + i * w, y - 24, w, 28, colour);
    });
  const now = `ستون رنگی: ${view.monthLabel}`;
  const parts = [
    ...swatch(
      RIGHT,
      [4, 3, 2, 1, 0].map((i) => bandColour(i, 5)),
    ),
    svgText(now, { x: RIGHT - 40, y, size: 30, fill: PALETTE.text, id: 'legend-now' }),
  ];
  if (!anyPrevious) return parts;
  const next = RIGHT - 40 - textWidth(now, 30) - 50;
  const before = `ستون خاکستری: ${view.previousMonthLabel}`;
  return [
    ...parts,
    ...swatch(next, [PALETTE.previousBar]),
    svgText(before, { x: next - 40, y, size: 30, fill: PALETTE.text, id: 'legend-before' }),
  ];
}

interface Bar {
  x: number;
  percent: number;
  text: string;
  colour: string;
  fill: string;
  id: string;
}

/** One band's bars (this month's in its colour; the month before's, grey, on its right) and label. */
function bandColumn(
  group: GroupFigures,
  at: { gi: number; bi: number; base: number; scale: number },
): string[] {
  const band = group.bands[at.bi];
  if (band === undefined) return [];
  const slot = slotOf(group);
  const centre = RIGHT - slot * (at.bi + 0.5);
  const width = group.hasPrevious ? Math.min(66, (slot - 30) / 2) : Math.min(100, slot - 40);
  const id = `g${at.gi}-b${at.bi}`;
  const bars: Bar[] = [
    {
      x: group.hasPrevious ? centre - 6 - width : centre - width / 2,
      percent: band.percent,
      text: band.text,
      colour: bandColour(at.bi, group.bands.length),
      fill: PALETTE.text,
      id: `${id}-now`,
    },
  ];
  if (band.previousPercent !== null) {
    bars.push({
      x: centre + 6,
      percent: band.previousPercent,
      text: band.previousText,
      colour: PALETTE.previousBar,
      fill: PALETTE.previousText,
      id: `${id}-before`,
    });
  }
  const parts = bars.flatMap((bar) => {
    const h = bar.percent * at.scale;
    const y = at.base - h - 10;
    const anchor = { x: bar.x + width / 2, y, size: MIN_FONT_PX, fill: bar.fill, id: bar.id };
    return [
      ...(h > 0 ? [rect(bar.x, at.base - h, width, h, bar.colour)] : []),
      svgText(bar.text, { ...anchor, anchor: 'middle' }),
    ];
  });
  labelLines(band, slot).forEach((line, li) => {
    const y = at.base + 32 + li * BAND_LABEL_LINE;
    const lineId = li === 0 ? `${id}-label` : `${id}-label${li}`;
    const spec = { x: centre, y, size: MIN_FONT_PX, fill: PALETTE.text, id: lineId };
    parts.push(svgText(line, { ...spec, anchor: 'middle' }));
  });
  return parts;
}

/** One group, from `top`: heading, bars `barMax` px tall at most (`scale` px a point), ranks. */
export function groupSection(
  group: GroupFigures,
  gi: number,
  top: number,
  bars: { barMax: number; scale: number },
  density: Density,
): string[] {
  const size = density.headingSize;
  const heading = { x: RIGHT, y: top + size + 2, size, bold: true, fill: PALETTE.text };
  const parts = [svgText(group.heading, { ...heading, id: `g${gi}-heading` })];
  const base = top + density.heading + FIGURES_ROW + bars.barMax;
  group.bands.forEach((_, bi) => {
    parts.push(...bandColumn(group, { gi, bi, base, scale: bars.scale }));
  });
  parts.push(hline(base, PALETTE.previousBar));
  let y = base + bandLabelRows(group) * BAND_LABEL_LINE + 8 + density.rankSize;
  const column = rankColumn(group, density);
  rankLines(group, density).forEach((line, li) => {
    const spec = { y, size: density.rankSize, fill: PALETTE.text };
    if (line.word !== '') {
      parts.push(svgText(line.word, { ...spec, x: RIGHT, bold: true, id: `g${gi}-r${li}-rank` }));
    }
    parts.push(svgText(line.text, { ...spec, x: RIGHT - column, id: `g${gi}-r${li}` }));
    y += density.rankLine;
  });
  return parts;
}
