/**
 * One line of a mail header (subject, names, file names): CR, LF and every other line
 * break become spaces, so no value from the sheet can end a header or add another.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\r\n\u0085\u2028\u2029\v\f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
