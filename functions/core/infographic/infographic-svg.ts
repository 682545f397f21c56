// The month's infographic as SVG (1080 × 1350, docs/infographic.md#what-it-shows): pure, from the release's input.
import {
  DENSITIES,
  groupHeight,
  groupSection,
  legend,
  LEGEND_HEIGHT,
  type Density,
} from './group-section.ts';
import {
  infographicView,
  type InfographicInput,
  type InfographicView,
} from './infographic-view.ts';
import {
  FOOTER,
  HEADER,
  hline,
  INFOGRAPHIC_HEIGHT,
  INFOGRAPHIC_WIDTH,
  INNER,
  MARGIN,
  rect,
  RIGHT,
} from './layout.ts';
import { PALETTE } from './palette.ts';
import { escapeXml, svgText, textWidth, wrapText } from './svg-text.ts';

export type { InfographicInput } from './infographic-view.ts';

/** The font the picture names; the PNG renderer (or a page showing the SVG) supplies it. */
export const INFOGRAPHIC_FONT = 'Vazirmatn';

const FIGURE_SIZE = 150;
const BAR_MAX = 160;

function header(view: InfographicView): string[] {
  const fit = Math.floor(INNER / textWidth(view.titleMain, 1, true));
  const size = Math.max(36, Math.min(52, fit));
  const title = { x: RIGHT, y: 88, size, bold: true, fill: PALETTE.headerText, id: 'title' };
  const month = { x: RIGHT, y: 152, size: 40, fill: PALETTE.headerSubtext, id: 'month' };
  return [
    rect(0, 0, INFOGRAPHIC_WIDTH, HEADER, PALETTE.header),
    svgText(view.titleMain, title),
    svgText(view.titleMonth, month),
  ];
}

/** The headline figure, large, at the right; what it is and its change beside it. */
function headline(view: InfographicView, top: number, height: number): string[] {
  const head = view.headline;
  if (head === null) return [];
  const colour = head.weak ? PALETTE.weakFigure : PALETTE.text;
  const columnRight = RIGHT - textWidth(head.figure, FIGURE_SIZE, true) - 40;
  const columnWidth = columnRight - MARGIN;
  const labels = wrapText(head.label, columnWidth, 34);
  const changes = head.change === '' ? [] : wrapText(head.change, columnWidth, 32, true);
  const lines = [
    ...labels.map((text) => ({ text, size: 34, bold: false, fill: PALETTE.text })),
    ...changes.map((text) => ({ text, size: 32, bold: true, fill: colour })),
  ];
  const lineHeight = 48;
  const first = top + height / 2 - ((lines.length - 1) * lineHeight) / 2 + 12;
  const figure = { x: RIGHT, y: top + height / 2 + 52, size: FIGURE_SIZE, bold: true };
  return [
    svgText(head.figure, { ...figure, fill: colour, id: 'headline-figure' }),
    ...lines.map((line, i) =>
      svgText(line.text, {
        ...line,
        x: columnRight,
        y: first + i * lineHeight,
        id: i === 0 ? 'headline-label' : i === labels.length ? 'headline-change' : undefined,
      }),
    ),
    hline(top + height, PALETTE.rule),
  ];
}

/** The source at the right, the date at the left (one under the other when they do not fit). */
function footer(view: InfographicView): string[] {
  const top = INFOGRAPHIC_HEIGHT - FOOTER;
  const y = top + 58;
  const together = textWidth(view.source, 28) + textWidth(view.date, 28) + 48 <= INNER;
  const text = { size: 28, fill: PALETTE.mutedText };
  return [
    rect(0, top, INFOGRAPHIC_WIDTH, FOOTER, PALETTE.footer),
    svgText(view.source, { ...text, x: RIGHT, y: together ? y : y - 20, id: 'source' }),
    together
      ? svgText(view.date, { ...text, x: MARGIN, y, anchor: 'start', id: 'date' })
      : svgText(view.date, { ...text, x: RIGHT, y: y + 18, id: 'date' }),
  ];
}

const headlineHeight = (view: InfographicView, density: Density): number =>
  view.headline === null ? 0 : density.headline;

/** The first density at which the groups fit with bars of at least its `barMin` (else the tightest). */
function densityFor(view: InfographicView): { density: Density; room: number } {
  const roomAt = (density: Density): number => {
    const groups = view.groups.reduce((n, group) => n + groupHeight(group, density), 0);
    const top = HEADER + headlineHeight(view, density) + LEGEND_HEIGHT;
    return INFOGRAPHIC_HEIGHT - FOOTER - top - groups;
  };
  const fits = DENSITIES.find((d) => roomAt(d) >= d.barMin * view.groups.length);
  const density = fits ?? DENSITIES[DENSITIES.length - 1];
  if (density === undefined) throw new RangeError('no infographic density');
  return { density, room: roomAt(density) };
}

/** The groups' bars and ranks, the bars as tall as the page leaves room for. */
function groups(
  view: InfographicView,
  from: number,
  fit: { density: Density; room: number },
): string[] {
  if (view.groups.length === 0) return [];
  const { density, room } = fit;
  const anyPrevious = view.groups.some((group) => group.hasPrevious);
  const parts = legend(view, from, anyPrevious);
  let top = from + LEGEND_HEIGHT;
  const fair = Math.floor(room / view.groups.length);
  const barMax = Math.max(density.barMin, Math.min(BAR_MAX, fair));
  const shares = view.groups.flatMap((g) =>
    g.bands.flatMap((b) => [b.percent, b.previousPercent ?? 0]),
  );
  const scale = barMax / Math.max(1, ...shares);
  view.groups.forEach((group, gi) => {
    parts.push(...groupSection(group, gi, top, { barMax, scale }, density));
    top += groupHeight(group, density) + barMax;
  });
  return parts;
}

/** The picture said in words, for a mail's `alt` text: its title and its headline figure. */
export function infographicAlt(input: InfographicInput): string {
  const view = infographicView(input);
  const head = view.headline;
  return head === null ? view.title : `${view.title}: ${head.label}، ${head.figure}`;
}

/**
 * The infographic of a month as an SVG document, 1080 × 1350: the title, the release's
 * headline figure, each group's band shares beside the month before, the announced top
 * ranks, the source and the date; nothing else. Every string is isolated right to left and
 * anchored at its right edge (svg-text.ts). The font is named, not embedded.
 */
export function infographicSvg(input: InfographicInput): string {
  const view = infographicView(input);
  const fit = densityFor(view);
  const height = headlineHeight(view, fit.density);
  const size = `width="${INFOGRAPHIC_WIDTH}" height="${INFOGRAPHIC_HEIGHT}"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="0 0 ${INFOGRAPHIC_WIDTH} ${INFOGRAPHIC_HEIGHT}" lang="fa" role="img" aria-label="${escapeXml(view.title)}" font-family="${INFOGRAPHIC_FONT}">`,
    `<title>${escapeXml(view.title)}</title>`,
    rect(0, 0, INFOGRAPHIC_WIDTH, INFOGRAPHIC_HEIGHT, PALETTE.page),
    ...header(view),
    ...headline(view, HEADER, height),
    ...groups(view, HEADER + height, fit),
    ...footer(view),
    '</svg>',
    '',
  ].join('\n');
}
