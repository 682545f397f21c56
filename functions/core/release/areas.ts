// Statement 5: the first group's mean score in each dimension, the weakest said when it trails.
import { listSeparator, persianNumber } from '../language/persian-text.ts';
import type { Summary } from '../figures/summary.ts';
import { setChanged } from './like-for-like.ts';
import { displayName, groupNaming } from './names.ts';

/** One dimension's mean for the first group, with the month before's when known. */
interface AreaItem {
  name: string;
  meanText: string;
  hasPrevious: boolean;
  previousText: string;
  sep: string;
}

/** Statement 5: the first group's mean score in each dimension; the weakest when it trails. */
export interface AreasView {
  present: boolean;
  groupPlural: string;
  items: AreaItem[];
  /** Every dimension has the month before's mean: said as «از … به …». */
  allPrevious: boolean;
  hasWeakest: boolean;
  weakestName: string;
}

/** The lowest dimension is said to trail when it is this many points below every other. */
const TRAILING_POINTS = 5;

export function areasView(summary: Summary, plurals: Readonly<Record<string, string>>): AreasView {
  const group = summary.groups[0];
  const known = (group?.dimensions ?? []).filter(
    (d): d is typeof d & { mean: number } => d.mean !== null,
  );
  // The set changed: the means of the month before are of other agencies; this month's alone.
  const compare = group !== undefined && !setChanged(group);
  const items = known.map((d, index) => ({
    name: displayName(d.name),
    meanText: persianNumber(d.mean),
    hasPrevious: compare && d.previousMean !== null,
    previousText: compare && d.previousMean !== null ? persianNumber(d.previousMean) : '',
    sep: listSeparator(index, known.length),
  }));
  const sorted = [...known].sort((a, b) => a.mean - b.mean);
  const [lowest, next] = sorted;
  const trails =
    lowest !== undefined && next !== undefined && next.mean - lowest.mean >= TRAILING_POINTS;
  return {
    present: group !== undefined && group.evaluated > 0 && known.length > 1,
    groupPlural: group ? groupNaming(group.name, plurals).plural : '',
    items,
    allPrevious: items.length > 0 && items.every((item) => item.hasPrevious),
    hasWeakest: trails,
    weakestName: trails && lowest ? displayName(lowest.name) : '',
  };
}
