/**
 * The monthly job, step by step (each step in run-month/ or delivery-ledger/):
 * 1. read and decide: read the workbook, compute the month, decide whether the data lets
 *    it go out (read-and-decide.ts);
 * 2. claim the month: one run at a time across processes (delivery-ledger/claim.ts);
 * 3. plan: who gets the release, from the runs tab as it is now (plan-deliveries.ts);
 * 4. record intent, deliver in batches, record outcomes (delivery-ledger/deliver.ts): the
 *    release, then the agencies' cards (run-month/plan-cards.ts, deliver-cards.ts), in the
 *    same claim; the run row's end covers both (report.ts closingWithCards);
 * 5. report: what went out, what did not (report.ts).
 */
import { KarnamehError } from '../core/contract/errors.ts';
import { liveClaims, type ProcessHere } from '../core/runs/run-claims.ts';
import { readRunsLog } from '../core/contract/runs-log.ts';
import { deliveryState } from '../core/contract/runs-state.ts';
import { resultsTabRows } from '../core/runs/results-tab.ts';
import { findTab } from '../core/contract/tab-lookup.ts';
import { claimRun, processHere, type Claim } from './delivery-ledger/claim.ts';
import { deliverInBatches } from './delivery-ledger/deliver.ts';
import { foldJournals, openJournal } from './delivery-ledger/journal-fold.ts';
import { checkPace } from './run-month/pace-check.ts';
import { itemsFor, releaseInput } from './run-month/release-items.ts';
import { ledgerEntry, writesOnly } from './delivery-ledger/ledger.ts';
import { dryRun, outcomeOf, problemsTab, stopRun, writeLogged } from './run-month/outcome.ts';
import { planDeliveries, type DeliveryPlan } from './run-month/plan-deliveries.ts';
import { closeAfterRelease } from './run-month/close-after-release.ts';
import { decide, readMonth, type MonthRun } from './run-month/read-and-decide.ts';
import { closingRow, reportDelivery } from './run-month/report.ts';
import { cardItems, planCards, testCardItems, type CardPlan } from './run-month/plan-cards.ts';
import { deliverCards, sendCardsOnly } from './run-month/deliver-cards.ts';
import { sitePublisher } from './run-month/publish-month.ts';
import type { DeliveryResult } from './delivery-ledger/deliver.ts';
import type { RunMonthOptions, RunMonthOutcome, RunMonthPorts } from './run-month/types.ts';

export type { RunMonthOptions, RunMonthOutcome, RunMonthPorts } from './run-month/types.ts';
import { CORRECTION_NOTE, TEST_COPY_NOTE } from '../core/runs/run-notes.ts';

/** The monthly job: read, check, compute, write the output tabs, send the release. */
export async function runMonth(
  ports: RunMonthPorts,
  options: RunMonthOptions = {},
): Promise<RunMonthOutcome> {
  // 1. Read and decide.
  const run = await readMonth(ports, options);
  const decision = decide(run);
  if (decision.kind === 'stop') return stopRun(run, decision.message, decision.detail);
  if (decision.kind === 'data-changed') {
    return stopRun(run, decision.message, decision.detail, 'already-sent');
  }
  if (decision.kind === 'dry-run') return dryRun(run, decision.note);
  if (decision.kind === 'dry-blocked') {
    const message = `dry run: nothing written, nothing sent (BLOCKED: ${decision.message})`;
    return outcomeOf(run, 'blocked', 1, message);
  }
  if (options.testTo) return sendTestCopy(run, options.testTo);
  const here = ports.here ?? processHere();
  // Nothing to send by the runs tab as read, and no other run at it: stopping sends nothing,
  // so it needs no claim (a stale read can only make a run claim, never send twice).
  const runsAsRead = run.runsRead;
  const early = planDeliveries(run, runsAsRead);
  // (The cards are planned only when the release has nothing to send: a run that sends plans
  // them once, after its claim.)
  const earlyCards = early.kind === 'stop' ? planCards(run, runsAsRead) : null;
  // (A journal of an earlier run waits to be written into the runs tab: that needs the claim.)
  if (
    early.kind === 'stop' &&
    earlyCards?.send.length === 0 &&
    !run.journaled &&
    !otherRunAt(run, here)
  ) {
    return closeUnsent(run, null, early, earlyCards.unconfirmed);
  }

  // 2. Claim the month (a store that cannot be written says so before anything is sent).
  await run.ports.store.checkWritable();
  const claim = await claimRun(run.ledger, here);
  try {
    for (const note of claim.notes) ports.log.warn(note, { runId: run.runId, month: run.month });
    // What earlier runs journaled goes into the runs tab before anything is decided.
    await foldJournals(run.ledger, ports.journal, claim);
    // 3. Who gets it, from the runs tab as it is now.
    const plan = planDeliveries(run, claim.runs);
    const cards = planCards(run, claim.runs);
    if (plan.kind === 'stop' && (plan.status === 'blocked' || cards.send.length === 0)) {
      return await closeUnsent(run, claim, plan, cards.unconfirmed);
    }
    const count = (plan.kind === 'send' ? plan.recipients.length : 0) + cards.send.length;
    checkPace(run.ledger, ports.mailer, count, options.sendingLimit);
    await openJournal(run.ledger, ports.journal, here);
    // 4. Record intent, deliver in batches, record outcomes (the release, then the
    // agencies' cards); 5. report.
    const outcome =
      plan.kind === 'stop'
        ? await sendCardsOnly(run, claim, plan, cards)
        : await sendRelease(run, claim, plan, cards);
    // Every outcome is in the runs tab now: the journal has nothing more to say.
    await run.ledger.journal?.finish();
    // A month opened and never closed is closed by the run that sends its release.
    if (plan.kind !== 'stop') await closeAfterRelease(run, outcome);
    return outcome;
  } catch (error) {
    await run.ledger.journal?.leave();
    await closeFailed(run, claim, error);
    throw error;
  } finally {
    await claim.release();
  }
}

function mailer(run: MonthRun) {
  const { mailer } = run.ports;
  if (!mailer)
    throw new KarnamehError('internal', 'runMonth: a mailer is needed for a run that sends');
  return mailer;
}

async function sendRelease(
  run: MonthRun,
  claim: Claim,
  plan: Extract<DeliveryPlan, { kind: 'send' }>,
  cards: CardPlan,
): Promise<RunMonthOutcome> {
  // Rendered before any delivery is announced (the cards too, so that the release's last
  // record can wait for the cards' first write): a template that fails leaves no `pending` row.
  const rendered = await run.ports.render(releaseInput(run, plan.correction));
  const items = await itemsFor(plan.recipients, rendered);
  const cardList = await cardItems(run, cards);
  const lead = plan.correction ? CORRECTION_NOTE : '';
  const results = run.computed
    ? resultsTabRows(findTab(run.raw, 'results'), run.computed.month, run.runId)
    : undefined;
  let release: DeliveryResult | null = null;
  const site = sitePublisher(run, rendered, plan.correction, () => release);
  const result = await deliverInBatches(run.ledger, claim.entry, {
    // A month sent before and sent again on purpose (--force): its rows say `correction`.
    kind: plan.correction ? 'correction' : 'release',
    items,
    mailer: mailer(run),
    limits: run.options.limits,
    signal: run.options.signal,
    firstWrite: { problems: problemsTab(run), ...(results ? { results } : {}) },
    runRowWritten: true,
    // With cards to follow, the release's last record goes with the cards' first write.
    ...(cards.send.length === 0
      ? {
          beforeClose: async (r: DeliveryResult) => {
            release = r;
            await site.beforeClose();
          },
          closeRun: (r: DeliveryResult) => site.close(closingRow(r, lead)),
        }
      : { carryLast: true }),
  });
  release = result;
  const what = plan.correction ? 'correction' : 'release';
  if (cards.send.length === 0) {
    const outcome = reportDelivery(run, result, what, plan.unconfirmed);
    return site.report({ ...outcome, releaseKind: what });
  }
  // Cards go only after a release that reached someone (now or before) and was not stopped;
  // otherwise the empty card job just closes the run row.
  // (A recipient whose address keeps failing must not hold the cards back for ever.)
  const outbox = writesOnly(run.ports.mailer, run.options.outbox);
  const sentBefore = deliveryState(claim.runs, run.month, 'release', run.runId, outbox).monthSent;
  const released = result.outcomes.some((o) => o.status === 'sent') || sentBefore;
  const go = released && !result.interrupted;
  const cardResult = await deliverCards(run, claim, go ? cardList : [], {
    release: result,
    lead,
    site,
  });
  const outcome = reportDelivery(run, result, what, plan.unconfirmed, {
    result: cardResult,
    heldBack: cards.unconfirmed,
  });
  return site.report({ ...outcome, releaseKind: what });
}

/** Whether the runs tab as read shows a live claim of the month (another run sending). */
function otherRunAt(run: MonthRun, here: ProcessHere): boolean {
  const runs = readRunsLog(findTab(run.raw, 'runs'));
  return liveClaims(runs, run.month, run.ports.now(), here, run.runId).length > 0;
}

/** Nothing to send (already sent; only unconfirmed left): the run row (its claim, if any) says so. */
async function closeUnsent(
  run: MonthRun,
  claim: Claim | null,
  plan: Extract<DeliveryPlan, { kind: 'stop' }>,
  cardsHeld: readonly string[] = [],
): Promise<RunMonthOutcome> {
  const entry = claim?.entry ?? ledgerEntry(run.ledger, { kind: 'run', status: plan.status });
  Object.assign(entry, {
    status: plan.status,
    detail: plan.detail,
    at: run.ports.now().toISOString(),
  });
  const written = await writeLogged(run, {
    outputs: { problems: problemsTab(run) },
    runs: [entry],
  });
  const code = plan.status === 'blocked' ? 1 : 0;
  // Cards never confirmed by an earlier run are named here too, not only when cards go out.
  const held =
    cardsHeld.length > 0 ? `; cards never confirmed, held back: ${cardsHeld.join(', ')}` : '';
  return outcomeOf(run, plan.status, code, `${plan.message}${held}`, {
    written,
    unconfirmed: [...plan.unconfirmed, ...cardsHeld],
  });
}

/** A run that failed after its claim leaves no live claim behind (best effort). */
async function closeFailed(run: MonthRun, claim: Claim, error: unknown): Promise<void> {
  if (claim.entry.status !== 'started') return;
  const why = error instanceof Error ? error.message : String(error);
  Object.assign(claim.entry, { status: 'failed', detail: why, at: run.ports.now().toISOString() });
  await run.ports.store.write({ outputs: {}, runs: [claim.entry] }).catch(() => undefined);
}

/** A test copy (--to): one address, rows of kind `test`, never counted as the month sent. */
async function sendTestCopy(run: MonthRun, to: string): Promise<RunMonthOutcome> {
  const items = run.options.testAgency
    ? await testCardItems(run, to, run.options.testAgency)
    : await itemsFor(
        [{ email: to, name: null }],
        await run.ports.render(releaseInput(run, false, true)),
      );
  const entry = ledgerEntry(run.ledger, {
    kind: 'test',
    status: 'started',
    detail: TEST_COPY_NOTE,
  });
  const result = await deliverInBatches(run.ledger, entry, {
    kind: 'test',
    ...(run.options.testAgency ? { place: 'card' as const } : {}),
    items,
    mailer: mailer(run),
    signal: run.options.signal,
    firstWrite: { problems: problemsTab(run) },
    closeRun: (r) => closingRow(r, TEST_COPY_NOTE),
  });
  const what = run.options.testAgency
    ? `test copy of ${run.options.testAgency}'s card`
    : 'test copy';
  return { ...reportDelivery(run, result, what, [], undefined, true), releaseKind: 'test' };
}
