// Reading a whole number (or a half) written in Persian words, as a clerk may type a score: «ده», «دو و نیم».
import { normalizeName } from './normalize.ts';
import { numberWords } from './persian-text.ts';

/** The highest value read from words: above any indicator's maximum in practice. */
const LIMIT = 1000;

/** Spellings a clerk may use beside the ones numberWords writes. */
const VARIANTS: Record<string, number> = {
  شیش: 6,
  هیجده: 18,
  یکصد: 100,
  نیم: 0.5,
};

/** Words and « و » removed of spacing and marks, Arabic letters made Persian: the lookup key. */
const keyOf = (text: string): string => normalizeName(text).replace(/\u200c/g, '');

let table: Map<string, number> | null = null;

function words(): Map<string, number> {
  if (table) return table;
  table = new Map();
  for (let n = 0; n <= LIMIT; n++) table.set(keyOf(numberWords(n)), n);
  for (const [word, n] of Object.entries(VARIANTS)) table.set(keyOf(word), n);
  return table;
}

/**
 * The value of a number written in Persian words («ده» → 10, «بیست و پنج» → 25, «دو و نیم»
 * → 2.5), or null when the text is not one. Digits are not words: «۱۰» gives null.
 */
export function numberFromWords(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || /[0-9۰-۹٠-٩]/.test(trimmed)) return null;
  const half = /^(.+?)\s*و\s*نیم$/u.exec(trimmed);
  const whole = words().get(keyOf(half ? (half[1] ?? '') : trimmed));
  if (whole === undefined || (half && whole === 0.5)) return null;
  return half ? whole + 0.5 : whole;
}
