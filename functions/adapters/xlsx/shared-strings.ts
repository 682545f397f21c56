/** The shared strings table of an .xlsx read as plain text. */
import { parseXml } from './xml-events.ts';
import { decodeXstring } from './xstring.ts';

/**
 * The shared strings table: each `<si>` as its plain text, rich-text runs joined, phonetic
 * guides (`<rPh>`) left out, Excel's `_xHHHH_` escapes decoded (xstring.ts).
 */
export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current = '';
  let piece = '';
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') {
        inText = phonetic === 0;
        piece = '';
      } else if (name === 'rPh') phonetic++;
    },
    text(text) {
      if (inText) piece += text;
    },
    close(name) {
      if (name === 't') {
        if (inText) current += decodeXstring(piece);
        inText = false;
      } else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}
