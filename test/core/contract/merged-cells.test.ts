import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/contract/cells.ts';
import { fillMerged, type MergeRange } from '../../../functions/core/contract/merged-cells.ts';

const range = (
  startRow: number,
  endRow: number,
  startColumn: number,
  endColumn: number,
): MergeRange => ({
  startRow,
  endRow,
  startColumn,
  endColumn,
});

describe('fillMerged', () => {
  it('copies a merged group column down the rows it covers', () => {
    const rows: CellValue[][] = [
      ['id', 'name', 'group'],
      ['a1', 'x', 'دستگاه اجرایی'],
      ['a2', 'y'],
      ['a3', 'z', null],
      ['f1', 'w', 'فرمانداری'],
    ];
    const filled = fillMerged(rows, [range(1, 4, 2, 3)]);
    expect(filled.map((r) => r[2])).toEqual([
      'group',
      'دستگاه اجرایی',
      'دستگاه اجرایی',
      'دستگاه اجرایی',
      'فرمانداری',
    ]);
    expect(rows[2]).toEqual(['a2', 'y']);
  });

  it('fills a block across columns and rows, and leaves other cells alone', () => {
    const filled = fillMerged(
      [
        [1, 2, 3],
        [4, null, null],
        [7, 8, 9],
      ],
      [range(0, 2, 1, 3)],
    );
    expect(filled).toEqual([
      [1, 2, 2],
      [4, 2, 2],
      [7, 8, 9],
    ]);
  });

  it('adds no rows past the last one read, and ignores blank or malformed ranges', () => {
    const rows: CellValue[][] = [['h'], ['v']];
    expect(fillMerged(rows, [range(1, 10, 0, 1)])).toEqual([['h'], ['v']]);
    expect(fillMerged([[null], [5]], [range(0, 2, 0, 1)])).toEqual([[null], [5]]);
    expect(fillMerged(rows, [range(2, 1, 0, 1), range(-1, 1, 0, 1)])).toEqual(rows);
  });
});
