/**
 * What the run gate needs to know about the month's messages beyond the figures (pure):
 * each card's content hash now, by its ledger key, when a card of the month was sent
 * before (else none: nothing to compare), and who has not been reached yet, to be named
 * when a changed month sends nothing.
 */
import { agencyCardsOn } from '../../core/cards/cards-to-send.ts';
import { CardFacts } from '../../core/cards/card-facts.ts';
import { lastCardHashes } from '../../core/runs/card-hashes.ts';
import type { ComputedResults } from '../../core/figures/compute-summary.ts';
import { cardContentHash } from '../../core/cards/card-content-hash.ts';
import type { MonthKey } from '../../core/language/jalali.ts';
import type { Model } from '../../core/contract/model.ts';
import type { Problem } from '../../core/contract/problems.ts';
import { type RunsEntry } from '../../core/contract/runs-log.ts';
import { deliveryState } from '../../core/contract/runs-state.ts';

/** The agencies that get a card this month: key `<agencyId>:<email lower-case>`. */
function cardKeys(model: Model, computed: ComputedResults): { key: string; id: string }[] {
  if (!agencyCardsOn(model)) return [];
  const active = new Set(computed.month.agencies.map((a) => a.id));
  return model.agencies
    .filter((a) => a.active && active.has(a.id))
    .flatMap((a) => a.emails.map((email) => ({ key: `${a.id}:${email.toLowerCase()}`, id: a.id })));
}

export function gateFacts(
  model: Model,
  problems: readonly Problem[],
  computed: ComputedResults | null,
  runs: readonly RunsEntry[],
  month: MonthKey,
  /** The run only writes .eml files: what earlier outbox runs wrote counts as reached. */
  outbox = false,
): { cardHashes: Map<string, string>; notReached: string[] } {
  const cardHashes = new Map<string, string>();
  const cards = computed ? cardKeys(model, computed) : [];
  if (computed && cards.length > 0 && lastCardHashes(runs, month, outbox).size > 0) {
    const facts = new CardFacts(model, problems, computed);
    for (const { key, id } of cards) cardHashes.set(key, cardContentHash(facts, id));
  }
  const released = deliveryState(runs, month, 'release', '', outbox).reached;
  const carded = deliveryState(runs, month, 'card', '', outbox).reached;
  const notReached = [
    ...new Set(model.recipients.map((r) => r.email.toLowerCase()).filter((e) => !released.has(e))),
    ...cards.filter((c) => !carded.has(c.key)).map((c) => `card ${c.key}`),
  ];
  return { cardHashes, notReached };
}
