// Statements 1 and 3: the headline with the weak share named for what it counts, and the headline dimensions' change.
import { joinList, numberWords, percentText, persianNumber } from '../language/persian-text.ts';
import type { Summary } from '../figures/summary.ts';
import { changePercent } from '../language/decimal.ts';
import { setChanged, weakDirection } from './like-for-like.ts';
import { displayName, groupNaming } from './names.ts';
import { shareWithCount } from './shares.ts';

/** Statement 1, the headline: the month's news as a figure. */
export interface TitleView {
  /** The first group's weak share leads the headline. */
  hasWeak: boolean;
  groupPlural: string;
  shareText: string;
  /** No month before: the share is said as the month's finding. */
  firstMonth: boolean;
  /** The first month and every agency weak: «همه روابط‌عمومی‌های …», not «۱۰۰ درصد». */
  all: boolean;
  fell: boolean;
  rose: boolean;
  same: boolean;
  /** A month before, but no direction that holds like for like: the share is said as it is. */
  noDirection: boolean;
  /** Otherwise the mean score of every evaluated agency (`۴۱٫۷۷ از ۱۰۰`), when there is one. */
  hasMean: boolean;
  meanText: string;
}

const withEzafe = (plural: string): string => (plural.endsWith('ها') ? `${plural}ی` : plural);

export function titleView(
  summary: Summary,
  plurals: Readonly<Record<string, string>>,
  meanText: string,
  weakBands: number,
): TitleView {
  const group = summary.groups[0];
  const now = group && group.evaluated > 0 && weakBands > 0 ? group.weakShare : null;
  const before = group ? group.previousWeakShare : null;
  const hasWeak = group !== undefined && now !== null;
  const direction = group && hasWeak ? weakDirection(group) : null;
  return {
    hasWeak,
    // Followed by the province, a plural in «ها» takes the ezafe: «فرمانداری‌های ایلام».
    groupPlural: group ? withEzafe(groupNaming(group.name, plurals).plural) : '',
    shareText:
      now === null || !group
        ? ''
        : shareWithCount(
            now,
            group.bands.slice(0, weakBands).reduce((n, band) => n + band.count, 0),
            group.bands.reduce((n, band) => n + band.count, 0),
            groupNaming(group.name, plurals).singular,
          ),
    firstMonth: hasWeak && before === null,
    all: hasWeak && before === null && now === 100,
    fell: hasWeak && before !== null && direction === 'down',
    rose: hasWeak && before !== null && direction === 'up',
    same: hasWeak && before !== null && direction === 'same',
    noDirection: hasWeak && before !== null && direction === null,
    hasMean: !hasWeak && meanText !== '',
    meanText,
  };
}

/** Statement 3: the combined score of the headline dimensions for the first group, with its base. */
export interface HeadlineChangeView {
  present: boolean;
  groupPlural: string;
  singular: string;
  /** The headline dimensions joined: `اطلاع‌رسانی و پاسخگویی`. */
  label: string;
  singleDimension: boolean;
  /** `دو` for two dimensions. */
  countWords: string;
  /** Said on the agencies evaluated in both months: «{count} … ارزیابی‌شده در هر دو ماه». */
  likeForLike: boolean;
  likeCountText: string;
  fromText: string;
  toText: string;
  rose: boolean;
  fell: boolean;
  held: boolean;
  /** The size of the change, without sign: `۱۵ درصد` (relative: a change of a score). */
  changeText: string;
}

/** The first group's headline mean on the agencies evaluated in both months (release-input.ts). */
export interface HeadlineLikeForLike {
  agencies: number;
  mean: number | null;
  previousMean: number | null;
}

export function headlineChangeView(
  summary: Summary,
  dimensions: readonly string[],
  plurals: Readonly<Record<string, string>>,
  like: HeadlineLikeForLike | null = null,
): HeadlineChangeView {
  const group = summary.groups[0];
  const headline = group?.headline;
  // When the set changed, the change is said on the agencies of both months, or not at all.
  const changed = group !== undefined && setChanged(group);
  const from = changed ? (like?.previousMean ?? null) : (headline?.previousMean ?? null);
  const to = changed ? (like?.mean ?? null) : (headline?.mean ?? null);
  const change = changed ? changePercent(to, from) : (headline?.changePercent ?? null);
  const names = (headline && headline.dimensions.length > 0 ? headline.dimensions : dimensions).map(
    displayName,
  );
  const present = group !== undefined && change !== null && from !== null && to !== null;
  return {
    present,
    groupPlural: group ? groupNaming(group.name, plurals).plural : '',
    singular: group ? groupNaming(group.name, plurals).singular : '',
    label: joinList(names),
    singleDimension: names.length === 1,
    countWords: names.length > 0 ? numberWords(names.length) : '',
    likeForLike: changed,
    likeCountText: changed && like ? persianNumber(like.agencies) : '',
    fromText: from === null ? '' : persianNumber(from),
    toText: to === null ? '' : persianNumber(to),
    rose: present && change !== null && change > 0,
    fell: present && change !== null && change < 0,
    held: present && change === 0,
    changeText: change === null ? '' : percentText(Math.abs(change)),
  };
}
