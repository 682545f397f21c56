// A card's score, band and place in its group this month, and their change since the month before.
import type { EvaluatedResult } from '../figures/compute-summary.ts';
import { pressMonth } from '../language/persian-text.ts';
import { previousMonth } from '../language/jalali.ts';
import type { CardFacts } from './card-facts.ts';
import { moveSentence, placeSentence, releaseRankSentence, type Place } from './card-place.ts';
import { countText, difference, outOf100, pointsText, scoreText, shown } from './card-text.ts';

/** Score, band and place this month. Empty texts and false flags when not evaluated. */
export interface StandingView {
  /** `۴۷٫۳۱ از ۱۰۰`. */
  scoreText: string;
  band: string;
  topBand: boolean;
  /** The next band up and how far it is: `۳٫۵ امتیاز`. */
  hasNextBand: boolean;
  nextBand: string;
  toNextBandText: string;
  /** The only evaluated member of its group: no place and no group mean to compare with. */
  soleMember: boolean;
  hasRank: boolean;
  /** Its place, said with its standing (card-place.ts). */
  placeText: string;
  /** The release's rank, when the release names it and it differs from the standing. */
  hasReleaseRank: boolean;
  releaseRankText: string;
  /** How many of its group were evaluated: `۱۰۰`. */
  groupCountText: string;
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
  bandRose: boolean;
  bandFell: boolean;
  previousBand: string;
  /** Its move in standings (card-place.ts), when its group was ranked both months. */
  hasMove: boolean;
  moveText: string;
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
  placeText: '',
  hasReleaseRank: false,
  releaseRankText: '',
  groupCountText: '',
  hasGroupMean: false,
  groupMeanText: '',
};

/** Its place in its group this month (standing from the month's results, ranking.ts). */
function groupPlace(facts: CardFacts, entry: EvaluatedResult): Place {
  const group = facts.groupNow(entry.group);
  return {
    standing: entry.standing,
    rank: entry.rank,
    size: facts.groupSize(entry.group),
    tied: group.evaluated.filter((a) => a.score === entry.score).length,
    group: shown(entry.group),
    top: facts.model.settings.top,
  };
}

export function standingView(facts: CardFacts, entry: EvaluatedResult | null): StandingView {
  if (!entry) return { ...EMPTY_STANDING };
  const bands = facts.model.bands;
  const size = facts.groupSize(entry.group);
  const sole = size === 1;
  const next = bands[entry.bandIndex + 1];
  const mean = facts.groupNow(entry.group).meanScore;
  const place = groupPlace(facts, entry);
  const releaseRank = sole ? '' : releaseRankSentence(place);
  return {
    scoreText: outOf100(entry.score),
    band: shown(entry.band),
    topBand: entry.bandIndex === bands.length - 1,
    hasNextBand: next !== undefined,
    nextBand: next ? shown(next.label) : '',
    toNextBandText: next ? pointsText(difference(next.min, entry.score)) : '',
    soleMember: sole,
    hasRank: !sole,
    placeText: sole ? '' : placeSentence(place),
    hasReleaseRank: releaseRank !== '',
    releaseRankText: releaseRank,
    groupCountText: countText(size),
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
  bandRose: false,
  bandFell: false,
  previousBand: '',
  hasMove: false,
  moveText: '',
};

export function changeView(facts: CardFacts, entry: EvaluatedResult | null): ChangeView {
  if (!entry) return { ...EMPTY_CHANGE };
  const before = facts.previousOf(entry.id);
  if (!before) return { ...EMPTY_CHANGE, missedPrevious: facts.previousHeld };
  const delta = difference(entry.score, before.score);
  const ranked = facts.groupSize(entry.group) > 1 && before.groupSize > 1;
  const monthText = pressMonth(previousMonth(facts.month), facts.month);
  const move = ranked
    ? moveSentence(groupPlace(facts, entry), {
        standing: before.standing,
        size: before.groupSize,
        monthText,
      })
    : '';
  return {
    ...EMPTY_CHANGE,
    hasPrevious: true,
    previousScoreText: scoreText(before.score),
    rose: delta > 0,
    fell: delta < 0,
    same: delta === 0,
    scoreChangeText: pointsText(Math.abs(delta)),
    bandRose: entry.bandIndex > before.bandIndex,
    bandFell: entry.bandIndex < before.bandIndex,
    previousBand: shown(before.band),
    hasMove: move !== '',
    moveText: move,
  };
}
