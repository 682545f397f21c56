import { describe, expect, it } from 'vitest';
import { claimDetail, type ProcessHere } from '../../../functions/core/runs/run-claims.ts';
import { type RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { deliveryState } from '../../../functions/core/contract/runs-state.ts';
import { claimRun } from '../../../functions/use-cases/delivery-ledger/claim.ts';
import { deliverInBatches } from '../../../functions/use-cases/delivery-ledger/deliver.ts';
import { ledgerEntry } from '../../../functions/use-cases/delivery-ledger/ledger.ts';
import { pickTargets } from '../../../functions/use-cases/delivery-ledger/targets.ts';
import { answeringMailer, items, ledgerRun, memoryStore } from '../../support/ledger-fixtures.ts';

const HERE: ProcessHere = { host: 'here', pid: 10, alive: (pid) => pid === 10 || pid === 11 };
const statuses = (entries: RunsEntry[], kind = 'release') =>
  entries.filter((e) => e.kind === kind).map((e) => e.status);

describe('deliverInBatches', () => {
  it('announces at most one batch at a time and records each batch with the announcement of the next', async () => {
    const store = memoryStore();
    const run = ledgerRun(store, 'r-1');
    const entry = ledgerEntry(run, { kind: 'run', status: 'started' });
    const result = await deliverInBatches(run, entry, {
      kind: 'release',
      items: items(60),
      mailer: answeringMailer(),
      closeRun: () => ({ status: 'sent', detail: 'done' }),
    });
    expect(result.outcomes.map((o) => o.status)).toEqual(Array(60).fill('sent'));
    // One write to announce the first batch, then one per batch: 25 + 25 + 10.
    expect(store.writes).toHaveLength(4);
    for (const state of store.history) {
      expect(statuses(state).filter((s) => s === 'pending').length).toBeLessThanOrEqual(25);
    }
    expect(store.history.map((s) => statuses(s).filter((x) => x === 'sent').length)).toEqual([
      0, 25, 50, 60,
    ]);
    expect(store.history.map((s) => statuses(s).length)).toEqual([25, 50, 60, 60]);
    expect(store.entries().find((e) => e.kind === 'run')).toMatchObject({
      status: 'sent',
      detail: 'done',
    });
  });

  it('records refusals as failed and answers that never came as unconfirmed', async () => {
    const store = memoryStore();
    const run = ledgerRun(store, 'r-1');
    const [a, b, c] = items(3);
    const mailer = answeringMailer({ [b?.key ?? '']: 'failed', [c?.key ?? '']: 'unconfirmed' });
    const entry = ledgerEntry(run, { kind: 'run', status: 'started' });
    await deliverInBatches(run, entry, { kind: 'card', items: items(3), mailer });
    expect(
      store
        .entries()
        .filter((e) => e.kind === 'card')
        .map((e) => [e.recipient, e.status]),
    ).toEqual([
      [a?.key, 'sent'],
      [b?.key, 'failed'],
      [c?.key, 'unconfirmed'],
    ]);
    const state = deliveryState(store.entries(), '1403-04', 'card');
    expect([...state.reached]).toEqual([a?.key]);
    expect(state.unconfirmed.map((e) => e.recipient)).toEqual([c?.key]);
  });

  it('closes a batch after 10 s of sending, carrying the rest into the next', async () => {
    const store = memoryStore();
    let clock = Date.parse('2024-07-25T08:00:00Z');
    const run = ledgerRun(store, 'r-1', () => new Date(clock));
    const mailer = answeringMailer({}, () => (clock += 4_000));
    const entry = ledgerEntry(run, { kind: 'run', status: 'started' });
    await deliverInBatches(run, entry, { kind: 'release', items: items(7), mailer });
    // 4 s a message: a batch closes after 3 messages (12 s); the others stay announced.
    expect(store.history.map((s) => statuses(s).filter((x) => x === 'sent').length)).toEqual([
      0, 3, 6, 7,
    ]);
    expect(store.history.map((s) => statuses(s).filter((x) => x === 'pending').length)).toEqual([
      7, 4, 1, 0,
    ]);
  });

  it('stops when asked: the message in flight is recorded, the rest of the batch skipped', async () => {
    const store = memoryStore();
    const run = ledgerRun(store, 'r-1');
    const stop = new AbortController();
    let sent = 0;
    const mailer = answeringMailer({}, () => {
      sent += 1;
      if (sent === 2) stop.abort('SIGINT');
    });
    const entry = ledgerEntry(run, { kind: 'run', status: 'started' });
    const result = await deliverInBatches(run, entry, {
      kind: 'release',
      items: items(30),
      mailer,
      signal: stop.signal,
      closeRun: (r) => ({ status: r.interrupted ? 'interrupted' : 'sent', detail: '' }),
    });
    expect(result.interrupted).toBe(true);
    expect(result.outcomes).toHaveLength(2);
    expect(result.skipped).toHaveLength(28);
    expect(statuses(store.entries())).toEqual([
      ...Array(2).fill('sent'),
      ...Array(23).fill('skipped'),
    ]);
    expect(store.entries().find((e) => e.kind === 'run')?.status).toBe('interrupted');
    // Skipped keys are sent by the next run.
    const next = pickTargets(items(30), deliveryState(store.entries(), '1403-04'));
    expect(next.send).toHaveLength(28);
  });
});

describe('pickTargets', () => {
  const entries = (status: RunsEntry['status'], recipient: string): RunsEntry => ({
    runId: 'r-0',
    month: '1403-04',
    at: '',
    kind: 'release',
    status,
    recipient,
    requestedBy: '',
    contentHash: '',
    detail: '',
  });
  const [a, b, c, d] = items(4).map((i) => i.key);
  const log = [entries('sent', a ?? ''), entries('pending', b ?? ''), entries('failed', c ?? '')];

  it('sends to those never tried and those refused, holds back the unconfirmed, never the reached', () => {
    const t = pickTargets(items(4), deliveryState(log, '1403-04'));
    expect(t.send.map((i) => i.key)).toEqual([c, d]);
    expect(t.unconfirmed).toEqual([b]);
    expect(t.reached).toEqual([a]);
  });

  it('sends the unconfirmed on purpose, and everyone with force', () => {
    const state = deliveryState(log, '1403-04');
    expect(
      pickTargets(items(4), state, { resendUnconfirmed: true }).send.map((i) => i.key),
    ).toEqual([b, c, d]);
    expect(pickTargets(items(4), state, { force: true }).send).toHaveLength(4);
  });

  it('a later sent row confirms an unconfirmed key; a later pending row of it is unconfirmed again', () => {
    const confirmed = deliveryState(
      [...log, { ...entries('sent', b ?? ''), runId: 'r-1' }],
      '1403-04',
    );
    expect(confirmed.unconfirmed).toEqual([]);
    const retried = deliveryState(
      [entries('failed', b ?? ''), { ...entries('pending', b ?? ''), runId: 'r-1' }],
      '1403-04',
    );
    expect(retried.unconfirmed.map((e) => e.recipient)).toEqual([b]);
  });
});

describe('claimRun on a store without a lock (the claim rows decide)', () => {
  it('of two runs that claim the month, the first sends and the second is in progress', async () => {
    const store = memoryStore();
    const first = await claimRun(ledgerRun(store, 'r-a'), HERE);
    await expect(claimRun(ledgerRun(store, 'r-b'), { ...HERE, pid: 11 })).rejects.toMatchObject({
      code: 'run.in_progress',
      message: expect.stringContaining('r-a'),
    });
    expect(store.entries().map((e) => [e.runId, e.status])).toEqual([
      ['r-a', 'started'],
      ['r-b', 'blocked'],
    ]);
    expect(first.entry.status).toBe('started');
  });

  it('passes over at once the claim of a process of this host that is gone, naming it', async () => {
    const store = memoryStore();
    await store.write({
      outputs: {},
      runs: [
        ledgerEntry(ledgerRun(store, 'r-dead'), {
          kind: 'run',
          status: 'started',
          detail: claimDetail({ pid: 99, host: 'here' }),
        }),
      ],
    });
    const claim = await claimRun(ledgerRun(store, 'r-new'), HERE);
    expect(claim.notes.join(' ')).toContain('r-dead');
    expect(claim.notes.join(' ')).toContain('gone');
  });

  it('waits for the claim of a live run elsewhere until it has been silent for 10 minutes', async () => {
    const store = memoryStore();
    const other = ledgerEntry(ledgerRun(store, 'r-far'), {
      kind: 'run',
      status: 'started',
      detail: claimDetail({ pid: 99, host: 'far' }),
    });
    await store.write({ outputs: {}, runs: [other] });
    const at = (minutes: number) => () =>
      new Date(Date.parse('2024-07-25T08:00:00Z') + minutes * 60_000);
    await expect(claimRun(ledgerRun(store, 'r-early', at(9)), HERE)).rejects.toMatchObject({
      code: 'run.in_progress',
    });
    const late = await claimRun(ledgerRun(store, 'r-late', at(10)), HERE);
    expect(late.notes.join(' ')).toContain('has recorded nothing since');
  });
});
