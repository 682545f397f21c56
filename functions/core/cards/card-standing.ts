import type { EvaluatedResult } from '../compute-summary.ts';
import type { CardFacts } from './card-facts.ts';
import { countText, difference, outOf100, pointsText, scoreText, shown } from './card-text.ts';

/** Score, band and rank this month. Empty texts and false flags when not evaluated. */
export interface StandingView {
  /** `۴۷٫۳۱ از ۱۰۰`. */
  scoreText: string;
  band: string;
  topBand: boolean;
  /** The next band up and how far it is: `۳٫۵۰ امتیاز`. */
  hasNextBand: boolean;
  nextBand: string;
  toNextBandText: string;
  /** The only evaluated member of its group: no rank and no group mean to compare with. */
  soleMember: boolean;
  hasRank: boolean;
  rankText: string;
  /** How many of its group were evaluated: `۱۰۰`. */
  groupCountText: string;
  sharedRank: boolean;
  hasGroupMean: boolean;
  groupMeanText: string;
}

/** Against the month before. */
export interface ChangeView {
  /** Evaluated this month and the month before. */
  hasPrevious: boolean;
  /** Evaluated this month, not the month before, though others were. */
  missedPrevious: boolean;
  previousScoreText: string;
  rose: boolean;
  fell: boolean;
  same: boolean;
  /** The size of the change, without sign: `۵٫۲۱ امتیاز`. */
  scoreChangeText: string;
  bandChanged: boolean;
  previousBand: string;
  hasRankChange: boolean;
  previousRankText: string;
  previousGroupCountText: string;
  rankRose: boolean;
  rankFell: boolean;
  rankSame: boolean;
  /** Places moved, without sign: `۵`. */
  rankStepsText: string;
}

const EMPTY_STANDING: StandingView = {
  scoreText: '',
  band: '',
  topBand: false,
  hasNextBand: false,
  nextBand: '',
  toNextBandText: '',
  soleMember: false,
  hasRank: false,
  rankText: '',
  groupCountText: '',
  sharedRank: false,
  hasGroupMean: false,
  groupMeanText: '',
};

export function standingView(facts: CardFacts, entry: EvaluatedResult | null): StandingView {
  if (!entry) return { ...EMPTY_STANDING };
  const bands = facts.model.bands;
  const size = facts.groupSize(entry.group);
  const sole = size === 1;
  const next = bands[entry.bandIndex + 1];
  const group = facts.groupNow(entry.group);
  const mean = group.meanScore;
  const tied = group.evaluated.filter((a) => a.score === entry.score).length;
  return {
    scoreText: outOf100(entry.score),
    band: shown(entry.band),
    topBand: entry.bandIndex === bands.length - 1,
    hasNextBand: next !== undefined,
    nextBand: next ? shown(next.label) : '',
    toNextBandText: next ? pointsText(difference(next.min, entry.score)) : '',
    soleMember: sole,
    hasRank: !sole,
    rankText: countText(entry.rank),
    groupCountText: countText(size),
    sharedRank: !sole && tied > 1,
    hasGroupMean: !sole && mean !== null,
    groupMeanText: mean === null ? '' : outOf100(mean),
  };
}

const EMPTY_CHANGE: ChangeView = {
  hasPrevious: false,
  missedPrevious: false,
  previousScoreText: '',
  rose: false,
  fell: false,
  same: false,
  scoreChangeText: '',
  bandChanged: false,
  previousBand: '',
  hasRankChange: false,
  previousRankText: '',
  previousGroupCountText: '',
  rankRose: false,
  rankFell: false,
  rankSame: false,
  rankStepsText: '',
};

export function changeView(facts: CardFacts, entry: EvaluatedResult | null): ChangeView {
  if (!entry) return { ...EMPTY_CHANGE };
  const before = facts.previousOf(entry.id);
  if (!before) return { ...EMPTY_CHANGE, missedPrevious: facts.previousHeld };
  const delta = difference(entry.score, before.score);
  const ranked = facts.groupSize(entry.group) > 1 && before.groupSize > 1;
  const steps = before.rank - entry.rank;
  return {
    ...EMPTY_CHANGE,
    hasPrevious: true,
    previousScoreText: scoreText(before.score),
    rose: delta > 0,
    fell: delta < 0,
    same: delta === 0,
    scoreChangeText: pointsText(Math.abs(delta)),
    bandChanged: before.band !== entry.band,
    previousBand: shown(before.band),
    hasRankChange: ranked,
    previousRankText: countText(before.rank),
    previousGroupCountText: countText(before.groupSize),
    rankRose: ranked && steps > 0,
    rankFell: ranked && steps < 0,
    rankSame: ranked && steps === 0,
    rankStepsText: countText(Math.abs(steps)),
  };
}
