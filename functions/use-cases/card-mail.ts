// The email of one agency's report card.
import type { CardToSend } from '../core/cards/cards-to-send.ts';
import { cardRecipientName } from '../core/cards/card-text.ts';
import { traceHeaders } from '../core/runs/trace-headers.ts';
import type { OutgoingMail, RenderedCard } from '../ports.ts';
import { outgoingMail } from './outgoing-mail.ts';

/**
 * The email of one card: to the agency's public-relations office alone (the address of the
 * agencies tab, or `--to` for a test copy), no attachment; the run id and the content hash
 * in its headers (docs/texts.md#the-texts: nothing internal in the text).
 */
export function cardMail(card: CardToSend, rendered: RenderedCard): OutgoingMail {
  const to = { email: card.email, name: cardRecipientName(card.name) };
  return outgoingMail(to, rendered, traceHeaders(card.trace));
}
