/**
 * ECMA-376's escaped string (ST_Xstring, Part 1 §22.9.2.19): Excel writes a character XML
 * cannot carry, a carriage return included, as `_xHHHH_` (`_x000D_`), and a literal `_x`
 * that would read as such an escape with its underscore as `_x005F_`. Decoded on read,
 * escaped on write (docs/workbook.md#text).
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text as it stands for: each `_xHHHH_` the character it names. */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** What XML 1.0 cannot hold, and a carriage return (XML reads it back as a line feed). */
const UNWRITABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex4 = (char: string): string =>
  `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/** Text as an ST_Xstring: a literal `_xHHHH_` keeps its underscore, the unwritable escaped. */
export function encodeXstring(text: string): string {
  return text.replace(ESCAPE, (match) => `_x005F${match}`).replace(UNWRITABLE, hex4);
}
