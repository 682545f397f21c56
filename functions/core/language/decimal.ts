/**
 * Exact decimal arithmetic for the figures (docs/workbook.md#how-figures-are-computed).
 *
 * Every number from the model is taken by its shortest decimal string (`String(n)`), never
 * by its binary value: 0.1 is exactly 1/10. Every rounding is half away from zero
 * (87.125 -> 87.13, -2.5 -> -3). Results go back to JS numbers only at the end, from the
 * rounded decimal string.
 */
import { Fraction } from 'fraction.js';

/** A decimal as an integer and a power of ten: value = units / 10^scale, scale >= 0. */
export interface DecimalParts {
  units: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

const POWERS_OF_TEN: bigint[] = [1n];

/** 10^k as a bigint (k >= 0), memoised. */
export function pow10(k: number): bigint {
  for (let i = POWERS_OF_TEN.length; i <= k; i++) {
    POWERS_OF_TEN.push((POWERS_OF_TEN[i - 1] ?? 1n) * 10n);
  }
  return POWERS_OF_TEN[k] ?? 10n ** BigInt(k);
}

// A referentially transparent memo: the same number always has the same parts.
const PARTS_MEMO = new Map<number, DecimalParts>();
const PARTS_MEMO_LIMIT = 100_000;

function parseParts(n: number): DecimalParts {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = String(n);
  const m = DECIMAL_TEXT.exec(text);
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole = '0', fraction = '', exponent = '0'] = m;
  let units = BigInt(whole + fraction);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign ? -units : units, scale };
}

/** The exact decimal a JS number stands for, read from its decimal string. */
export function decimalParts(n: number): DecimalParts {
  const known = PARTS_MEMO.get(n);
  if (known) return known;
  const parts = parseParts(n);
  if (PARTS_MEMO.size >= PARTS_MEMO_LIMIT) PARTS_MEMO.clear();
  PARTS_MEMO.set(n, parts);
  return parts;
}

/** The exact rational a JS number stands for (`toFraction(0.1)` is 1/10). */
export function toFraction(n: number): Fraction {
  const { units, scale } = decimalParts(n);
  return new Fraction(units, pow10(scale));
}

/** numerator / denominator rounded half away from zero to an integer. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** `units / 10^places` as a decimal string: (8713n, 2) -> "87.13", (-5n, 2) -> "-0.05". */
export function unitsToString(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  const text = places > 0 ? `${whole}.${fraction}` : whole;
  return negative ? `-${text}` : text;
}

/** `units / 10^places` as a JS number, from its decimal string. */
export function unitsToNumber(units: bigint, places: number): number {
  return Number(unitsToString(units, places));
}

/** x rounded half away from zero to `places` decimals, as integer units of 10^-places. */
function roundedUnits(x: Fraction, places: number): bigint {
  return divideRounded(x.s * x.n * pow10(places), x.d);
}

/** x rounded half away from zero to `places` decimals (fraction.js rounds -2.5 to -2; this to -3), as a JS number. */
export function roundToNumber(x: Fraction, places: number): number {
  return unitsToNumber(roundedUnits(x, places), places);
}

/** Exact comparison of two JS numbers as the decimals they stand for: -1, 0 or 1. */
export function compareDecimals(a: number, b: number): number {
  const x = decimalParts(a);
  const y = decimalParts(b);
  const scale = Math.max(x.scale, y.scale);
  const left = x.units * pow10(scale - x.scale);
  const right = y.units * pow10(scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The plain mean of the values, rounded half away from zero to `places`; null when empty. */
export function meanRounded(values: readonly number[], places = 2): number | null {
  if (values.length === 0) return null;
  return meanRoundedSafe(values, places) ?? meanRoundedExact(values, places);
}

function meanRoundedSafe(values: readonly number[], places: number): number | null {
  let scale = 0;
  for (const v of values) {
    const e = decimalPlaces(v);
    if (e < 0) return null;
    if (e > scale) scale = e;
  }
  let sum = 0;
  let bound = 0;
  for (const v of values) {
    const term = Math.round(v * pow10Number(scale));
    sum += term;
    bound += Math.abs(term);
  }
  const x = sum * pow10Number(places);
  const y = values.length * pow10Number(scale);
  if (bound * pow10Number(places) >= SAFE_BOUND || y >= SAFE_BOUND || places > 15) return null;
  return smallUnitsToNumber(divideRoundedSafe(x, y), places);
}

function meanRoundedExact(values: readonly number[], places: number): number {
  let scale = 0;
  const parts = values.map((v) => {
    const p = decimalParts(v);
    if (p.scale > scale) scale = p.scale;
    return p;
  });
  let sum = 0n;
  for (const p of parts) sum += p.units * pow10(scale - p.scale);
  const units = divideRounded(sum * pow10(places), BigInt(values.length) * pow10(scale));
  return unitsToNumber(units, places);
}

/**
 * Relative change in whole percent: 100 × (now − before) / before, rounded half away from
 * zero; null when either is missing or before is 0.
 */
export function changePercent(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  const x = decimalParts(now);
  const y = decimalParts(before);
  if (y.units === 0n) return null;
  const scale = Math.max(x.scale, y.scale);
  const a = x.units * pow10(scale - x.scale);
  const b = y.units * pow10(scale - y.scale);
  return unitsToNumber(divideRounded(100n * (a - b), b), 0);
}

/*
 * The fast lane: the same exact arithmetic in plain JS numbers, used only while every
 * integer involved stays below 2^50 (doubles hold integers exactly up to 2^53), so the
 * hot loops need no bigint. Callers fall back to the bigint functions above otherwise.
 */

/** Integers of magnitude below this are handled in doubles, with room to spare. */
export const SAFE_BOUND = 2 ** 50;

const POWERS_OF_TEN_NUMBER: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** 10^k as a number for 0 <= k <= 15 (exact), else Infinity (never "safe"). */
export function pow10Number(k: number): number {
  return POWERS_OF_TEN_NUMBER[k] ?? Infinity;
}

/**
 * The number of decimal places of the number's decimal string, when that string has at
 * most 15 significant digits and no exponent; else -1 (use decimalParts). Computed
 * without a string: the smallest e with Math.round(n × 10^e) / 10^e === n. Any decimal
 * of at most 15 significant digits is the only one of its length that reads as its double,
 * and the shortest that does is what String(n) writes, so the two always agree.
 */
export function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return Math.abs(n) < 1e15 ? 0 : -1;
  for (let e = 1; e <= 15; e++) {
    const p = pow10Number(e);
    const m = Math.round(n * p);
    if (Math.abs(m) >= 1e15) return -1;
    if (m / p === n) return e;
  }
  return -1;
}

/** A decimal as a small integer and a power of ten: value = m / 10^e, |m| < 10^15. */
export interface SmallDecimal {
  m: number;
  e: number;
}

/** The decimal a number stands for as a SmallDecimal, or null when it is too long for one. */
export function smallDecimal(n: number): SmallDecimal | null {
  const e = decimalPlaces(n);
  if (e < 0) return null;
  const m = e === 0 ? n : Math.round(n * pow10Number(e));
  return { m: m === 0 ? 0 : m, e };
}

/**
 * x / y rounded half away from zero, for integers |x|, |y| < 2^53, y > 0: exact, since the
 * remainder (`%` is exact on doubles), the difference and the quotient are all integers
 * below 2^53.
 */
export function divideRoundedSafe(x: number, y: number): number {
  const ax = Math.abs(x);
  const r = ax % y;
  const q = (ax - r) / y + (2 * r >= y ? 1 : 0);
  return x < 0 && q !== 0 ? -q : q;
}

/**
 * units / 10^places as a JS number for |units| < 2^53 and places <= 15. The same number
 * as `Number(unitsToString(units, places))`: both are the double nearest the decimal,
 * since IEEE division of exact operands is correctly rounded.
 */
export function smallUnitsToNumber(units: number, places: number): number {
  return units === 0 ? 0 : units / pow10Number(places);
}
