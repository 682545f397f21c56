/**
 * The scores worksheet part with `open`'s rows appended, its header cell set and a
 * `dataValidations` rule per indicator column over the new rows (a decimal from 0 to the
 * indicator's max, warning style: a score in Persian digits is typed as text and passes).
 * Everything else in the part is kept as it was.
 */
import { a1 } from '../../core/contract/cells.ts';
import { toPersianDigits } from '../../core/language/jalali.ts';
import type { ScoresAppend } from '../../ports.ts';
import { setCell } from './settings-patch.ts';
import { escapeXml } from './write-sheet.ts';

/** Worksheet children that come after `dataValidations` (ECMA-376 CT_Worksheet order). */
const AFTER_VALIDATIONS = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function validationXml(prefix: string, append: ScoresAppend): string {
  const first = append.startRow;
  const last = append.startRow + append.rows.length - 1;
  return append.validation
    .map(({ column, max }) => {
      const prompt = escapeXml(`عددی از ۰ تا ${toPersianDigits(max).replace('.', '٫')}`);
      return (
        `<${prefix}dataValidation type="decimal" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
        `promptTitle="${escapeXml('امتیاز')}" prompt="${prompt}" errorTitle="${escapeXml('بیرون از بازه')}" error="${prompt}" ` +
        `sqref="${a1(first, column)}:${a1(last, column)}">` +
        `<${prefix}formula1>0</${prefix}formula1><${prefix}formula2>${max}</${prefix}formula2></${prefix}dataValidation>`
      );
    })
    .join('');
}

/** `xml` with the rules added to its `dataValidations` (made where the schema puts it). */
function addValidations(xml: string, append: ScoresAppend): string {
  if (append.validation.length === 0 || append.rows.length === 0) return xml;
  const prefix = /<(\w+:)?sheetData\b/.exec(xml)?.[1] ?? '';
  const rules = validationXml(prefix, append);
  const existing = /<(\w+:)?dataValidations\b([^>]*?)(\/?)>/.exec(xml);
  if (existing) {
    const count = (existing[2] ?? '').match(/\bcount="(\d+)"/);
    const total = Number(count?.[1] ?? 0) + append.validation.length;
    const attributes = count
      ? (existing[2] ?? '').replace(/\bcount="\d+"/, `count="${total}"`)
      : `${existing[2] ?? ''} count="${total}"`;
    const open = `<${existing[1] ?? ''}dataValidations${attributes}>`;
    if (existing[3] === '/') {
      return `${xml.slice(0, existing.index)}${open}${rules}</${existing[1] ?? ''}dataValidations>${xml.slice(existing.index + existing[0].length)}`;
    }
    const close = xml.indexOf(`</${existing[1] ?? ''}dataValidations>`, existing.index);
    return (
      xml.slice(0, existing.index) +
      open +
      xml.slice(existing.index + existing[0].length, close) +
      rules +
      xml.slice(close)
    );
  }
  const element = `<${prefix}dataValidations count="${append.validation.length}">${rules}</${prefix}dataValidations>`;
  const sheetDataEnd = Math.max(
    xml.search(/<\/(\w+:)?sheetData>/),
    xml.search(/<(\w+:)?sheetData\s*\/>/),
  );
  const after = new RegExp(`<(\\w+:)?(?:${AFTER_VALIDATIONS.join('|')})\\b`, 'g');
  after.lastIndex = Math.max(sheetDataEnd, 0);
  const next = after.exec(xml);
  const at = next ? next.index : xml.search(/<\/(\w+:)?worksheet>/);
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The worksheet `xml` with `append` applied (rows, header cells, validation). */
export function appendScoresRows(xml: string, append: ScoresAppend): string {
  let result = xml;
  for (const { column, text } of append.header) result = setCell(result, 0, column, text);
  append.rows.forEach((row, i) => {
    row.forEach((value, column) => {
      if (value === null || value === '') return;
      result = setCell(result, append.startRow + i, column, String(value));
    });
  });
  return addValidations(result, append);
}
