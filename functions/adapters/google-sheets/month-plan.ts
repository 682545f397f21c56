/**
 * The one `batchUpdate` of opening (or closing) a month on a Sheet (ports.ts `editMonth`),
 * planned against the sheet as just read: the scores tab widened when the new header cell
 * lies beyond its grid, the header cell set, the new rows inserted after the last row as read
 * (a row a person typed there since moves down, kept) and written, each new indicator cell
 * carrying its validation (0..max, `strict: false`: a warning), the archive's rows appended,
 * and the runs rows upserted. Pure.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { toPersianDigits } from '../../core/language/jalali.ts';
import { mergeRunsRows } from '../../core/contract/runs-log.ts';
import type { MonthEdit, ScoresAppend } from '../../ports.ts';
import type { ArchiveAppend } from '../../core/contract/close-month.ts';
import { toCellData, toPlain, toRowData, widthOf } from './cell-data.ts';
import { findSheet, type SheetInfo, type WorkbookSnapshot } from './snapshot.ts';
import { markRequest, nextSheetId, planWrite } from './write-plan.ts';
import { PEOPLE_TABS, type TabKey } from '../../core/contract/tabs.ts';
import { planGuard } from './guard-plan.ts';

type Request = sheets_v4.Schema$Request;
type ProtectedRange = sheets_v4.Schema$ProtectedRange;

/** A score cell's validation: a number from 0 to `max`, shown as a warning. */
function scoreRule(max: number): sheets_v4.Schema$DataValidationRule {
  return {
    condition: {
      type: 'NUMBER_BETWEEN',
      values: [{ userEnteredValue: '0' }, { userEnteredValue: String(max) }],
    },
    inputMessage: `عددی از ۰ تا ${toPersianDigits(max).replace('.', '٫')}`,
    strict: false,
  };
}

function scoresRequests(sheet: SheetInfo, append: ScoresAppend): Request[] {
  const { sheetId } = sheet;
  const rules = new Map(append.validation.map((v) => [v.column, scoreRule(v.max)]));
  const width = Math.max(
    widthOf(append.rows),
    ...append.header.map((h) => h.column + 1),
    ...append.validation.map((v) => v.column + 1),
  );
  const requests: Request[] = [];
  if (width > sheet.columnCount) {
    requests.push({
      appendDimension: { sheetId, dimension: 'COLUMNS', length: width - sheet.columnCount },
    });
  }
  for (const { column, text } of append.header) {
    requests.push({
      updateCells: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
        rows: [{ values: [toCellData(text)] }],
        fields: 'userEnteredValue',
      },
    });
  }
  if (append.rows.length > 0) {
    const rowWidth = Math.max(widthOf(append.rows), ...append.validation.map((v) => v.column + 1));
    const rows = append.rows.map((row) => ({
      values: Array.from({ length: rowWidth }, (_, c) => {
        const cell = toCellData(toPlain(row[c] ?? null));
        const rule = rules.get(c);
        return rule ? { ...cell, dataValidation: rule } : cell;
      }),
    }));
    // Fresh rows at the planned place, so that their protections can name them (guard-plan):
    // a row a person typed there since the read moves down, kept, never written over.
    const start = append.startRow;
    const end = start + rows.length;
    requests.push(
      start < sheet.rowCount
        ? {
            insertDimension: {
              range: { sheetId, dimension: 'ROWS', startIndex: start, endIndex: end },
            },
          }
        : { appendDimension: { sheetId, dimension: 'ROWS', length: end - sheet.rowCount } },
      {
        updateCells: {
          range: {
            sheetId,
            startRowIndex: start,
            endRowIndex: end,
            startColumnIndex: 0,
            endColumnIndex: rowWidth,
          },
          rows,
          fields: 'userEnteredValue,dataValidation',
        },
      },
    );
  }
  return requests;
}

/** Marks for the product's tabs not yet marked (docs/workbook.md#the-tabs: init and open mark every tab). */
function unmarked(sheets: readonly SheetInfo[]): Request[] {
  const keys: TabKey[] = [...PEOPLE_TABS, 'results', 'problems', 'runs', 'archive'];
  return keys.flatMap((key) => {
    const sheet = findSheet(sheets, key);
    return sheet && sheet.mark === undefined ? [markRequest(sheet.sheetId, key)] : [];
  });
}

/** The archive tab (added, frozen header, right to left, when missing) and its new rows. */
function archiveRequests(
  snapshot: WorkbookSnapshot,
  archive: ArchiveAppend,
): { requests: Request[]; added?: SheetInfo } {
  const existing = findSheet(snapshot.sheets, 'archive');
  const header = archive.header;
  const width = Math.max(widthOf(archive.rows), ...header.map((h) => h.column + 1));
  if (!existing) {
    const sheetId = nextSheetId(snapshot.sheets);
    const top: (string | null)[] = Array<string | null>(width).fill(null);
    for (const { column, text } of header) top[column] = text;
    const added: SheetInfo = {
      sheetId,
      title: archive.title,
      index: snapshot.sheets.length,
      rowCount: archive.rows.length + 1 + 100,
      columnCount: Math.max(width, 1),
      grid: true,
      mark: 'archive',
    };
    const requests: Request[] = [
      {
        addSheet: {
          properties: {
            sheetId,
            title: archive.title,
            index: snapshot.sheets.length,
            gridProperties: {
              rowCount: archive.rows.length + 1 + 100,
              columnCount: Math.max(width, 1),
              frozenRowCount: 1,
            },
            rightToLeft: true,
          },
        },
      },
      markRequest(sheetId, 'archive'),
      {
        appendCells: {
          sheetId,
          rows: [top, ...archive.rows].map((row) => toRowData(row.map((c) => toPlain(c)))),
          fields: 'userEnteredValue',
        },
      },
    ];
    return { requests, added };
  }
  const requests = scoresRequests(existing, { header, rows: [], startRow: 0, validation: [] });
  requests.push({
    appendCells: {
      sheetId: existing.sheetId,
      rows: archive.rows.map((row) => toRowData(row.map((c) => toPlain(c)))),
      fields: 'userEnteredValue',
    },
  });
  return { requests };
}

/**
 * The batch for `edit` against `snapshot` (read just now, runs tab included); with `guard`
 * (the sheet's protections as read, the functions' account), the protections made to say
 * `edit.guard` (guard-plan.ts).
 */
export function planMonthEdit(
  snapshot: WorkbookSnapshot,
  edit: MonthEdit,
  where: string,
  guard?: { protections: ReadonlyMap<number, ProtectedRange[]>; account: string },
): Request[] {
  const requests: Request[] = [];
  if (edit.scores) {
    const sheet = findSheet(snapshot.sheets, 'scores');
    if (!sheet) throw new Error('no scores tab');
    requests.push(...scoresRequests(sheet, edit.scores));
  }
  let state = snapshot;
  if (edit.archive && edit.archive.rows.length > 0) {
    const archive = archiveRequests(snapshot, edit.archive);
    requests.push(...archive.requests);
    if (archive.added) state = { ...snapshot, sheets: [...snapshot.sheets, archive.added] };
  }
  if (edit.runs.length > 0) {
    const base = state.outputs.runs;
    const current = base ? { name: base.sheet.title, rows: base.rows } : undefined;
    const merged = mergeRunsRows(current, edit.runs);
    const plan = planWrite(state, { outputs: {}, runs: edit.runs }, where, {
      fresh: base ?? null,
      merged,
    });
    requests.push(...plan.requests);
  }
  if (edit.guard && guard) {
    requests.push(...planGuard(state.sheets, guard.protections, edit.guard, guard.account));
    requests.push(...unmarked(state.sheets));
  }
  return requests;
}
