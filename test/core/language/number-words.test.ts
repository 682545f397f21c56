// Numbers a clerk writes in Persian words, read back (number-words.ts).
import { describe, expect, it } from 'vitest';
import { numberFromWords } from '../../../functions/core/language/number-words.ts';

describe('a number written in letters', () => {
  it.each([
    ['ده', 10],
    ['صفر', 0],
    ['پنج', 5],
    ['بیست و پنج', 25],
    ['بیست‌وپنج', 25],
    ['دو و نیم', 2.5],
    ['سي', 30],
    ['یکصد', 100],
    ['  هفده ', 17],
  ])('«%s» is %d', (text, value) => {
    expect(numberFromWords(text)).toBe(value);
  });

  it.each(['خوب', '۱۰', '10', 'ده تا', '', 'نیم و نیم'])('«%s» is not one', (text) => {
    expect(numberFromWords(text)).toBeNull();
  });
});
