import type { OutgoingMail } from '../../ports.ts';
import type Mail from 'nodemailer/lib/mailer/index.js';

/** Strips what could end a header line; nodemailer encodes the rest. */
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/** nodemailer's message options for one outgoing mail; UTF-8 throughout. */
export function mailOptions(mail: OutgoingMail, from: string): Mail.Options {
  return {
    from,
    to: mail.to.name
      ? { name: oneLine(mail.to.name), address: oneLine(mail.to.email) }
      : oneLine(mail.to.email),
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html,
    textEncoding: 'base64',
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
    headers: { 'Content-Language': 'fa' },
  };
}

export const DEFAULT_FROM = 'Karnameh <karnameh@localhost>';
