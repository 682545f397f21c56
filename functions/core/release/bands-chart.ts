// The band-share charts: bars per band in HTML and text, counts beside percents in a small group.
import { percentSignText, percentText, persianNumber } from '../language/persian-text.ts';
import { SMALL_GROUP } from './shares.ts';
import type { GroupSummary } from '../figures/summary.ts';
import { displayName } from './names.ts';

/** One band's bar in the chart: this month coloured, the month before grey beneath it. */
interface BandView {
  label: string;
  count: number;
  percent: number;
  percentText: string;
  percentSign: string;
  /** Bar cell width, `4%`. */
  barWidth: string;
  hasBar: boolean;
  restWidth: string;
  hasRest: boolean;
  /** The bar as a text line: one block per 2.5 %. */
  textBar: string;
  colour: string;
  hasPrevious: boolean;
  previousPercent: number | null;
  previousPercentText: string;
  previousPercentSign: string;
  previousBarWidth: string;
  hasPreviousBar: boolean;
  previousRestWidth: string;
  hasPreviousRest: boolean;
  previousTextBar: string;
  /** In a small group, the count beside the percent: `۷ از ۱۰`; else empty. */
  countText: string;
  previousCountText: string;
}

/** Bar colours from the lowest band to the highest. */
const BAND_PALETTE = ['#c0392b', '#e67e22', '#e0b000', '#7cb342', '#2e7d32'] as const;
const TOP_BAND_COLOUR = '#2e7d32';

function bandColour(index: number, count: number): string {
  const last = BAND_PALETTE.length - 1;
  const at = count <= 1 ? last : Math.round((index * last) / (count - 1));
  return BAND_PALETTE[at] ?? TOP_BAND_COLOUR;
}

const TEXT_BAR_BLOCK = '█';

/** One block per 2.5 % (10 % and 12 % differ), at least one for any share above zero. */
function textBar(percent: number): string {
  return percent > 0 ? TEXT_BAR_BLOCK.repeat(Math.max(1, Math.round(percent / 2.5))) : '';
}

function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}

/** The chart's bars of a group, with last month's beneath when `hasPrevious`. */
const total = (bands: GroupSummary['bands'] | null): number =>
  (bands ?? []).reduce((n, band) => n + band.count, 0);

/** `۷ از ۱۰` for a group under {@link SMALL_GROUP}; empty otherwise. */
function countOf(count: number, of: number): string {
  return of > 0 && of < SMALL_GROUP ? `${persianNumber(count)} از ${persianNumber(of)}` : '';
}

function bandViews(group: GroupSummary, hasPrevious: boolean): BandView[] {
  const now = total(group.bands);
  const then = total(group.previousBands);
  return group.bands.map((band, index) => {
    const percent = clampPercent(band.percent);
    const before = hasPrevious ? (group.previousBands?.[index] ?? null) : null;
    const previous = before === null ? null : clampPercent(before.percent);
    return {
      label: displayName(band.label),
      count: band.count,
      percent,
      percentText: percentText(percent),
      percentSign: percentSignText(percent),
      barWidth: `${percent}%`,
      hasBar: percent > 0,
      restWidth: `${100 - percent}%`,
      hasRest: percent < 100,
      textBar: textBar(percent),
      colour: bandColour(index, group.bands.length),
      hasPrevious: previous !== null,
      previousPercent: previous,
      previousPercentText: previous === null ? '' : percentText(previous),
      previousPercentSign: previous === null ? '' : percentSignText(previous),
      previousBarWidth: `${previous ?? 0}%`,
      hasPreviousBar: previous !== null && previous > 0,
      previousRestWidth: `${100 - (previous ?? 0)}%`,
      hasPreviousRest: previous !== null && previous < 100,
      previousTextBar: previous === null ? '' : textBar(previous),
      countText: countOf(band.count, now),
      previousCountText: before === null ? '' : countOf(before.count, then),
    };
  });
}

/** A group's chart: bars per band, last month's beneath when known (legend above them). */
export interface ChartView {
  present: boolean;
  hasPrevious: boolean;
  bands: BandView[];
}

export function chartView(group: GroupSummary | undefined): ChartView {
  if (!group || group.evaluated === 0 || group.bands.length === 0) {
    return { present: false, hasPrevious: false, bands: [] };
  }
  const previousCount = (group.previousBands ?? []).reduce((n, band) => n + band.count, 0);
  const hasPrevious = group.previousBands !== null && previousCount > 0;
  return { present: true, hasPrevious, bands: bandViews(group, hasPrevious) };
}
