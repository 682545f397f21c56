/**
 * Step 4 for the agencies' cards (plan-cards.ts decides which): through the ledger, kind
 * `card`, after the release and inside its claim; the run row's end covers both kinds.
 */
import { KarnamehError } from '../../core/contract/errors.ts';
import type { Claim } from '../delivery-ledger/claim.ts';
import { deliverInBatches, type Carried, type DeliveryResult } from '../delivery-ledger/deliver.ts';
import type { LedgerItem } from '../delivery-ledger/ledger.ts';
import { outcomeOf, problemsTab } from './outcome.ts';
import type { DeliveryPlan } from './plan-deliveries.ts';
import type { MonthRun } from './read-and-decide.ts';
import { cardsClean, cardsLine, closingWithCards, sentWords } from './report.ts';
import { CARD_LIMITS, cardItems, type CardPlan } from './plan-cards.ts';
import type { SitePublisher } from './publish-month.ts';
import type { RunMonthOutcome } from './types.ts';

function requireMailer(run: MonthRun) {
  const { mailer } = run.ports;
  if (!mailer) throw new KarnamehError('internal', 'runMonth: a mailer is needed for the cards');
  return mailer;
}

/** The release has nobody left (already sent), but some agencies' cards were never sent. */
export async function sendCardsOnly(
  run: MonthRun,
  claim: Claim,
  plan: Extract<DeliveryPlan, { kind: 'stop' }>,
  cards: CardPlan,
): Promise<RunMonthOutcome> {
  const items = await cardItems(run, cards);
  const result = await deliverCards(run, claim, items, { release: null, lead: '' });
  const line = cardsLine(result, cards.unconfirmed, sentWords(run));
  return outcomeOf(run, 'sent', cardsClean(result) ? 0 : 3, `${plan.message}; ${line}`, {
    cards: result.outcomes,
    unconfirmed: [...plan.unconfirmed, ...cards.unconfirmed],
    notSent: result.skipped,
  });
}

/**
 * The cards (rendered: plan-cards.ts `cardItems`) through the ledger (kind `card`); closes
 * the run row for both kinds. Right after the release, its last record comes along
 * (`release.carried`) and goes with the cards' first: no write of its own. With no release
 * in this run, the claim was the last write: the first record only adds the cards' rows.
 */
export async function deliverCards(
  run: MonthRun,
  claim: Claim,
  items: LedgerItem[],
  close: { release: DeliveryResult | null; lead: string; site?: SitePublisher },
): Promise<DeliveryResult> {
  const { site } = close;
  const carried: Carried | undefined = close.release?.carried;
  return deliverInBatches(run.ledger, claim.entry, {
    kind: 'card',
    items,
    mailer: requireMailer(run),
    limits: run.options.limits ?? CARD_LIMITS,
    signal: run.options.signal,
    firstWrite: { problems: problemsTab(run) },
    closeRun: (r) => {
      const row = closingWithCards(close.release, r, close.lead);
      return site ? site.close(row) : row;
    },
    ...(site ? { beforeClose: site.beforeClose } : {}),
    ...(carried ? { carried } : { runRowWritten: true }),
  });
}
