import { posix } from 'node:path';
import JSZip from 'jszip';

/** Something in a workbook exceljs would lose on rewrite, named in English and Persian. */
export interface UnsupportedPart {
  en: string;
  fa: string;
}

const part = (en: string, fa: string): UnsupportedPart => ({ en, fa });
const CHARTS = part('charts', 'نمودار');
const PIVOTS = part('pivot tables', 'جدول محوری');
const SLICERS = part('slicers', 'برش‌دهنده');
const TIMELINES = part('timelines', 'خط زمانی');
const DRAWN = part('drawn charts or shapes', 'نمودار یا شکل رسم‌شده');
const SPARKLINES_PART = part('sparklines', 'نمودارک');
const VALIDATION_PART = part('extended data validation', 'اعتبارسنجی پیشرفته داده');
const LOOSE_NOTES = part('notes on empty cells', 'یادداشت روی خانه خالی');

/** Zip entry prefixes of parts exceljs drops when it rewrites a file, with what they are. */
const UNSUPPORTED_PREFIXES: [prefix: string, what: UnsupportedPart][] = [
  ['xl/charts/', CHARTS],
  ['xl/chartsheets/', part('chart sheets', 'برگه نمودار')],
  ['xl/pivotTables/', PIVOTS],
  ['xl/pivotCache/', PIVOTS],
  ['xl/vbaProject.bin', part('VBA macros', 'ماکرو')],
  ['xl/slicers/', SLICERS],
  ['xl/slicerCaches/', SLICERS],
  ['xl/timelines/', TIMELINES],
  ['xl/timelineCaches/', TIMELINES],
  ['xl/externalLinks/', part('external links', 'پیوند به فایل دیگر')],
  ['xl/ctrlProps/', part('form controls', 'کنترل فرم')],
  ['xl/activeX/', part('ActiveX controls', 'کنترل ActiveX')],
  ['xl/diagrams/', part('SmartArt', 'SmartArt')],
  ['xl/connections.xml', part('data connections', 'اتصال داده')],
  ['xl/queryTables/', part('query tables', 'جدول پرس‌وجو')],
  ['xl/model/', part('a data model', 'مدل داده')],
  ['xl/threadedComments/', part('threaded comments', 'گفتگوی یادداشت')],
  // exceljs rewrites Excel's tables wrongly (the header row becomes data).
  ['xl/tables/', part('tables', 'جدول قالب‌بندی‌شده')],
];

/** Drawing content exceljs cannot carry over: chart/SmartArt frames, shapes, groups, connectors. */
const UNSUPPORTED_DRAWING = /<(?:\w+:)?(?:graphicFrame|sp|grpSp|cxnSp)[\s>/]/;
const DRAWING_PART = /^xl\/drawings\/[^/]+\.xml$/;

/** Worksheet extensions (after the cell data) exceljs drops: sparklines, x14 data validations. */
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const SPARKLINES = /sparklineGroups[\s>]/;
const EXTENDED_VALIDATION = /<\w+:dataValidations[\s>]/;

/**
 * What in an .xlsx (its bytes) exceljs would lose on rewrite, each once, in a stable
 * order; empty when rewriting is safe. Pictures, comments and tables are fine.
 */
export async function findUnsupportedParts(bytes: Uint8Array): Promise<UnsupportedPart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Set<UnsupportedPart>();
  const names = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name);
  for (const [prefix, what] of UNSUPPORTED_PREFIXES) {
    if (names.some((name) => name.startsWith(prefix))) found.add(what);
  }
  for (const name of names.filter((entry) => DRAWING_PART.test(entry))) {
    const xml = await zip.file(name)?.async('string');
    if (xml !== undefined && UNSUPPORTED_DRAWING.test(xml)) found.add(DRAWN);
  }
  for (const name of names.filter((entry) => WORKSHEET_PART.test(entry))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    const tail = xml.slice(Math.max(0, xml.lastIndexOf('sheetData>')));
    if (SPARKLINES.test(tail)) found.add(SPARKLINES_PART);
    if (tail.includes('extLst') && EXTENDED_VALIDATION.test(tail)) {
      found.add(VALIDATION_PART);
    }
    if (await hasNotesOnEmptyCells(zip, name, xml)) found.add(LOOSE_NOTES);
  }
  return [...found];
}

const COMMENTS_REL = /<Relationship\b[^>]*\bType="[^"]*\/comments"[^>]*>/g;
const TARGET = /\bTarget="([^"]+)"/;
const COMMENT_REF = /<(?:\w+:)?comment\b[^>]*\bref="([A-Z]+[0-9]+)"/g;

/**
 * exceljs keeps a note (legacy comment) only on a cell present in the sheet data; Excel
 * does not write a blank, unstyled cell, so a note on it would silently disappear.
 */
async function hasNotesOnEmptyCells(zip: JSZip, sheetPart: string, xml: string): Promise<boolean> {
  const relsPart = posix.join(
    posix.dirname(sheetPart),
    '_rels',
    `${posix.basename(sheetPart)}.rels`,
  );
  const rels = await zip.file(relsPart)?.async('string');
  if (rels === undefined) return false;
  for (const [relationship] of rels.matchAll(COMMENTS_REL)) {
    const target = TARGET.exec(relationship)?.[1];
    if (target === undefined) continue;
    const commentsPart = target.startsWith('/')
      ? target.slice(1)
      : posix.join(posix.dirname(sheetPart), target);
    const comments = (await zip.file(commentsPart)?.async('string')) ?? '';
    for (const [, ref] of comments.matchAll(COMMENT_REF)) {
      if (!new RegExp(`<(?:\\w+:)?c r="${ref}"[\\s/>]`).test(xml)) return true;
    }
  }
  return false;
}
