import { spawn } from 'node:child_process';
import { copyFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FOREIGN_LOCK_DEAD_MS,
  LOCK_HEARTBEAT_MS,
  lockPath,
  takeRunLock,
} from '../../../functions/adapters/xlsx/file-lock.ts';
import { createXlsxStore } from '../../../functions/adapters/xlsx/xlsx-store.ts';
import { readRunsLog, type RunsEntry } from '../../../functions/core/contract/runs-log.ts';
import { findTab } from '../../../functions/core/contract/tab-lookup.ts';
import { EXAMPLE, scratch } from '../../support/cli-harness.ts';

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
beforeEach(async () => {
  box = await scratch();
});
afterEach(async () => {
  await box.cleanup();
});

const request = { runId: 'r-1', month: '1403-04' };

describe('the run lock beside an .xlsx', () => {
  it('is one lock for two paths to one file (a symlink), refused while held, free once released', async () => {
    const link = join(box.dir, 'link.xlsx');
    await symlink(box.workbook, link);
    const held = await takeRunLock(box.workbook, request);
    await expect(takeRunLock(link, { runId: 'r-2', month: '1403-04' })).rejects.toMatchObject({
      code: 'run.in_progress',
      message: expect.stringContaining('run r-1 of 1403-04'),
    });
    await held.release();
    const again = await takeRunLock(link, { runId: 'r-2', month: '1403-04' });
    expect(again.note).toBeUndefined();
    await again.release();
    expect((await readdir(box.dir)).filter((f) => f.includes('karnameh-lock'))).toEqual([]);
  });

  it('takes over at once the lock of a process of this host that is gone, with a note', async () => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(
      await lockPath(box.workbook, 'lock'),
      JSON.stringify({ pid: child.pid, host: hostname(), startedAt: '2024-07-25T08:00:00Z' }),
    );
    const lock = await takeRunLock(box.workbook, request);
    expect(lock.note).toContain(`process ${child.pid}`);
    await lock.release();
  });

  it("waits for another machine's lock while it is touched, takes it over once untouched for 10 minutes", async () => {
    const path = await lockPath(box.workbook, 'lock');
    const elsewhere = { pid: 4242, host: `not-${hostname()}`, startedAt: '2024-07-25T08:00:00Z' };
    await writeFile(path, JSON.stringify(elsewhere));
    await expect(takeRunLock(box.workbook, request)).rejects.toMatchObject({
      code: 'run.in_progress',
      message: expect.stringContaining('untouched for 10 minutes'),
    });
    const old = new Date(Date.now() - FOREIGN_LOCK_DEAD_MS - 60_000);
    await utimes(path, old, old);
    const lock = await takeRunLock(box.workbook, request);
    expect(lock.note).toContain(`process 4242 on not-${hostname()}`);
    await lock.release();
  });

  it('is touched every minute while held, so another machine sees it alive', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const lock = await takeRunLock(box.workbook, request);
      const path = await lockPath(box.workbook, 'lock');
      const old = new Date(Date.now() - 5 * 60_000);
      await utimes(path, old, old);
      vi.advanceTimersByTime(LOCK_HEARTBEAT_MS);
      await vi.waitFor(async () =>
        expect((await stat(path)).mtimeMs).toBeGreaterThan(Date.now() - 60_000),
      );
      await lock.release();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so clearly when the folder is not writable', async () => {
    await expect(takeRunLock(join(box.dir, 'missing', 'x.xlsx'), request)).rejects.toMatchObject({
      code: 'source.write_failed',
      message: expect.stringContaining('lock file'),
    });
  });
});

describe('writes of two stores to one .xlsx at once', () => {
  it("take turns: neither run's rows are lost", async () => {
    const path = join(box.dir, 'shared.xlsx');
    await copyFile(EXAMPLE, path);
    const row = (runId: string): RunsEntry => ({
      runId,
      month: '1403-04',
      at: '2024-07-25T08:00:00.000Z',
      kind: 'run',
      status: 'sent',
      recipient: '',
      requestedBy: 'test',
      contentHash: 'd',
      detail: '',
    });
    const ids = Array.from({ length: 6 }, (_, i) => `r-${i}`);
    await Promise.all(
      ids.map((id) => createXlsxStore(path).write({ outputs: {}, runs: [row(id)] })),
    );
    const runs = readRunsLog(findTab(await createXlsxStore(path).read(), 'runs'));
    expect(runs.map((e) => e.runId).sort()).toEqual(ids);
  });
});
