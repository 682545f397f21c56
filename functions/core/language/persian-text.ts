/**
 * Wording helpers for the Persian press release: digits, percentages, number and ordinal
 * words, list joining and month names, written out by hand in press style (Intl's list and
 * date patterns are not press style: docs/texts.md#wording-rules).
 */
import { monthName, monthOnlyName, splitMonth, toPersianDigits, type MonthKey } from './jalali.ts';

/** The Persian decimal separator (U+066B): ۴۷٫۳۱. */
const DECIMAL_SEPARATOR = '٫';

/** The Persian percent sign (U+066A), for compact figures in charts: ۴٪. */
const PERCENT_SIGN = '٪';

/** Left-to-right mark: keeps a leading minus sign on the left of the digits in RTL text. */
const LRM = '\u200E';

/**
 * A number as Persian text: Persian digits, `٫` for the decimal point, the shortest
 * decimal form (`47.31` → `۴۷٫۳۱`, `78.5` → `۷۸٫۵`). A negative number carries a true
 * minus sign held on the left by a left-to-right mark.
 */
export function persianNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const negative = value < 0 || Object.is(value, -0);
  const text = toPersianDigits(plainDecimal(Math.abs(value))).replace('.', DECIMAL_SEPARATOR);
  return negative && value !== 0 ? `${LRM}−${text}` : text;
}

/** A non-negative number's plain decimal text, never in exponent form. */
function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** Persian digits for any text or number (digits only: `٫` is {@link persianNumber}'s). */
export function persianDigits(value: string | number): string {
  return typeof value === 'number' ? persianNumber(value) : toPersianDigits(value);
}

/** No-break space (U+00A0): holds a figure to its unit on a narrow screen (docs/texts.md#wording-rules). */
const NBSP = '\u00A0';

/** Press style percentage, the figure held to its unit: `۴ درصد` (with U+00A0). */
export function percentText(value: number): string {
  return `${persianNumber(value)}${NBSP}درصد`;
}

/** A change of shares in points, never a bare «درصد»: `۱۰ واحد درصد` (with U+00A0). */
export function pointsText(value: number): string {
  return `${persianNumber(value)}${NBSP}واحد${NBSP}درصد`;
}

/** A score with its scale, held together: `۴۱٫۷۷ از ۱۰۰` (with U+00A0). */
export function outOf100Text(value: number): string {
  return `${persianNumber(value)}${NBSP}از${NBSP}۱۰۰`;
}

/** A score as tables show it, always two decimals: `۷۱٫۵۰`. */
export function scoreFixedText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = toPersianDigits(Math.abs(value).toFixed(2)).replace('.', DECIMAL_SEPARATOR);
  return value < 0 ? `${LRM}−${text}` : text;
}

/** Compact percentage for charts and tables: `۴٪`. */
export function percentSignText(value: number): string {
  return `${persianNumber(value)}${PERCENT_SIGN}`;
}

const ONES = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'] as const;
const TEENS = [
  'ده',
  'یازده',
  'دوازده',
  'سیزده',
  'چهارده',
  'پانزده',
  'شانزده',
  'هفده',
  'هجده',
  'نوزده',
] as const;
const TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'] as const;
const HUNDREDS = [
  '',
  'صد',
  'دویست',
  'سیصد',
  'چهارصد',
  'پانصد',
  'ششصد',
  'هفتصد',
  'هشتصد',
  'نهصد',
] as const;

/** 1..999 in words, parts joined with « و ». */
function belowThousand(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) parts.push(HUNDREDS[hundreds] ?? '');
  if (rest >= 10 && rest < 20) {
    parts.push(TEENS[rest - 10] ?? '');
  } else {
    const tens = Math.floor(rest / 10);
    const ones = rest % 10;
    if (tens > 0) parts.push(TENS[tens] ?? '');
    if (ones > 0) parts.push(ONES[ones] ?? '');
  }
  return parts.join(' و ');
}

/**
 * A whole number in Persian words: 20 → «بیست», 21 → «بیست و یک», 100 → «صد»,
 * 1403 → «هزار و چهارصد و سه». Defined for 0..999,999.
 */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) {
    throw new RangeError(`no number words for ${n}`);
  }
  if (n === 0) return 'صفر';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (thousands === 1) parts.push('هزار');
  else if (thousands > 1) parts.push(`${belowThousand(thousands)} هزار`);
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' و ');
}

/** Ordinals from a table, as a press release writes them: never «یکم» for the first. */
const ORDINALS = [
  '',
  'اول',
  'دوم',
  'سوم',
  'چهارم',
  'پنجم',
  'ششم',
  'هفتم',
  'هشتم',
  'نهم',
  'دهم',
  'یازدهم',
  'دوازدهم',
  'سیزدهم',
  'چهاردهم',
  'پانزدهم',
  'شانزدهم',
  'هفدهم',
  'هجدهم',
  'نوزدهم',
  'بیستم',
] as const;

/**
 * The ordinal word of a rank: 1 → «اول», 2 → «دوم», 3 → «سوم» … 20 → «بیستم» from the
 * table; beyond it from the number words (21 → «بیست و یکم», 23 → «بیست و سوم»,
 * 30 → «سی‌ام»).
 */
export function ordinalWord(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no ordinal for ${n}`);
  const listed = ORDINALS[n];
  if (listed) return listed;
  const words = numberWords(n);
  if (words.endsWith('سه')) return `${words.slice(0, -2)}سوم`;
  if (words.endsWith('ی')) return `${words}\u200Cام`;
  return `${words}م`;
}

/**
 * Joins items press style: «الف»، «الف و ب»، «الف، ب و ج» (not Intl.ListFormat, which adds
 * an invisible mark and a comma before «و»). `conjunction` may be «یا».
 */
export function joinList(items: readonly string[], conjunction = 'و'): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('، ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

/**
 * What goes after item `index` of `count` when a template writes a list item by item:
 * «، » between items, « و » before the last, nothing after it.
 */
export function listSeparator(index: number, count: number, conjunction = 'و'): string {
  if (index >= count - 1) return '';
  if (index === count - 2) return ` ${conjunction} `;
  return '، ';
}

/**
 * A month as the press writes it in a sentence: «تیرماه», «فروردین‌ماه» (ZWNJ after a
 * joining letter), with its year (`اسفندماه ۱۴۰۲`) when it is not in `sameYearAs`'s year.
 */
export function pressMonth(key: MonthKey, sameYearAs: MonthKey): string {
  const name = monthOnlyName(key);
  const joined = /[اآدذرزژو]$/.test(name) ? `${name}ماه` : `${name}\u200Cماه`;
  const { year } = splitMonth(key);
  return year === splitMonth(sameYearAs).year ? joined : `${joined} ${toPersianDigits(year)}`;
}

/** The month alone (`تیر`), or with its year (`اسفند ۱۴۰۲`) when it is not in `sameYearAs`'s year. */
export function monthInYear(key: MonthKey, sameYearAs: MonthKey): string {
  return splitMonth(key).year === splitMonth(sameYearAs).year ? monthOnlyName(key) : monthName(key);
}

/**
 * Why an active agency was not evaluated, by its first problem's code, in Persian: a clause
 * that reads after the agency's name and before «است».
 */
const NOT_EVALUATED_REASONS: Record<string, string> = {
  'agency.no_submission': 'فرم ماه را ثبت نکرده',
  'score.missing': 'همه شاخص‌ها را کامل نکرده',
  'score.not_number': 'امتیاز نادرست ثبت کرده',
  'score.out_of_range': 'امتیاز نادرست ثبت کرده',
  'score.duplicate': 'ردیف تکراری ثبت کرده',
  'score.month_invalid': 'ماه را نادرست ثبت کرده',
  'score.agency_unknown': 'نام دستگاه را نادرست ثبت کرده',
  'agency.invalid': 'مشخصاتش در فهرست دستگاه‌ها نادرست ثبت شده',
  'agency.duplicate': 'شناسه‌اش در فهرست دستگاه‌ها تکراری ثبت شده',
};

/** The Persian reason for a not-evaluated code; a code without its own wording gets a general one. */
export function notEvaluatedReason(code: string): string {
  return NOT_EVALUATED_REASONS[code] ?? 'داده‌های ماه را کامل ثبت نکرده';
}
