/**
 * Measures Vazirmatn's advance widths with resvg, for the infographic's line breaks
 * (functions/core/infographic/vazirmatn-widths.ts): each letter joined to the next one
 * (`ـXـ`, `|Xـ`) and at a word's end (`ـX|`, `|X|`), in ems, rounded up.
 *
 *   node scripts/measure-vazirmatn.ts   (prints the table's entries)
 */
import { Resvg } from '@resvg/resvg-js';
import { infographicFontFiles } from '../functions/adapters/infographic/render-png.ts';

const fonts = infographicFontFiles();
const options = {
  font: { fontFiles: [fonts.regular], loadSystemFonts: false, defaultFontFamily: 'Vazirmatn' },
};

/** The ink width of `text` at 1000 px. */
function ink(text: string): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="6000" height="300"><text x="200" y="150" font-size="1000">${text}</text></svg>`;
  return new Resvg(svg, options).getBBox()?.width ?? 0;
}

const em = (px: number): number => Math.ceil(px) / 1000;
const LETTERS = 'آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئءأؤةيك';
const OTHERS = '۰۱۲۳۴۵۶۷۸۹٪٫٬،؛:().-—0123456789%«»!؟?';

for (const c of LETTERS) {
  const joined = Math.max(ink(`ـ${c}ـ`) - ink('ــ'), ink(`|${c}ـ`) - ink('|ـ'));
  const end = Math.max(ink(`ـ${c}|`) - ink('ـ|'), ink(`|${c}|`) - ink('||'));
  console.log(`  '${c}': [${em(joined)}, ${em(end)}],`);
}
for (const c of OTHERS) {
  const width = em(ink(`|${c}|`) - ink('||'));
  console.log(`  '${c}': [${width}, ${width}],`);
}
console.log(`// space: ${em(ink('ا ا') - ink('اا'))}`);
