import { beforeAll, describe, expect, it } from 'vitest';
import { emailErrors, gmailErrors, unexpectedErrors } from '../../support/email-lint.ts';
import { lookMails, type LookMails } from '../../support/reminder-mail-fixtures.ts';

/** The reminder and the digest, as the release (test/support/email-lint.ts). */
let mails: LookMails;
beforeAll(async () => {
  mails = await lookMails();
});

describe('email client support of the reminder and the digest', () => {
  it.each(['reminder', 'noRow', 'digest'] as const)(
    '%s: no error but the accepted ones, none in Gmail',
    (which) => {
      const html = mails[which].html;
      expect(unexpectedErrors(html)).toEqual([]);
      expect(gmailErrors(html)).toEqual([]);
    },
  );

  it('really checks: a flexbox layout would be reported', () => {
    const flex = mails.digest.html.replace('<div dir="rtl"', '<div style="display:flex" dir="rtl"');
    expect(emailErrors(flex, ['outlook.windows']).join('\n')).toMatch(/flex/);
  });
});
