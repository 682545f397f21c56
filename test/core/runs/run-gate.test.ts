// run.data_changed as the run gate words it: after a release sent, or one only written as .eml.
import { describe, expect, it } from 'vitest';
import type { RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import type { Summary } from '../../../functions/core/figures/summary.ts';
import { dataChanged, type RunGateInput } from '../../../functions/core/runs/run-gate.ts';

const THEN = 'aaaaaaaaaaaaaaaa';
const NOW = 'bbbbbbbbbbbbbbbb';

function released(status: RunsEntry['status']): RunsEntry {
  return {
    runId: 'r-1',
    month: '1403-04',
    at: '2024-07-01T00:00:00.000Z',
    kind: 'run',
    status,
    recipient: '',
    requestedBy: 'cli',
    contentHash: THEN,
    detail: '',
  };
}

function input(status: RunsEntry['status'], outbox: boolean): RunGateInput {
  return {
    month: '1403-04',
    fatal: false,
    problems: [],
    summary: {} as Summary,
    recipients: 3,
    runsTab: undefined,
    runs: [released(status)],
    contentHash: NOW,
    options: { outbox },
  };
}

describe('run.data_changed', () => {
  it('says "after it was sent" when the release went out by SMTP', () => {
    const problem = dataChanged(input('sent', false));
    expect(problem?.code).toBe('run.data_changed');
    expect(problem?.message).toContain('پس از ارسال تغییر کرده است');
    expect(problem?.message).toContain(`${THEN}، اکنون ${NOW}`);
  });

  it('says the release was only written as .eml when the outbox wrote it (never "sent")', () => {
    const problem = dataChanged(input('written', true));
    expect(problem?.message).toContain('پس از نوشتن در پوشهٔ خروجی (.eml) تغییر کرده است');
    expect(problem?.message).not.toContain('ارسال تغییر');
  });

  it('does not hold an SMTP run for a release only written as .eml (nobody got it)', () => {
    expect(dataChanged(input('written', false))).toBeNull();
  });

  it('says nothing when the facts are the same', () => {
    expect(dataChanged({ ...input('sent', false), contentHash: THEN })).toBeNull();
  });
});
