/**
 * Text normalization for the workbook contract (docs/workbook.md#names): the matching key
 * used to compare tab titles, headers, codes, ids and names, and the display form used to
 * show names "as written in the sheet, normalised".
 */

/** Arabic letters that Persian keyboards and copied text mix in for their Persian twins. */
const ARABIC_LETTERS = /[يىك]/g;
const PERSIAN_OF: Record<string, string> = { ي: 'ی', ى: 'ی', ك: 'ک' };

/** Persian (U+06F0..) and Arabic-Indic (U+0660..) digits. */
const EASTERN_DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;

/**
 * Invisible characters: zero-width space/non-joiner/joiner, LRM/RLM, the Arabic letter
 * mark, bidi embeddings and isolates, word joiner, BOM and soft hyphen.
 */
const INVISIBLE_CLASS =
  '\\u200B-\\u200F\\u061C\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u00AD';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');
/** Bidi embeddings, overrides and isolates: never part of a name, and they can break layout. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const EDGES = new RegExp(`^[\\s${INVISIBLE_CLASS}]+|[\\s${INVISIBLE_CLASS}]+$`, 'g');

/** Persian and Arabic-Indic digits to ASCII; everything else unchanged. */
export function toAsciiDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Arabic yeh, alef maksura and kaf to Persian yeh and kaf. */
function toPersianLetters(text: string): string {
  return text.replace(ARABIC_LETTERS, (ch) => PERSIAN_OF[ch] ?? ch);
}

/** Removes whitespace and invisible marks at both ends (what `trim` leaves: ZWNJ, RLM, ...). */
export function trimMarks(text: string): string {
  return text.replace(EDGES, '');
}

/**
 * The matching key of docs/workbook.md#names: trim; lower-case; Arabic ي ك ى to Persian ی ک;
 * Persian and Arabic-Indic digits to ASCII; spaces, underscores, ZWNJ and other zero-width
 * characters removed. Compatibility forms (Arabic presentation forms, full-width letters)
 * are folded too (NFKC), so text pasted from a PDF still matches.
 */
export function normalizeName(text: string): string {
  return toAsciiDigits(toPersianLetters(text.normalize('NFKC')))
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/[\s_]+/g, '');
}

/** Line breaks and control characters (C0, DEL, C1, the Unicode line and paragraph separators). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * A name for showing: trimmed (also of invisible marks at the ends), line breaks and
 * control characters read as a space, runs of whitespace collapsed to one space, Arabic
 * ي ك ى to Persian ی ک, bidi controls dropped; ZWNJ and the digits as written are kept.
 */
export function normalizeDisplay(text: string): string {
  return trimMarks(
    toPersianLetters(text.normalize('NFC'))
      .replace(BIDI_CONTROLS, '')
      .replace(CONTROL_CHARACTERS, ' ')
      .replace(/\s+/g, ' '),
  );
}
