import nodemailer from 'nodemailer';
import { KarnamehError } from '../../core/errors.ts';
import type { Mailer } from '../../ports.ts';
import { DEFAULT_FROM, mailOptions } from './mail-options.ts';

/** Sends over SMTP (`SMTP_URL`, e.g. smtps://user:pass@host:465) on one pooled connection. */
export function createSmtpMailer(options: { url: string; from?: string }): Mailer {
  let host = 'SMTP';
  try {
    const url = new URL(options.url);
    host = `SMTP ${url.hostname}${url.port ? `:${url.port}` : ''}`;
  } catch {
    throw new KarnamehError('config.invalid', 'SMTP_URL is not a URL (smtp://user:pass@host:port)');
  }
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    url: options.url,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const from = options.from ?? DEFAULT_FROM;
  return {
    description: host,
    async send(mail) {
      const info = await transport.sendMail(mailOptions(mail, from));
      if (info.rejected.length > 0) {
        throw new KarnamehError('mail.failed', `the server refused ${mail.to.email}`);
      }
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
