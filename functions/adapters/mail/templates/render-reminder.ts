/**
 * The reminder and the secretary's digest, from `templates/reminder.*.hbs` and
 * `templates/digest.*.hbs` (Handlebars). The views (core/reminders/reminder-view.ts) carry
 * every text already in Persian; the templates only place it. HTML is escaped by
 * Handlebars; the text and subject are not HTML and are compiled without escaping.
 */
import { resolve } from 'node:path';
import type { DigestView, ReminderView } from '../../../core/reminders/reminder-view.ts';
import type { RenderedMail, RenderReminders } from '../../../ports.ts';
import {
  compileMailTemplates,
  defaultTemplatesDir,
  renderMailParts,
  type MailContext,
  type MailTemplateFiles,
} from './mail-templates.ts';

export const REMINDER_TEMPLATES = {
  reminder: {
    html: 'reminder.html.hbs',
    text: 'reminder.text.hbs',
    subject: 'reminder.subject.hbs',
  },
  digest: { html: 'digest.html.hbs', text: 'digest.text.hbs', subject: 'digest.subject.hbs' },
} as const;

function renderer<V>(dir: string, files: MailTemplateFiles): (view: V) => RenderedMail {
  const templates = compileMailTemplates<MailContext<V>>(dir, files, 'reminder');
  return (view) => {
    const { subject, html, text } = renderMailParts(templates, { view });
    return { subject, html, text };
  };
}

/** The renderer, synchronous once compiled (a `RenderReminders`). */
export interface ReminderRenderer extends RenderReminders {
  reminder(view: ReminderView): RenderedMail;
  digest(view: DigestView): RenderedMail;
}

/** Compiles the six templates once (a broken one fails here) and returns the renderer. */
export function createReminderRenderer(
  templatesDir: string = defaultTemplatesDir(),
): ReminderRenderer {
  const dir = resolve(templatesDir);
  return {
    reminder: renderer<ReminderView>(dir, REMINDER_TEMPLATES.reminder),
    digest: renderer<DigestView>(dir, REMINDER_TEMPLATES.digest),
  };
}
