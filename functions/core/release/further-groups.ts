// Statement 7: each group after the first in one paragraph, its weak share compared like for like.
import { persianNumber, pointsText } from '../language/persian-text.ts';
import type { Band } from '../contract/model.ts';
import type { GroupSummary, Summary } from '../figures/summary.ts';
import { chartView, type ChartView } from './bands-chart.ts';
import { likeWeakCounts, setChanged } from './like-for-like.ts';
import { groupNaming } from './names.ts';
import {
  shareWithCount,
  sharesView,
  weakShareView,
  type SharesView,
  type WeakShareView,
} from './shares.ts';

/** The weak share on the agencies evaluated in both months, when the set changed. */
interface LikeWeakView {
  present: boolean;
  countText: string;
  fromText: string;
  toText: string;
  fewer: boolean;
  more: boolean;
  same: boolean;
  pointsText: string;
}

/** Statement 7: a group after the first, in one paragraph. */
export interface FurtherGroupView {
  /** The first further group: its attribution differs from the next one's. */
  isSecond: boolean;
  singular: string;
  plural: string;
  evaluatedText: string;
  now: SharesView;
  weak: WeakShareView;
  /** The set changed: the change is said on the agencies of both months, not the whole group's. */
  like: LikeWeakView;
  /** Its weak share is a majority and above the first group's: it needs work. */
  needsMore: boolean;
  chart: ChartView;
}

/** A weak share at least this, above the first group's, is said to need strengthening. */
const NEEDS_MORE_SHARE = 50;

const NO_LIKE: LikeWeakView = {
  present: false,
  countText: '',
  fromText: '',
  toText: '',
  fewer: false,
  more: false,
  same: false,
  pointsText: '',
};

function likeWeakView(
  group: GroupSummary,
  singular: string,
  bands: readonly Band[],
  weakBands: number,
): LikeWeakView {
  const lfl = group.likeForLike;
  if (!lfl || !setChanged(group) || lfl.weakShare === null || lfl.previousWeakShare === null)
    return NO_LIKE;
  const counts = likeWeakCounts(group, bands, weakBands);
  const said = (percent: number, count: number | undefined): string =>
    count === undefined
      ? shareWithCount(percent, 0, lfl.agencies, null)
      : shareWithCount(percent, count, lfl.agencies, singular);
  const change = lfl.weakShare - lfl.previousWeakShare;
  return {
    present: true,
    countText: `${persianNumber(lfl.agencies)} ${singular}`,
    fromText: said(lfl.previousWeakShare, counts?.before),
    toText: said(lfl.weakShare, counts?.now),
    fewer: change < 0,
    more: change > 0,
    same: change === 0,
    pointsText: pointsText(Math.abs(change)),
  };
}

export function furtherGroupViews(
  summary: Summary,
  plurals: Readonly<Record<string, string>>,
  weakBands: number,
  bands: readonly Band[] = [],
): FurtherGroupView[] {
  const firstShare = summary.groups[0]?.weakShare ?? null;
  return summary.groups
    .slice(1)
    .filter((group) => group.evaluated > 0 && group.bands.length > 0)
    .map((group, index) => {
      const naming = groupNaming(group.name, plurals);
      const whole = weakShareView(group, weakBands, naming.singular);
      const weak = weakBands > 0 ? whole : { ...whole, present: false };
      const share = group.weakShare;
      return {
        isSecond: index % 2 === 0,
        singular: naming.singular,
        plural: naming.plural,
        evaluatedText: persianNumber(group.evaluated),
        now: sharesView(group.bands, weakBands, naming.singular),
        weak,
        like: weak.present ? likeWeakView(group, naming.singular, bands, weakBands) : NO_LIKE,
        needsMore:
          weak.present &&
          share !== null &&
          share >= NEEDS_MORE_SHARE &&
          (firstShare === null || share > firstShare),
        chart: chartView(group),
      };
    });
}
