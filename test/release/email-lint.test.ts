import { doIUseEmail } from 'doiuse-email';
import { describe, expect, it } from 'vitest';
import { createReleaseRenderer } from '../../functions/adapters/mail/render-release.ts';
import { tirInput } from './fixtures.ts';

/**
 * The HTML part against caniemail.com's support data (doiuse-email). Recipients read it in
 * Gmail and Outlook (press-release.md); Apple Mail, Yahoo, Samsung Email and Thunderbird are
 * checked too since journalists use them.
 */
const CLIENTS = [
  'gmail.*',
  'outlook.*',
  'apple-mail.*',
  'yahoo.*',
  'samsung-email.*',
  'thunderbird.*',
];

/**
 * Errors accepted on purpose, each with its reason. Anything else fails the test.
 * - `<body>`: mobile Outlook and Yahoo drop the body element. press-release.md asks for
 *   `dir`/`lang` on it anyway, and the wrapper `<div>` repeats them with the inline
 *   direction, alignment, background and font, so nothing is lost when it goes.
 * - `role` on Outlook for Windows Mail: `role="presentation"` tells screen readers the
 *   tables are layout; a client that strips it just reads them as tables, as if absent.
 */
const ACCEPTED = [
  /^`<body> element` is not supported by `(outlook|yahoo)\.(ios|android)`$/,
  /^`role attribute` is not supported by `outlook\.windows-mail`$/,
];

const html = createReleaseRenderer()(tirInput({ correction: true })).html;

describe('email client support of the HTML part', () => {
  const result = doIUseEmail(html, { emailClients: CLIENTS });
  const errors = result.success ? [] : result.errors;

  it('has no errors for Gmail, Outlook and the others but the accepted ones', () => {
    const unexpected = [...new Set(errors)].filter((e) => !ACCEPTED.some((a) => a.test(e)));
    expect(unexpected).toEqual([]);
  });

  it('has no error at all in Gmail', () => {
    const gmail = doIUseEmail(html, { emailClients: ['gmail.*'] });
    expect(gmail.success ? [] : gmail.errors).toEqual([]);
  });

  it('really checks: a flexbox layout would be reported', () => {
    const flex = html.replace('<div dir="rtl"', '<div style="display:flex" dir="rtl"');
    const checked = doIUseEmail(flex, { emailClients: ['outlook.windows'] });
    expect(checked.success ? [] : checked.errors.join('\n')).toMatch(/flex/);
  });
});
