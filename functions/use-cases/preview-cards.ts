/** `--dry-run`'s cards: every card the run would send rendered into the preview folder. */
import { cardsToSend, type CardsToSendInput } from '../core/cards/cards-to-send.ts';
import type { PreviewCard, PreviewWriter, RenderCard } from '../ports.ts';

export interface CardPreviewPorts {
  renderCard?: RenderCard;
  preview?: PreviewWriter;
}

/**
 * `--dry-run`: renders every card the run would send (cardsToSend) into the preview's
 * `cards/` folder, one at a time (each written before the next is rendered); returns the
 * paths written (none without a card renderer or writer).
 */
export async function previewCards(
  ports: CardPreviewPorts,
  input: CardsToSendInput,
): Promise<string[]> {
  const { renderCard, preview } = ports;
  if (!renderCard || !preview?.writeCards) return [];
  async function* rendered(render: RenderCard): AsyncGenerator<PreviewCard> {
    for (const card of cardsToSend(input)) {
      yield { agencyId: card.agencyId, card: await render(card.view) };
    }
  }
  return preview.writeCards(rendered(renderCard));
}
