/** Claiming a month before sending: the lock, the run row naming this process, the read-back. */
import { hostname } from 'node:os';
import { KarnamehError } from '../../core/contract/errors.ts';
import {
  claimDetail,
  deadClaim,
  deadClaims,
  liveClaims,
  type ProcessHere,
} from '../../core/runs/run-claims.ts';
import {
  readRunsLog,
  runsHeaderGaps,
  runsHeaderMessage,
  runsKey,
  type RunsEntry,
} from '../../core/contract/runs-log.ts';
import type { RunLock } from '../../ports.ts';
import { ledgerEntry, ledgerWrite, type LedgerRun } from './ledger.ts';

/** This process, for claims: its host and pid, and whether a pid of this host is alive. */
export function processHere(): ProcessHere {
  return {
    host: hostname(),
    pid: process.pid,
    alive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code !== 'ESRCH';
      }
    },
  };
}

/** The claim cannot be read back: say why when row 1 of the runs tab is not its header. */
function claimNotFound(runId: string, gaps: string[]): KarnamehError {
  if (gaps.length === 0) {
    return new KarnamehError(
      'source.write_failed',
      `the claim of run ${runId} is not in the runs tab after it was written`,
    );
  }
  return new KarnamehError('source.write_failed', `nothing was sent: ${runsHeaderMessage(gaps)}`);
}

export interface Claim {
  /** This run's `run` row, `started`; deliveries refresh its `at`, the run's end sets its status. */
  entry: RunsEntry;
  /** The runs log as read right after the claim was recorded: decide from this. */
  runs: RunsEntry[];
  /** Runs found dead (a lock taken over, claims of runs that are gone), for the log. */
  notes: string[];
  release(): Promise<void>;
}

/**
 * Claims the month for this run, or throws `run.in_progress` (after recording this run's
 * row as `blocked`, so the runs tab holds every attempt):
 * 1. a store that can lock across processes (an .xlsx) takes its lock: a live holder refuses;
 * 2. the run row is written `started`, naming this process (the claim);
 * 3. the runs tab is read back. Without a lock, a live claim of the month above this one
 *    in the tab wins (every run reads the same order, so of two only the first sends);
 *    claims of runs that are gone (run-claims.ts) are passed over and named in `notes`.
 */
export async function claimRun(run: LedgerRun, here: ProcessHere, detail = ''): Promise<Claim> {
  /** Records the refusal; `message` is the whole line a person reads (it names the other run). */
  const refuse = async (why: string, message: string): Promise<never> => {
    await ledgerWrite(run, {
      outputs: {},
      runs: [
        ledgerEntry(run, {
          kind: 'run',
          status: 'blocked',
          detail: `اجرای دیگری از این ماه در جریان است: ${why}`,
        }),
      ],
    });
    throw new KarnamehError('run.in_progress', message);
  };
  let lock: RunLock | null = null;
  try {
    lock = (await run.store.lockRun?.({ runId: run.runId, month: run.month })) ?? null;
  } catch (error) {
    if (error instanceof KarnamehError && error.code === 'run.in_progress') {
      // The lock is the workbook's: its message names the run that holds it, and its month.
      return refuse(error.message.replace(/; try again when it is done$/, ''), error.message);
    }
    throw error;
  }
  const release = async () => {
    await lock?.release();
  };
  const entry = ledgerEntry(run, {
    kind: 'run',
    status: 'started',
    detail: [claimDetail(here), detail].filter(Boolean).join('؛ '),
  });
  try {
    const written = await ledgerWrite(run, { outputs: {}, runs: [entry] });
    // Under a lock the tab as written is the tab as it is; a store that saw the tab the
    // moment the claim landed (a Sheet's batch answer) says so; otherwise read it back.
    const tab =
      written.runsLanded ??
      (lock && written.runsAfter ? written.runsAfter : await run.store.readRuns());
    const runs = readRunsLog(tab);
    const now = run.now();
    const mine = runs.findIndex((e) => runsKey(e) === runsKey(entry));
    if (mine < 0) throw claimNotFound(run.runId, runsHeaderGaps(tab));
    if (!lock) {
      const earlier = liveClaims(runs.slice(0, mine), run.month, now, here, run.runId);
      const first = earlier[0];
      if (first) {
        entry.status = 'blocked';
        entry.detail = `اجرای دیگری از این ماه در جریان است: ${first.runId}`;
        entry.at = now.toISOString();
        await ledgerWrite(run, { outputs: {}, runs: [entry] });
        throw new KarnamehError(
          'run.in_progress',
          `a run of ${run.month} is in progress (${first.runId}, ${first.detail}, last recorded ${first.at}); try again when it is done`,
        );
      }
    }
    const notes = [
      ...(lock?.note ? [lock.note] : []),
      ...deadClaims(runs, run.month, now, here, run.runId).map(
        (e) =>
          `run ${e.runId} of ${e.month} stopped without finishing: ${deadClaim(e, now, here) ?? ''}`,
      ),
    ];
    return { entry, runs, notes, release };
  } catch (error) {
    await release();
    throw error;
  }
}
