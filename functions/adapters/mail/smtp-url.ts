/** `SMTP_URL` checked and named for messages by its server only. */
import { KarnamehError } from '../../core/contract/errors.ts';

/** Checks `SMTP_URL` and names its server for messages: `SMTP smtp.example.org:465`. */
export function describeSmtpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new KarnamehError('config.invalid', 'SMTP_URL is not a URL (smtp://user:pass@host:port)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new KarnamehError(
      'config.invalid',
      `SMTP_URL must start with smtp:// or smtps:// (not ${parsed.protocol}//)`,
    );
  }
  if (!parsed.hostname) throw new KarnamehError('config.invalid', 'SMTP_URL names no host');
  return `SMTP ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
}
