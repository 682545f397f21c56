import { describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import type { RunsEntry } from '../../functions/core/contract/runs-log.ts';
import { TABS } from '../../functions/core/contract/tabs.ts';
import type { WorkbookStore } from '../../functions/ports.ts';
import { planDeliveries } from '../../functions/use-cases/run-month/plan-deliveries.ts';
import { decide, readMonth } from '../../functions/use-cases/run-month/read-and-decide.ts';
import type { RunMonthOptions } from '../../functions/use-cases/run-month/types.ts';
import { EXAMPLE } from '../support/cli-harness.ts';
import { quietLog } from '../support/ledger-fixtures.ts';

const RECIPIENTS = ['dabirkhaneh@example.org', 'z.moradi@example.org', 'h.nazari@example.org'];
const example = createXlsxStore(EXAMPLE);

async function monthRun(options: RunMonthOptions = {}, store: WorkbookStore = example) {
  return readMonth(
    {
      store,
      render: () => {
        throw new Error('not rendered here');
      },
      now: () => new Date('2024-07-25T08:00:00Z'),
      newRunId: () => 'r-new',
      log: quietLog,
    },
    { month: '1403-04', ...options },
  );
}

const row = (
  runId: string,
  kind: RunsEntry['kind'],
  status: RunsEntry['status'],
  recipient = '',
): RunsEntry => ({
  runId,
  month: '1403-04',
  at: '2024-07-25T07:00:00.000Z',
  kind,
  status,
  recipient,
  requestedBy: '',
  contentHash: '',
  detail: '',
});

describe('read and decide', () => {
  it('lets a complete month go out, and a dry run render', async () => {
    expect(decide(await monthRun())).toEqual({ kind: 'send' });
    expect(decide(await monthRun({ dryRun: true }))).toEqual({ kind: 'dry-run', note: '' });
  });

  it('stops a month in which nobody was evaluated, and one whose workbook has no indicators', async () => {
    expect(decide(await monthRun({ month: '1404-01' }))).toMatchObject({ kind: 'stop' });
    const raw = await example.read();
    const broken: WorkbookStore = {
      ...example,
      read: async () => ({ tabs: raw.tabs.filter((t) => t.name !== TABS.indicators.label) }),
    };
    expect(decide(await monthRun({}, broken))).toMatchObject({
      kind: 'stop',
      message: expect.stringContaining('cannot be read'),
    });
  });
});

describe('plan deliveries (after the claim, from the runs tab as it is then)', () => {
  it('sends to everyone on a fresh month', async () => {
    const plan = planDeliveries(await monthRun(), []);
    expect(plan).toMatchObject({ kind: 'send', correction: false, unconfirmed: [] });
    expect(plan.kind === 'send' && plan.recipients.map((r) => r.email)).toEqual(RECIPIENTS);
  });

  it('sends only to the untried and the failed; names the unconfirmed; already sent when nobody is left', async () => {
    const [a, b, c] = RECIPIENTS;
    const log = [
      row('r-0', 'run', 'partial'),
      row('r-0', 'release', 'sent', a),
      row('r-0', 'release', 'unconfirmed', b),
      row('r-0', 'release', 'failed', c),
    ];
    const run = await monthRun();
    const plan = planDeliveries(run, log);
    expect(plan.kind === 'send' && plan.recipients.map((r) => r.email)).toEqual([c]);
    expect(plan.kind === 'send' && plan.unconfirmed).toEqual([b]);
    const done = planDeliveries(run, [...log, row('r-1', 'release', 'sent', c)]);
    expect(done).toMatchObject({ kind: 'stop', status: 'already-sent', unconfirmed: [b] });
    const resend = planDeliveries(await monthRun({ resendUnconfirmed: true }), [
      ...log,
      row('r-1', 'release', 'sent', c),
    ]);
    expect(resend.kind === 'send' && resend.recipients.map((r) => r.email)).toEqual([b]);
  });

  it('stops (blocked) when only unconfirmed deliveries are left and nothing was confirmed', async () => {
    const log = RECIPIENTS.map((r) => row('r-0', 'release', 'pending', r));
    expect(planDeliveries(await monthRun(), log)).toMatchObject({
      kind: 'stop',
      status: 'blocked',
      message: expect.stringContaining('--resend-unconfirmed'),
    });
  });

  it('a forced run after the month went out is a correction to everyone', async () => {
    const log = [
      row('r-0', 'run', 'sent'),
      ...RECIPIENTS.map((r) => row('r-0', 'release', 'sent', r)),
    ];
    const plan = planDeliveries(await monthRun({ force: true }), log);
    expect(plan).toMatchObject({ kind: 'send', correction: true });
    expect(plan.kind === 'send' && plan.recipients).toHaveLength(3);
  });
});
