/**
 * The delivery journal in a run (the command line; ports.ts DeliveryJournal): after the
 * claim, the journals of earlier runs that are over are folded into the runs tab (one write)
 * before anything is decided; then this run's journal is opened, so each message's attempt
 * and outcome are on disk as they happen (deliver.ts). A journal is removed only once what
 * it says is in the runs tab: a crash between the fold's write and the removal folds it
 * again, which changes nothing (core/runs/delivery-journal.ts `foldJournal`).
 */
import { foldJournal, foldSummary, upsertEntries } from '../../core/runs/delivery-journal.ts';
import type { ProcessHere } from '../../core/runs/run-claims.ts';
import type { DeliveryJournal } from '../../ports.ts';
import type { Claim } from './claim.ts';
import { ledgerWrite, type LedgerRun } from './ledger.ts';

/** Folds the journals of earlier runs into the runs tab; `claim.runs` then holds them too. */
export async function foldJournals(
  run: LedgerRun,
  journal: DeliveryJournal | undefined,
  claim: Claim,
): Promise<void> {
  if (!journal) return;
  const earlier = (await journal.earlier()).filter((j) => j.header.runId !== run.runId);
  if (earlier.length === 0) return;
  const fields = { runId: run.runId, month: run.month };
  const rows = earlier.flatMap((j) => foldJournal(claim.runs, j, run.now()));
  if (rows.length === 0) {
    // Runs that recorded everything themselves and stopped before removing their journal.
    await journal.forget(earlier);
    return;
  }
  await ledgerWrite(run, { outputs: {}, runs: rows });
  claim.runs = upsertEntries(claim.runs, rows);
  const ids = earlier.map((j) => j.header.runId);
  run.log.info(foldSummary(ids, rows), fields);
  const cut = earlier.filter((j) => j.unreadable > 0);
  for (const j of cut) {
    run.log.info(
      `the journal of run ${j.header.runId} ended with ${j.unreadable} unreadable line(s) (cut short when it stopped): ignored`,
      fields,
    );
  }
  await journal.forget(earlier);
}

/** Opens this run's journal (`run.journal`); where it cannot be written, says so and goes on. */
export async function openJournal(
  run: LedgerRun,
  journal: DeliveryJournal | undefined,
  here: ProcessHere,
): Promise<void> {
  if (!journal) return;
  const opened = await journal.open({
    runId: run.runId,
    month: run.month,
    pid: here.pid,
    host: here.host,
    requestedBy: run.requestedBy,
    digest: run.contentHash,
    at: run.now().toISOString(),
  });
  if (opened.journal) {
    run.journal = opened.journal;
    return;
  }
  run.log.warn(
    `no delivery journal (${opened.why}): this run records its deliveries in batches only, so after a crash up to a batch may be left never confirmed`,
    { runId: run.runId, month: run.month },
  );
}
