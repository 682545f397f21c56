import nodemailer from 'nodemailer';
import { KarnamehError } from '../../core/errors.ts';
import type { Mailer } from '../../ports.ts';
import { SAFE_TRANSPORT, mailOptions, parseSender } from './mail-options.ts';
import { describeSmtpUrl } from './smtp-url.ts';

/** How long to wait for the server: to connect, for its greeting, for any reply. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 120_000,
} as const;

/** `SMTP host:port` for messages: never the user name or password of the URL. */
/** The server's words, without the URL's credentials if it ever repeats them. */
function reason(error: unknown, url: URL): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of [url.password, decodeURIComponent(url.password)]) {
    if (secret) text = text.split(secret).join('***');
  }
  return text;
}

/**
 * Sends over SMTP (`SMTP_URL`, e.g. smtps://user:pass@host:465) on one pooled connection,
 * one message per recipient. A message the server refuses (a 550 to RCPT TO, a reply to
 * DATA) is reset on the same connection and fails alone; a connection that drops fails its
 * message and the next one opens a new connection. A failure rejects with `mail.failed`
 * carrying the server's reply; it never says the password.
 */
export function createSmtpMailer(options: { url: string; from?: string }): Mailer {
  const description = describeSmtpUrl(options.url);
  const url = new URL(options.url);
  const sender = parseSender(options.from);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    url: options.url,
    ...SMTP_TIMEOUTS,
    ...SAFE_TRANSPORT,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    description,
    async send(mail) {
      let info;
      try {
        info = await transport.sendMail(mailOptions(mail, sender));
      } catch (error) {
        throw new KarnamehError(
          'mail.failed',
          `${description} did not take the message for ${mail.to.email}: ${reason(error, url)}`,
          { cause: error },
        );
      }
      if (info.rejected.length > 0 || info.accepted.length === 0) {
        throw new KarnamehError(
          'mail.failed',
          `${description} refused ${mail.to.email}: ${String(info.response ?? '')}`,
        );
      }
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
