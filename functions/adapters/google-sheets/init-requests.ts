/**
 * The one `batchUpdate` of `init`: each missing tab added (Persian title, right to left,
 * frozen bold header, starting rows), data validation on a new scores tab, band colours on
 * a new results tab and protection on new output tabs. Tabs that exist are left alone, so
 * a second run plans nothing. Pure: no I/O.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { columnLetter } from '../../core/contract/cells.ts';
import { MONTH_NAMES } from '../../core/language/jalali.ts';
import { normalizeName } from '../../core/language/normalize.ts';
import { namesKey as matchesKey } from './names.ts';
import { DEFAULT_BANDS, TABS, type TabKey } from '../../core/contract/tabs.ts';
import type { InitTemplate } from '../../ports.ts';
import { toPlainRows, toRowData, widthOf } from './cell-data.ts';
import { quoteTitle, type SheetInfo } from './snapshot.ts';
import { markRequest, nextSheetId } from './write-plan.ts';

type Request = sheets_v4.Schema$Request;
type Color = sheets_v4.Schema$Color;

/** Grid of a tab added by init: room to type in, like a new Google Sheet. */
const NEW_TAB_ROWS = 1000;
const NEW_TAB_COLUMNS = 26;

/** Background colours for the default bands, low to high (red to green). */
export const BAND_COLOURS: readonly Color[] = [
  { red: 0.96, green: 0.78, blue: 0.76 },
  { red: 0.99, green: 0.88, blue: 0.75 },
  { red: 1, green: 0.95, blue: 0.75 },
  { red: 0.85, green: 0.93, blue: 0.8 },
  { red: 0.72, green: 0.88, blue: 0.72 },
];

export interface InitPlan {
  requests: Request[];
  /** Titles of the tabs added. */
  added: string[];
}

function exists(sheets: readonly SheetInfo[], key: TabKey, title: string): SheetInfo | undefined {
  const spec = TABS[key];
  const wanted = normalizeName(title);
  return (
    sheets.find((s) => s.mark === key) ??
    sheets.find(
      (s) =>
        s.mark === undefined &&
        (matchesKey(s.title, spec.key, spec.label) || normalizeName(s.title) === wanted),
    )
  );
}

function columnOf(header: readonly string[], key: string, label: string): number {
  return header.findIndex((h) => matchesKey(h, key, label));
}

/** Digits as typed in Iran: ASCII, Persian and Arabic-Indic. */
const DIGIT = '[0-9۰-۹٠-٩]';

/** A month name with Arabic yeh/kaf accepted too (the core normalizes them). */
function monthNamePattern(name: string): string {
  return name.replaceAll('ی', '[یيى]').replaceAll('ک', '[کك]');
}

/**
 * A custom formula accepting the month forms of docs/workbook.md#months: a date cell, `1403-04`,
 * `1403/4`, the same in Persian digits, and `تیر ۱۴۰۳`.
 */
export function monthFormula(cell: string): string {
  const numeric = `^\\s*${DIGIT}{4}\\s*[-/]\\s*${DIGIT}{1,2}\\s*$`;
  const named = `^\\s*(${MONTH_NAMES.map(monthNamePattern).join('|')})\\s*${DIGIT}{4}\\s*$`;
  return `=OR(ISDATE(${cell}),REGEXMATCH(TO_TEXT(${cell}),"${numeric}"),REGEXMATCH(TO_TEXT(${cell}),"${named}"))`;
}

function columnRange(sheetId: number, column: number): sheets_v4.Schema$GridRange {
  // No end row: the rule covers the column down to the last row, rows added later included.
  return { sheetId, startRowIndex: 1, startColumnIndex: column, endColumnIndex: column + 1 };
}

function scoresValidation(
  sheetId: number,
  header: readonly string[],
  template: InitTemplate,
  agencies: { title: string; idColumn: number },
): Request[] {
  const requests: Request[] = [];
  const maxByCode = new Map(
    Object.entries(template.indicatorMax ?? {}).map(([code, max]) => [normalizeName(code), max]),
  );
  header.forEach((name, column) => {
    const max = maxByCode.get(normalizeName(name));
    if (max === undefined) return;
    requests.push({
      setDataValidation: {
        range: columnRange(sheetId, column),
        rule: {
          condition: {
            type: 'NUMBER_BETWEEN',
            values: [{ userEnteredValue: '0' }, { userEnteredValue: String(max) }],
          },
          inputMessage: `عددی از ۰ تا ${max}`,
          strict: true,
        },
      },
    });
  });
  const month = columnOf(header, 'month', 'ماه');
  if (month >= 0) {
    requests.push({
      setDataValidation: {
        range: columnRange(sheetId, month),
        rule: {
          condition: {
            type: 'CUSTOM_FORMULA',
            values: [{ userEnteredValue: monthFormula(`${columnLetter(month)}2`) }],
          },
          inputMessage: 'ماه به شکل ۱۴۰۳-۰۴ یا تیر ۱۴۰۳',
          strict: true,
        },
      },
    });
  }
  const agency = columnOf(header, 'agency', 'دستگاه');
  if (agency >= 0 && agencies.idColumn >= 0) {
    const id = columnLetter(agencies.idColumn);
    requests.push({
      setDataValidation: {
        range: columnRange(sheetId, agency),
        rule: {
          condition: {
            type: 'ONE_OF_RANGE',
            values: [{ userEnteredValue: `=${quoteTitle(agencies.title)}!${id}2:${id}` }],
          },
          inputMessage: 'شناسهٔ دستگاه از برگهٔ دستگاه‌ها',
          // An agency may also be written by its name (docs/workbook.md#scores), so a warning, not a wall.
          strict: false,
          showCustomUi: true,
        },
      },
    });
  }
  return requests;
}

function bandColours(sheetId: number, header: readonly string[]): Request[] {
  const band = columnOf(header, 'band', 'سطح');
  if (band < 0) return [];
  return DEFAULT_BANDS.map((b, index) => ({
    addConditionalFormatRule: {
      index,
      rule: {
        ranges: [columnRange(sheetId, band)],
        booleanRule: {
          condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: b.label }] },
          format: { backgroundColor: BAND_COLOURS[index % BAND_COLOURS.length] },
        },
      },
    },
  }));
}

/**
 * The agencies tab already in the sheet when init is about to add a scores tab: its header
 * row must be read first, since the new agency check points at its id column, wherever
 * that column is (columns may be in any order).
 */
export function agenciesHeaderNeeded(
  sheets: readonly SheetInfo[],
  template: InitTemplate,
): SheetInfo | undefined {
  const scores = template.tabs.find((t) => t.key === 'scores');
  if (!scores || exists(sheets, 'scores', scores.title)) return undefined;
  const agencies = template.tabs.find((t) => t.key === 'agencies');
  const found = exists(sheets, 'agencies', agencies?.title ?? TABS.agencies.label);
  return found?.grid ? found : undefined;
}

/**
 * Requests adding every template tab that is missing, and marking every template tab
 * not marked yet; none when all exist, marked. `runsTab` is the runs tab when found by its
 * header under another title (sheets-store.ts), so that no new, empty one is added.
 * `agenciesHeader` is row 1 of the agencies tab already in the sheet (see
 * `agenciesHeaderNeeded`); without an id column there, the agency check is left out.
 */
export function planInit(
  sheets: readonly SheetInfo[],
  template: InitTemplate,
  account: string | null,
  agenciesHeader: readonly unknown[] = [],
  runsTab?: SheetInfo,
): InitPlan {
  const known: { sheetId: number }[] = [...sheets];
  const adds: Request[] = [];
  const fills: Request[] = [];
  const added: string[] = [];
  const agenciesTab = template.tabs.find((t) => t.key === 'agencies');
  const existingAgencies = exists(sheets, 'agencies', agenciesTab?.title ?? TABS.agencies.label);
  const header = existingAgencies
    ? agenciesHeader.map((h) => (typeof h === 'string' ? h : ''))
    : (agenciesTab?.header ?? []);
  const agencies = {
    title: existingAgencies?.title ?? agenciesTab?.title ?? TABS.agencies.label,
    idColumn: columnOf(header, 'id', 'شناسه'),
  };
  const marks: Request[] = [];
  for (const tab of template.tabs) {
    const there = (tab.key === 'runs' ? runsTab : undefined) ?? exists(sheets, tab.key, tab.title);
    if (there) {
      // A tab that is there is marked as the key's, once (docs/workbook.md#the-tabs).
      if (there.mark === undefined) marks.push(markRequest(there.sheetId, tab.key));
      continue;
    }
    const sheetId = nextSheetId(known);
    marks.push(markRequest(sheetId, tab.key));
    known.push({ sheetId });
    added.push(tab.title);
    const rows = toPlainRows([tab.header, ...tab.rows]);
    const width = widthOf(rows);
    adds.push({
      addSheet: {
        properties: {
          sheetId,
          title: tab.title,
          index: sheets.length + added.length - 1,
          gridProperties: {
            rowCount: Math.max(NEW_TAB_ROWS, rows.length + 1),
            columnCount: Math.max(NEW_TAB_COLUMNS, width),
            frozenRowCount: 1,
          },
          rightToLeft: true,
        },
      },
    });
    if (rows.length > 0 && width > 0) {
      fills.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: 0 },
          rows: rows.map(toRowData),
          fields: 'userEnteredValue',
        },
      });
    }
    if (tab.header.length > 0) {
      fills.push({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: 0,
            endColumnIndex: tab.header.length,
          },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      });
    }
    if (tab.key === 'scores')
      fills.push(...scoresValidation(sheetId, tab.header, template, agencies));
    if (tab.key === 'results') fills.push(...bandColours(sheetId, tab.header));
    if (TABS[tab.key].output) {
      fills.push({
        addProtectedRange: {
          protectedRange: {
            range: { sheetId },
            description: 'karnameh writes this tab; edits here are overwritten',
            warningOnly: false,
            ...(account ? { editors: { users: [account] } } : {}),
          },
        },
      });
    }
  }
  return { requests: [...adds, ...marks, ...fills], added };
}
