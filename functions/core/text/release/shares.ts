import { listSeparator, percentText, persianNumber, pointsText } from '../../persian-text.ts';
import type { GroupSummary } from '../../summary.ts';
import { displayName } from './names.ts';

/** A band share said in a sentence (bands with a share only), with what follows it. */
export interface ShareMention {
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
export const ONLY_SHARE = 5;

type Bands = GroupSummary['bands'];

function countOf(bands: Bands | null): number {
  return (bands ?? []).reduce((total, band) => total + band.count, 0);
}

/** The shares said in a sentence; `weakBands` lowest bands are never «تنها». */
export function sharesView(bands: Bands | null, weakBands: number): SharesView {
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
      percentText: percentText(band.percent),
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
  shareText: string;
  /** Every agency of the group is weak: «همه روابط‌عمومی‌های …», not «۱۰۰ درصد». */
  all: boolean;
  /** The month before's share: `۹۰ درصد`. */
  previousText: string;
  hasChange: boolean;
  fewer: boolean;
  more: boolean;
  same: boolean;
  /** The change in points, without sign: `۱۰ واحد درصد`. */
  pointsText: string;
}

export function weakShareView(group: GroupSummary): WeakShareView {
  const present = group.evaluated > 0 && group.weakShare !== null;
  const now = group.weakShare;
  const before = group.previousWeakShare;
  const change = present && now !== null && before !== null ? now - before : null;
  return {
    present,
    shareText: present && now !== null ? percentText(now) : '',
    all: present && now === 100,
    previousText: before === null ? '' : percentText(before),
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
