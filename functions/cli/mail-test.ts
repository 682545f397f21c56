/** `karnameh mail-test --to ADDRESS`: one short message with the mail settings in force, and what the server answered; records nothing. */
import type { CliOptions } from './args.ts';
import type { Composition } from '../compose/compose.ts';
import { isKarnamehError } from '../core/contract/errors.ts';
import { jalaliDateTime } from '../core/language/jalali.ts';
import type { Logger, OutgoingMail } from '../ports.ts';

/** The test message: says what it is, so that nobody takes it for a release. */
function testMail(to: string, now: Date): OutgoingMail {
  const when = jalaliDateTime(now);
  const lines = [
    'این پیام آزمایشی را کارنامه فرستاده است تا تنظیمات ایمیل (SMTP_URL و MAIL_FROM) آزموده شود.',
    `زمان ارسال: ${when}`,
    'پاسخی لازم نیست.',
  ];
  const paragraphs = lines.map((line) => `<p>${line}</p>`).join('');
  return {
    to: { email: to, name: null },
    subject: 'کارنامه: آزمایش تنظیمات ایمیل',
    text: `${lines.join('\n')}\n`,
    html: `<!doctype html><html lang="fa" dir="rtl"><body dir="rtl" style="direction:rtl;text-align:right;font-family:Tahoma,Vazirmatn,'Segoe UI',Arial,sans-serif">${paragraphs}</body></html>`,
    attachments: [],
  };
}

/** Sends it; exit 0 when the server (or the outbox) took it, 3 when it did not. */
export async function mailTestCommand(
  options: CliOptions,
  composition: Composition,
  log: Logger,
): Promise<number> {
  const to = options.to ?? '';
  const mailer = composition.mailer('mail-test');
  try {
    const sent = await mailer.send(testMail(to, composition.now()));
    if (composition.settings.smtpUrl) {
      log.info(`${mailer.description} took the test message for ${to}: ${sent.response ?? ''}`);
    } else {
      log.info(
        `no SMTP_URL: nothing was sent; ${sent.response ?? 'wrote the message'} (set SMTP_URL and MAIL_FROM to send: docs/mail.md)`,
      );
    }
    return 0;
  } catch (error) {
    if (!isKarnamehError(error)) throw error;
    log.error(`${error.message} [${error.code}]`);
    return 3;
  } finally {
    await mailer.close();
  }
}
