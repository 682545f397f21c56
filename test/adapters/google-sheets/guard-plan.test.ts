/** The guard's plan on a Sheet: who Google added as a protection's creator is tolerated; an editor taken out of the settings is not. */
import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { planGuard } from '../../../functions/adapters/google-sheets/guard-plan.ts';
import type { SheetInfo } from '../../../functions/adapters/google-sheets/snapshot.ts';
import { TABS } from '../../../functions/core/contract/tabs.ts';

type ProtectedRange = sheets_v4.Schema$ProtectedRange;
const ACCOUNT = 'karnameh@council.iam.gserviceaccount.com';
const RUNNER = 'owner@council.ir';

const sheet = (sheetId: number, key: keyof typeof TABS, mark = true): SheetInfo => ({
  sheetId,
  title: TABS[key].label,
  index: sheetId,
  rowCount: 100,
  columnCount: 10,
  grid: true,
  ...(mark ? { mark: key } : {}),
});
const SHEETS = [sheet(1, 'settings'), sheet(2, 'results')];

/** The settings tab guarded for `editors`, and init's protection of the results tab. */
function protections(editors: string[]): Map<number, ProtectedRange[]> {
  return new Map([
    [
      1,
      [
        {
          protectedRangeId: 11,
          range: { sheetId: 1 },
          description: 'karnameh:input',
          editors: { users: [...editors, ACCOUNT, RUNNER] },
        },
      ],
    ],
    [
      2,
      [
        {
          protectedRangeId: 21,
          range: { sheetId: 2 },
          description: 'karnameh writes this tab; edits here are overwritten',
          editors: { users: [ACCOUNT, RUNNER] },
        },
      ],
    ],
  ]);
}

describe('planGuard', () => {
  it('leaves alone a protection that names the editors wanted and the account that added it', () => {
    const plan = planGuard(
      SHEETS,
      protections(['dabir@council.ir']),
      {
        editors: ['dabir@council.ir'],
        rows: [],
      },
      ACCOUNT,
    );
    expect(plan).toEqual([]);
  });

  it('takes the right away from an address taken out of the editors setting', () => {
    const plan = planGuard(
      SHEETS,
      protections(['dabir@council.ir', 'gone@council.ir']),
      {
        editors: ['dabir@council.ir'],
        rows: [],
      },
      ACCOUNT,
    );
    expect(plan).toEqual([
      {
        updateProtectedRange: {
          protectedRange: {
            protectedRangeId: 11,
            editors: { users: [ACCOUNT, 'dabir@council.ir'].sort() },
          },
          fields: 'editors',
        },
      },
    ]);
  });
});
