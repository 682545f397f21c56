// A card's place in its group and its move since the month before, in words true as read.
import { ordinalWord, persianNumber } from '../language/persian-text.ts';
import { NBSP } from './card-text.ts';

/**
 * Where an agency stands in its group (docs/texts.md#ranks-in-words): `standing` is
 * 1 + the number of the group's agencies with a higher score; «X از N» is said only with
 * it. `rank` is the council's rank (dense by default) as the release states it.
 */
export interface Place {
  standing: number;
  rank: number;
  /** How many of its group were evaluated. */
  size: number;
  /** How many of its group have its score, itself included. */
  tied: number;
  /** The group's name as written (a singular noun after a number: «۱۰۰ دستگاه اجرایی»). */
  group: string;
  /** The release names the ranks 1..top of each group. */
  top: number;
}

/** A count of agencies of the group: «یک فرمانداری», «۷۸ دستگاه اجرایی». */
function agenciesText(n: number, group: string): string {
  return n === 1 ? `یک ${group}` : `${persianNumber(n)}${NBSP}${group}`;
}

/** «جایگاه ۷۹ از ۱۰۰», held together. */
function standingOf(standing: number, size: number): string {
  return `جایگاه ${persianNumber(standing)}${NBSP}از${NBSP}${persianNumber(size)}`;
}

/**
 * The card's place sentence: «در میان ۱۰۰ دستگاه اجرایی ارزیابی‌شده، در جایگاه ۷۹ از ۱۰۰
 * قرار دارید؛ ۷۸ دستگاه اجرایی امتیاز بیشتری گرفتند.» A shared place says with how many;
 * the top says so; the bottom says that nobody scored lower; the last of 100 stands 100th.
 */
export function placeSentence(p: Place): string {
  const among = `در میان ${agenciesText(p.size, p.group)} ارزیابی‌شده،`;
  const others = p.tied - 1;
  const shared = others > 0 ? ` به‌طور مشترک با ${agenciesText(others, p.group)} دیگر` : '';
  const place = standingOf(p.standing, p.size);
  const bottom = p.standing + p.tied - 1 === p.size;
  if (p.standing === 1) {
    return `${among}${shared} بالاترین امتیاز را گرفته‌اید و در ${place} قرار دارید.`;
  }
  const higher = `${agenciesText(p.standing - 1, p.group)} امتیاز بیشتری ${p.standing === 2 ? 'گرفت' : 'گرفتند'}`;
  const last = bottom && others === 0 ? ' (آخرین جایگاه)' : '';
  const none = bottom && others > 0 ? ` و هیچ ${p.group} امتیاز کمتری نگرفت` : '';
  return `${among}${shared} در ${place}${last} قرار دارید؛ ${higher}${none}.`;
}

/**
 * The release's own rank, where it names it (ranks 1..top) and it differs from the
 * standing (dense ranks after a tie): «در رتبه‌بندی خبر شورا، به‌طور مشترک رتبه دوم را
 * دارید.» Empty otherwise.
 */
export function releaseRankSentence(p: Place): string {
  if (p.rank === p.standing || p.rank > p.top) return '';
  const shared = p.tied > 1 ? 'به‌طور مشترک ' : '';
  return `در رتبه‌بندی خبر شورا، ${shared}رتبه ${ordinalWord(p.rank)} را دارید.`;
}

/** The month before: its standing and the size of its group then. */
export interface PlaceBefore {
  standing: number;
  size: number;
  /** «خردادماه». */
  monthText: string;
}

/**
 * The move since the month before, counted in standings: «در خردادماه در جایگاه ۹۸ از ۱۰۰
 * بودید؛ جایگاه شما ۲ پله نزول کرد.» «تغییری نکرد» only when the standing is the same.
 */
export function moveSentence(now: Place, before: PlaceBefore): string {
  const steps = before.standing - now.standing;
  const then = standingOf(before.standing, before.size);
  if (steps === 0) {
    return `در ${before.monthText} نیز در ${then} بودید؛ جایگاه شما تغییری نکرد.`;
  }
  const moved = `${persianNumber(Math.abs(steps))}${NBSP}پله`;
  const verb = steps > 0 ? `${moved} ارتقا یافت` : `${moved} نزول کرد`;
  return `در ${before.monthText} در ${then} بودید؛ جایگاه شما ${verb}.`;
}
