/** A worksheet part written for an output tab: header, right to left, inline strings. */
import { columnLetter, type CellValue } from '../../core/contract/cells.ts';
import { encodeXstring } from './xstring.ts';

/** Characters XML 1.0 cannot hold; a file with them is refused by Excel. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data (also fit for an attribute value). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface SheetLayout {
  /** A `cellXfs` index for the header row (bold), when the workbook has one. */
  headerStyle?: number;
  /** The old part's `<sheetPr>` (tab colour and the like), kept as it was. */
  sheetPr?: string;
  /** A `cellXfs` index showing dates: Date values are written as serials with it (else ISO text). */
  dateStyle?: number;
  date1904?: boolean;
}

function cellXml(ref: string, value: CellValue, style: string, layout: SheetLayout): string {
  if (value === null) return '';
  if (value instanceof Date && layout.dateStyle !== undefined && !Number.isNaN(value.getTime())) {
    const serial = 25569 + value.getTime() / 86400000 - (layout.date1904 ? 1462 : 0);
    return `<c r="${ref}" s="${layout.dateStyle}"><v>${serial}</v></c>`;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? `<c r="${ref}"${style}><v>${value}</v></c>`
      : `<c r="${ref}"${style} t="inlineStr"><is><t>${String(value)}</t></is></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text =
    value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : value;
  const escaped = escapeXml(encodeXstring(text));
  if (escaped === '') return '';
  const space = /^\s|\s$/.test(escaped) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escaped}</t></is></c>`;
}

function columnsXml(rows: CellValue[][]): string {
  const widths: number[] = [];
  for (const row of rows.slice(0, 500)) {
    row.forEach((value, column) => {
      const length =
        value === null ? 0 : String(value instanceof Date ? '2000-01-01' : value).length;
      widths[column] = Math.max(widths[column] ?? 0, length);
    });
  }
  if (widths.length === 0) return '';
  const cols = Array.from(widths, (w, i) => {
    const width = Math.min(60, Math.max(10, (w ?? 0) + 2));
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
  });
  return `<cols>${cols.join('')}</cols>`;
}

/**
 * A whole worksheet part for an output tab: header row first, right to left, the header
 * frozen, text as inline strings (no shared part is touched; text that starts with `=` stays
 * text), dates as ISO text.
 */
export function sheetXml(rows: CellValue[][], layout: SheetLayout = {}): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>`,
    layout.sheetPr ?? '',
    '<sheetViews><sheetView rightToLeft="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    columnsXml(rows),
    '<sheetData>',
  ];
  const letters: string[] = [];
  rows.forEach((row, index) => {
    if (row.length === 0) return;
    const style =
      index === 0 && layout.headerStyle !== undefined ? ` s="${layout.headerStyle}"` : '';
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      cells += cellXml(
        `${(letters[c] ??= columnLetter(c))}${index + 1}`,
        row[c] ?? null,
        style,
        layout,
      );
    }
    if (cells !== '') parts.push(`<row r="${index + 1}">${cells}</row>`);
  });
  parts.push(
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  return parts.join('');
}
