// An outgoing mail from a rendered message: the one builder for releases, cards and reminders.
import type { OutgoingMail } from '../ports.ts';

type Attachment = OutgoingMail['attachments'][number];

/** `rendered`'s subject, HTML and text to `to`, with its header fields and attachments. */
export function outgoingMail(
  to: OutgoingMail['to'],
  rendered: { subject: string; html: string; text: string },
  headers: Record<string, string> | undefined,
  attachments: Attachment[] = [],
): OutgoingMail {
  const { subject, html, text } = rendered;
  return { to, subject, html, text, attachments, ...(headers ? { headers } : {}) };
}
