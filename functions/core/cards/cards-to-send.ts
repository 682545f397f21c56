// Which agencies get a report card this run, and each card's content and trace.
import type { ComputedResults } from '../figures/compute-summary.ts';
import { cardContentHash } from './card-content-hash.ts';
import { KarnamehError } from '../contract/errors.ts';
import type { Model } from '../contract/model.ts';
import { normalizeName } from '../language/normalize.ts';
import type { Problem } from '../contract/problems.ts';
import { CardFacts } from './card-facts.ts';
import { cardView, type CardView } from './card-view.ts';

/**
 * Whether agencies get their cards this month: the `agency_cards` setting (کارنامه
 * دستگاه‌ها) when written, else yes when any active agency has an email (docs/workbook.md#settings).
 */
export function agencyCardsOn(model: Model): boolean {
  return model.settings.agencyCards ?? model.agencies.some((a) => a.active && a.emails.length > 0);
}

export interface CardsToSendInput {
  model: Model;
  problems: readonly Problem[];
  /** The release's computation (computeResults); the cards come from it, nothing is recomputed. */
  computed: ComputedResults;
  runId: string;
  contentHash: string;
  computedAt: Date;
  /** A correction run (`--force` after the month was sent): every card says «اصلاحیه». */
  correction: boolean;
  /**
   * `--to ADDRESS --agency ID`: that agency's card only, addressed to ADDRESS and marked
   * «نسخه آزمایشی», whatever agency_cards says and whether or not the agency has an email.
   */
  testCopy?: { to: string; agencyId: string };
}

/** One card to send: what the delivery ledger records (kind `card`) and what is rendered. */
export interface CardToSend {
  agencyId: string;
  /** The address as written in the agencies tab (or `--to`). */
  email: string;
  /** The agency's name as shown, for the To header. */
  name: string;
  view: CardView;
  /**
   * The content hash of the facts the card states about the agency (core/figures/content-hash.ts),
   * without the wording, run id, time or marks: equal for two runs exactly when the card
   * says the same thing about it, so a correction goes only to agencies whose card changed.
   */
  contentHash: string;
  /** The run id and the card's content hash, for the mail headers (never in the card's text). */
  trace: { runId: string; contentHash: string };
}

/**
 * The cards of the run: for each active agency, one to each of its addresses (not one it
 * shares with another agency), in the order of the agencies tab, when agency_cards is on (none when off); or the one test copy. Pure: the same
 * input always gives the same cards.
 */
export function cardsToSend(input: CardsToSendInput): CardToSend[] {
  const { model, problems, computed } = input;
  const facts = new CardFacts(model, problems, computed);
  const context = {
    runId: input.runId,
    contentHash: input.contentHash,
    computedAt: input.computedAt,
    correction: input.correction && !input.testCopy,
    testCopy: input.testCopy !== undefined,
  };
  const card = (agencyId: string, email: string): CardToSend => {
    const view = cardView(facts, agencyId, context);
    const contentHash = cardContentHash(facts, agencyId);
    // The mail headers name the run and the hash of what this card states (never its text).
    const trace = { runId: input.runId, contentHash };
    return { agencyId, email, name: view.agencyName, view, contentHash, trace };
  };
  if (input.testCopy) {
    const { to, agencyId } = input.testCopy;
    // Matched as the scores tab matches ids: `D004` and `d۰۰۴` are d004 (normalize.ts).
    const key = normalizeName(agencyId);
    const agency = model.agencies.find((a) => normalizeName(a.id) === key);
    if (!agency || !agency.active || !facts.has(agency.id)) {
      throw new KarnamehError('usage', `--agency ${agencyId}: no active agency with that id`);
    }
    return [card(agency.id, to)];
  }
  if (!agencyCardsOn(model)) return [];
  return model.agencies
    .filter((a) => a.active && facts.has(a.id))
    .flatMap((a) => a.emails.map((email) => card(a.id, email)));
}
