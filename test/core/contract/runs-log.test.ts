// The runs tab read and written: its columns (today's names and an earlier version's), its kinds, the upsert.
import { describe, expect, it } from 'vitest';
import type { RawTab } from '../../../functions/core/contract/cells.ts';
import {
  mergeRunsRows,
  readRunsLog,
  runsHeaderGaps,
  runsRows,
  sentRecordTabs,
  type RunsEntry,
} from '../../../functions/core/contract/runs-log.ts';
import { deliveryState } from '../../../functions/core/contract/runs-state.ts';
import { findTabs } from '../../../functions/core/contract/tab-identity.ts';

const entry = (runId: string, recipient: string, status: RunsEntry['status']): RunsEntry => ({
  runId,
  month: '1403-04',
  at: '2024-07-25T08:00:00.000Z',
  kind: recipient ? 'release' : 'run',
  status,
  recipient,
  requestedBy: 'cli',
  contentHash: 'd',
  detail: '',
});

describe('mergeRunsRows', () => {
  it('gives an empty tab the header and the rows', () => {
    const rows = [entry('r-1', '', 'started')];
    expect(mergeRunsRows(undefined, rows)).toEqual(runsRows(rows));
    expect(mergeRunsRows({ name: 'اجراها', rows: [] }, rows)).toEqual(runsRows(rows));
  });

  it("replaces this run's rows in place, appends new ones, keeps every other row as it is", () => {
    const other = entry('r-0', 'a@x.org', 'sent');
    const mine = entry('r-1', 'a@x.org', 'pending');
    const current = { name: 'اجراها', rows: [...runsRows([mine, other]), ['a note by hand']] };
    const merged = mergeRunsRows(current, [
      { ...mine, status: 'sent' },
      entry('r-1', 'b@x.org', 'pending'),
    ]);
    expect(merged[0]).toEqual(current.rows[0]);
    expect(merged[2]).toEqual(current.rows[2]);
    expect(merged[3]).toEqual(['a note by hand']);
    expect(
      readRunsLog({ name: 'x', rows: merged }).map((e) => [e.runId, e.recipient, e.status]),
    ).toEqual([
      ['r-1', 'a@x.org', 'sent'],
      ['r-0', 'a@x.org', 'sent'],
      ['r-1', 'b@x.org', 'pending'],
    ]);
  });

  it('follows the columns of the header as it is (reordered, English keys, extra columns)', () => {
    const current = {
      name: 'runs',
      rows: [['status', 'note', 'run_id', 'month', 'recipient', 'kind']],
    };
    const merged = mergeRunsRows(current, [entry('r-1', 'a@x.org', 'sent')]);
    expect(merged[1]).toEqual(['sent', '', 'r-1', '1403-04', 'a@x.org', 'release']);
  });

  it('matches recipients whatever their case', () => {
    const current = { name: 'اجراها', rows: runsRows([entry('r-1', 'A@X.org', 'pending')]) };
    expect(mergeRunsRows(current, [entry('r-1', 'a@x.org', 'sent')])).toHaveLength(2);
  });
});

/** A runs tab headed in English, under a title that is not the runs tab's. */
function englishRunsTab(time: string, note: string): RawTab {
  return {
    name: 'Sent log',
    rows: [
      ['run_id', 'month', time, 'kind', 'status', 'recipient', 'requested_by', 'digest', note],
      ['r-1', '1403-04', '2024-07-25T08:00:00.000Z', 'run', 'sent', '', 'cli:dabir', 'h1', 'ok'],
      [
        'r-1',
        '1403-04',
        '2024-07-25T08:00:01.000Z',
        'release',
        'sent',
        'a@x.org',
        '',
        'h1',
        '<m1>',
      ],
    ],
  };
}

describe("the runs tab's columns: the contract's names, and an earlier version's", () => {
  const read = (tab: RawTab) =>
    readRunsLog(tab).map((e) => [e.runId, e.kind, e.status, e.recipient, e.at, e.detail]);
  const expected = [
    ['r-1', 'run', 'sent', '', '2024-07-25T08:00:00.000Z', 'ok'],
    ['r-1', 'release', 'sent', 'a@x.org', '2024-07-25T08:00:01.000Z', '<m1>'],
  ];

  it('a tab headed `time` … `note` is found by its header and read', () => {
    const tab = englishRunsTab('time', 'note');
    expect(findTabs([{ name: 'other', rows: [['x']] }, tab], 'runs')).toEqual([tab]);
    expect(runsHeaderGaps(tab)).toEqual([]);
    expect(read(tab)).toEqual(expected);
  });

  it('a tab headed `at` … `detail` (an earlier version, or typed so) still is', () => {
    const tab = englishRunsTab('at', 'detail');
    expect(findTabs([tab], 'runs')).toEqual([tab]);
    expect(read(tab)).toEqual(expected);
  });

  it('a write into either keeps its header and fills the time and note columns', () => {
    for (const [time, note] of [
      ['Time', 'Note'],
      ['at', 'detail'],
    ] as const) {
      const tab = englishRunsTab(time, note);
      const row = { ...entry('r-2', 'b@x.org', 'sent'), detail: '<m2>' };
      const merged = mergeRunsRows(tab, [row]);
      expect(merged[0]).toEqual(tab.rows[0]);
      expect(merged[3]?.[2]).toBe('2024-07-25T08:00:00.000Z');
      expect(merged[3]?.[8]).toBe('<m2>');
    }
  });

  it("the product's own header is the Persian labels, `زمان` and `توضیح` included", () => {
    expect(runsRows([])[0]).toEqual([
      'شناسه اجرا',
      'ماه',
      'زمان',
      'نوع',
      'وضعیت',
      'گیرنده',
      'درخواست‌کننده',
      'چکیده داده',
      'توضیح',
    ]);
  });
});

describe('kinds: `release` and `correction`, and the earlier `delivery`', () => {
  /** A runs tab as an earlier version wrote it: its release rows of kind `delivery`. */
  const oldTab = (): RawTab => ({
    name: 'اجراها',
    rows: [
      ...runsRows([entry('r-0', '', 'sent')]),
      ['r-0', '1403-04', '2024-07-20T08:00:00.000Z', 'delivery', 'sent', 'a@x.org', '', 'h0', ''],
      [
        'r-0',
        '1403-04',
        '2024-07-20T08:00:00.000Z',
        'Delivery',
        'pending',
        'b@x.org',
        '',
        'h0',
        '',
      ],
    ],
  });

  it('a `delivery` row is read as a release row, and counts as sent for the ledger', () => {
    const runs = readRunsLog(oldTab());
    expect(runs.map((e) => e.kind)).toEqual(['run', 'release', 'release']);
    const state = deliveryState(runs, '1403-04', 'release');
    expect(state.monthSent).toBe(true);
    expect([...state.reached]).toEqual(['a@x.org']);
    expect(state.unconfirmed.map((e) => e.recipient)).toEqual(['b@x.org']);
  });

  it('a `correction` row is the release reached again; a card row is not', () => {
    const runs = [
      entry('r-0', '', 'sent'),
      { ...entry('r-1', 'a@x.org', 'sent'), kind: 'correction' as const },
      { ...entry('r-1', 'a1:c@x.org', 'sent'), kind: 'card' as const },
    ];
    expect([...deliveryState(runs, '1403-04', 'release').reached]).toEqual(['a@x.org']);
    expect([...deliveryState(runs, '1403-04', 'card').reached]).toEqual(['a1:c@x.org']);
  });

  it("the same run's row written again replaces its `delivery` row in place", () => {
    const merged = mergeRunsRows(oldTab(), [
      { ...entry('r-0', 'b@x.org', 'sent'), at: '2024-07-20T08:00:05.000Z' },
    ]);
    expect(merged).toHaveLength(4);
    expect(merged[3]?.slice(3, 6)).toEqual(['release', 'sent', 'b@x.org']);
  });

  it('a tab holding `release`, `correction` or `delivery` rows sent is a record of mail sent', () => {
    for (const kind of ['release', 'correction', 'delivery']) {
      const copy: RawTab = { name: 'copy', rows: [['r-0', '1403-04', '', kind, 'sent']] };
      expect(sentRecordTabs([copy], undefined)).toEqual(['copy']);
    }
    const notes: RawTab = { name: 'notes', rows: [['r-0', '1403-04', '', 'request', 'sent']] };
    expect(sentRecordTabs([notes], undefined)).toEqual([]);
  });
});

describe('`written`: an .eml in the outbox (no SMTP), reached by nobody', () => {
  const runs = [
    entry('r-0', '', 'written'),
    entry('r-0', 'a@x.org', 'written'),
    { ...entry('r-0', 'a1:c@x.org', 'written'), kind: 'card' as const },
    entry('r-1', '', 'sent'),
    entry('r-1', 'b@x.org', 'sent'),
  ];

  it('does not count for a run that sends by SMTP: the month is not sent, nobody reached', () => {
    const release = deliveryState(runs.slice(0, 3), '1403-04', 'release');
    expect(release.monthSent).toBe(false);
    expect([...release.reached]).toEqual([]);
    expect(release.unconfirmed).toEqual([]);
    expect([...deliveryState(runs, '1403-04', 'release').reached]).toEqual(['b@x.org']);
    expect([...deliveryState(runs, '1403-04', 'card').reached]).toEqual([]);
  });

  it('counts as done for another outbox run (`outbox`), as `sent` does', () => {
    const release = deliveryState(runs.slice(0, 3), '1403-04', 'release', '', true);
    expect(release.monthSent).toBe(true);
    expect([...release.reached]).toEqual(['a@x.org']);
    expect([...deliveryState(runs, '1403-04', 'release', '', true).reached]).toEqual([
      'a@x.org',
      'b@x.org',
    ]);
    expect([...deliveryState(runs, '1403-04', 'card', '', true).reached]).toEqual(['a1:c@x.org']);
  });

  it('a tab of `written` rows is a record of mail too (sentRecordTabs)', () => {
    const copy = { name: 'copy', rows: runsRows(runs.slice(0, 2)) };
    expect(sentRecordTabs([copy], undefined)).toEqual(['copy']);
  });
});
