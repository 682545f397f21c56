/** The card renderer: an agency's card from its Handlebars templates (subject, HTML, text). */
import { join, resolve } from 'node:path';
import type Handlebars from 'handlebars';
import type { CardView } from '../../core/cards/card-view.ts';
import { persianDigits } from '../../core/language/persian-text.ts';
import type { RenderedCard } from '../../ports.ts';
import { oneLine } from './one-line.ts';
import { defaultTemplatesDir, packageRoot } from './render-release.ts';
import { handlebarsRuntime, loadTemplate } from './template-cache.ts';

/** The card's template files, in `templates/` (no partials: the card is short). */
export const CARD_TEMPLATES = {
  html: 'card.html.hbs',
  text: 'card.text.hbs',
  subject: 'card.subject.hbs',
} as const;

type Context = { view: CardView; subject: string };
type Template = Handlebars.TemplateDelegate<Context>;

/** A Handlebars environment with `digits` and `ltr`, escaping for HTML only. */
function environment(html: boolean): typeof Handlebars {
  const env = handlebarsRuntime.create();
  env.registerHelper('digits', (value: unknown) =>
    typeof value === 'number' ? persianDigits(value) : persianDigits(String(value ?? '')),
  );
  env.registerHelper('ltr', (value: unknown) => {
    const text = String(value ?? '');
    if (!html) return text;
    return new env.SafeString(`<span dir="ltr">${env.escapeExpression(text)}</span>`);
  });
  return env;
}

/** Precompiled once and cached (template-cache.ts): the compiler runs only for an edited template. */
function load(env: typeof Handlebars, dir: string, file: string, html: boolean): Template {
  const options = { strict: true, noEscape: !html };
  return loadTemplate<Context>(env, packageRoot(), join(dir, file), options, 'card');
}

/** Text part: trailing spaces dropped, at most one blank line in a row, one final newline. */
function normalizeText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * Compiles the card templates once and returns the renderer: subject (one line), HTML
 * (sheet values escaped) and text part, for one agency's card.
 */
export function createCardRenderer(
  templatesDir: string = defaultTemplatesDir(),
): (view: CardView) => RenderedCard {
  const dir = resolve(templatesDir);
  const htmlEnv = environment(true);
  const textEnv = environment(false);
  const html = load(htmlEnv, dir, CARD_TEMPLATES.html, true);
  const text = load(textEnv, dir, CARD_TEMPLATES.text, false);
  const subjectOf = load(textEnv, dir, CARD_TEMPLATES.subject, false);
  return (view) => {
    const subject = oneLine(subjectOf({ view, subject: '' }));
    const context = { view, subject };
    return { subject, html: html(context), text: normalizeText(text(context)) };
  };
}
