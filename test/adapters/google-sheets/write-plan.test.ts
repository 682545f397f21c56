import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import {
  bodyBytes,
  nextSheetId,
  planTabEdit,
} from '../../../functions/adapters/google-sheets/write-plan.ts';
import type { TabState } from '../../../functions/adapters/google-sheets/snapshot.ts';

/** A request in a few words: `insert 2-4`, `delete 2-4`, `append ROWS 3`, `update 1-3 ×0-2 (2 rows)`. */
function describeRequest(request: sheets_v4.Schema$Request): string {
  if (request.insertDimension) {
    const r = request.insertDimension.range ?? {};
    return `insert ${r.startIndex}-${r.endIndex}${request.insertDimension.inheritFromBefore ? ' inherit' : ''}`;
  }
  if (request.deleteDimension) {
    const r = request.deleteDimension.range ?? {};
    return `delete ${r.startIndex}-${r.endIndex}`;
  }
  if (request.appendDimension) {
    return `append ${request.appendDimension.dimension} ${request.appendDimension.length}`;
  }
  if (request.updateCells) {
    const r = request.updateCells.range ?? {};
    return `update ${r.startRowIndex}-${r.endRowIndex} ×${r.startColumnIndex}-${r.endColumnIndex} (${request.updateCells.rows?.length} rows)`;
  }
  return JSON.stringify(request);
}

const rows = (...labels: string[]): CellValue[][] =>
  labels.map((l) => (l === '' ? [] : l.split('')));

function state(old: CellValue[][], rowCount = 10, columnCount = 3): TabState {
  return {
    sheet: { sheetId: 5, title: 't', index: 0, rowCount, columnCount, grid: true },
    rows: old as TabState['rows'],
  };
}

describe('planTabEdit: the smallest edit between the rows read and the rows wanted', () => {
  it.each([
    ['nothing changed', rows('h', 'a', 'b'), rows('h', 'a', 'b'), []],
    ['rows appended', rows('h', 'a'), rows('h', 'a', 'b', 'c'), ['update 2-4 ×0-1 (2 rows)']],
    [
      'rows removed at the end',
      rows('h', 'a', 'b', 'c'),
      rows('h', 'a'),
      ['update 2-4 ×0-1 (0 rows)'],
    ],
    [
      'a middle row changed',
      rows('h', 'a', 'b', 'c'),
      rows('h', 'a', 'x', 'c'),
      ['update 2-3 ×0-1 (1 rows)'],
    ],
    [
      'a middle block grown',
      rows('h', 'a', 'b', 'c'),
      rows('h', 'a', 'x', 'y', 'z', 'c'),
      ['insert 3-5', 'update 2-5 ×0-1 (3 rows)'],
    ],
    [
      'a middle block shrunk',
      rows('h', 'a', 'b', 'd', 'e', 'c'),
      rows('h', 'a', 'x', 'c'),
      ['delete 3-5', 'update 2-3 ×0-1 (1 rows)'],
    ],
    ['a middle block removed', rows('h', 'a', 'b', 'd', 'c'), rows('h', 'a', 'c'), ['delete 2-4']],
    [
      'rows put in front',
      rows('h', 'a'),
      rows('x', 'h', 'a'),
      ['insert 0-1', 'update 0-1 ×0-1 (1 rows)'],
    ],
    ['the header changed', rows('h', 'a'), rows('hh', 'a'), ['update 0-1 ×0-2 (1 rows)']],
    [
      'a row narrowed: its old cells are cleared',
      rows('h', 'abc', 'z'),
      rows('h', 'a', 'z'),
      ['update 1-2 ×0-3 (1 rows)'],
    ],
    ['a blank row put in between', rows('h', 'a', 'b'), rows('h', 'a', '', 'b'), ['insert 2-3']],
    [
      'rows beyond the grid',
      rows('h', 'a'),
      rows('h', 'a', ...'bcdefghijk'.split('')),
      ['append ROWS 2', 'update 2-12 ×0-1 (10 rows)'],
    ],
    [
      'cells beyond the grid',
      rows('h'),
      rows('h', 'abcde'),
      ['append COLUMNS 2', 'update 1-2 ×0-5 (1 rows)'],
    ],
  ])('%s', (_case, old, next, expected) => {
    const edit = planTabEdit(state(old), next);
    expect(edit.requests.map(describeRequest)).toEqual(expected);
    expect(edit.after.rows).toEqual(next);
  });

  it('writes values literally, blank cells as no value', () => {
    const edit = planTabEdit(state([], 10, 5), [['=1+1', 2, true, null, 'x']]);
    expect(edit.requests).toEqual([
      {
        updateCells: {
          range: {
            sheetId: 5,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: 0,
            endColumnIndex: 5,
          },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: '=1+1' } },
                { userEnteredValue: { numberValue: 2 } },
                { userEnteredValue: { boolValue: true } },
                {},
                { userEnteredValue: { stringValue: 'x' } },
              ],
            },
          ],
          fields: 'userEnteredValue',
        },
      },
    ]);
  });

  it('tracks the grid size for the next write', () => {
    const grown = planTabEdit(state(rows('h', 'a', 'b')), rows('h', 'a', 'x', 'y', 'b'));
    expect(grown.after.sheet).toMatchObject({ rowCount: 12, columnCount: 3 });
    const shrunk = planTabEdit(state(rows('h', 'a', 'x', 'y', 'b')), rows('h', 'b'));
    expect(shrunk.after.sheet).toMatchObject({ rowCount: 7 });
  });

  it('compares dates as the serial numbers the sheet holds', () => {
    const edit = planTabEdit(state([[45_464]]), [[new Date(Date.UTC(2024, 5, 21))]]);
    expect(edit.requests).toEqual([]);
  });
});

describe('write-plan helpers', () => {
  it('picks a sheet id nobody uses', () => {
    expect(nextSheetId([])).toBe(0);
    expect(nextSheetId([{ sheetId: 0 }, { sheetId: 1_000_006 }])).toBe(1_000_007);
    expect(nextSheetId([{ sheetId: 2_147_483_647 }, { sheetId: 1 }])).toBe(2);
  });

  it('measures the body in UTF-8 bytes', () => {
    expect(bodyBytes([{ addSheet: { properties: { title: 'نتایج' } } }])).toBe(
      '{"requests":[{"addSheet":{"properties":{"title":"نتایج"}}}]}'.length + 5,
    );
  });
});
