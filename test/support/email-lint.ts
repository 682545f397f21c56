/**
 * Every HTML part karnameh mails (release, card, reminder, digest) against caniemail.com's
 * support data (doiuse-email). Recipients read it in Gmail and Outlook (docs/texts.md#wording-rules);
 * Apple Mail, Yahoo, Samsung Email and Thunderbird are checked too since journalists use them.
 */
import { doIUseEmail } from 'doiuse-email';

const CLIENTS = [
  'gmail.*',
  'outlook.*',
  'apple-mail.*',
  'yahoo.*',
  'samsung-email.*',
  'thunderbird.*',
];

/**
 * Errors accepted on purpose, each with its reason. Anything else fails the tests.
 * - `<body>`: mobile Outlook and Yahoo drop the body element. docs/texts.md#wording-rules asks for
 *   `dir`/`lang` on it anyway, and the wrapper `<div>` repeats them with the inline
 *   direction, alignment, background and font, so nothing is lost when it goes.
 * - `role` on Outlook for Windows Mail: `role="presentation"` tells screen readers the
 *   tables are layout; a client that strips it just reads them as tables, as if absent.
 */
const ACCEPTED = [
  /^`<body> element` is not supported by `(outlook|yahoo)\.(ios|android)`$/,
  /^`role attribute` is not supported by `outlook\.windows-mail`$/,
];

/** The errors of `html` in `clients`, once each. */
export function emailErrors(html: string, clients: string[] = CLIENTS): string[] {
  const result = doIUseEmail(html, { emailClients: clients });
  return [...new Set(result.success ? [] : result.errors)];
}

/** The errors of `html` in the usual clients that are not accepted above. */
export const unexpectedErrors = (html: string): string[] =>
  emailErrors(html).filter((e) => !ACCEPTED.some((a) => a.test(e)));

/** The errors of `html` in Gmail (none are accepted there). */
export const gmailErrors = (html: string): string[] => emailErrors(html, ['gmail.*']);
