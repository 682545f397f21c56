import { Fraction } from 'fraction.js';
import { compareDecimals, meanRounded, roundToNumber, toFraction } from './decimal.ts';
import { jalaliDateTime, monthName, monthOnlyName, previousMonth } from './jalali.ts';
import { normalizeDisplay } from './normalize.ts';
import {
  joinList,
  listSeparator,
  notEvaluatedReason,
  numberWords,
  ordinalWord,
  percentSignText,
  percentText,
  persianNumber,
  monthInYear,
} from './persian-text.ts';
import type { ReleaseInput } from './release-input.ts';
import type { GroupSummary, Summary } from './summary.ts';

/**
 * The press release as plain data (press-release.md): which statements the figures
 * support, and every figure already written in Persian. Templates only place and phrase;
 * every `has…`/`present` flag is the one place that decides whether a sentence is said.
 */
export interface ReleaseView {
  correction: boolean;
  /** The province name without a leading «استان». */
  province: string;
  month: string;
  /** `تیر ۱۴۰۳`. */
  monthName: string;
  /** `تیر`. */
  monthOnly: string;
  /** The month before: `خرداد`, or `اسفند ۱۴۰۲` across a year. */
  previousMonthName: string;
  /** True when any figure of the month before is known. */
  hasPrevious: boolean;
  /** «آیت قیصربیگی، مدیرکل …» / the name / the title; null for an impersonal release. */
  speaker: string | null;
  quoted: boolean;
  overall: OverallView;
  headline: HeadlineView;
  groups: GroupView[];
  /** Groups after the first that have a weak share (governorates). */
  furtherGroups: GroupView[];
  hasFurtherGroups: boolean;
  /** The labels of the weak bands joined with «یا»: `بسیار ضعیف یا ضعیف`. */
  weakLabels: string;
  neverTop: { present: boolean; label: string };
  weakPath: WeakPathView;
  method: MethodView;
  hasRankings: boolean;
  hasNotEvaluated: boolean;
  footer: { computedAt: string; runId: string; digest: string };
}

export interface OverallView {
  hasEvaluated: boolean;
  evaluated: number;
  evaluatedText: string;
  /** Mean score of every evaluated agency this month, from the rankings. */
  mean: number | null;
  meanText: string;
  /** Σ(previousMeanScore × count) / Σ count over the groups, rounded to 2 decimals. */
  previousMean: number | null;
  previousMeanText: string;
  hasDirection: boolean;
  improved: boolean;
  declined: boolean;
  held: boolean;
}

export interface HeadlineView {
  present: boolean;
  groupName: string;
  /** The headline dimensions joined: `اطلاع‌رسانی و پاسخگویی`. */
  label: string;
  singleDimension: boolean;
  rose: boolean;
  fell: boolean;
  held: boolean;
  /** The size of the change, without sign: `۱۵ درصد`. */
  changeText: string;
}

export interface BandView {
  label: string;
  count: number;
  percent: number;
  percentText: string;
  percentSign: string;
  /** Bar cell width, `4%`. */
  barWidth: string;
  hasBar: boolean;
  restWidth: string;
  hasRest: boolean;
  /** The bar as a text line: one block per 4 %. */
  textBar: string;
  colour: string;
  hasPrevious: boolean;
  previousPercent: number | null;
  previousPercentText: string;
  previousPercentSign: string;
  previousBarWidth: string;
  hasPreviousBar: boolean;
  previousRestWidth: string;
  hasPreviousRest: boolean;
  previousTextBar: string;
}

/** A band share said in a sentence (bands with a share only), with what follows it. */
export interface ShareMention {
  label: string;
  percentText: string;
  sep: string;
}

/** One rank of a group said in a sentence: the agencies sharing it joined with «و». */
export interface RankClause {
  rank: number;
  /** «اول», «دوم» … (not `ordinal`: that name is the template helper's). */
  rankWord: string;
  names: string;
  shared: boolean;
  sep: string;
}

export interface RankRow {
  rank: number;
  rankWord: string;
  name: string;
  scoreText: string;
  band: string;
  shared: boolean;
}

export interface NotEvaluatedView {
  id: string;
  name: string;
  reason: string;
  code: string;
  sep: string;
}

export interface GroupView {
  name: string;
  isFirst: boolean;
  evaluated: number;
  evaluatedText: string;
  hasBands: boolean;
  bands: BandView[];
  bandMentions: ShareMention[];
  hasPreviousBands: boolean;
  previousEvaluatedText: string;
  previousBandMentions: ShareMention[];
  hasWeakShare: boolean;
  weakShareText: string;
  hasWeakChange: boolean;
  weakFewer: boolean;
  weakMore: boolean;
  weakSame: boolean;
  /** Points of change, without sign: `۱۰ درصد`. */
  weakChangeText: string;
  hasRanking: boolean;
  rankClauses: RankClause[];
  rankRows: RankRow[];
  /** No ties and ranks 1..k (k ≥ 2): «به ترتیب رتبه‌های اول تا سوم». */
  rankingInOrder: boolean;
  rankingNames: string;
  rankingFirstOrdinal: string;
  rankingLastOrdinal: string;
  /** Ranks 1..2 in order read «اول و دوم», longer runs «اول تا سوم». */
  rankingTwo: boolean;
  /** More than one agency named: the verb is plural. */
  rankingSeveral: boolean;
  hasNotEvaluated: boolean;
  notEvaluated: NotEvaluatedView[];
  notEvaluatedText: string;
}

export interface WeakPathView {
  present: boolean;
  groupName: string;
  /** Earlier months, runs of equal weak share said together. */
  earlier: { months: string; shareText: string; sep: string }[];
  currentMonth: string;
  shareText: string;
  fell: boolean;
  rose: boolean;
  same: boolean;
}

export interface MethodView {
  present: boolean;
  hasIndicators: boolean;
  indicatorCount: number;
  indicatorWords: string;
  hasDimensions: boolean;
  dimensionCountWords: string;
  dimensionsText: string;
  singleDimension: boolean;
}

/** Bar colours from the lowest band to the highest. */
const BAND_PALETTE = ['#c0392b', '#e67e22', '#e0b000', '#7cb342', '#2e7d32'] as const;
const TOP_BAND_COLOUR = '#2e7d32';

function bandColour(index: number, count: number): string {
  const last = BAND_PALETTE.length - 1;
  const at = count <= 1 ? last : Math.round((index * last) / (count - 1));
  return BAND_PALETTE[at] ?? TOP_BAND_COLOUR;
}

const TEXT_BAR_BLOCK = '█';

/** One block per 4 %, at least one for any share above zero. */
function textBar(percent: number): string {
  return percent > 0 ? TEXT_BAR_BLOCK.repeat(Math.max(1, Math.round(percent / 4))) : '';
}

function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}

/** A name from the sheet for showing: normalised (press-release.md, "as written, normalised"). */
export function displayName(text: string): string {
  return normalizeDisplay(text);
}

/** The province as said after «استان»: a leading «استان» in the setting is dropped. */
export function provinceName(text: string): string {
  return displayName(text).replace(/^استان\s+/, '');
}

function sumCounts(bands: readonly { count: number }[] | null): number {
  return (bands ?? []).reduce((total, band) => total + band.count, 0);
}

function mentions(bands: readonly { label: string; percent: number }[]): ShareMention[] {
  const said = bands.filter((band) => band.percent > 0);
  return said.map((band, index) => ({
    label: displayName(band.label),
    percentText: percentText(band.percent),
    sep: listSeparator(index, said.length),
  }));
}

function bandViews(group: GroupSummary, hasPrevious: boolean): BandView[] {
  return group.bands.map((band, index) => {
    const percent = clampPercent(band.percent);
    const before = hasPrevious ? (group.previousBands?.[index] ?? null) : null;
    const previous = before === null ? null : clampPercent(before.percent);
    return {
      label: displayName(band.label),
      count: band.count,
      percent,
      percentText: percentText(percent),
      percentSign: percentSignText(percent),
      barWidth: `${percent}%`,
      hasBar: percent > 0,
      restWidth: `${100 - percent}%`,
      hasRest: percent < 100,
      textBar: textBar(percent),
      colour: bandColour(index, group.bands.length),
      hasPrevious: previous !== null,
      previousPercent: previous,
      previousPercentText: previous === null ? '' : percentText(previous),
      previousPercentSign: previous === null ? '' : percentSignText(previous),
      previousBarWidth: `${previous ?? 0}%`,
      hasPreviousBar: previous !== null && previous > 0,
      previousRestWidth: `${100 - (previous ?? 0)}%`,
      hasPreviousRest: previous !== null && previous < 100,
      previousTextBar: previous === null ? '' : textBar(previous),
    };
  });
}

function rankingView(
  group: GroupSummary,
  top: number,
): Pick<
  GroupView,
  | 'hasRanking'
  | 'rankClauses'
  | 'rankRows'
  | 'rankingInOrder'
  | 'rankingNames'
  | 'rankingFirstOrdinal'
  | 'rankingLastOrdinal'
  | 'rankingTwo'
  | 'rankingSeveral'
> {
  const shown = group.ranking.filter((entry) => entry.rank >= 1 && entry.rank <= top);
  const byRank = new Map<number, string[]>();
  for (const entry of shown) {
    const names = byRank.get(entry.rank) ?? [];
    names.push(displayName(entry.name));
    byRank.set(entry.rank, names);
  }
  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  const rankClauses = ranks.map((rank, index) => {
    const names = byRank.get(rank) ?? [];
    return {
      rank,
      rankWord: ordinalWord(rank),
      names: joinList(names),
      shared: names.length > 1,
      sep: listSeparator(index, ranks.length),
    };
  });
  const rankRows = shown.map((entry) => ({
    rank: entry.rank,
    rankWord: ordinalWord(entry.rank),
    name: displayName(entry.name),
    scoreText: persianNumber(entry.score),
    band: displayName(entry.band),
    shared: (byRank.get(entry.rank)?.length ?? 0) > 1,
  }));
  const inOrder =
    rankClauses.length >= 2 &&
    rankClauses.every((clause, index) => !clause.shared && clause.rank === index + 1);
  const last = rankClauses[rankClauses.length - 1];
  return {
    hasRanking: shown.length > 0,
    rankClauses,
    rankRows,
    rankingInOrder: inOrder,
    rankingNames: joinList(rankRows.map((row) => row.name)),
    rankingFirstOrdinal: ordinalWord(1),
    rankingLastOrdinal: last ? last.rankWord : '',
    rankingTwo: rankClauses.length === 2,
    rankingSeveral: shown.length > 1,
  };
}

function groupView(group: GroupSummary, index: number, top: number): GroupView {
  const previousCount = sumCounts(group.previousBands);
  const hasPreviousBands = group.previousBands !== null && previousCount > 0;
  const hasWeakShare = group.evaluated > 0 && group.weakShare !== null;
  const change =
    hasWeakShare && group.weakShare !== null && group.previousWeakShare !== null
      ? group.weakShare - group.previousWeakShare
      : null;
  const notEvaluated = group.notEvaluated.map((agency, i) => ({
    id: agency.id,
    name: displayName(agency.name),
    reason: notEvaluatedReason(agency.reason),
    code: agency.reason,
    sep: listSeparator(i, group.notEvaluated.length),
  }));
  return {
    name: displayName(group.name),
    isFirst: index === 0,
    evaluated: group.evaluated,
    evaluatedText: persianNumber(group.evaluated),
    hasBands: group.evaluated > 0 && group.bands.length > 0,
    bands: bandViews(group, hasPreviousBands),
    bandMentions: mentions(group.bands),
    hasPreviousBands,
    previousEvaluatedText: persianNumber(previousCount),
    previousBandMentions: hasPreviousBands ? mentions(group.previousBands ?? []) : [],
    hasWeakShare,
    weakShareText: group.weakShare === null ? '' : percentText(group.weakShare),
    hasWeakChange: change !== null,
    weakFewer: change !== null && change < 0,
    weakMore: change !== null && change > 0,
    weakSame: change === 0,
    weakChangeText: change === null ? '' : percentText(Math.abs(change)),
    ...rankingView(group, top),
    hasNotEvaluated: notEvaluated.length > 0,
    notEvaluated,
    notEvaluatedText: persianNumber(notEvaluated.length),
  };
}

/**
 * The mean score of every evaluated agency this month: the plain mean of all the groups'
 * ranking scores (the rounded agency scores), rounded half away from zero to 2 decimals.
 */
export function overallMean(summary: Summary): number | null {
  return meanRounded(summary.groups.flatMap((group) => group.ranking.map((entry) => entry.score)));
}

/**
 * The mean score of every agency evaluated the month before. The summary has no per-agency
 * scores for that month (previousScore covers only agencies evaluated this month too), so
 * it is Σ(previousMeanScore × n) / Σ n over the groups that have one, n being the group's
 * evaluated count that month (the sum of its previous band counts), rounded half away from
 * zero to 2 decimals. Exact (decimal.ts).
 */
export function previousOverallMean(summary: Summary): number | null {
  let total = new Fraction(0);
  let count = 0;
  for (const group of summary.groups) {
    const n = sumCounts(group.previousBands);
    if (group.previousMeanScore === null || n === 0) continue;
    total = total.add(toFraction(group.previousMeanScore).mul(n));
    count += n;
  }
  return count === 0 ? null : roundToNumber(total.div(count), 2);
}

function overallView(summary: Summary): OverallView {
  const mean = overallMean(summary);
  const previousMean = previousOverallMean(summary);
  const evaluated = summary.groups.reduce((total, group) => total + group.evaluated, 0);
  const compared =
    mean !== null && previousMean !== null ? compareDecimals(mean, previousMean) : null;
  return {
    hasEvaluated: evaluated > 0,
    evaluated,
    evaluatedText: persianNumber(evaluated),
    mean,
    meanText: mean === null ? '' : persianNumber(mean),
    previousMean,
    previousMeanText: previousMean === null ? '' : persianNumber(previousMean),
    hasDirection: compared !== null,
    improved: compared === 1,
    declined: compared === -1,
    held: compared === 0,
  };
}

function headlineView(summary: Summary, dimensions: readonly string[]): HeadlineView {
  const group = summary.groups[0];
  const change = group?.headline.changePercent ?? null;
  const names = (
    group && group.headline.dimensions.length > 0 ? group.headline.dimensions : dimensions
  ).map(displayName);
  return {
    present: group !== undefined && change !== null,
    groupName: group ? displayName(group.name) : '',
    label: joinList(names),
    singleDimension: names.length === 1,
    rose: change !== null && change > 0,
    fell: change !== null && change < 0,
    held: change === 0,
    changeText: change === null ? '' : percentText(Math.abs(change)),
  };
}

function weakPathView(summary: Summary, weakBands: number): WeakPathView {
  const group = summary.groups[0];
  const absent: WeakPathView = {
    present: false,
    groupName: group ? displayName(group.name) : '',
    earlier: [],
    currentMonth: monthOnlyName(summary.month),
    shareText: '',
    fell: false,
    rose: false,
    same: false,
  };
  if (!group || group.weakShare === null || group.evaluated === 0 || weakBands <= 0) return absent;
  const earlier = [...group.history]
    .filter((entry) => entry.month < summary.month)
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const runs: { months: string[]; share: number }[] = [];
  for (const entry of earlier) {
    const run = runs[runs.length - 1];
    const month = monthInYear(entry.month, summary.month);
    if (run && run.share === entry.weakShare) run.months.push(month);
    else runs.push({ months: [month], share: entry.weakShare });
  }
  const last = runs[runs.length - 1];
  if (!last) return absent;
  return {
    ...absent,
    present: true,
    earlier: runs.map((run, index) => ({
      months: joinList(run.months),
      shareText: percentText(run.share),
      // Earlier months are listed with «،»; the sentence turns at the current month.
      sep: index < runs.length - 1 ? '، ' : '',
    })),
    shareText: percentText(group.weakShare),
    fell: group.weakShare < last.share,
    rose: group.weakShare > last.share,
    same: group.weakShare === last.share,
  };
}

function methodView(input: ReleaseInput): MethodView {
  const dimensions = input.dimensions.map(displayName).filter((name) => name !== '');
  const count = Number.isInteger(input.indicatorCount) ? input.indicatorCount : 0;
  const hasIndicators = count > 0 && count < 1_000_000;
  return {
    present: hasIndicators || dimensions.length > 0,
    hasIndicators,
    indicatorCount: count,
    indicatorWords: hasIndicators ? numberWords(count) : '',
    hasDimensions: dimensions.length > 0,
    dimensionCountWords: dimensions.length > 0 ? numberWords(dimensions.length) : '',
    dimensionsText: joinList(dimensions),
    singleDimension: dimensions.length === 1,
  };
}

function speakerOf(input: ReleaseInput): string | null {
  const name = input.spokesperson === null ? '' : displayName(input.spokesperson);
  const title = input.spokespersonTitle === null ? '' : displayName(input.spokespersonTitle);
  if (name && title) return `${name}، ${title}،`;
  return name || title || null;
}

/** Everything the release templates need, decided from the figures (pure). */
export function buildReleaseView(input: ReleaseInput): ReleaseView {
  const { summary } = input;
  const groups = summary.groups.map((group, index) => groupView(group, index, input.top));
  const overall = overallView(summary);
  const firstBands = summary.groups.find((group) => group.bands.length > 0)?.bands ?? [];
  const topBand = firstBands[firstBands.length - 1];
  const weakBands = Math.max(0, Math.min(input.weakBands, firstBands.length));
  const furtherGroups = weakBands > 0 ? groups.slice(1).filter((group) => group.hasWeakShare) : [];
  const before = summary.previousMonth ?? previousMonth(summary.month);
  const speaker = speakerOf(input);
  return {
    correction: input.correction,
    province: provinceName(input.province),
    month: summary.month,
    monthName: monthName(summary.month),
    monthOnly: monthOnlyName(summary.month),
    previousMonthName: monthInYear(before, summary.month),
    hasPrevious:
      overall.previousMean !== null ||
      summary.groups.some((group) => group.previousWeakShare !== null),
    speaker,
    quoted: speaker !== null,
    overall,
    headline: headlineView(summary, input.dimensions),
    groups,
    furtherGroups,
    hasFurtherGroups: furtherGroups.length > 0,
    weakLabels: joinList(
      firstBands.slice(0, weakBands).map((band) => displayName(band.label)),
      'یا',
    ),
    neverTop: {
      present: summary.topBandEver === 0 && topBand !== undefined && overall.hasEvaluated,
      label: topBand ? displayName(topBand.label) : '',
    },
    weakPath: weakPathView(summary, weakBands),
    method: methodView(input),
    hasRankings: groups.some((group) => group.hasRanking),
    hasNotEvaluated: groups.some((group) => group.hasNotEvaluated),
    footer: {
      computedAt: jalaliDateTime(input.computedAt),
      runId: input.runId,
      digest: input.digest,
    },
  };
}
