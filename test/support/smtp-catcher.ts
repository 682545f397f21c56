/**
 * A real SMTP server on 127.0.0.1 for the functions' tests: keeps every message, parsed
 * with mailparser, and lets a test act when a message has arrived but before the client
 * hears that it did (`beforeAccept`: the crash test kills the sender there).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface CaughtMail {
  to: string[];
  parsed: ParsedMail;
}

export interface SmtpCatcher {
  /** `smtp://[user:pass@]127.0.0.1:PORT`. */
  url: string;
  received: CaughtMail[];
  /** Called with each message once it is complete, before the 250 answer goes back. */
  beforeAccept: ((mail: CaughtMail) => void) | null;
  /** How many messages each recipient got, sorted by address. */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

export async function startSmtpCatcher(auth?: {
  user: string;
  pass: string;
}): Promise<SmtpCatcher> {
  const received: CaughtMail[] = [];
  const catcher: Omit<SmtpCatcher, 'url' | 'close'> = {
    received,
    beforeAccept: null,
    counts() {
      const counts: Record<string, number> = {};
      for (const address of received.flatMap((m) => m.to).sort()) {
        counts[address] = (counts[address] ?? 0) + 1;
      }
      return counts;
    },
  };
  const server = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    onAuth(login, _session, callback) {
      if (login.username === auth?.user && login.password === auth?.pass) {
        callback(null, { user: login.username });
      } else {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((a) => a.address.toLowerCase());
      simpleParser(stream).then(
        (parsed) => {
          const mail = { to, parsed };
          received.push(mail);
          catcher.beforeAccept?.(mail);
          callback(null, `queued as ${received.length}`);
        },
        (error: unknown) => callback(error as Error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const credentials = auth
    ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@`
    : '';
  return Object.assign(catcher, {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
