/** The delivery journal's records read back and folded into the runs tab (core, pure). */
import { describe, expect, it } from 'vitest';
import {
  foldJournal,
  journalLine,
  parseJournal,
  upsertEntries,
  type JournalRecord,
} from '../../../functions/core/runs/delivery-journal.ts';
import type { RunsEntry } from '../../../functions/core/contract/runs-log.ts';

const AT = '2024-07-25T08:00:00.000Z';
const NOW = new Date('2024-07-25T09:00:00Z');
const header: JournalRecord = {
  t: 'run',
  runId: 'r-1',
  month: '1403-04',
  pid: 4242,
  host: 'here',
  requestedBy: 'cli',
  digest: 'd',
  at: AT,
};
const row = (kind: RunsEntry['kind'], status: RunsEntry['status'], recipient = ''): RunsEntry => ({
  runId: 'r-1',
  month: '1403-04',
  at: AT,
  kind,
  status,
  recipient,
  requestedBy: 'cli',
  contentHash: 'd',
  detail: kind === 'run' ? 'pid 4242 @ here' : '',
});
const text = (...records: JournalRecord[]) => records.map(journalLine).join('');

describe('parseJournal', () => {
  it('ignores a last line cut short by a kill (its step never happened)', () => {
    const whole = text(header, { t: 'try', kind: 'card', key: 'a1:x@y.org', at: AT });
    const cut = `${whole}{"t":"done","kind":"card","key":"a1:x@y.o`;
    const run = parseJournal('f', cut);
    expect(run?.records).toEqual([{ t: 'try', kind: 'card', key: 'a1:x@y.org', at: AT }]);
    expect(run?.unreadable).toBe(1);
  });

  it("an earlier version's `delivery` record is read as a release record and folds onto its row", () => {
    const old = `${text(header)}{"t":"try","kind":"delivery","key":"p@x.org","at":"${AT}"}\n{"t":"done","kind":"delivery","key":"p@x.org","status":"sent","detail":"<m1>","at":"${AT}"}\n`;
    const run = parseJournal('f', old);
    expect(run?.records.map((r) => r.kind)).toEqual(['release', 'release']);
    if (!run) throw new Error('no journal');
    const folded = foldJournal(
      [row('run', 'started'), row('release', 'pending', 'p@x.org')],
      run,
      NOW,
    );
    expect(folded.map((r) => [r.kind, r.recipient, r.status])).toEqual([
      ['run', '', 'interrupted'],
      ['release', 'p@x.org', 'sent'],
    ]);
  });

  it('a journal without its header says nothing', () => {
    expect(parseJournal('f', '{"t":"run","runId":"r-')).toBeNull();
    expect(parseJournal('f', '')).toBeNull();
  });
});

describe('foldJournal', () => {
  const runs = [
    row('run', 'started'),
    row('card', 'pending', 'a1:a@x.org'),
    row('card', 'pending', 'a2:b@x.org'),
    row('card', 'pending', 'a3:c@x.org'),
    row('card', 'pending', 'a4:d@x.org'),
    row('release', 'sent', 'p@x.org'),
  ];
  const journal = parseJournal(
    'f',
    text(
      header,
      { t: 'try', kind: 'release', key: 'p@x.org', at: AT },
      { t: 'done', kind: 'release', key: 'p@x.org', status: 'failed', detail: 'old', at: AT },
      { t: 'try', kind: 'card', key: 'a1:a@x.org', at: AT },
      { t: 'done', kind: 'card', key: 'a1:a@x.org', status: 'sent', detail: 'hash=1 <m1>', at: AT },
      { t: 'try', kind: 'card', key: 'a2:b@x.org', at: AT },
      { t: 'done', kind: 'card', key: 'a2:b@x.org', status: 'failed', detail: '550', at: AT },
      { t: 'try', kind: 'card', key: 'a3:c@x.org', at: AT },
    ),
  );
  if (!journal) throw new Error('no journal');
  const folded = foldJournal(runs, journal, NOW);
  const brief = (rows: RunsEntry[]) => rows.map((r) => [r.kind, r.recipient, r.status, r.detail]);

  it('sent and failed as journaled; the one in flight unconfirmed; the untried skipped; the run interrupted', () => {
    expect(brief(folded)).toEqual([
      ['run', '', 'interrupted', expect.stringContaining('دفتر ارسال') as unknown],
      ['card', 'a1:a@x.org', 'sent', 'hash=1 <m1>'],
      ['card', 'a2:b@x.org', 'failed', '550'],
      ['card', 'a3:c@x.org', 'unconfirmed', expect.stringContaining('تأیید نشد') as unknown],
      ['card', 'a4:d@x.org', 'skipped', expect.stringContaining('فرستاده نشد') as unknown],
    ]);
  });

  it("never changes a row the run recorded itself (here the release's `sent`), and folding twice changes nothing", () => {
    expect(folded.some((r) => r.kind === 'release')).toBe(false);
    const after = upsertEntries(runs, folded);
    expect(foldJournal(after, journal, NOW)).toEqual([]);
  });
});

describe('an outbox write in the journal', () => {
  it('folds as `written` (not `sent`): the .eml reached nobody', () => {
    const journal = parseJournal(
      'f',
      text(
        header,
        { t: 'try', kind: 'release', key: 'a@x.org', at: AT },
        {
          t: 'done',
          kind: 'release',
          key: 'a@x.org',
          status: 'written',
          detail: '<m1@karnameh>',
          at: AT,
        },
      ),
    );
    if (!journal) throw new Error('the journal could not be read');
    expect(journal.records).toHaveLength(2);
    const runs = [row('run', 'started'), row('release', 'pending', 'a@x.org')];
    const folded = foldJournal(runs, journal, NOW);
    expect(folded.find((r) => r.kind === 'release')).toMatchObject({
      recipient: 'a@x.org',
      status: 'written',
      detail: '<m1@karnameh>',
    });
  });
});
