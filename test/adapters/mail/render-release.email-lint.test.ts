import { describe, expect, it } from 'vitest';
import { createReleaseRenderer } from '../../../functions/adapters/mail/render-release.ts';
import { emailErrors, gmailErrors, unexpectedErrors } from '../../support/email-lint.ts';
import { tirInput } from '../../support/release-fixtures.ts';

const html = createReleaseRenderer()(tirInput({ correction: true })).html;

describe('email client support of the HTML part', () => {
  it('has no errors for Gmail, Outlook and the others but the accepted ones', () => {
    expect(unexpectedErrors(html)).toEqual([]);
  });

  it('has no error at all in Gmail', () => {
    expect(gmailErrors(html)).toEqual([]);
  });

  it('really checks: a flexbox layout would be reported', () => {
    const flex = html.replace('<div dir="rtl"', '<div style="display:flex" dir="rtl"');
    expect(emailErrors(flex, ['outlook.windows']).join('\n')).toMatch(/flex/);
  });
});
