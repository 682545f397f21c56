import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockPath } from '../../../functions/adapters/xlsx/file-lock.ts';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import {
  CLAIM_STALE_MS,
  claimDetail,
  liveClaims,
  type ProcessHere,
} from '../../../functions/core/runs/run-claims.ts';
import {
  readRunsLog,
  runsRows,
  type RunsEntry,
} from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { writeWorkbookXlsx } from '../../../scripts/write-workbook.ts';
import { EXAMPLE, karnameh, scratch } from '../../support/cli-harness.ts';

const NOW = new Date('2024-07-25T08:00:00Z');
const HERE: ProcessHere = { host: 'here', pid: 1, alive: (pid) => pid === 42 };
const started = (minutesAgo: number, detail: string, month = '1403-04'): RunsEntry => ({
  runId: 'r-other',
  month,
  at: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  kind: 'run',
  status: 'started',
  recipient: '',
  requestedBy: 'watchSheet',
  contentHash: '',
  detail,
});

describe('liveClaims', () => {
  it.each([
    ['a live process of this host', 1, claimDetail({ pid: 42, host: 'here' }), true],
    ['a process of this host that is gone', 1, claimDetail({ pid: 7, host: 'here' }), false],
    ['another host, recorded lately', 9, claimDetail({ pid: 7, host: 'elsewhere' }), true],
    [
      'another host, silent for too long',
      CLAIM_STALE_MS / 60_000,
      claimDetail({ pid: 7, host: 'elsewhere' }),
      false,
    ],
    ['no process named, recorded lately', 1, '', true],
  ])('a started run of %s counts as live: %s', (_what, ago, detail, live) => {
    expect(liveClaims([started(ago, detail)], '1403-04', NOW, HERE)).toHaveLength(live ? 1 : 0);
  });

  it('does not count a run that finished, another month, or the asking run', () => {
    const live = claimDetail({ pid: 42, host: 'here' });
    expect(liveClaims([{ ...started(1, live), status: 'sent' }], '1403-04', NOW, HERE)).toEqual([]);
    expect(liveClaims([started(1, live, '1403-03')], '1403-04', NOW, HERE)).toEqual([]);
    expect(liveClaims([started(1, live)], '1403-04', NOW, HERE, 'r-other')).toEqual([]);
  });
});

/** A pid of this host: of a process alive until `stop`, or of one that has exited. */
async function otherProcess(alive: boolean): Promise<{ pid: number; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', alive ? 'setInterval(() => {}, 1000)' : ''], {
    stdio: 'ignore',
  });
  const pid = child.pid ?? 0;
  if (!alive) await new Promise((resolve) => child.once('exit', resolve));
  return { pid, stop: () => child.kill('SIGKILL') };
}

describe('a run of a workbook another process is running', () => {
  type Box = Awaited<ReturnType<typeof scratch>>;
  let box: Box;
  beforeEach(async () => {
    box = await scratch();
  });
  afterEach(async () => {
    await box.cleanup();
  });

  const run = () =>
    karnameh(
      ['run', '--workbook', box.workbook, '--month', '1403-04', '--outbox', box.outbox],
      {},
      NOW,
    );
  const runsOfBox = async () =>
    readRunsLog(findTab(await createXlsxStore(box.workbook).read(), 'runs'));
  const lockOf = async (pid: number) =>
    writeFile(
      await lockPath(box.workbook, 'lock'),
      JSON.stringify({
        pid,
        host: hostname(),
        startedAt: NOW.toISOString(),
        runId: 'r-other',
        month: '1403-04',
      }),
    );

  it('stops with "in progress" (exit 1), sends nothing, and records that it stopped', async () => {
    const other = await otherProcess(true);
    try {
      await lockOf(other.pid);
      const result = await run();
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('in progress');
      expect(result.stderr).toContain(`process ${other.pid}`);
      // one plain line naming the workbook's run, not a message nested in another
      expect(result.stderr.match(/in progress/g)).toHaveLength(1);
      await expect(readdir(box.outbox)).rejects.toThrow();
      const runs = await runsOfBox();
      expect(runs.map((e) => [e.kind, e.status])).toEqual([['run', 'blocked']]);
      expect(runs[0]?.detail).toContain('در جریان');
    } finally {
      other.stop();
    }
  });

  it('takes over at once the lock of a process that is gone, saying so', async () => {
    const gone = await otherProcess(false);
    await lockOf(gone.pid);
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('taken over');
    expect(result.stderr).toContain('written as .eml for 3');
  });

  it('does not wait for a recent claim whose process on this host is gone', async () => {
    const gone = await otherProcess(false);
    const example = await createXlsxStore(EXAMPLE).read();
    const path = join(box.dir, 'crashed.xlsx');
    const claim = started(1, claimDetail({ pid: gone.pid, host: hostname() }));
    await writeWorkbookXlsx(
      { tabs: [...example.tabs, { name: 'اجراها', rows: runsRows([claim]) }] },
      path,
    );
    const result = await karnameh(
      ['run', '--workbook', path, '--month', '1403-04', '--outbox', box.outbox],
      {},
      NOW,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('stopped without finishing');
    expect(result.stderr).toContain('written as .eml for 3');
  });
});
