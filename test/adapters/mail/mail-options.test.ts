import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FROM, parseSender } from '../../../functions/adapters/mail/mail-options.ts';
import { createOutboxMailer } from '../../../functions/adapters/mail/outbox-mailer.ts';
import { createSmtpMailer } from '../../../functions/adapters/mail/smtp-mailer.ts';
import { describeSmtpUrl } from '../../../functions/adapters/mail/smtp-url.ts';
import { isKarnamehError } from '../../../functions/core/contract/errors.ts';
import type { OutgoingMail } from '../../../functions/ports.ts';

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return isKarnamehError(error) ? error.code : String(error);
  }
};

const mail = (email: string, name: string | null = null): OutgoingMail => ({
  to: { email, name },
  subject: 'گزارش',
  html: '<p>سلام</p>',
  text: 'سلام',
  attachments: [
    { filename: 'a.csv', contentType: 'text/csv; charset=utf-8', content: Buffer.from('x') },
  ],
});

describe('MAIL_FROM', () => {
  it.each([
    ['pr@example.org', { name: '', address: 'pr@example.org' }],
    ['روابط‌عمومی <pr@example.org>', { name: 'روابط‌عمومی', address: 'pr@example.org' }],
    ['"Council, Ilam" <pr@example.org>', { name: 'Council, Ilam', address: 'pr@example.org' }],
    [DEFAULT_FROM, { name: 'Karnameh', address: 'karnameh@localhost' }],
  ])('reads %j', (from, sender) => {
    expect(parseSender(from)).toEqual(sender);
  });

  it.each([
    'not an address',
    'a@example.org, b@example.org',
    'Group: a@example.org, b@example.org;',
    'pr@example.org\r\nBcc: evil@x',
    '',
  ])('refuses %j', (from) => {
    expect(codeOf(() => parseSender(from))).toBe('config.invalid');
  });
});

describe('SMTP_URL', () => {
  it.each([
    ['smtp://127.0.0.1:2525', 'SMTP 127.0.0.1:2525'],
    ['smtps://user:secret@smtp.example.org:465', 'SMTP smtp.example.org:465'],
    ['smtp://mail.example.org', 'SMTP mail.example.org'],
  ])('describes %s without its credentials', (url, description) => {
    expect(describeSmtpUrl(url)).toBe(description);
  });

  it.each(['not a url', 'http://mail.example.org', 'smtp://'])('refuses %j', (url) => {
    expect(codeOf(() => createSmtpMailer({ url }))).toBe('config.invalid');
  });
});

describe('the outbox', () => {
  it('keeps one file per message even when two addresses read alike as file names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'karnameh-outbox-'));
    try {
      const outbox = createOutboxMailer({ dir, from: 'pr@example.org', prefix: 'r-1' });
      await outbox.send(mail('a+b@example.org', 'یک'));
      await outbox.send(mail('a_b@example.org', 'دو'));
      await outbox.close();
      const files = (await readdir(dir)).sort();
      expect(files).toEqual(['r-1-a_b@example.org-2.eml', 'r-1-a_b@example.org.eml']);
      const to = await Promise.all(
        files.map(async (file) => {
          const parsed = await simpleParser(await readFile(join(dir, file)));
          return parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : null;
        }),
      );
      expect(to.sort()).toEqual(['"دو" <a_b@example.org>', '"یک" <a+b@example.org>'].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes an attachment with a Content-ID as an inline part the HTML shows, on one header line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'karnameh-outbox-'));
    try {
      const outbox = createOutboxMailer({ dir, from: 'pr@example.org', prefix: 'r-1' });
      const png = Buffer.from('89504e470d0a1a0a', 'hex');
      await outbox.send({
        ...mail('a@example.org'),
        html: '<p>سلام</p><img src="cid:pic@karnameh" alt="">',
        attachments: [
          ...mail('a@example.org').attachments,
          {
            filename: 'p.png',
            contentType: 'image/png',
            content: png,
            cid: 'pic@karnameh\r\nBcc: x@y',
          },
        ],
      });
      await outbox.close();
      const [file] = await readdir(dir);
      const raw = await readFile(join(dir, file ?? ''), 'latin1');
      expect(raw).toMatch(/^Content-Type: multipart\/related/m);
      expect(raw).toMatch(/^Content-Disposition: inline; filename=p\.png/m);
      expect(raw).not.toMatch(/^Bcc:/im);
      const parsed = await simpleParser(Buffer.from(raw, 'latin1'), { keepCidLinks: true });
      const picture = parsed.attachments.find((a) => a.filename === 'p.png');
      expect(picture?.cid).toBe('pic@karnameh Bcc: x@y');
      expect(picture?.content.equals(png)).toBe(true);
      expect(parsed.attachments.map((a) => a.filename).sort()).toEqual(['a.csv', 'p.png']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('extra header fields', () => {
  it('carries X- fields on one line, and no other name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'karnameh-outbox-'));
    try {
      const outbox = createOutboxMailer({ dir, from: 'pr@example.org', prefix: 'r-1' });
      await outbox.send({
        ...mail('a@example.org'),
        headers: {
          'X-Karnameh-Run': 'r-1\r\nBcc: evil@example.org',
          'X-Karnameh-Digest': '9f2c',
          Bcc: 'evil@example.org',
        },
      });
      await outbox.close();
      const [file] = await readdir(dir);
      const raw = await readFile(join(dir, file ?? ''), 'utf8');
      const parsed = await simpleParser(raw);
      expect(parsed.headers.get('x-karnameh-run')).toBe('r-1 Bcc: evil@example.org');
      expect(parsed.headers.get('x-karnameh-digest')).toBe('9f2c');
      expect(raw.split('\r\n\r\n')[0]).not.toMatch(/^bcc:/im);
      expect(parsed.bcc).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
