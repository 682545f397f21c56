/** The sender (`MAIL_FROM`) parsed once, and nodemailer's options for one outgoing mail. */
import addressparser from 'nodemailer/lib/addressparser';
import type Mail from 'nodemailer/lib/mailer/index.js';
import * as z from 'zod';
import { KarnamehError } from '../../core/contract/errors.ts';
import type { OutgoingMail } from '../../ports.ts';
import { oneLine } from './one-line.ts';

export const DEFAULT_FROM = 'Karnameh <karnameh@localhost>';

/** The sender: `MAIL_FROM` (`Name <address>` or a bare address) parsed once. */
export interface Sender {
  name: string;
  address: string;
}

const addressSchema = z.email();

/**
 * Parses `MAIL_FROM`: exactly one mailbox, on one line; `config.invalid` otherwise, before
 * anything is sent. `localhost` is allowed (the default sender).
 */
export function parseSender(from: string = DEFAULT_FROM): Sender {
  const invalid = (why: string): KarnamehError =>
    new KarnamehError(
      'config.invalid',
      `MAIL_FROM ${why}: give one address, e.g. "روابط‌عمومی استانداری <pr@example.org>"`,
    );
  if (/[\r\n]/.test(from)) throw invalid('holds a line break');
  const parsed = addressparser(from, { flatten: true });
  if (parsed.length !== 1) throw invalid(`holds ${parsed.length} addresses`);
  const [sender] = parsed;
  const address = sender?.address.trim() ?? '';
  const checkable = address.replace(/@localhost$/i, '@localhost.localdomain');
  if (!addressSchema.safeParse(checkable).success) throw invalid(`is not an address (${from})`);
  return { name: oneLine(sender?.name ?? ''), address };
}

/**
 * nodemailer's message options for one outgoing mail; UTF-8 throughout. The envelope is
 * set explicitly: the server is told about this one recipient and nobody else, whatever
 * the headers say.
 */
export function mailOptions(mail: OutgoingMail, from: Sender): Mail.Options {
  const to = oneLine(mail.to.email);
  return {
    from: from.name ? { name: from.name, address: from.address } : from.address,
    to: mail.to.name ? { name: oneLine(mail.to.name), address: to } : to,
    envelope: { from: from.address, to: [to] },
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html,
    textEncoding: 'base64',
    attachments: mail.attachments.map((a) => ({
      filename: oneLine(a.filename),
      content: a.content,
      contentType: oneLine(a.contentType),
      // shown inline by the HTML part (`<img src="cid:…">`), still a file to save
      ...(a.cid === undefined
        ? {}
        : { cid: oneLine(a.cid), contentDisposition: 'inline' as const }),
    })),
    headers: { ...headerFields(mail.headers), 'Content-Language': 'fa' },
  };
}

/** Extra header fields on one line each; only `X-` names, so none can replace a standard one. */
function headerFields(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (/^X-[A-Za-z0-9-]+$/.test(name)) out[name] = oneLine(value);
  }
  return out;
}

/**
 * Transport options every mailer shares: never read a file or a URL named in a message,
 * and refuse a message to more than one recipient.
 */
export const SAFE_TRANSPORT = {
  disableFileAccess: true,
  disableUrlAccess: true,
  maxRecipients: 1,
} as const;
