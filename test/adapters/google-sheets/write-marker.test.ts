import { describe, expect, it } from 'vitest';
import {
  MARKER_ID,
  markerRequests,
  resendSafety,
} from '../../../functions/adapters/google-sheets/write-marker.ts';

const cells = {
  updateCells: {
    range: { sheetId: 1, startRowIndex: 0, endRowIndex: 1 },
    rows: [],
    fields: 'userEnteredValue',
  },
};

describe('which batches may be sent again after a timeout', () => {
  it.each([
    ['cells over fixed ranges', [cells, cells], 'idempotent'],
    ['protection editors set', [{ updateProtectedRange: { fields: 'editors' } }], 'idempotent'],
    [
      'a tab added by id, rows deleted',
      [{ addSheet: { properties: { sheetId: 9 } } }, { deleteDimension: {} }],
      'guarded',
    ],
    ['rows inserted', [{ insertDimension: {} }, cells], 'marker'],
    ['rows appended to the grid', [{ appendDimension: {} }, cells], 'marker'],
    ['a tab added without an id', [{ addSheet: { properties: { title: 'x' } } }], 'marker'],
  ])('%s: %s', (_, requests, safety) => {
    expect(resendSafety(requests)).toBe(safety);
  });

  it('swaps the marker from the value planned against, or creates it the first time', () => {
    expect(markerRequests(null, 'w2').map((r) => Object.keys(r)[0])).toEqual([
      'createDeveloperMetadata',
    ]);
    const [remove, create] = markerRequests('w1', 'w2');
    expect(remove?.deleteDeveloperMetadata?.dataFilter?.developerMetadataLookup).toEqual({
      metadataId: MARKER_ID,
      metadataValue: 'w1',
    });
    expect(create?.createDeveloperMetadata?.developerMetadata).toMatchObject({
      metadataId: MARKER_ID,
      metadataValue: 'w2',
      location: { spreadsheet: true },
      visibility: 'DOCUMENT',
    });
  });
});
