import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXlsxStore } from '../../functions/adapters/xlsx/xlsx-store.ts';
import { runInProgress, runsRows } from '../../functions/core/runs-log.ts';
import type { RunsEntry } from '../../functions/core/runs-log.ts';
import { writeWorkbookXlsx } from '../../scripts/write-workbook.ts';
import { EXAMPLE, karnameh, scratch } from './cli-harness.ts';

const NOW = new Date('2024-07-25T08:00:00Z');
const started = (minutesAgo: number, month = '1403-04'): RunsEntry => ({
  runId: 'r-other',
  month,
  at: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  kind: 'run',
  status: 'started',
  recipient: '',
  requestedBy: 'watchSheet',
  digest: '',
  detail: '',
});

describe('runInProgress', () => {
  it.each([
    [5, '1403-04', true],
    [14, '1403-04', true],
    [16, '1403-04', false],
    [5, '1403-03', false],
    [-5, '1403-04', false],
  ])('a run started %i minutes ago for %s counts as in progress: %s', (ago, month, busy) => {
    expect(runInProgress([started(ago, month)], '1403-04', NOW) !== null).toBe(busy);
  });

  it('does not count a run that finished', () => {
    expect(runInProgress([{ ...started(1), status: 'sent' }], '1403-04', NOW)).toBeNull();
  });
});

describe('a run of a month another service is running', () => {
  type Box = Awaited<ReturnType<typeof scratch>>;
  let box: Box;
  beforeEach(async () => {
    box = await scratch();
  });
  afterEach(async () => {
    await box.cleanup();
  });

  async function withRuns(entries: RunsEntry[]): Promise<string> {
    const example = await createXlsxStore(EXAMPLE).read();
    const path = join(box.dir, 'busy.xlsx');
    await writeWorkbookXlsx(
      { tabs: [...example.tabs, { name: 'اجراها', rows: runsRows(entries) }] },
      path,
    );
    return path;
  }

  it('stops with "in progress" and sends nothing while the other run is recent', async () => {
    const path = await withRuns([started(5)]);
    const run = await karnameh(
      ['run', '--workbook', path, '--month', '1403-04', '--outbox', box.outbox],
      {},
      NOW,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('in progress');
    expect(run.stderr).toContain('run.in_progress');
  });

  it('goes ahead once the other run is old enough to have crashed', async () => {
    const path = await withRuns([started(30)]);
    const run = await karnameh(
      ['run', '--workbook', path, '--month', '1403-04', '--outbox', box.outbox],
      {},
      NOW,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('sent to 3');
  });
});
