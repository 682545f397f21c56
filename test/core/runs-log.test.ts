import { describe, expect, it } from 'vitest';
import {
  mergeRunsRows,
  readRunsLog,
  runsRows,
  type RunsEntry,
} from '../../functions/core/contract/runs-log.ts';

const entry = (runId: string, recipient: string, status: RunsEntry['status']): RunsEntry => ({
  runId,
  month: '1403-04',
  at: '2024-07-25T08:00:00.000Z',
  kind: recipient ? 'delivery' : 'run',
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
    expect(merged[1]).toEqual(['sent', '', 'r-1', '1403-04', 'a@x.org', 'delivery']);
  });

  it('matches recipients whatever their case', () => {
    const current = { name: 'اجراها', rows: runsRows([entry('r-1', 'A@X.org', 'pending')]) };
    expect(mergeRunsRows(current, [entry('r-1', 'a@x.org', 'sent')])).toHaveLength(2);
  });
});
