import { cardsToSend, type CardsToSendInput } from '../core/cards/cards-to-send.ts';
import type { PreviewWriter, RenderCard, RenderedCard } from '../ports.ts';

export interface CardPreviewPorts {
  renderCard?: RenderCard;
  preview?: PreviewWriter;
}

/**
 * `--dry-run`: renders every card the run would send (cardsToSend) into the preview's
 * `cards/` folder; returns the paths written (none without a card renderer or writer).
 */
export async function previewCards(
  ports: CardPreviewPorts,
  input: CardsToSendInput,
): Promise<string[]> {
  const { renderCard, preview } = ports;
  if (!renderCard || !preview?.writeCards) return [];
  const rendered: { agencyId: string; card: RenderedCard }[] = [];
  for (const card of cardsToSend(input)) {
    rendered.push({ agencyId: card.agencyId, card: await renderCard(card.view) });
  }
  return preview.writeCards(rendered);
}
