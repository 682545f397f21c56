/** The SMTP mailer over nodemailer: timeouts, a failure told `failed` or `unconfirmed`, no credentials shown. */
import { nodemailer } from './nodemailer.ts';
import { KarnamehError } from '../../core/contract/errors.ts';
import type { Mailer, SentMail } from '../../ports.ts';
import { SAFE_TRANSPORT, mailOptions, parseSender } from './mail-options.ts';
import { createPacer, type Pacer, type PacerClock } from './pacer.ts';
import { describeSmtpUrl } from './smtp-url.ts';

/** How long to wait for the server: to connect, for its greeting, for any reply. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 120_000,
} as const;

/** `SMTP host:port` for messages: never the user name or password of the URL. */
/** The server's words, without the URL's credentials if it ever repeats them. */
function reason(error: unknown, url: URL): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of [url.password, decodeURIComponent(url.password)]) {
    if (secret) text = text.split(secret).join('***');
  }
  return text;
}

/**
 * Whether the message in flight was handed over whole: nodemailer logs (at info, with
 * `tnx: 'message'` and the byte counts) when the message stream, ending with the
 * terminating `.`, has been written to the connection. Given to the transport as its
 * `logger`; nothing is printed.
 */
function handOverWatch() {
  const watch = {
    handedOver: false,
    logger: {
      info(entry: unknown) {
        const e = entry as { tnx?: unknown; outByteCount?: unknown } | null;
        if (e?.tnx === 'message' && typeof e.outByteCount === 'number') watch.handedOver = true;
      },
      trace: () => undefined,
      debug: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      fatal: () => undefined,
    },
  };
  return watch;
}

/**
 * An error with no reply code after the whole message was handed over: the connection
 * dropped or timed out while the server had the message and had not answered yet (nodemailer
 * ECONNECTION/ETIMEDOUT with command CONN and no responseCode). The server may have taken it.
 */
function unanswered(error: unknown, handedOver: boolean): boolean {
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
  return handedOver && typeof responseCode !== 'number';
}

/**
 * Sends over SMTP (`SMTP_URL`, e.g. smtps://user:pass@host:465) on one pooled connection,
 * one message per recipient, one at a time. A message the server refuses (a 4xx/5xx to MAIL
 * FROM, RCPT TO or DATA, or to the message itself) is reset on the same connection and
 * rejects with `mail.failed` carrying the server's reply, as does a connection lost before
 * the whole message was handed over (safe to send again). A connection lost, or a reply
 * that never came, after the whole message was handed over rejects with `mail.unconfirmed`:
 * the server may have it, so it is never sent again blindly. Never says the password.
 * With `rate` (SMTP_RATE), message starts are spaced 1000/rate ms apart (pacer.ts).
 */
export function createSmtpMailer(options: {
  url: string;
  from?: string;
  /** SMTP_RATE: messages per second (pacer.ts); unset: as fast as the server answers. */
  rate?: number;
  clock?: PacerClock;
  /** A pacer made beforehand (compose.ts), so that the pace is known before nodemailer loads. */
  pacer?: Pacer;
}): Mailer {
  const description = describeSmtpUrl(options.url);
  const url = new URL(options.url);
  const sender = parseSender(options.from);
  const watch = handOverWatch();
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    // One connection for the whole run (nodemailer's pool would reconnect after 100).
    maxMessages: Infinity,
    url: options.url,
    logger: watch.logger,
    ...SMTP_TIMEOUTS,
    ...SAFE_TRANSPORT,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const pacer = options.pacer ?? createPacer(options.rate, options.clock);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    description,
    ...(pacer.gapMs > 0 ? { pace: pacer } : {}),
    send(mail) {
      // One message at a time, so the hand-over watch speaks of this one.
      const sent = queue.then(async () => {
        await pacer.wait();
        return sendOne(mail);
      });
      queue = sent.catch(() => undefined);
      return sent;
    },
    async close() {
      transport.close();
    },
  };

  async function sendOne(mail: Parameters<Mailer['send']>[0]): Promise<SentMail> {
    let info;
    watch.handedOver = false;
    try {
      info = await transport.sendMail(mailOptions(mail, sender));
    } catch (error) {
      if (unanswered(error, watch.handedOver)) {
        throw new KarnamehError(
          'mail.unconfirmed',
          `${description} was handed the whole message for ${mail.to.email} and never confirmed it: ${reason(error, url)}`,
          { cause: error },
        );
      }
      throw new KarnamehError(
        'mail.failed',
        `${description} did not take the message for ${mail.to.email}: ${reason(error, url)}`,
        { cause: error },
      );
    }
    if (info.rejected.length > 0 || info.accepted.length === 0) {
      throw new KarnamehError(
        'mail.failed',
        `${description} refused ${mail.to.email}: ${String(info.response ?? '')}`,
      );
    }
    return { messageId: info.messageId, response: String(info.response ?? '') };
  }
}
