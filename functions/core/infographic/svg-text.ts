// SVG text for the infographic: escaping, right-to-left isolation, width estimates, line wrapping.
import {
  BOLD_FACTOR,
  OTHER_WIDTH,
  RIGHT_JOINING,
  SPACE_WIDTH,
  VAZIRMATN_WIDTHS,
} from './vazirmatn-widths.ts';

/** Measured strings run up to 4 % wider than the table says (repeated medial letters). */
const SAFETY = 1.04;

/** Characters that draw nothing: ZWNJ, the isolates, the marks. */
const INVISIBLE = new Set(['\u200C', '\u200D', '\u200E', '\u200F', '\u2067', '\u2069']);

/** Right-to-left isolate (U+2067) and its end (U+2069): resvg lays every line out left to right. */
const RLI = '\u2067';
const PDI = '\u2069';

/** The smallest text in the picture (docs/infographic.md#what-it-shows: legible on a phone at 1080 px wide). */
export const MIN_FONT_PX = 28;

/** What XML 1.0 cannot hold: C0 controls but tab, line feed and return; U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- these are the characters it removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** A surrogate without its pair (a string cut in the middle of a character). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * XML text or attribute value. A control character a sheet cell may hold (it draws nothing)
 * is dropped and a broken character shown as U+FFFD, so no name can make the SVG unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Letters that join (tatweel included): the ones a joining letter before them takes its joined width for. */
const LETTERS = /[\u0620-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u0640]/u;

/** A character's advance in ems, given the character after it. */
function advance(char: string, next: string | undefined): number {
  if (char === ' ' || char === '\u00A0') return SPACE_WIDTH;
  if (INVISIBLE.has(char)) return 0;
  const widths = VAZIRMATN_WIDTHS[char];
  if (widths === undefined) return OTHER_WIDTH;
  const joined = next !== undefined && !RIGHT_JOINING.has(char) && LETTERS.test(next);
  return joined ? widths[0] : widths[1];
}

/**
 * The width of `text` at `size` px in Vazirmatn, from its measured advances
 * (vazirmatn-widths.ts): a letter joined to the next one is taken at its joined width,
 * any other at its end width; Bold at its widest against Regular. Never narrower than
 * resvg draws it, so a line found to fit does fit.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  let previous: string | undefined;
  for (const char of text) {
    if (previous !== undefined) ems += advance(previous, char);
    previous = char;
  }
  if (previous !== undefined) ems += advance(previous, undefined);
  return ems * size * (bold ? BOLD_FACTOR : 1) * SAFETY;
}

/**
 * `text` in lines no wider than `width` at `size` px, broken at spaces (never at a
 * no-break space: a figure stays with its unit). A single word wider than the line
 * stands alone on its line. (A space ends a word's joining, so widths add up.)
 */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const words = text.split(' ').filter((word) => word !== '');
  const space = textWidth(' ', size, bold);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of words) {
    const w = textWidth(word, size, bold);
    if (line !== '' && used + space + w > width) {
      lines.push(line);
      line = '';
    }
    used = line === '' ? w : used + space + w;
    line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

type Anchor = 'end' | 'middle' | 'start';

export interface TextSpec {
  /** The anchor point: for `end`, the right edge of a right-to-left line. */
  x: number;
  /** The baseline. */
  y: number;
  size: number;
  fill: string;
  bold?: boolean;
  anchor?: Anchor;
  /** An id the tests read figures by. */
  id?: string;
}

/**
 * One line of Persian text: the whole content isolated right to left (RLI … PDI) and, by
 * default, anchored at its end (its right edge), so digits, Latin words and a full stop
 * land where a Persian reader expects them in resvg and in a browser alike.
 */
export function svgText(text: string, spec: TextSpec): string {
  const attributes = [
    spec.id === undefined ? '' : ` id="${escapeXml(spec.id)}"`,
    ` x="${round(spec.x)}" y="${round(spec.y)}"`,
    ` font-size="${spec.size}"`,
    spec.bold ? ' font-weight="700"' : '',
    ` fill="${spec.fill}"`,
    ` text-anchor="${spec.anchor ?? 'end'}"`,
  ].join('');
  return `<text${attributes}>${RLI}${escapeXml(text)}${PDI}</text>`;
}

/** A coordinate with at most one decimal. */
export function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
