/**
 * What the three mail renderers (release, card, reminder) share: where `templates/` is, a
 * Handlebars environment with the `ltr` helper, a mail's three templates (HTML escaped;
 * text and subject compiled without escaping) and how they become subject, HTML and text.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { KarnamehError } from '../../../core/contract/errors.ts';
import { oneLine } from '../one-line.ts';
import { handlebarsRuntime, loadTemplate } from './template-cache.ts';

type Env = typeof Handlebars;

/** The options every mail template and partial is compiled with: escaping for HTML only. */
type TemplateOptions = { strict: true; noEscape: boolean };

/** A mail's three template files, in `templates/`. */
export interface MailTemplateFiles {
  html: string;
  text: string;
  subject: string;
}

/** What a template is given: the view and the subject line already rendered. */
export type MailContext<V> = { view: V; subject: string };

/** A mail's three templates, compiled, and the text environment (for partials rendered alone). */
interface MailTemplates<C> {
  html: Handlebars.TemplateDelegate<C>;
  text: Handlebars.TemplateDelegate<C>;
  subject: Handlebars.TemplateDelegate<C>;
  textEnv: Env;
}

/**
 * Whether `path` exists, by stat (not access(2), which asks with the real uid and so can
 * miss a file a process may read through its capabilities).
 */
export const isThere = (path: string): boolean =>
  statSync(path, { throwIfNoEntry: false }) !== undefined;

/** The package root: the nearest folder above this file that holds package.json (source or dist/). */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (isThere(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new KarnamehError('internal', 'package.json not found above ' + from);
    dir = parent;
  }
}

/** `templates/` of the package, found from the source tree or a build in dist/. */
export function defaultTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

export const templateOptions = (html: boolean): TemplateOptions => ({
  strict: true,
  noEscape: !html,
});

/**
 * A Handlebars runtime environment with `ltr` (Latin text such as ids inside a Persian
 * sentence, isolated left-to-right in HTML, as is in text); `prepare` adds a renderer's own
 * helpers and partials.
 */
function mailEnvironment(
  html: boolean,
  prepare: (env: Env, html: boolean) => void = () => {},
): Env {
  const env = handlebarsRuntime.create();
  env.registerHelper('ltr', (value: unknown) => {
    const text = String(value ?? '');
    return html ? new env.SafeString(`<span dir="ltr">${env.escapeExpression(text)}</span>`) : text;
  });
  prepare(env, html);
  return env;
}

/**
 * The three templates of one mail in `dir`, each precompiled through the cache
 * (template-cache.ts), so a broken one fails now; `what` names them in an error
 * (`card template …/card.html.hbs: …`).
 */
export function compileMailTemplates<C>(
  dir: string,
  files: MailTemplateFiles,
  what: string,
  prepare?: (env: Env, html: boolean) => void,
): MailTemplates<C> {
  const root = packageRoot();
  const htmlEnv = mailEnvironment(true, prepare);
  const textEnv = mailEnvironment(false, prepare);
  const load = (env: Env, file: string, html: boolean) =>
    loadTemplate<C>(env, root, join(dir, file), templateOptions(html), what);
  return {
    html: load(htmlEnv, files.html, true),
    text: load(textEnv, files.text, false),
    subject: load(textEnv, files.subject, false),
    textEnv,
  };
}

/** Text part: trailing spaces dropped, at most one blank line in a row, one final newline. */
function normalizeText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * Subject (rendered first, on one line, with an empty `subject`), then HTML and text with
 * the subject in their context; the context is returned for any further part.
 */
export function renderMailParts<C extends { subject: string }>(
  templates: MailTemplates<C>,
  given: Omit<C, 'subject'>,
): { subject: string; html: string; text: string; context: C } {
  const subject = oneLine(templates.subject({ ...given, subject: '' } as C));
  const context = { ...given, subject } as C;
  return {
    subject,
    html: templates.html(context),
    text: normalizeText(templates.text(context)),
    context,
  };
}
