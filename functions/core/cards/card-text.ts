// Wording helpers of the agency card: figures, units and names as shown.
import { Fraction } from 'fraction.js';
import { roundToNumber, toFraction } from '../language/decimal.ts';
import { normalizeDisplay } from '../language/normalize.ts';
import { persianNumber } from '../language/persian-text.ts';
import { toPersianDigits } from '../language/jalali.ts';

/**
 * Wording helpers of the agency card (docs/texts.md#wording-rules): scores with
 * up to two decimals and no trailing zero, a no-break space between a figure and its unit,
 * names as written.
 */

/** U+00A0: keeps a figure and its unit («از ۱۰۰», «امتیاز», «درصد») on one line. */
export const NBSP = '\u00A0';

/** A score's size (no sign), up to two decimals, no trailing zero: `۷۱٫۵`, `۵۴`, `۴۶٫۰۸`. */
export function scoreText(value: number): string {
  return persianNumber(roundToNumber(toFraction(Math.abs(value)), 2));
}

/** `۴۷٫۳۱ از ۱۰۰`, unbreakable. */
export function outOf100(value: number): string {
  return `${scoreText(value)}${NBSP}از${NBSP}۱۰۰`;
}

/** `۵٫۲۱ امتیاز`, unbreakable. */
export function pointsText(value: number): string {
  return `${scoreText(value)}${NBSP}امتیاز`;
}

/** An indicator's value against its maximum: `۷٫۵ از ۱۰`, unbreakable. */
export function valueOfMax(value: number, max: number): string {
  return `${persianNumber(value)}${NBSP}از${NBSP}${persianNumber(max)}`;
}

/** A whole count in Persian digits. */
export function countText(value: number): string {
  return persianNumber(value);
}

/** a − b, exactly, rounded half away from zero to two decimals. */
export function difference(a: number, b: number): number {
  return roundToNumber(toFraction(a).sub(toFraction(b)), 2);
}

/** A Fraction rounded to two decimals, as a number. */
export function rounded(x: Fraction): number {
  return roundToNumber(x, 2);
}

/** A name from the sheet for showing, normalized. */
export function shown(text: string): string {
  return normalizeDisplay(text);
}

/** The province as said after «استان». */
export function provinceOnly(text: string): string {
  return shown(text).replace(/^استان\s+/, '');
}

/** Where a problem sits, from its A1 cell: a cell (`F12`), a whole row (`12:12`) or the tab. */
export function placeOf(cell: string): { isCell: boolean; isRow: boolean; rowText: string } {
  const row = /^(\d+):\1$/.exec(cell);
  if (row) return { isCell: false, isRow: true, rowText: toPersianDigits(row[1] ?? '') };
  return { isCell: cell !== '', isRow: false, rowText: '' };
}
