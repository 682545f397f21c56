import { persianNumber } from '../../persian-text.ts';
import type { Summary } from '../../summary.ts';
import { chartView, type ChartView } from './bands-chart.ts';
import { groupNaming } from './names.ts';
import { sharesView, weakShareView, type SharesView, type WeakShareView } from './shares.ts';

/** Statement 7: a group after the first, in one paragraph. */
export interface FurtherGroupView {
  singular: string;
  plural: string;
  evaluatedText: string;
  now: SharesView;
  weak: WeakShareView;
  /** Its weak share is a majority and above the first group's: it needs more work. */
  needsMore: boolean;
  chart: ChartView;
}

/** A weak share at least this, above the first group's, is said to need strengthening. */
export const NEEDS_MORE_SHARE = 50;

export function furtherGroupViews(
  summary: Summary,
  plurals: Readonly<Record<string, string>>,
  weakBands: number,
): FurtherGroupView[] {
  const firstShare = summary.groups[0]?.weakShare ?? null;
  return summary.groups
    .slice(1)
    .filter((group) => group.evaluated > 0 && group.bands.length > 0)
    .map((group) => {
      const naming = groupNaming(group.name, plurals);
      const weak =
        weakBands > 0 ? weakShareView(group) : { ...weakShareView(group), present: false };
      const share = group.weakShare;
      return {
        singular: naming.singular,
        plural: naming.plural,
        evaluatedText: persianNumber(group.evaluated),
        now: sharesView(group.bands, weakBands),
        weak,
        needsMore:
          weak.present &&
          share !== null &&
          share >= NEEDS_MORE_SHARE &&
          (firstShare === null || share > firstShare),
        chart: chartView(group),
      };
    });
}
