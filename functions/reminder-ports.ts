/**
 * Ports of the reminders (use-cases/remind.ts), beside ports.ts: rendering a reminder or
 * a digest, and writing the dry run's previews.
 */
import type { DigestView, ReminderView } from './core/reminders/reminder-view.ts';

/** A message as rendered from its templates: one line of subject, HTML and plain text. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Renders reminders and digests; may load its templates on first use (hence the promises). */
export interface RenderReminders {
  reminder(view: ReminderView): RenderedMail | Promise<RenderedMail>;
  digest(view: DigestView): RenderedMail | Promise<RenderedMail>;
}

/** One preview file set: `<name>.html` and `<name>.txt`. */
export interface ReminderPreview {
  /** An agency id, or null for the digest. */
  agencyId: string | null;
  mail: RenderedMail;
}

/** Where `remind --dry-run` puts what it would send (`<outbox>/preview/reminders/`). */
export interface ReminderPreviewWriter {
  /** Replaces the folder's previews with these; returns the paths written. */
  write(previews: ReminderPreview[]): Promise<string[]>;
}
