// Band shares and the weak share as sentences say them; counts beside percents in a small group.
import { listSeparator, percentText, persianNumber, pointsText } from '../language/persian-text.ts';
import type { GroupSummary } from '../figures/summary.ts';
import { displayName } from './names.ts';

/** A band share said in a sentence (bands with a share only), with what follows it. */
interface ShareMention {
  label: string;
  percentText: string;
  /** A small share of a good band, said as «تنها ۲ درصد». */
  only: boolean;
  sep: string;
}

/** A month's band shares of one group, as a sentence says them. */
export interface SharesView {
  present: boolean;
  /** How many were evaluated: `۱۰۰`. */
  evaluatedText: string;
  /** Every agency in one band: «همه روابط‌عمومی‌ها» instead of «۱۰۰ درصد». */
  all: boolean;
  allLabel: string;
  mentions: ShareMention[];
}

/** A share at or under this, of a band above the weak ones, is said with «تنها». */
const ONLY_SHARE = 5;

/** A group of fewer agencies than this gets counts beside its percents («۸ فرمانداری از ۱۰»). */
export const SMALL_GROUP = 20;

/** `۸۰ درصد`, or in a small group `۸۰ درصد (۸ فرمانداری از ۱۰)`; `ofTotal` false: `(۸ فرمانداری)`. */
export function shareWithCount(
  percent: number,
  count: number,
  total: number,
  singular: string | null,
  ofTotal = true,
): string {
  const share = percentText(percent);
  if (singular === null || total >= SMALL_GROUP || total === 0) return share;
  const of = ofTotal ? ` از ${persianNumber(total)}` : '';
  return `${share} (${persianNumber(count)} ${singular}${of})`;
}

type Bands = GroupSummary['bands'];

function countOf(bands: Bands | null): number {
  return (bands ?? []).reduce((total, band) => total + band.count, 0);
}

/**
 * The shares said in a sentence; `weakBands` lowest bands are never «تنها». With the
 * group's `singular`, a small group's shares carry their counts.
 */
export function sharesView(
  bands: Bands | null,
  weakBands: number,
  singular: string | null = null,
): SharesView {
  const list = bands ?? [];
  const count = countOf(list);
  const said = list.map((band, index) => ({ band, index })).filter(({ band }) => band.percent > 0);
  const whole = said.length === 1 ? said[0] : undefined;
  return {
    present: count > 0,
    evaluatedText: persianNumber(count),
    all: whole !== undefined && whole.band.percent === 100,
    allLabel: whole ? displayName(whole.band.label) : '',
    mentions: said.map(({ band, index }, i) => ({
      label: displayName(band.label),
      percentText: shareWithCount(band.percent, band.count, count, singular, false),
      only:
        said.length > 1 &&
        i === said.length - 1 &&
        index >= weakBands &&
        band.percent <= ONLY_SHARE,
      sep: listSeparator(i, said.length),
    })),
  };
}

/** A group's weak share this month, and its change in points against the month before. */
export interface WeakShareView {
  present: boolean;
  /** `۸۰ درصد`, in a small group `۸۰ درصد (۸ فرمانداری از ۱۰)`. */
  shareText: string;
  /** Every agency of the group is weak: «همه روابط‌عمومی‌های …», not «۱۰۰ درصد». */
  all: boolean;
  /** The month before's share, said the same way. */
  previousText: string;
  /** The same inside parentheses: `۹۰ درصد؛ ۹ فرمانداری از ۱۰`. */
  previousInner: string;
  /** It rose or fell. */
  moved: boolean;
  hasChange: boolean;
  fewer: boolean;
  more: boolean;
  same: boolean;
  /** The change in points, without sign: `۱۰ واحد درصد`. */
  pointsText: string;
}

const weakCount = (bands: Bands | null, weakBands: number): number =>
  (bands ?? []).slice(0, Math.max(0, weakBands)).reduce((sum, band) => sum + band.count, 0);

/** The weak share now and before (whole-group figures), with counts in a small group. */
export function weakShareView(
  group: GroupSummary,
  weakBands: number,
  singular: string | null = null,
): WeakShareView {
  const present = group.evaluated > 0 && group.weakShare !== null;
  const now = group.weakShare;
  const before = group.previousWeakShare;
  const change = present && now !== null && before !== null ? now - before : null;
  const total = countOf(group.bands);
  const previousTotal = countOf(group.previousBands);
  const previousText =
    before === null
      ? ''
      : shareWithCount(before, weakCount(group.previousBands, weakBands), previousTotal, singular);
  return {
    present,
    shareText:
      present && now !== null
        ? shareWithCount(now, weakCount(group.bands, weakBands), total, singular)
        : '',
    all: present && now === 100,
    previousText,
    // Inside brackets already: «(۹۰ درصد؛ ۹ فرمانداری از ۱۰)», not nested brackets.
    previousInner: previousText.replace(/ \((.*)\)$/u, '؛ $1'),
    moved: change !== null && change !== 0,
    hasChange: change !== null,
    fewer: change !== null && change < 0,
    more: change !== null && change > 0,
    same: change === 0,
    pointsText: change === null ? '' : pointsText(Math.abs(change)),
  };
}

/** The weak bands named in a sentence, the higher first: «ضعیف و بسیار ضعیف». */
export function weakLabelsOf(bands: Bands, weakBands: number): string[] {
  return bands
    .slice(0, Math.max(0, weakBands))
    .map((band) => displayName(band.label))
    .reverse();
}
