/**
 * The reminder and the secretary's digest, from `templates/reminder.*.hbs` and
 * `templates/digest.*.hbs` (Handlebars). The views (core/reminders/reminder-view.ts) carry
 * every text already in Persian; the templates only place it. HTML is escaped by
 * Handlebars; the text and subject are not HTML and are compiled without escaping.
 */
import { join, resolve } from 'node:path';
import type Handlebars from 'handlebars';
import type { DigestView, ReminderView } from '../../core/reminders/reminder-view.ts';
import type { RenderedMail, RenderReminders } from '../../ports.ts';
import { oneLine } from './one-line.ts';
import { defaultTemplatesDir, packageRoot } from './render-release.ts';
import { handlebarsRuntime, loadTemplate } from './template-cache.ts';

export const REMINDER_TEMPLATES = {
  reminder: {
    html: 'reminder.html.hbs',
    text: 'reminder.text.hbs',
    subject: 'reminder.subject.hbs',
  },
  digest: { html: 'digest.html.hbs', text: 'digest.text.hbs', subject: 'digest.subject.hbs' },
} as const;

type Context<V> = { view: V; subject: string };

function environment(html: boolean): typeof Handlebars {
  const env = handlebarsRuntime.create();
  // Latin text (ids) inside a Persian sentence: isolated left-to-right.
  env.registerHelper('ltr', (value: unknown) => {
    const text = String(value ?? '');
    return html ? new env.SafeString(`<span dir="ltr">${env.escapeExpression(text)}</span>`) : text;
  });
  return env;
}

function compile<V>(
  env: typeof Handlebars,
  dir: string,
  file: string,
  html: boolean,
): Handlebars.TemplateDelegate<Context<V>> {
  const options = { strict: true, noEscape: !html };
  return loadTemplate<Context<V>>(env, packageRoot(), join(dir, file), options, 'reminder');
}

/** Text part: trailing spaces dropped, at most one blank line in a row, one final newline. */
function normalizeText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function renderer<V>(dir: string, files: { html: string; text: string; subject: string }) {
  const htmlEnv = environment(true);
  const textEnv = environment(false);
  const html = compile<V>(htmlEnv, dir, files.html, true);
  const text = compile<V>(textEnv, dir, files.text, false);
  const subject = compile<V>(textEnv, dir, files.subject, false);
  return (view: V): RenderedMail => {
    const line = oneLine(subject({ view, subject: '' }));
    return {
      subject: line,
      html: html({ view, subject: line }),
      text: normalizeText(text({ view, subject: line })),
    };
  };
}

/** Compiles the six templates once (a broken one fails here) and returns the renderer. */
/** The renderer, synchronous once compiled (a `RenderReminders`). */
export interface ReminderRenderer extends RenderReminders {
  reminder(view: ReminderView): RenderedMail;
  digest(view: DigestView): RenderedMail;
}

export function createReminderRenderer(
  templatesDir: string = defaultTemplatesDir(),
): ReminderRenderer {
  const dir = resolve(templatesDir);
  return {
    reminder: renderer<ReminderView>(dir, REMINDER_TEMPLATES.reminder),
    digest: renderer<DigestView>(dir, REMINDER_TEMPLATES.digest),
  };
}
