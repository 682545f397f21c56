/**
 * Two jobs of one run back to back (the release, then the agencies' cards) in as few
 * ledger writes as exactly-once allows (issue 12, "Cost"): the first record right after
 * the claim only adds rows, and the release's last outcomes go with the cards' first
 * announcement; a write that fails still says who was sent and who was not.
 */
import { describe, expect, it } from 'vitest';
import { KarnamehError } from '../../../functions/core/contract/errors.ts';
import type { RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { deliverInBatches } from '../../../functions/use-cases/delivery-ledger/deliver.ts';
import { ledgerEntry } from '../../../functions/use-cases/delivery-ledger/ledger.ts';
import { answeringMailer, items, ledgerRun, memoryStore } from '../../support/ledger-fixtures.ts';

const said = (rows: RunsEntry[] | undefined) =>
  (rows ?? []).map((r) => `${r.kind} ${r.status} ${r.recipient}`.trim());

describe('the release, then the cards, in one claim', () => {
  it('writes the release pending alone, its outcomes with the cards pending, then the end', async () => {
    const store = memoryStore();
    const run = ledgerRun(store, 'r-1');
    const entry = ledgerEntry(run, { kind: 'run', status: 'started' });
    await store.write({ outputs: {}, runs: [entry] }); // the claim
    const release = await deliverInBatches(run, entry, {
      kind: 'release',
      items: items(2),
      mailer: answeringMailer(),
      firstWrite: { problems: [['p']] },
      runRowWritten: true,
      carryLast: true,
    });
    expect(release.carried?.runs.map((r) => r.status)).toEqual(['started', 'sent', 'sent']);
    const cards = await deliverInBatches(run, entry, {
      kind: 'card',
      items: items(3, 'a'),
      mailer: answeringMailer(),
      firstWrite: { problems: [['p']] },
      ...(release.carried ? { carried: release.carried } : {}),
      closeRun: () => ({ status: 'sent', detail: 'done' }),
    });
    expect(cards.outcomes).toHaveLength(3);
    const writes = store.writes.slice(1);
    expect(writes.map((w) => said(w.runs))).toEqual([
      // right after the claim: rows added only (no run row to update)
      ['release pending r01@example.org', 'release pending r02@example.org'],
      [
        'run started',
        'release sent r01@example.org',
        'release sent r02@example.org',
        'card pending a01@example.org',
        'card pending a02@example.org',
        'card pending a03@example.org',
      ],
      [
        'run sent',
        'card sent a01@example.org',
        'card sent a02@example.org',
        'card sent a03@example.org',
      ],
    ]);
    expect(writes.map((w) => Object.keys(w.outputs))).toEqual([['problems'], ['problems'], []]);
    expect(said(store.entries())).toEqual([
      'run sent',
      'release sent r01@example.org',
      'release sent r02@example.org',
      'card sent a01@example.org',
      'card sent a02@example.org',
      'card sent a03@example.org',
    ]);
  });

  it('a job with nobody to send to writes what it was carried, with the run row’s end', async () => {
    const store = memoryStore();
    const run = ledgerRun(store, 'r-2');
    const entry = ledgerEntry(run, { kind: 'run', status: 'started' });
    await store.write({ outputs: {}, runs: [entry] });
    const release = await deliverInBatches(run, entry, {
      kind: 'release',
      items: items(1),
      mailer: answeringMailer({ 'r01@example.org': 'failed' }),
      runRowWritten: true,
      carryLast: true,
    });
    await deliverInBatches(run, entry, {
      kind: 'card',
      items: [],
      mailer: answeringMailer(),
      ...(release.carried ? { carried: release.carried } : {}),
      closeRun: () => ({ status: 'failed', detail: 'nobody reached' }),
    });
    expect(store.writes.slice(1).map((w) => said(w.runs))).toEqual([
      ['release pending r01@example.org'],
      ['run failed', 'release failed r01@example.org'],
    ]);
  });

  it('when the write of the release’s outcomes with the cards fails, it names who was sent and who was not', async () => {
    const store = memoryStore();
    const write = store.write.bind(store);
    let writes = 0;
    store.write = async (request) => {
      if (++writes === 3) throw new KarnamehError('source.write_failed', 'the sheet said no');
      return write(request);
    };
    const run = ledgerRun(store, 'r-3');
    const entry = ledgerEntry(run, { kind: 'run', status: 'started' });
    await store.write({ outputs: {}, runs: [entry] });
    const mailer = answeringMailer({ 'r02@example.org': 'failed' });
    const release = await deliverInBatches(run, entry, {
      kind: 'release',
      items: items(2),
      mailer,
      runRowWritten: true,
      carryLast: true,
    });
    const cards = deliverInBatches(run, entry, {
      kind: 'card',
      items: items(2, 'a'),
      mailer,
      ...(release.carried ? { carried: release.carried } : {}),
    });
    await expect(cards).rejects.toThrow(
      /Sent, but recorded nowhere, so do not send them again: r01@example\.org; not sent: r02@example\.org, a01@example\.org, a02@example\.org\./,
    );
    expect(mailer.sent).toEqual(['r01@example.org']);
    // What is recorded: the release announced, nothing after it (a rerun holds r01 and r02
    // back as unconfirmed, never sends them twice, and sends the cards).
    expect(said(store.entries())).toEqual([
      'run started',
      'release pending r01@example.org',
      'release pending r02@example.org',
    ]);
  });
});
