// Statement 4: the first group's band shares now and the month before, and its weak share through the year.
import {
  joinList,
  listSeparator,
  monthInYear,
  percentText,
  persianNumber,
} from '../language/persian-text.ts';
import type { GroupSummary, Summary } from '../figures/summary.ts';
import { previousMonth } from '../language/jalali.ts';
import { weakDirection } from './like-for-like.ts';
import { groupNaming } from './names.ts';
import { shareWithCount, sharesView, type SharesView } from './shares.ts';
import type { HistoryCounts } from './year-table.ts';

/** The first group's weak share through the year, runs of equal shares said together. */
interface WeakPathView {
  present: boolean;
  /** No earlier month this year: only this month's share is said. */
  firstMonth: boolean;
  /** Earlier months: «۹۱ درصد در فروردین و اردیبهشت», joined with `sep`. */
  earlier: { months: string; shareText: string; sep: string }[];
  /** One run of earlier months: «در فروردین و اردیبهشت‌ماه بدون تغییر …». */
  singleRun: boolean;
  shareText: string;
  fell: boolean;
  rose: boolean;
  same: boolean;
  /** The set changed and the like-for-like direction differs: «… در تیرماه ۴۱ درصد بود». */
  neutral: boolean;
}

/** Statement 4: the first group's band shares now and the month before, and its weak path. */
export interface FirstGroupView {
  present: boolean;
  plural: string;
  evaluatedText: string;
  now: SharesView;
  hasPrevious: boolean;
  previous: SharesView;
  weakPath: WeakPathView;
}

const NO_PATH: WeakPathView = {
  present: false,
  firstMonth: false,
  earlier: [],
  singleRun: false,
  shareText: '',
  fell: false,
  rose: false,
  same: false,
  neutral: false,
};

function weakPathView(
  group: GroupSummary,
  month: string,
  singular: string,
  counts: HistoryCounts[string] = {},
): WeakPathView {
  if (group.weakShare === null || group.evaluated === 0) return NO_PATH;
  // In a small group each month's share carries its count («۸۰ درصد (۸ فرمانداری از ۱۰)»).
  const said = (m: string, share: number): string => {
    const c = counts[m];
    return c ? shareWithCount(share, c.weak, c.evaluated, singular) : percentText(share);
  };
  const earlier = group.history
    .filter((entry) => entry.month < month)
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  const runs: { months: string[]; share: number; text: string }[] = [];
  for (const entry of earlier) {
    const run = runs[runs.length - 1];
    const name = monthInYear(entry.month, month);
    const text = said(entry.month, entry.weakShare);
    if (run && run.text === text) run.months.push(name);
    else runs.push({ months: [name], share: entry.weakShare, text });
  }
  const last = runs[runs.length - 1];
  const now = group.weakShare;
  const plain =
    last === undefined ? null : now < last.share ? 'down' : now > last.share ? 'up' : 'same';
  // Against the month before, the direction must hold like for like (like-for-like.ts).
  const lastIsPrevious = earlier[earlier.length - 1]?.month === previousMonth(month);
  const allowed = lastIsPrevious ? weakDirection(group) : plain;
  const neutral = plain !== null && allowed !== plain;
  return {
    present: true,
    firstMonth: last === undefined,
    earlier: runs.map((run, index) => ({
      months: joinList(run.months),
      shareText: run.text,
      sep: listSeparator(index, runs.length),
    })),
    singleRun: runs.length === 1,
    shareText: said(month, now),
    fell: !neutral && plain === 'down',
    rose: !neutral && plain === 'up',
    same: !neutral && plain === 'same',
    neutral,
  };
}

export function firstGroupView(
  summary: Summary,
  plurals: Readonly<Record<string, string>>,
  weakBands: number,
  counts: HistoryCounts = {},
): FirstGroupView {
  const group = summary.groups[0];
  const singular = group ? groupNaming(group.name, plurals).singular : null;
  const previous = sharesView(group?.previousBands ?? null, weakBands, singular);
  return {
    present: group !== undefined && group.evaluated > 0 && group.bands.length > 0,
    plural: group ? groupNaming(group.name, plurals).plural : '',
    evaluatedText: persianNumber(group?.evaluated ?? 0),
    now: sharesView(group?.bands ?? null, weakBands, singular),
    hasPrevious: previous.present,
    previous,
    weakPath:
      group && weakBands > 0
        ? weakPathView(group, summary.month, singular ?? '', counts[group.name])
        : NO_PATH,
  };
}
