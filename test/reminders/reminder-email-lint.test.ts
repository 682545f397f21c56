import { doIUseEmail } from 'doiuse-email';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookMails, type LookMails } from './reminder-mail-fixtures.ts';

/** The reminder and the digest against caniemail.com's data, as the release (test/release/email-lint.test.ts). */
const CLIENTS = [
  'gmail.*',
  'outlook.*',
  'apple-mail.*',
  'yahoo.*',
  'samsung-email.*',
  'thunderbird.*',
];

/** The same two accepted errors as the release, for the same reasons (see email-lint.test.ts). */
const ACCEPTED = [
  /^`<body> element` is not supported by `(outlook|yahoo)\.(ios|android)`$/,
  /^`role attribute` is not supported by `outlook\.windows-mail`$/,
];

let mails: LookMails;
beforeAll(async () => {
  mails = await lookMails();
});

describe('email client support of the reminder and the digest', () => {
  it.each(['reminder', 'noRow', 'digest'] as const)(
    '%s: no error but the accepted ones, none in Gmail',
    (which) => {
      const html = mails[which].html;
      const all = doIUseEmail(html, { emailClients: CLIENTS });
      const unexpected = [...new Set(all.success ? [] : all.errors)].filter(
        (e) => !ACCEPTED.some((a) => a.test(e)),
      );
      expect(unexpected).toEqual([]);
      const gmail = doIUseEmail(html, { emailClients: ['gmail.*'] });
      expect(gmail.success ? [] : gmail.errors).toEqual([]);
    },
  );

  it('really checks: a flexbox layout would be reported', () => {
    const flex = mails.digest.html.replace('<div dir="rtl"', '<div style="display:flex" dir="rtl"');
    const checked = doIUseEmail(flex, { emailClients: ['outlook.windows'] });
    expect(checked.success ? [] : checked.errors.join('\n')).toMatch(/flex/);
  });
});
