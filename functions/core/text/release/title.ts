import { joinList, numberWords, percentText, persianNumber } from '../../persian-text.ts';
import type { Summary } from '../../summary.ts';
import { displayName, groupNaming } from './names.ts';

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
  /** Otherwise the mean score of every evaluated agency (`۴۱٫۷۷ از ۱۰۰`), when there is one. */
  hasMean: boolean;
  meanText: string;
}

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
  return {
    hasWeak,
    groupPlural: group ? groupNaming(group.name, plurals).plural : '',
    shareText: now === null ? '' : percentText(now),
    firstMonth: hasWeak && before === null,
    all: hasWeak && before === null && now === 100,
    fell: hasWeak && before !== null && now !== null && now < before,
    rose: hasWeak && before !== null && now !== null && now > before,
    same: hasWeak && before !== null && now === before,
    hasMean: !hasWeak && meanText !== '',
    meanText,
  };
}

/** Statement 3: the combined score of the headline dimensions for the first group, with its base. */
export interface HeadlineChangeView {
  present: boolean;
  groupPlural: string;
  /** The headline dimensions joined: `اطلاع‌رسانی و پاسخگویی`. */
  label: string;
  singleDimension: boolean;
  /** `دو` for two dimensions. */
  countWords: string;
  fromText: string;
  toText: string;
  rose: boolean;
  fell: boolean;
  held: boolean;
  /** The size of the change, without sign: `۱۵ درصد` (relative: a change of a score). */
  changeText: string;
}

export function headlineChangeView(
  summary: Summary,
  dimensions: readonly string[],
  plurals: Readonly<Record<string, string>>,
): HeadlineChangeView {
  const group = summary.groups[0];
  const headline = group?.headline;
  const change = headline?.changePercent ?? null;
  const from = headline?.previousMean ?? null;
  const to = headline?.mean ?? null;
  const names = (headline && headline.dimensions.length > 0 ? headline.dimensions : dimensions).map(
    displayName,
  );
  const present = group !== undefined && change !== null && from !== null && to !== null;
  return {
    present,
    groupPlural: group ? groupNaming(group.name, plurals).plural : '',
    label: joinList(names),
    singleDimension: names.length === 1,
    countWords: names.length > 0 ? numberWords(names.length) : '',
    fromText: from === null ? '' : persianNumber(from),
    toText: to === null ? '' : persianNumber(to),
    rose: present && change !== null && change > 0,
    fell: present && change !== null && change < 0,
    held: present && change === 0,
    changeText: change === null ? '' : percentText(Math.abs(change)),
  };
}
