// What the infographic says, as Persian strings from the release's summary (pure): no layout here.
import {
  jalaliDate,
  MONTH_NAMES,
  monthName,
  monthOnlyName,
  previousMonth,
  toPersianDigits,
} from '../language/jalali.ts';
import {
  joinList,
  monthInYear,
  percentSignText,
  persianNumber,
  pointsText,
  pressMonth,
} from '../language/persian-text.ts';
import type { ReleaseInput } from '../release/release-input.ts';
import type { GroupSummary } from '../figures/summary.ts';
import { displayName, groupNaming, provinceName } from '../release/names.ts';
import { overallMean, previousOverallMean } from '../release/overall.ts';
import { rankingGroupView } from '../release/rankings.ts';
import { setChanged } from '../release/like-for-like.ts';
import { weakLabelsOf } from '../release/shares.ts';

/** What the picture is drawn from: the release's own input (a `ReleaseInput` will do). */
export type InfographicInput = Pick<
  ReleaseInput,
  | 'summary'
  | 'province'
  | 'top'
  | 'weakBands'
  | 'computedAt'
  | 'correction'
  | 'source'
  | 'groupPlurals'
>;

/** The headline figure: the first group's weak share (or, without one, the mean score). */
interface HeadlineFigure {
  /** `۴۱٪`. */
  figure: string;
  /** The weak share (red) or the mean score. */
  weak: boolean;
  /** What the figure is: «سهم روابط‌عمومی‌های ضعیف و بسیار ضعیف در دستگاه‌های اجرایی». */
  label: string;
  /** Against the month before: «۱۵ واحد درصد کمتر از خردادماه (۵۶٪)»; empty in a first month. */
  change: string;
}

export interface BandFigure {
  label: string;
  percent: number;
  /** `۳۷٪`. */
  text: string;
  previousPercent: number | null;
  previousText: string;
}

interface RankLine {
  /** «اول». */
  rankWord: string;
  /** The agencies at that rank, as the release names them, with their score: «… (۷۱٫۵۰)». */
  names: string;
}

export interface GroupFigures {
  /** «دستگاه‌های اجرایی (۱۰۰ ارزیابی‌شده)». */
  heading: string;
  hasPrevious: boolean;
  bands: BandFigure[];
  ranks: RankLine[];
}

export interface InfographicView {
  /** «ارزیابی روابط‌عمومی‌های استان ایلام — تیر ۱۴۰۳», said in two lines. */
  title: string;
  titleMain: string;
  titleMonth: string;
  headline: HeadlineFigure | null;
  /** «تیر» and «خرداد» (or «اسفند ۱۴۰۲» across a year), for the legend. */
  monthLabel: string;
  previousMonthLabel: string;
  groups: GroupFigures[];
  /** «منبع: روابط‌عمومی استانداری ایلام». */
  source: string;
  /** «۵ مرداد ۱۴۰۳», or «اصلاحیه، ۵ مرداد ۱۴۰۳». */
  date: string;
}

function headlineFigure(input: InfographicInput, weakBands: number): HeadlineFigure | null {
  const { summary } = input;
  const plurals = input.groupPlurals ?? {};
  const group = summary.groups[0];
  const before = pressMonth(summary.previousMonth ?? previousMonth(summary.month), summary.month);
  if (group && group.evaluated > 0 && weakBands > 0 && group.weakShare !== null) {
    const labels = joinList(weakLabelsOf(group.bands, weakBands));
    const plural = groupNaming(group.name, plurals).plural;
    // Across a changed set of agencies the whole group's change is not like for like: not said.
    const prev = setChanged(group) ? null : group.previousWeakShare;
    const diff = prev === null ? 0 : group.weakShare - prev;
    const change =
      prev === null
        ? ''
        : diff === 0
          ? `بدون تغییر نسبت به ${before}`
          : `${pointsText(Math.abs(diff))} ${diff < 0 ? 'کمتر' : 'بیشتر'} از ${before} (${percentSignText(prev)})`;
    return {
      figure: percentSignText(group.weakShare),
      weak: true,
      label: `سهم روابط‌عمومی‌های ${labels} در ${plural}`,
      change,
    };
  }
  const mean = overallMean(summary);
  if (mean === null) return null;
  const previousMean = previousOverallMean(summary);
  return {
    figure: persianNumber(mean),
    weak: false,
    label: `میانگین امتیاز روابط‌عمومی‌های استان ${provinceName(input.province)} (از ۱۰۰)`,
    change: previousMean === null ? '' : `${before}: ${persianNumber(previousMean)}`,
  };
}

function groupFigures(group: GroupSummary, input: InfographicInput, index: number): GroupFigures {
  const plurals = input.groupPlurals ?? {};
  const previousCount = (group.previousBands ?? []).reduce((n, band) => n + band.count, 0);
  const hasPrevious = group.previousBands !== null && previousCount > 0;
  const ranking = rankingGroupView(group, index, input.top, plurals, {});
  // As the release's sentences write a score: no trailing zero (۷۱٫۵), not the table's ۷۱٫۵۰.
  const scoreOf = new Map(group.ranking.map((entry) => [entry.rank, persianNumber(entry.score)]));
  return {
    heading: `${groupNaming(group.name, plurals).plural} (${toPersianDigits(String(group.evaluated))} ارزیابی‌شده)`,
    hasPrevious,
    bands: group.bands.map((band, i) => {
      const previous = hasPrevious ? (group.previousBands?.[i]?.percent ?? null) : null;
      return {
        label: toPersianDigits(displayName(band.label)),
        percent: band.percent,
        text: percentSignText(band.percent),
        previousPercent: previous,
        previousText: previous === null ? '' : percentSignText(previous),
      };
    }),
    ranks: ranking.clauses.map((clause) => ({
      rankWord: clause.rankWord,
      // The score held to the last name (no-break space): never alone on a line.
      names: toPersianDigits(
        scoreOf.has(clause.rank)
          ? `${clause.names}\u00A0(${scoreOf.get(clause.rank)})`
          : clause.names,
      ),
    })),
  };
}

/** `۵ مرداد ۱۴۰۳` in Asia/Tehran. */
function dateText(instant: Date): string {
  const { year, month, day } = jalaliDate(instant);
  return toPersianDigits(`${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`);
}

/** Everything the picture says, in Persian, from the release's input (pure). */
export function infographicView(input: InfographicInput): InfographicView {
  const { summary } = input;
  const firstBands = summary.groups.find((group) => group.bands.length > 0)?.bands ?? [];
  const weakBands = Math.max(0, Math.min(input.weakBands, firstBands.length));
  const titleMain = `ارزیابی روابط‌عمومی‌های استان ${provinceName(input.province)}`;
  const titleMonth = monthName(summary.month);
  const source = input.source ? displayName(input.source).replace(/[\s،,.:]+$/u, '') : '';
  const date = dateText(input.computedAt);
  return {
    title: `${titleMain} — ${titleMonth}`,
    titleMain,
    titleMonth,
    headline: headlineFigure(input, weakBands),
    monthLabel: monthOnlyName(summary.month),
    previousMonthLabel: monthInYear(
      summary.previousMonth ?? previousMonth(summary.month),
      summary.month,
    ),
    groups: summary.groups
      .map((group, index) => ({ group, index }))
      .filter(({ group }) => group.evaluated > 0 && group.bands.length > 0)
      .map(({ group, index }) => groupFigures(group, input, index)),
    source: `منبع: ${source || `شورای هماهنگی روابط‌عمومی‌های استان ${provinceName(input.province)}`}`,
    date: input.correction ? `اصلاحیه، ${date}` : date,
  };
}
