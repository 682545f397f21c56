import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import {
  changePercent,
  compareDecimals,
  decimalParts,
  decimalPlaces,
  divideRounded,
  divideRoundedSafe,
  meanRounded,
  roundToNumber,
  smallDecimal,
  smallUnitsToNumber,
  toFraction,
  unitsToNumber,
  unitsToString,
} from '../../../functions/core/language/decimal.ts';
import { prng } from '../../support/compute-summary-fixtures.ts';

describe('reading numbers by their decimal string', () => {
  it.each([
    [0.1, 1n, 10n],
    [0.2, 1n, 5n],
    [37.5, 75n, 2n],
    [1e-7, 1n, 10000000n],
    [1.5e21, 1500000000000000000000n, 1n],
    [-2.5, -5n, 2n],
    [-0, 0n, 1n],
  ])('%s is exactly %s/%s', (n, num, den) => {
    const f = toFraction(n);
    expect(f.s * f.n).toBe(num);
    expect(f.d).toBe(den);
  });

  it('adds 0.1 and 0.2 to exactly 0.3, unlike doubles', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toFraction(0.1).add(toFraction(0.2)).equals(toFraction(0.3))).toBe(true);
  });

  it('refuses what is not a finite number', () => {
    expect(() => decimalParts(Number.NaN)).toThrow(RangeError);
    expect(() => decimalParts(Infinity)).toThrow(RangeError);
  });

  it('finds the same decimal places without a string as String(n) shows', () => {
    const random = prng(7);
    const samples: number[] = [0, -0, 1, -1, 0.5, 1e-7, 123456789.123, 1e15, 99999999999999.9];
    for (let k = 0; k < 3000; k++) {
      samples.push(Math.round(random() * 100000) / 1000); // up to 3 decimals
      samples.push(-Math.round(random() * 1e6) / 100);
      samples.push(random() * 100); // full-length doubles
      samples.push((Math.round(random() * 200) / 2) * 0.1); // float noise, e.g. 0.30000000000000004
    }
    for (const n of samples) {
      const places = decimalPlaces(n);
      const { units, scale } = decimalParts(n);
      if (places >= 0) {
        expect({ n, places }).toEqual({ n, places: scale });
        expect(smallDecimal(n)).toEqual({ m: Number(units), e: scale });
      } else {
        // Only numbers whose decimal string has more than 15 significant digits.
        expect(units.toString().replace(/^-/, '').replace(/^0+/, '').length).toBeGreaterThan(15);
      }
    }
  });
});

describe('rounding half away from zero, exactly', () => {
  it.each([
    [87.125, 2, 87.13],
    [-87.125, 2, -87.13],
    [0.005, 2, 0.01],
    [-0.005, 2, -0.01],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [1.0049999, 2, 1],
    [87.124999, 2, 87.12],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [14.5, 0, 15],
    [-0.004, 2, 0],
    [12, 2, 12],
  ])('%s to %s places is %s', (n, places, expected) => {
    expect(roundToNumber(toFraction(n), places)).toBe(expected);
  });

  it('gets right what binary floating point gets wrong', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundToNumber(toFraction(1.005), 2)).toBe(1.01);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundToNumber(toFraction(-0.004), 2), 0)).toBe(true);
    expect(Object.is(roundToNumber(new Fraction(-1, 1000), 2), 0)).toBe(true);
    expect(Object.is(divideRoundedSafe(-1, 4), 0)).toBe(true);
  });

  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [7n, 3n, 2n],
    [-7n, 3n, -2n],
    [8n, 3n, 3n],
    [0n, 5n, 0n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, 3n, 0n],
  ])('%s / %s rounds to %s, in bigints and in safe doubles', (n, d, q) => {
    expect(divideRounded(n, d)).toBe(q);
    if (d > 0n) expect(divideRoundedSafe(Number(n), Number(d))).toBe(Number(q));
  });

  it('divides large safe doubles exactly', () => {
    const random = prng(11);
    for (let k = 0; k < 2000; k++) {
      const x = Math.floor((random() - 0.5) * 2 ** 50);
      const y = 1 + Math.floor(random() * 2 ** 40);
      expect(divideRoundedSafe(x, y)).toBe(Number(divideRounded(BigInt(x), BigInt(y))));
    }
  });

  it('throws on division by zero', () => {
    expect(() => divideRounded(1n, 0n)).toThrow(RangeError);
  });
});

describe('back to numbers', () => {
  it.each([
    [8713n, 2, '87.13'],
    [-5n, 2, '-0.05'],
    [5n, 2, '0.05'],
    [0n, 2, '0.00'],
    [-3n, 0, '-3'],
    [100n, 2, '1.00'],
  ])('%s at %s places reads %s', (units, places, text) => {
    expect(unitsToString(units, places)).toBe(text);
    expect(unitsToNumber(units, places)).toBe(Number(text));
  });

  it('gives the same number from cents by division as from the decimal string', () => {
    for (let cents = -20000; cents <= 20000; cents++) {
      expect(smallUnitsToNumber(cents, 2)).toBe(unitsToNumber(BigInt(cents), 2));
    }
  });
});

describe('means and changes', () => {
  it.each([
    [[87.12, 87.13], 87.13],
    [[0.01, 0], 0.01],
    [[-0.01, 0], -0.01],
    [[1, 2, 2], 1.67],
    [[33.33, 33.33, 33.34], 33.33],
    [[0.1, 0.2], 0.15],
    [[1e20, 3e20], 2e20],
    [[1e-20, 0], 0],
    [[1.0049999999999], 1],
  ])('the mean of %j is %s', (values, mean) => {
    expect(meanRounded(values)).toBe(mean);
  });

  it('has no mean of nothing', () => {
    expect(meanRounded([])).toBeNull();
  });

  it.each([
    [43.6, 50.2, 15],
    [50.2, 43.6, -13],
    [100, 100.5, 1],
    [100, 99.5, -1],
    [100, 98.5, -2],
    [2, 3, 50],
    [5, 0, -100],
    [0, 5, null],
    [null, 5, null],
    [5, null, null],
  ])('from %s to %s is %s percent', (before, now, change) => {
    expect(changePercent(now, before)).toBe(change);
  });

  it.each([
    [0.1, 0.1, 0],
    [0.3, 0.1 + 0.2, -1],
    [20, 19.99, 1],
    [-1, 1, -1],
  ])('compares %s with %s exactly: %s', (a, b, sign) => {
    expect(compareDecimals(a, b)).toBe(sign);
  });
});
