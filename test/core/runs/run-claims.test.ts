/**
 * A reminder round's rows in the runs tab, as the release reads them (issue 13, phase 2):
 * a finished reminder claim, `sent` reminders and digests never make the month "sent",
 * and a claim whose detail says more than its owner still names its process.
 */
import { describe, expect, it } from 'vitest';
import { claimOwner, deadClaim } from '../../../functions/core/runs/run-claims.ts';
import { lastSent } from '../../../functions/core/runs/run-gate.ts';
import { type RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { deliveryState, reminderRuns } from '../../../functions/core/contract/runs-state.ts';

const MONTH = '1403-04';
const row = (
  fields: Partial<RunsEntry> & Pick<RunsEntry, 'runId' | 'kind' | 'status'>,
): RunsEntry => ({
  month: MONTH,
  at: '2024-07-28T06:00:00.000Z',
  recipient: '',
  requestedBy: 'cli',
  contentHash: 'abc123',
  detail: '',
  ...fields,
});

const reminderRound: RunsEntry[] = [
  row({ runId: 'r-rem', kind: 'run', status: 'sent', detail: 'یادآوری: 2 فرستاده شد' }),
  row({ runId: 'r-rem', kind: 'reminder', status: 'sent', recipient: 'd003:1403-05-07:a@x.org' }),
  row({ runId: 'r-rem', kind: 'digest', status: 'sent', recipient: '1403-05-07:sec@x.org' }),
];

describe('a reminder round in the runs tab', () => {
  it('is named by its reminder and digest rows', () => {
    expect([...reminderRuns(reminderRound)]).toEqual(['r-rem']);
  });

  it('never makes the release of the month sent, nor its data "sent with"', () => {
    const state = deliveryState(reminderRound, MONTH, 'release');
    expect(state.monthSent).toBe(false);
    expect(state.reached.size).toBe(0);
    expect(lastSent(reminderRound, undefined, MONTH)).toBeNull();
  });

  it('leaves a real release counted as before', () => {
    const release = [
      ...reminderRound,
      row({ runId: 'r-run', kind: 'run', status: 'sent', contentHash: 'def456' }),
      row({
        runId: 'r-run',
        kind: 'release',
        status: 'sent',
        recipient: 'sec@x.org',
        contentHash: 'def456',
      }),
    ];
    expect(deliveryState(release, MONTH, 'release').monthSent).toBe(true);
    expect(lastSent(release, undefined, MONTH)?.entry.runId).toBe('r-run');
    // A run row alone (an older runs tab, no delivery rows) still counts.
    const legacy = [row({ runId: 'r-old', kind: 'run', status: 'partial' })];
    expect(deliveryState(legacy, MONTH, 'release').monthSent).toBe(true);
  });

  it('counts its own kind for the next round: reached, or unconfirmed when left pending', () => {
    const killed = [
      ...reminderRound,
      row({
        runId: 'r-k',
        kind: 'reminder',
        status: 'pending',
        recipient: 'd005:1403-05-07:b@x.org',
      }),
    ];
    const state = deliveryState(killed, MONTH, 'reminder');
    expect([...state.reached]).toEqual(['d003:1403-05-07:a@x.org']);
    expect(state.unconfirmed.map((e) => e.recipient)).toEqual(['d005:1403-05-07:b@x.org']);
  });
});

describe('the owner of a claim with more detail', () => {
  const here = { host: 'vm', pid: 1, alive: () => false };
  it('ends the host at the Persian semicolon, so a dead process is known at once', () => {
    const claim = row({
      runId: 'r-rem',
      kind: 'run',
      status: 'started',
      detail: 'pid 4242 @ vm؛ یادآوری 1403-05-07',
    });
    expect(claimOwner(claim)).toEqual({ pid: 4242, host: 'vm' });
    expect(deadClaim(claim, new Date('2024-07-28T06:00:01.000Z'), here)).toBe(
      'its process 4242 on vm is gone',
    );
  });
});
