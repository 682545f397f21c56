/**
 * The agencies' cards of a run planned: which go now, as ledger items, in batches of what
 * size (deliver-cards.ts sends them). They go after the release inside the same claim (issue 12): kind
 * `card` in the runs tab, one row per agency under the key `<agencyId>:<email lower-case>`,
 * its content hash (the `digest` column) the card's (core/figures/content-hash.ts), its detail the message id. Exactly once per agency
 * per month through the delivery ledger; a plain rerun sends the cards never confirmed sent
 * (failed, skipped, never tried), even when the release itself has nobody left; `--force`
 * on a month already sent re-sends, marked «اصلاحیه», only the cards whose hash changed.
 */
import { lastCardHashes } from '../../core/runs/card-hashes.ts';
import {
  cardsToSend,
  type CardToSend,
  type CardsToSendInput,
} from '../../core/cards/cards-to-send.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import { type RunsEntry } from '../../core/contract/runs-log.ts';
import { deliveryState } from '../../core/contract/runs-state.ts';
import { cardMail } from '../card-mail.ts';
import { writesOnly, type DeliveryLimits, type LedgerItem } from '../delivery-ledger/ledger.ts';
import type { MonthRun } from './read-and-decide.ts';

/**
 * Card batches: up to 100 cards or 30 s of sending between two ledger writes (the release
 * keeps 25 / 10 s). A write after messages went out updates rows of the runs tab, which
 * costs a Sheet two calls (read the tab, write); the first card batch is announced in the
 * same write as the release's last outcomes. So a month of 200 cards costs 10 calls: read
 * 2, claim 1 (read back from its batch's answer), the release announced 1 (rows added
 * only), then 2 for each of release-outcomes-with-cards, first batch's outcomes with the
 * second announced, the last outcomes with the run row's end (card-cost.test.ts). Batches
 * of 25 would make it 22; one batch of 200 would save 2 calls but leave twice as many
 * agencies in doubt after a kill -9, so the batch stays at 100: a kill -9 during the cards
 * leaves at most 100 cards `pending`, held back as unconfirmed until `--resend-unconfirmed`,
 * never sent twice. The 30 s bound keeps the claim's heartbeat (10 minutes) and the
 * window of doubt short at a slow pace (SMTP_RATE).
 */
export const CARD_LIMITS: DeliveryLimits = { maxMessages: 100, maxMs: 30_000 };

export interface CardPlan {
  /** Cards to send now, with whether each is a correction. */
  send: { card: CardToSend; key: string; hash: string; correction: boolean }[];
  /** Keys held back: their earlier card was never confirmed (sent with --resend-unconfirmed). */
  unconfirmed: string[];
}

/** The run's cards (core/cards/cards-to-send.ts): plain, as corrections, or one test copy. */
function runCards(
  run: MonthRun,
  computed: NonNullable<MonthRun['computed']>,
  kind: Pick<CardsToSendInput, 'correction' | 'testCopy'>,
): CardToSend[] {
  const { model, problems } = run.parsed;
  const trace = {
    runId: run.runId,
    contentHash: run.ledger.contentHash,
    computedAt: run.startedAt,
  };
  return cardsToSend({ model, problems, computed, ...trace, ...kind });
}

const cardKey = (card: CardToSend): string => `${card.agencyId}:${card.email.toLowerCase()}`;

/** Which cards go now, from the runs tab as it is (pure). None without a card renderer. */
export function planCards(run: MonthRun, runs: readonly RunsEntry[]): CardPlan {
  const plan: CardPlan = { send: [], unconfirmed: [] };
  if (!run.computed || !run.ports.renderCard) return plan;
  const cards = runCards(run, run.computed, { correction: false });
  const outbox = writesOnly(run.ports.mailer, run.options.outbox);
  const state = deliveryState([...runs], run.month, 'card', run.runId, outbox);
  const held = new Set(state.unconfirmed.map((e) => e.recipient));
  const hashes = lastCardHashes(runs, run.month, outbox);
  const { force, resendUnconfirmed } = run.options;
  for (const card of cards) {
    const key = cardKey(card);
    const hash = card.contentHash;
    if (state.reached.has(key)) {
      if (force && hashes.get(key) !== hash) plan.send.push({ card, key, hash, correction: true });
    } else if (held.has(key) && !force && !resendUnconfirmed) plan.unconfirmed.push(key);
    else plan.send.push({ card, key, hash, correction: false });
  }
  return plan;
}

/** The ledger items of the plan, rendered (corrections say «اصلاحیه»). */
export async function cardItems(run: MonthRun, plan: CardPlan): Promise<LedgerItem[]> {
  const renderCard = run.ports.renderCard;
  if (!renderCard || !run.computed || plan.send.length === 0) return [];
  const corrected = plan.send.some((s) => s.correction)
    ? new Map(runCards(run, run.computed, { correction: true }).map((c) => [c.agencyId, c]))
    : new Map<string, CardToSend>();
  const items: LedgerItem[] = [];
  for (const { card, key, hash, correction } of plan.send) {
    const chosen = (correction && corrected.get(card.agencyId)) || card;
    items.push({
      key,
      mail: cardMail(chosen, await renderCard(chosen.view)),
      contentHash: hash,
    });
  }
  return items;
}

/**
 * `--to ADDRESS --agency ID`: that agency's card alone, addressed to ADDRESS and marked
 * «نسخه آزمایشی» (recorded as kind `test`: never counts as the agency's card sent).
 */
export async function testCardItems(
  run: MonthRun,
  to: string,
  agencyId: string,
): Promise<LedgerItem[]> {
  const { renderCard } = run.ports;
  if (!run.computed) return [];
  if (!renderCard) {
    throw new KarnamehError('internal', 'runMonth: --agency needs a card renderer');
  }
  const [card] = runCards(run, run.computed, { correction: false, testCopy: { to, agencyId } });
  if (!card) return [];
  return [{ key: to.toLowerCase(), mail: cardMail(card, await renderCard(card.view)) }];
}
