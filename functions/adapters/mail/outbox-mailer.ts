import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer } from '../../ports.ts';
import { DEFAULT_FROM, mailOptions } from './mail-options.ts';

const safe = (text: string): string => text.replace(/[^a-zA-Z0-9@._-]+/g, '_').slice(0, 80);

/** Writes each message as an .eml file into a folder: mail without a mail server. */
export function createOutboxMailer(options: {
  dir: string;
  from?: string;
  prefix?: string;
}): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const from = options.from ?? DEFAULT_FROM;
  return {
    description: `outbox ${options.dir}`,
    async send(mail) {
      const info = await transport.sendMail(mailOptions(mail, from));
      await mkdir(options.dir, { recursive: true });
      const name = `${options.prefix ?? 'release'}-${safe(mail.to.email)}.eml`;
      await writeFile(join(options.dir, name), info.message as Buffer);
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
