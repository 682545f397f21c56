/** Which cell styles of an .xlsx show a date (and the first bold one), from styles.xml. */
import { parseXml } from './xml-events.ts';

/** Built-in number formats that show a date or time (ECMA-376 18.8.30 and the East Asian ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A format code that shows a date or time: y, m, d, h, s (or b) outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** Which cell style indexes (`s` of a cell) show dates; also the first bold one, if any. */
export interface CellStyles {
  isDate: (styleIndex: number) => boolean;
  /** A `cellXfs` index whose font is bold with nothing else set, for output headers. */
  boldIndex?: number;
  /** A `cellXfs` index that shows a date, for Date values written into new tabs. */
  dateIndex?: number;
}

export function readCellStyles(xml: string | undefined): CellStyles {
  if (xml === undefined) return { isDate: () => false };
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  const boldFonts: boolean[] = [];
  let boldIndex: number | undefined;
  let dateIndex: number | undefined;
  let section = '';
  let xf = 0;
  parseXml(xml, {
    open(name, attributes) {
      const a = attributes();
      if (name === 'numFmt' && a.numFmtId !== undefined) {
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'fonts' || name === 'cellXfs' || name === 'cellStyleXfs') {
        section = name;
      } else if (name === 'font' && section === 'fonts') {
        boldFonts.push(false);
      } else if (name === 'b' && section === 'fonts') {
        boldFonts[boldFonts.length - 1] = a.val !== '0' && a.val !== 'false';
      } else if (name === 'xf' && section === 'cellXfs') {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        const isDate = code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code);
        dates.push(isDate);
        if (isDate && dateIndex === undefined) dateIndex = xf;
        const plain = id === 0 && Number(a.fillId ?? 0) === 0 && Number(a.borderId ?? 0) === 0;
        if (boldIndex === undefined && plain && boldFonts[Number(a.fontId ?? 0)] === true) {
          boldIndex = xf;
        }
        xf++;
      }
    },
    close(name) {
      if (name === section) section = '';
    },
  });
  return { isDate: (index) => dates[index] === true, boldIndex, dateIndex };
}
