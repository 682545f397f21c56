// The editor's checkable rules for cards and reminders (editor-review-2.md §3), as a program.
import type { Indicator } from '../../../functions/core/contract/model.ts';

/**
 * Each function returns what breaks its rule in one text (empty when it holds), so a test
 * can run them over every card and reminder and show every breach at once. Figures are
 * read back from the Persian text and checked against figures the test computes itself.
 */

const DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** A Persian figure (digits and `٫`) as a number. */
function fromPersian(text: string): number {
  const latin = [...text].map((c) => (DIGITS.includes(c) ? String(DIGITS.indexOf(c)) : c));
  return Number(latin.join('').replace('٫', '.'));
}

/** Spaces of any kind (no-break included) as one space, to match sentences. */
export const plain = (text: string): string => text.replace(/\u00A0/g, ' ');

const NUM = '[۰-۹]+(?:٫[۰-۹]+)?';

/** R13: nothing internal in a text meant for its reader. */
export function internalText(text: string, trace: readonly string[]): string[] {
  const found = ['ویژه دبیرخانه', 'برای دبیرخانه', 'شناسه اجرا', 'چکیده داده‌ها'].filter((w) =>
    text.includes(w),
  );
  return [...found, ...trace.filter((t) => t !== '' && text.includes(t)).map((t) => `trace ${t}`)];
}

/** R17: no trailing zero after «٫» («۵۴٫۰۰», «۷۱٫۵۰»). */
export function trailingZeros(text: string): string[] {
  return [...text.matchAll(/[۰-۹]+٫[۰-۹]*۰(?![۰-۹])/g)].map((m) => m[0]);
}

/** R26: opens with «مدیر محترم روابط‌عمومی» (after a date or a mark), «با سلام و احترام». */
export function salutation(text: string): string[] {
  const found: string[] = [];
  const first = text
    .split('\n')
    .find((line) => line.trim() !== '' && !/^(تاریخ|نسخه آزمایشی|اصلاحیه):/.test(line));
  if (!first?.startsWith('مدیر محترم روابط‌عمومی')) found.push(`opens «${first ?? ''}»`);
  if (!first?.includes('با سلام و احترام')) found.push('no «با سلام و احترام»');
  if (/، سلام\.|، با سلام؛/.test(text)) found.push('casual salutation');
  return found;
}

/** R29: ends with the secretariat's name and, when set, a contact line. */
export function signature(text: string, secretariat: string, contact: string | null): string[] {
  const lines = plain(text).trimEnd().split('\n');
  const expected = contact === null ? [secretariat] : [secretariat, `راه تماس: ${contact}`];
  const tail = lines.slice(-expected.length);
  return tail.join('\n') === expected.join('\n') ? [] : [`ends «${tail.join(' / ')}»`];
}

/** R25: every ▲/▼ in the HTML has the words beside it. */
export function arrowsWithWords(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/[▲▼]/g)) {
    const after = html.slice((m.index ?? 0) + 1, (m.index ?? 0) + 40);
    if (!/^\s*(بالاتر|پایین‌تر) از میانگین گروه/.test(after)) found.push(`${m[0]}${after}`);
  }
  return found;
}

/** Where a card says the agency stands: «جایگاه X از N» of its place sentence, or null. */
function placeOf(text: string): { standing: number; size: number } | null {
  const m = new RegExp(`ارزیابی‌شده،[^.]*?جایگاه (${NUM}) از (${NUM})`).exec(plain(text));
  return m ? { standing: fromPersian(m[1] ?? ''), size: fromPersian(m[2] ?? '') } : null;
}

/** The card's move sentence: the standing before, and the steps as said (+ up, − down). */
function moveOf(text: string): { before: number; size: number; steps: number } | null {
  const m = new RegExp(
    `در \\S+(?: [۰-۹]+)?(?: نیز)? در جایگاه (${NUM}) از (${NUM}) بودید؛ جایگاه شما (?:(${NUM}) پله (ارتقا یافت|نزول کرد)|(تغییری نکرد))`,
  ).exec(plain(text));
  if (!m) return null;
  const steps = m[5] ? 0 : fromPersian(m[3] ?? '') * (m[4] === 'ارتقا یافت' ? 1 : -1);
  return { before: fromPersian(m[1] ?? ''), size: fromPersian(m[2] ?? ''), steps };
}

/** 1 + the number of scores strictly higher: the standing, computed here. */
function standingAmong(score: number, scores: readonly number[]): number {
  return 1 + scores.filter((s) => s > score).length;
}

/** R6: the place and the move are said in standings. */
export function placeRule(
  text: string,
  now: { score: number; scores: readonly number[] },
  before: { score: number; scores: readonly number[] } | null,
): string[] {
  const found: string[] = [];
  if (/رتبه [۰-۹]+ از/.test(text)) found.push('«رتبه X از N»');
  if (now.scores.length < 2) return found;
  const place = placeOf(text);
  const standing = standingAmong(now.score, now.scores);
  if (!place) return [...found, 'no place'];
  if (place.standing !== standing || place.size !== now.scores.length)
    found.push(`says ${place.standing} of ${place.size}, is ${standing} of ${now.scores.length}`);
  const move = moveOf(text);
  if (!before || before.scores.length < 2) {
    if (move) found.push('a move without a month before');
    return found;
  }
  const was = standingAmong(before.score, before.scores);
  if (!move) return [...found, 'no move'];
  if (move.before !== was || move.size !== before.scores.length)
    found.push(`says it was ${move.before} of ${move.size}, was ${was}`);
  if (move.steps !== was - standing)
    found.push(`says ${move.steps} steps, moved ${was - standing}`);
  return found;
}

/** R23: «a از m (سهم این شاخص از امتیاز کل: e از s)؛ L امتیاز از دست رفته», adding up. */
export function indicatorUnits(text: string): string[] {
  const found: string[] = [];
  const line = new RegExp(
    `\\): (${NUM}) از (${NUM})(?: \\(سهم این شاخص از امتیاز کل: (${NUM}) از (${NUM})\\))?؛ (${NUM}) امتیاز از دست رفته`,
    'g',
  );
  for (const m of plain(text).matchAll(line)) {
    const read = (x: string | undefined): number | null =>
      x === undefined ? null : fromPersian(x);
    const [a, max, e, s, lost] = [read(m[1]), read(m[2]), read(m[3]), read(m[4]), read(m[5])];
    const whole = s ?? max ?? 0;
    const got = e ?? a ?? 0;
    if (Math.abs(whole - got - (lost ?? 0)) > 1e-9) found.push(m[0]);
    if (e !== null && s !== null && Math.abs(e - (s * (a ?? 0)) / (max ?? 1)) > 0.005)
      found.push(`share ${m[0]}`);
  }
  if (/کمتر از امتیاز کامل/.test(text)) found.push('«… امتیاز کمتر از امتیاز کامل»');
  return found;
}

/** The indicator numbers a list of the card names: lines and «و N شاخص دیگر …: شاخص ۱، …». */
function listedCodes(section: string): number[] {
  return [...plain(section).matchAll(/شاخص ([۰-۹]+)/g)].map((m) => fromPersian(m[1] ?? ''));
}

/** A card's section from its heading to the next blank line. */
function sectionOf(text: string, heading: string): string | null {
  const start = text.indexOf(heading);
  if (start < 0) return null;
  const end = text.indexOf('\n\n', start);
  return text.slice(start + heading.length, end < 0 ? undefined : end);
}

/**
 * R24: the «lost most» and «best» lists never cut through a tie, name the indicators a
 * reader would expect from the agency's row, and «best» is said only of at least half the
 * maximum. Indicators are numbered as in the sheet (`ش۱` … `ش۲۰`).
 */
export function tiesRule(
  text: string,
  indicators: readonly Indicator[],
  values: Readonly<Record<string, number | null>>,
): string[] {
  const found: string[] = [];
  const totalWeight = indicators.reduce((s, i) => s + i.weight, 0);
  const rows = indicators.map((i, k) => {
    const v = values[i.code] ?? 0;
    const share = (100 * i.weight) / totalWeight;
    return { n: k + 1, lost: Math.round(share * (1 - v / i.max) * 1e6), ratio: v / i.max };
  });
  const weakest = sectionOf(text, 'بیشترین امتیاز را در این شاخص‌ها از دست داده‌اید:');
  const named = new Set(weakest ? listedCodes(weakest) : []);
  const lostOnes = rows.filter((r) => r.lost > 0);
  if (lostOnes.length > 0 && named.size === 0) found.push('no «lost most» list');
  if (named.size > 0) {
    const least = Math.min(...rows.filter((r) => named.has(r.n)).map((r) => r.lost));
    for (const r of lostOnes)
      if (r.lost >= least && !named.has(r.n)) found.push(`lost: شاخص ${r.n} left out`);
  }
  const best = sectionOf(text, 'بهترین عملکرد شما در این شاخص‌ها بود:');
  const bestNamed = new Set(best ? listedCodes(best) : []);
  const rest = rows.filter((r) => !named.has(r.n));
  if (bestNamed.size > 0) {
    const least = Math.min(...rest.filter((r) => bestNamed.has(r.n)).map((r) => r.ratio));
    if (least < 0.5) found.push('best below half the maximum');
    for (const r of rest)
      if (r.ratio >= least && !bestNamed.has(r.n)) found.push(`best: شاخص ${r.n} left out`);
  } else if (lostOnes.length > 0 && rest.some((r) => r.ratio >= 0.5)) {
    found.push('no «best» list though some reached half the maximum');
  }
  return found;
}
