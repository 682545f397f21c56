// The infographic's SVG read back as a reader of the file would: its texts and rectangles, by a strict XML parser.
import { parseXml } from '../../functions/adapters/xlsx/xml-events.ts';

export interface SvgText {
  id: string;
  x: number;
  y: number;
  size: number;
  fill: string;
  anchor: string;
  bold: boolean;
  /** As written, with the isolate marks. */
  raw: string;
  /** Without the isolate marks. */
  text: string;
}

interface SvgRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

export interface SvgParts {
  root: Record<string, string>;
  title: string;
  texts: SvgText[];
  rects: SvgRect[];
}

export function svgParts(svg: string): SvgParts {
  const parts: SvgParts = { root: {}, title: '', texts: [], rects: [] };
  let inText: SvgText | null = null;
  let inTitle = false;
  parseXml(svg, {
    open(name, attributes) {
      const a = attributes();
      if (name === 'svg') parts.root = { ...a };
      if (name === 'title') inTitle = true;
      if (name === 'rect') {
        const [x, y, width, height] = [a.x, a.y, a.width, a.height].map((v) => Number(v ?? 0));
        parts.rects.push({
          x: x ?? 0,
          y: y ?? 0,
          width: width ?? 0,
          height: height ?? 0,
          fill: a.fill ?? '',
        });
      }
      if (name === 'text') {
        inText = {
          id: a.id ?? '',
          x: Number(a.x),
          y: Number(a.y),
          size: Number(a['font-size']),
          fill: a.fill ?? '',
          anchor: a['text-anchor'] ?? 'start',
          bold: a['font-weight'] === '700',
          raw: '',
          text: '',
        };
      }
    },
    text(text) {
      if (inText) inText.raw += text;
      if (inTitle) parts.title += text;
    },
    close(name) {
      if (name === 'title') inTitle = false;
      if (name === 'text' && inText) {
        inText.text = inText.raw.replace(/[\u2067\u2069]/g, '');
        parts.texts.push(inText);
        inText = null;
      }
    },
  });
  return parts;
}

/** The text with id `id`; throws when there is none, so a missing figure fails the test. */
export function textById(parts: SvgParts, id: string): SvgText {
  const found = parts.texts.find((t) => t.id === id);
  if (!found) throw new Error(`no text #${id} in the infographic`);
  return found;
}

/** Persian digits and separators as ASCII, for comparing with the summary's numbers. */
export function latinDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/٫/g, '.')
    .replace(/٪/g, '%');
}
