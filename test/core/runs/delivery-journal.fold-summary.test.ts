/** The fold's log sentence: counts of the rows written, and no claim about messages it cannot see. */
import { describe, expect, it } from 'vitest';
import type { RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import {
  foldJournal,
  foldSummary,
  journalLine,
  parseJournal,
  type JournalRecord,
} from '../../../functions/core/runs/delivery-journal.ts';

const AT = '2024-07-25T08:00:00.000Z';
const row = (kind: RunsEntry['kind'], status: RunsEntry['status'], recipient = ''): RunsEntry => ({
  runId: 'r-1',
  month: '1403-04',
  at: AT,
  kind,
  status,
  recipient,
  requestedBy: 'cli',
  contentHash: 'd',
  detail: '',
});

describe('foldSummary', () => {
  // A run of 205 cards killed in its first batch of 100: 4 sent, 1 in flight, 95 announced
  // and never tried; the other 105 were never announced, so no row and no journal line.
  const runs = [
    row('run', 'started'),
    ...Array.from({ length: 100 }, (_, i) => row('release', 'pending', `a${i}`)),
  ];
  const records: JournalRecord[] = [
    {
      t: 'run',
      runId: 'r-1',
      month: '1403-04',
      pid: 1,
      host: 'h',
      requestedBy: 'cli',
      digest: 'd',
      at: AT,
    },
    ...[0, 1, 2, 3].flatMap((i): JournalRecord[] => [
      { t: 'try', kind: 'release', key: `a${i}`, at: AT },
      { t: 'done', kind: 'release', key: `a${i}`, status: 'sent', detail: '', at: AT },
    ]),
    { t: 'try', kind: 'release', key: 'a4', at: AT },
  ];
  const journal = parseJournal('j', records.map((r) => journalLine(r)).join(''));
  const rows = journal ? foldJournal(runs, journal, new Date(AT)) : [];

  it('counts what the rows say and says that messages never announced are not counted', () => {
    const line = foldSummary(['r-1'], rows);
    expect(line).toContain('4 sent, 1 never confirmed, 0 failed');
    expect(line).toContain('95 announced in the runs tab but never tried');
    expect(line).toContain('had not announced yet are in no row and not counted');
    // Not the old sentence, which read as if 95 were all that was never tried.
    expect(line).not.toMatch(/\b95 never tried\b/);
  });
});
