// Statement 2, the lede: each group's mean like for like against the month before, and who joined or left.
import { Fraction } from 'fraction.js';
import { meanRounded, roundToNumber, toFraction } from '../language/decimal.ts';
import { joinList, outOf100Text, persianNumber } from '../language/persian-text.ts';
import type { GroupSummary, Summary } from '../figures/summary.ts';
import { joinedAndLeft, scoreDelta, setChanged } from './like-for-like.ts';
import { groupNaming, namesList } from './names.ts';

/** With the weak shares unchanged, a change of mean under this many points is not a change. */
const SMALL_CHANGE = 1;
/** With the weak shares unchanged, a change under this many points is only «اندکی». */
const SLIGHT_CHANGE = 3;

type Verdict =
  'improved' | 'declined' | 'slightlyImproved' | 'slightlyDeclined' | 'nearlyHeld' | 'held';

const VERDICT_WORDS: Record<Verdict, string> = {
  improved: 'بهبود یافت',
  declined: 'افت کرد',
  slightlyImproved: 'اندکی بهبود یافت',
  slightlyDeclined: 'اندکی افت کرد',
  nearlyHeld: 'تقریباً ثابت ماند',
  held: 'ثابت ماند',
};

/** Statement 2: the lede's direction, each group's means and the changes of the set. */
export interface OverallView {
  hasEvaluated: boolean;
  /** Counts per group, never one number mixing groups: «۱۰۰ دستگاه اجرایی و ۱۰ فرمانداری». */
  countsText: string;
  /** Each group's mean this month, the scale said once: «دستگاه‌های اجرایی ۲۷٫۰۶ و فرمانداری‌ها ۲۴٫۰۸ (از ۱۰۰)». */
  meansNowText: string;
  /** The pooled mean of every evaluated agency (`۴۱٫۷۷ از ۱۰۰`): only when no weak share leads. */
  meanText: string;
  hasDirection: boolean;
  /** «بهبود یافت», or per group: «در دستگاه‌های اجرایی بهبود یافت و در فرمانداری‌ها افت کرد». */
  directionText: string;
  /** The compared means, each clause with its verb: «میانگین امتیاز ۱۰۰ دستگاه اجرایی از … به … (از ۱۰۰) رسید». */
  meansText: string;
  /** Sentences saying who was evaluated in one month only, per group; empty when nobody. */
  setChanges: string[];
}

/** The mean score of every evaluated agency this month (the rounded agency scores), 2 decimals. */
export function overallMean(summary: Summary): number | null {
  return meanRounded(summary.groups.flatMap((group) => group.ranking.map((entry) => entry.score)));
}

/**
 * The mean score of every agency evaluated the month before: Σ(previousMeanScore × n) / Σ n
 * over the groups that have one, n the group's evaluated count that month, 2 decimals,
 * exact. Not like for like: for the infographic's figure when no weak share leads it.
 */
export function previousOverallMean(summary: Summary): number | null {
  let total = new Fraction(0);
  let count = 0;
  for (const group of summary.groups) {
    const n = (group.previousBands ?? []).reduce((sum, band) => sum + band.count, 0);
    if (group.previousMeanScore === null || n === 0) continue;
    total = total.add(toFraction(group.previousMeanScore).mul(n));
    count += n;
  }
  return count === 0 ? null : roundToNumber(total.div(count), 2);
}

interface Compared {
  group: GroupSummary;
  count: number;
  changed: boolean;
  now: number;
  before: number;
  verdict: Verdict;
}

/** The group's means like for like (its whole figures when the summary has no likeForLike). */
function compared(group: GroupSummary): Compared | null {
  const lfl = group.likeForLike;
  const now = lfl ? lfl.meanScore : group.meanScore;
  const before = lfl ? lfl.previousMeanScore : group.previousMeanScore;
  if (now === null || before === null) return null;
  const weakNow = lfl ? lfl.weakShare : group.weakShare;
  const weakBefore = lfl ? lfl.previousWeakShare : group.previousWeakShare;
  const delta = scoreDelta(now, before);
  const steady = weakNow === weakBefore;
  const size = Math.abs(delta);
  let verdict: Verdict = delta > 0 ? 'improved' : 'declined';
  if (delta === 0) verdict = 'held';
  else if (steady && size < SMALL_CHANGE) verdict = 'nearlyHeld';
  else if (steady && size < SLIGHT_CHANGE)
    verdict = delta > 0 ? 'slightlyImproved' : 'slightlyDeclined';
  return {
    group,
    count: lfl ? lfl.agencies : group.evaluated,
    changed: setChanged(group),
    now,
    before,
    verdict,
  };
}

function meansClause(
  c: Compared,
  first: boolean,
  plurals: Readonly<Record<string, string>>,
  verb: boolean,
): string {
  const { singular } = groupNaming(c.group.name, plurals);
  const who = `${persianNumber(c.count)} ${singular}${c.changed ? ' ارزیابی‌شده در هر دو ماه' : ''}`;
  const lead = first ? 'میانگین امتیاز' : 'میانگین';
  const scale = first && verb ? '\u00A0(از\u00A0۱۰۰)' : '';
  if (c.now === c.before) return `${lead} ${who} بدون تغییر ${persianNumber(c.now)}${scale} ماند`;
  const moved = `${lead} ${who} از ${persianNumber(c.before)} به ${persianNumber(c.now)}`;
  return verb ? `${moved}${scale} رسید` : moved;
}

/** The compared means: one verb for all when every mean moved, else a verb per clause. */
function meansText(list: readonly Compared[], plurals: Readonly<Record<string, string>>): string {
  const allMoved = list.every((c) => c.now !== c.before);
  if (allMoved && list.length > 0)
    return `${joinList(list.map((c, i) => meansClause(c, i === 0, plurals, false)))}\u00A0(از\u00A0۱۰۰) رسید`;
  return joinList(list.map((c, i) => meansClause(c, i === 0, plurals, true)));
}

const plural = (n: number, one: string, many: string): string => (n > 1 ? many : one);

/** «در شهرداری‌ها، شهرداری الف که در اسفندماه ارزیابی شده بود، در فروردین‌ماه ارزیابی نشد …». */
function setChange(
  group: GroupSummary,
  plurals: Readonly<Record<string, string>>,
  month: string,
  previousMonth: string,
): string | null {
  const naming = groupNaming(group.name, plurals);
  const { joined, left } = joinedAndLeft(group);
  const parts: string[] = [];
  if (left.length > 0)
    parts.push(
      `${namesList(left, naming)} که در ${previousMonth} ارزیابی ${plural(left.length, 'شده بود', 'شده بودند')}، در ${month} ارزیابی ${plural(left.length, 'نشد', 'نشدند')}`,
    );
  if (joined.length > 0)
    parts.push(
      `${namesList(joined, naming)} که در ${previousMonth} ارزیابی ${plural(joined.length, 'نشده بود', 'نشده بودند')}، در ${month} ارزیابی ${plural(joined.length, 'شد', 'شدند')}`,
    );
  if (parts.length === 0) return null;
  return `در ${naming.plural}، ${parts.join('؛ ')}.`;
}

export function overallView(
  summary: Summary,
  plurals: Readonly<Record<string, string>>,
  months: { month: string; previousMonth: string },
): OverallView {
  const counted = summary.groups.filter((group) => group.evaluated > 0);
  const counts = counted.map(
    (group) => `${persianNumber(group.evaluated)} ${groupNaming(group.name, plurals).singular}`,
  );
  // The counts are said just before: the means by the groups' plurals.
  const nowParts = counted.flatMap((group) =>
    group.meanScore === null
      ? []
      : [`${groupNaming(group.name, plurals).plural} ${persianNumber(group.meanScore)}`],
  );
  const list = counted.map(compared).filter((c): c is Compared => c !== null);
  const verdicts = [...new Set(list.map((c) => c.verdict))];
  const one = verdicts.length === 1 ? verdicts[0] : undefined;
  // Groups with the same verdict said together: «در دستگاه‌های اجرایی و فرمانداری‌ها بهبود یافت».
  const directionText =
    one !== undefined
      ? VERDICT_WORDS[one]
      : joinList(
          verdicts.map((verdict) => {
            const groups = list.filter((c) => c.verdict === verdict);
            const names = groups.map((c) => groupNaming(c.group.name, plurals).plural);
            return `در ${joinList(names)} ${VERDICT_WORDS[verdict]}`;
          }),
        );
  const mean = overallMean(summary);
  return {
    hasEvaluated: counted.length > 0,
    countsText: joinList(counts),
    meansNowText: nowParts.length > 0 ? `${joinList(nowParts)}\u00A0(از\u00A0۱۰۰)` : '',
    meanText: mean === null ? '' : outOf100Text(mean),
    hasDirection: list.length > 0,
    directionText,
    meansText: meansText(list, plurals),
    setChanges: summary.groups.flatMap(
      (group) => setChange(group, plurals, months.month, months.previousMonth) ?? [],
    ),
  };
}
