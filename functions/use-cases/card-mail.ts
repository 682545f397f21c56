// The email of one agency's report card.
import type { CardToSend } from '../core/cards/cards-to-send.ts';
import type { OutgoingMail, RenderedCard } from '../ports.ts';

/**
 * The email of one card: to the agency's public-relations office alone (the address of the
 * agencies tab, or `--to` for a test copy), no attachment; the run id and the content hash
 * in its headers (docs/texts.md#the-texts: nothing internal in the text).
 */
export function cardMail(card: CardToSend, rendered: RenderedCard): OutgoingMail {
  return {
    to: { email: card.email, name: `روابط‌عمومی ${card.name}` },
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    attachments: [],
    headers: { 'X-Karnameh-Run': card.trace.runId, 'X-Karnameh-Digest': card.trace.contentHash },
  };
}
