/** The card renderer: an agency's card from its Handlebars templates (subject, HTML, text). */
import { resolve } from 'node:path';
import type Handlebars from 'handlebars';
import type { CardView } from '../../../core/cards/card-view.ts';
import { persianDigits } from '../../../core/language/persian-text.ts';
import type { RenderedCard } from '../../../ports.ts';
import {
  compileMailTemplates,
  defaultTemplatesDir,
  renderMailParts,
  type MailContext,
} from './mail-templates.ts';

/** The card's template files, in `templates/` (no partials: the card is short). */
export const CARD_TEMPLATES = {
  html: 'card.html.hbs',
  text: 'card.text.hbs',
  subject: 'card.subject.hbs',
} as const;

/** The card's own helper: `digits`, a number or a text in Persian digits. */
function cardHelpers(env: typeof Handlebars): void {
  env.registerHelper('digits', (value: unknown) =>
    typeof value === 'number' ? persianDigits(value) : persianDigits(String(value ?? '')),
  );
}

/**
 * Compiles the card templates once and returns the renderer: subject (one line), HTML
 * (sheet values escaped) and text part, for one agency's card.
 */
export function createCardRenderer(
  templatesDir: string = defaultTemplatesDir(),
): (view: CardView) => RenderedCard {
  const dir = resolve(templatesDir);
  const templates = compileMailTemplates<MailContext<CardView>>(
    dir,
    CARD_TEMPLATES,
    'card',
    cardHelpers,
  );
  return (view) => {
    const { subject, html, text } = renderMailParts(templates, { view });
    return { subject, html, text };
  };
}
