import { jalaliDateTime, monthName, monthOnlyName, previousMonth } from '../../jalali.ts';
import { joinList, monthInYear, notEvaluatedReason, pressMonth } from '../../persian-text.ts';
import type { ReleaseInput } from '../../release-input.ts';
import { areasView, type AreasView } from './areas.ts';
import { chartView, type ChartView } from './bands-chart.ts';
import { firstGroupView, type FirstGroupView } from './first-group.ts';
import { furtherGroupViews, type FurtherGroupView } from './further-groups.ts';
import { methodView, type MethodView } from './method.ts';
import { displayName, groupNaming, provinceName } from './names.ts';
import { overallView, type OverallView } from './overall.ts';
import { rankingGroupView, type RankingGroupView } from './rankings.ts';
import { weakLabelsOf } from './shares.ts';
import { headlineChangeView, titleView, type HeadlineChangeView, type TitleView } from './title.ts';
import { yearTableView, type YearTableView } from './year-table.ts';

/**
 * The press release as plain data (press-release.md), statements 1–12 in order: which
 * statements the figures support, and every figure already written in Persian. Templates
 * only place and phrase; every `present`/`has…` flag is the one place that decides whether
 * a sentence is said.
 */
export interface ReleaseView {
  correction: boolean;
  /** A test copy (`--to`): the subject says «نسخه آزمایشی». */
  test: boolean;
  /** The province name without a leading «استان». */
  province: string;
  month: string;
  /** `تیر ۱۴۰۳`. */
  monthName: string;
  /** `تیر`. */
  monthOnly: string;
  /** `تیرماه` (press style in a sentence). */
  monthPress: string;
  /** The month before: `خرداد`, or `اسفند ۱۴۰۲` across a year. */
  previousMonthName: string;
  /** `خردادماه`, or `اسفندماه ۱۴۰۲` across a year. */
  previousMonthPress: string;
  hasPrevious: boolean;
  /** «آیت قیصربیگی، مدیرکل …،» / the name / the title; null for an impersonal release. */
  speaker: string | null;
  quoted: boolean;
  /** The spokesperson's surname for later paragraphs («قیصربیگی ادامه داد»), else «وی». */
  speakerShort: string;
  hasSource: boolean;
  source: string;
  /** The weak bands, the higher first: `ضعیف و بسیار ضعیف`. */
  weakLabels: string;
  title: TitleView;
  overall: OverallView;
  headlineChange: HeadlineChangeView;
  firstGroup: FirstGroupView & { chart: ChartView };
  areas: AreasView;
  neverTop: { present: boolean; label: string };
  furtherGroups: FurtherGroupView[];
  hasFurtherGroups: boolean;
  method: MethodView;
  rankings: { present: boolean; groups: RankingGroupView[] };
  yearTable: YearTableView;
  notEvaluated: NotEvaluatedView;
  footer: { computedAt: string; runId: string; digest: string };
}

export interface NotEvaluatedView {
  present: boolean;
  /** Per group with any: the group's plural and each agency by name and reason (no ids). */
  groups: { plural: string; items: { name: string; reason: string; code: string }[] }[];
}

function speakerOf(input: ReleaseInput): { full: string | null; short: string } {
  const name = input.spokesperson === null ? '' : displayName(input.spokesperson);
  const title = input.spokespersonTitle === null ? '' : displayName(input.spokespersonTitle);
  const full = name && title ? `${name}، ${title}،` : name || title || null;
  const words = name.split(/\s+/).filter(Boolean);
  return { full, short: words.length > 1 ? (words[words.length - 1] ?? 'وی') : 'وی' };
}

function notEvaluatedView(input: ReleaseInput, plurals: Record<string, string>): NotEvaluatedView {
  const groups = input.summary.groups
    .filter((group) => group.notEvaluated.length > 0)
    .map((group) => ({
      plural: groupNaming(group.name, plurals).plural,
      items: group.notEvaluated.map((agency) => ({
        name: displayName(agency.name),
        reason: notEvaluatedReason(agency.reason),
        code: agency.reason,
      })),
    }));
  return { present: groups.length > 0, groups };
}

/** Everything the release templates need, decided from the figures (pure). */
export function buildReleaseView(input: ReleaseInput): ReleaseView {
  const { summary } = input;
  const plurals = input.groupPlurals ?? {};
  const firstBands = summary.groups.find((group) => group.bands.length > 0)?.bands ?? [];
  const weakBands = Math.max(0, Math.min(input.weakBands, firstBands.length));
  const overall = overallView(summary, plurals);
  const before = summary.previousMonth ?? previousMonth(summary.month);
  const speaker = speakerOf(input);
  // «به گزارش X،» adds its own comma: one typed at the end of the setting is dropped.
  const source = input.source ? displayName(input.source).replace(/[\s،,.:]+$/u, '') : '';
  const topBand = firstBands[firstBands.length - 1];
  const furtherGroups = furtherGroupViews(summary, plurals, weakBands);
  const rankings = summary.groups.map((group, index) =>
    rankingGroupView(group, index, input.top, plurals, input.previousRanks ?? {}),
  );
  return {
    correction: input.correction,
    test: input.test ?? false,
    province: provinceName(input.province),
    month: summary.month,
    monthName: monthName(summary.month),
    monthOnly: monthOnlyName(summary.month),
    monthPress: pressMonth(summary.month, summary.month),
    previousMonthName: monthInYear(before, summary.month),
    previousMonthPress: pressMonth(before, summary.month),
    hasPrevious:
      overall.previousMean !== null ||
      summary.groups.some((group) => group.previousWeakShare !== null),
    speaker: speaker.full,
    quoted: speaker.full !== null,
    speakerShort: speaker.short,
    hasSource: source !== '',
    source,
    weakLabels: joinList(weakLabelsOf(firstBands, weakBands)),
    title: titleView(summary, plurals, overall.meanText, weakBands),
    overall,
    headlineChange: headlineChangeView(summary, input.dimensions, plurals),
    firstGroup: {
      ...firstGroupView(summary, plurals, weakBands),
      chart: chartView(summary.groups[0]),
    },
    areas: areasView(summary, plurals),
    neverTop: {
      present: summary.topBandEver === 0 && topBand !== undefined && overall.hasEvaluated,
      label: topBand ? displayName(topBand.label) : '',
    },
    furtherGroups,
    hasFurtherGroups: furtherGroups.length > 0,
    method: methodView({
      indicatorCount: input.indicatorCount,
      dimensions: input.dimensions,
      bands: input.bands ?? [],
      purpose: input.purpose ?? null,
    }),
    rankings: { present: rankings.some((group) => group.present), groups: rankings },
    yearTable: yearTableView(summary, plurals, weakBands),
    notEvaluated: notEvaluatedView(input, plurals),
    footer: {
      computedAt: jalaliDateTime(input.computedAt),
      runId: input.runId,
      digest: input.digest,
    },
  };
}
