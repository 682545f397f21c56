/** The outbox mailer: each message written as an .eml file into a folder, no mail server. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodemailer } from './nodemailer.ts';
import type { MailPlace, Mailer } from '../../ports.ts';
import { SAFE_TRANSPORT, mailOptions, parseSender } from './mail-options.ts';
import { makeFolder } from '../make-folder.ts';

const safe = (text: string): string => text.replace(/[^a-zA-Z0-9@._-]+/g, '_').slice(0, 80);

/**
 * Writes `base.eml`, or `base-2.eml` … when that name is taken: two addresses that read
 * the same once made safe for a file name (`a+b@x`, `a_b@x`) each keep their message.
 */
async function writeNew(dir: string, base: string, content: Buffer): Promise<string> {
  for (let n = 1; ; n += 1) {
    const path = join(dir, `${base}${n === 1 ? '' : `-${n}`}.eml`);
    try {
      await writeFile(path, content, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** The folder of a kind of message in a run's folder. */
const FOLDERS: Record<MailPlace['kind'], string> = {
  release: 'release',
  correction: 'release',
  test: 'release',
  card: 'cards',
  reminder: 'reminders',
  digest: 'reminders',
};

/** `<dir>/<month>/<run id>/<folder>/`, by what the message is. */
export const runFolder = (dir: string, month: string, runId: string): string =>
  join(dir, safe(month), safe(runId));

/**
 * Writes each message as an .eml file: mail without a mail server. A message of a run (its
 * `place`) goes into `<dir>/<month>/<run id>/{release,cards,reminders}/`, named by its
 * ledger key; any other (mail-test) into `<dir>/` as `<prefix>-<address>.eml`.
 */
export function createOutboxMailer(options: {
  dir: string;
  from?: string;
  prefix?: string;
}): Mailer {
  const from = parseSender(options.from);
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    ...SAFE_TRANSPORT,
  });
  return {
    description: `outbox ${options.dir}`,
    outbox: options.dir,
    async send(mail, place) {
      const info = await transport.sendMail(mailOptions(mail, from));
      const dir = place
        ? join(runFolder(options.dir, place.month, place.runId), FOLDERS[place.kind])
        : options.dir;
      await makeFolder(dir);
      const base = place
        ? safe(place.key)
        : `${options.prefix ?? 'release'}-${safe(mail.to.email)}`;
      const path = await writeNew(dir, base, info.message as Buffer);
      return { messageId: info.messageId, response: `wrote ${path}`, file: path };
    },
    async close() {
      transport.close();
    },
  };
}
