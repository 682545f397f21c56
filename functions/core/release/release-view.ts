// The press release as plain data: which statements the figures support, each figure in Persian.
import {
  jalaliDate,
  monthName,
  monthOnlyName,
  previousMonth,
  toPersianDigits,
  MONTH_NAMES,
} from '../language/jalali.ts';
import { joinList, monthInYear, notEvaluatedReason, pressMonth } from '../language/persian-text.ts';
import type { ReleaseInput } from './release-input.ts';
import { resultsCsvFilename } from './results-csv.ts';
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
 * The press release as plain data (docs/texts.md#what-it-says-in-order), statements 1–12 in order: which
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
  /** The weak bands, the higher first: `ضعیف و بسیار ضعیف` (what the weak share counts). */
  weakLabels: string;
  /** Each agency in one of them: `ضعیف یا بسیار ضعیف`. */
  weakLabelsOr: string;
  /** The weak bands are every band below one called «متوسط»: «زیر سطح متوسط». */
  belowMiddle: boolean;
  title: TitleView;
  overall: OverallView;
  headlineChange: HeadlineChangeView;
  firstGroup: FirstGroupView & { chart: ChartView };
  areas: AreasView;
  /** No agency-month ever in the top band; `who`: «دستگاه اجرایی یا فرمانداری». */
  neverTop: { present: boolean; label: string; who: string };
  furtherGroups: FurtherGroupView[];
  hasFurtherGroups: boolean;
  method: MethodView;
  rankings: { present: boolean; groups: RankingGroupView[] };
  yearTable: YearTableView;
  /** Any group's band chart is drawn (in the text part, after the year table). */
  charts: { present: boolean };
  notEvaluated: NotEvaluatedView;
  /** The closing line: the Jalali date it was computed on, and how to reach the secretariat. */
  closing: { computedOn: string; hasContact: boolean; contact: string };
  /** The attachment's file name, for the line that says what is attached. */
  attachmentName: string;
}

interface NotEvaluatedView {
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

function closingOf(input: ReleaseInput): ReleaseView['closing'] {
  const { year, month, day } = jalaliDate(input.computedAt);
  const contact = input.contact ? displayName(input.contact) : '';
  return {
    computedOn: toPersianDigits(`${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`),
    hasContact: contact !== '',
    contact,
  };
}

/** Everything the release templates need, decided from the figures (pure). */
export function buildReleaseView(input: ReleaseInput): ReleaseView {
  const { summary } = input;
  const plurals = input.groupPlurals ?? {};
  const firstBands = summary.groups.find((group) => group.bands.length > 0)?.bands ?? [];
  const weakBands = Math.max(0, Math.min(input.weakBands, firstBands.length));
  const before = summary.previousMonth ?? previousMonth(summary.month);
  const monthPress = pressMonth(summary.month, summary.month);
  const previousMonthPress = pressMonth(before, summary.month);
  const overall = overallView(summary, plurals, {
    month: monthPress,
    previousMonth: previousMonthPress,
  });
  const weakNames = weakLabelsOf(firstBands, weakBands);
  const middle = firstBands[weakBands];
  const speaker = speakerOf(input);
  // «به گزارش X،» adds its own comma: one typed at the end of the setting is dropped.
  const source = input.source ? displayName(input.source).replace(/[\s،,.:]+$/u, '') : '';
  const topBand = firstBands[firstBands.length - 1];
  const furtherGroups = furtherGroupViews(summary, plurals, weakBands, input.bands ?? []);
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
    monthPress,
    previousMonthName: monthInYear(before, summary.month),
    previousMonthPress,
    hasPrevious:
      overall.hasDirection || summary.groups.some((group) => group.previousWeakShare !== null),
    speaker: speaker.full,
    quoted: speaker.full !== null,
    speakerShort: speaker.short,
    hasSource: source !== '',
    source,
    weakLabels: joinList(weakNames),
    weakLabelsOr: joinList(weakNames, 'یا'),
    belowMiddle: weakBands > 1 && middle !== undefined && displayName(middle.label) === 'متوسط',
    title: titleView(summary, plurals, overall.meanText, weakBands),
    overall,
    headlineChange: headlineChangeView(
      summary,
      input.dimensions,
      plurals,
      input.headlineLikeForLike ?? null,
    ),
    firstGroup: {
      ...firstGroupView(summary, plurals, weakBands, input.historyCounts ?? {}),
      chart: chartView(summary.groups[0]),
    },
    areas: areasView(summary, plurals),
    neverTop: {
      present: summary.topBandEver === 0 && topBand !== undefined && overall.hasEvaluated,
      label: topBand ? displayName(topBand.label) : '',
      who: joinList(
        summary.groups
          .filter((group) => group.evaluated > 0)
          .map((group) => groupNaming(group.name, plurals).singular),
        'یا',
      ),
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
    yearTable: yearTableView(summary, plurals, weakBands, input.historyCounts ?? {}),
    charts: {
      present:
        chartView(summary.groups[0]).present || furtherGroups.some((group) => group.chart.present),
    },
    notEvaluated: notEvaluatedView(input, plurals),
    closing: closingOf(input),
    attachmentName: resultsCsvFilename(summary.month),
  };
}
