// score.merged: a merged range over indicator cells of the scores tab shows one value for several cells.
import { describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../../functions/core/contract/cells.ts';
import type { MergeRange } from '../../../functions/core/contract/merged-cells.ts';
import { fillMerged } from '../../../functions/core/contract/merged-cells.ts';
import { sampleWorkbook } from '../../support/raw-workbooks.ts';
import { expectPersian, parse, where } from '../../support/parse-helpers.ts';

const SCORES = 'امتیازها';

/** The sample read as a store hands over a scores tab with these merged ranges. */
function withMerges(ranges: MergeRange[]): RawWorkbook {
  const workbook = sampleWorkbook();
  workbook.tabs = workbook.tabs.map((tab) =>
    tab.name === SCORES ? { ...tab, rows: fillMerged(tab.rows, ranges), merges: ranges } : tab,
  );
  return workbook;
}

describe('score.merged', () => {
  it("a score merged over two agencies' rows: an error at the covered cell, whose value is unknown", () => {
    // C3:C4, a01's ش۱ (8) over a02's row: a02 must not get 8.
    const result = parse(withMerges([{ startRow: 2, endRow: 4, startColumn: 2, endColumn: 3 }]));
    const merged = result.problems.filter((p) => p.code === 'score.merged');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      severity: 'error',
      tab: SCORES,
      cell: 'C4',
      month: '1403-04',
      agencyId: 'a02',
    });
    expect(merged[0]?.message).toContain('«8»');
    expect(merged[0]?.message).toContain('ش۱');
    expectPersian(merged[0]?.message ?? '');
    const a02 = result.model.scores.find((s) => s.month === '1403-04' && s.agencyId === 'a02');
    expect(a02?.values['ش۱']).toBeNull();
    // The top-left cell is its own row's value; no score.missing for the covered cell.
    const a01 = result.model.scores.find((s) => s.month === '1403-04' && s.agencyId === 'a01');
    expect(a01?.values['ش۱']).toBe(8);
    expect(where(result)).toEqual([`score.merged ${SCORES}!C4`]);
  });

  it('a merge across two indicators of one row: the second cell is unknown', () => {
    const result = parse(withMerges([{ startRow: 5, endRow: 6, startColumn: 3, endColumn: 5 }]));
    expect(where(result)).toEqual([`score.merged ${SCORES}!E6`]);
  });

  it('merges outside the indicator columns (the month written once over its rows) say nothing', () => {
    const result = parse(withMerges([{ startRow: 2, endRow: 6, startColumn: 0, endColumn: 1 }]));
    expect(result.problems).toEqual([]);
  });
});
