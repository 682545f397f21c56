// Cutting a card's indicator list without cutting through a tie, and writing its lines.
import { persianNumber, joinList, listSeparator } from '../language/persian-text.ts';
import { NBSP } from './card-text.ts';

/** How many indicators a list names when nothing ties at the cut. */
const LISTED = 3;
/** A tie at the cut is named whole when the list stays this short; else the rest is counted. */
const MAX_NAMED = 6;

/** One indicator of an agency's month, as the card lists it. */
interface IndicatorLine {
  /** `شاخص ۱۰` (from a code `ش۱۰`), or the code as written. */
  code: string;
  title: string;
  /** On the indicator's own scale: `۱ از ۱۰`. */
  valueText: string;
  /**
   * Its effect on the total, said as such, when that scale differs from the indicator's
   * own: `۰٫۵ از ۵`; empty when the indicator is worth exactly its maximum in the total.
   */
  inTotalText: string;
  hasInTotal: boolean;
  /** Points of the total lost: `۴٫۵ امتیاز` (the share less what was earned, as shown). */
  lostText: string;
  sep: string;
}

/** A list of indicators that never ends inside a tie. */
export interface IndicatorList {
  lines: IndicatorLine[];
  /** Indicators tied with the last line and not given a line of their own. */
  hasMoreTied: boolean;
  /** `۴`, and their codes: `شاخص ۱۳، شاخص ۱۷ و شاخص ۱۸`. */
  moreTiedCountText: string;
  moreTiedCodes: string;
  /** Every indicator the list covers, lines and tied rest: `۷`. */
  countText: string;
  /** The same as a phrase: «این شاخص», «این ۷ شاخص». */
  theseText: string;
}

/** What the cut needs of an indicator: its line and the value it is ordered by. */
export interface Listed {
  line: Omit<IndicatorLine, 'sep'>;
  /** Equal keys tie (exact comparison by the caller). */
  tiesWith: (other: Listed) => boolean;
}

/**
 * The first {@link LISTED} of `sorted` (already in order), never ending inside a tie:
 * when the indicator at the cut ties with the next, the whole tie is named if the list
 * stays within {@link MAX_NAMED}; otherwise the list keeps its first LISTED lines and
 * counts and names the rest of the tie («و ۴ شاخص دیگر با همین امتیاز»).
 */
export function cutWithoutSplittingTies<T extends Listed>(
  sorted: readonly T[],
): { named: T[]; moreTied: T[] } {
  if (sorted.length <= LISTED) return { named: [...sorted], moreTied: [] };
  const last = sorted[LISTED - 1] as T;
  let end = LISTED;
  while (end < sorted.length && (sorted[end] as T).tiesWith(last)) end++;
  if (end <= MAX_NAMED) return { named: sorted.slice(0, end), moreTied: [] };
  return { named: sorted.slice(0, LISTED), moreTied: sorted.slice(LISTED, end) };
}

export function indicatorList(
  named: readonly Listed[],
  moreTied: readonly Listed[],
): IndicatorList {
  return {
    lines: named.map((n, i) => ({ ...n.line, sep: listSeparator(i, named.length) })),
    hasMoreTied: moreTied.length > 0,
    moreTiedCountText: persianNumber(moreTied.length),
    moreTiedCodes: joinList(moreTied.map((m) => m.line.code)),
    countText: persianNumber(named.length + moreTied.length),
    theseText:
      named.length + moreTied.length === 1
        ? 'این شاخص'
        : `این ${persianNumber(named.length + moreTied.length)}${NBSP}شاخص`,
  };
}

export const EMPTY_LIST: IndicatorList = {
  lines: [],
  hasMoreTied: false,
  moreTiedCountText: '',
  moreTiedCodes: '',
  countText: '',
  theseText: '',
};

/** An indicator code as a reader outside the secretariat reads it: `ش۱۰` → `شاخص ۱۰`. */
export function codeText(code: string): string {
  const numbered = /^ش\s*\.?\s*([0-9۰-۹]+)$/.exec(code.trim());
  return numbered ? `شاخص${NBSP}${persianNumber(Number(toLatin(numbered[1] ?? '')))}` : code;
}

const toLatin = (digits: string): string =>
  digits.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
