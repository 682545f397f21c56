/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server, no TLS): it keeps every message
 * it accepts, raw and parsed with mailparser, with its envelope and the connection it came
 * on, and answers injected faults: a 550 to RCPT TO for some addresses, a connection
 * dropped at RCPT TO, in the middle of DATA or after the whole message (before the reply),
 * a message read in full and never answered, or every reply to a message delayed.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

interface ReceivedMail {
  /** MAIL FROM and every RCPT TO the server accepted, lower-case. */
  envelope: { from: string; to: string[] };
  /** The connection (smtp-server's session id) the message came on. */
  connection: string;
  raw: Buffer;
  parsed: ParsedMail;
}

/** Faults to answer; change them between runs ("the server is fixed"). */
interface SmtpFaults {
  /** RCPT TO for these addresses (lower-case) is refused with a 550. */
  rejectRcpt: Set<string>;
  /** A message to one of these addresses (lower-case) has its connection dropped during DATA. */
  dropData: Set<string>;
  /** A message to one of these addresses (lower-case) is read in full and never answered. */
  stallData: Set<string>;
  /** A message to one of these addresses is read in full, then the connection is dropped before the reply. */
  dropAfterData: Set<string>;
  /** RCPT TO for one of these addresses drops the connection (before any DATA). */
  dropRcpt: Set<string>;
  /** Each reply to a whole message waits this long (a slow server; 0 by default). */
  replyDelayMs: number;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:PORT`, or with `user:pass@` when the server asks for a login. */
  url: string;
  port: number;
  received: ReceivedMail[];
  faults: SmtpFaults;
  /** Connections opened so far. */
  connections: () => number;
  /** RCPT TO commands refused so far. */
  refused: string[];
  /** Addresses of messages read in full and left unanswered (`stallData`). */
  stalled: string[];
  /** Addresses of messages read in full and dropped before the reply (`dropAfterData`). */
  dropped: string[];
  /** Messages accepted for `address` (any case). */
  countFor: (address: string) => number;
  /** How many messages each address got: `{ address: count }`, sorted by address. */
  counts: () => Record<string, number>;
  close: () => Promise<void>;
}

export interface SmtpServerOptions {
  /** Require AUTH with these credentials (over plain text, as on a local relay). */
  auth?: { user: string; pass: string };
}

const lower = (address: string): string => address.trim().toLowerCase();

/** Starts the server on a free port of 127.0.0.1. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refused: string[] = [];
  const stalled: string[] = [];
  const faults: SmtpFaults = {
    rejectRcpt: new Set(),
    dropData: new Set(),
    stallData: new Set(),
    dropAfterData: new Set(),
    dropRcpt: new Set(),
    replyDelayMs: 0,
  };
  /** Messages read in full and dropped before the reply (`dropAfterData`), by address. */
  const dropped: string[] = [];
  let connections = 0;

  const server: SMTPServer = new SMTPServer({
    logger: false,
    secure: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      if (!ok) {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        return;
      }
      callback(null, { user: auth.username });
    },
    onRcptTo(address, session, callback) {
      if (faults.dropRcpt.has(lower(address.address))) {
        dropConnection(server, session);
        return;
      }
      if (faults.rejectRcpt.has(lower(address.address))) {
        refused.push(lower(address.address));
        callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), {
            responseCode: 550,
          }),
        );
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((a) => lower(a.address));
      if (to.some((address) => faults.dropData.has(address))) {
        stream.on('error', () => undefined);
        stream.once('data', () => dropConnection(server, session));
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      // A client killed in the middle of a message (kill -9) resets the connection.
      stream.on('error', () => undefined);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      if (to.some((address) => faults.stallData.has(address))) {
        stream.on('error', () => undefined);
        stream.on('end', () => stalled.push(...to));
        return;
      }
      if (to.some((address) => faults.dropAfterData.has(address))) {
        stream.on('error', () => undefined);
        stream.on('end', () => {
          dropped.push(...to);
          dropConnection(server, session);
        });
        return;
      }
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const from = session.envelope.mailFrom;
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelope: { from: from ? lower(from.address) : '', to },
              connection: session.id,
              raw,
              parsed,
            });
            const reply = () => callback(null, `queued as ${received.length}`);
            if (faults.replyDelayMs > 0) setTimeout(reply, faults.replyDelayMs);
            else reply();
          },
          (error: unknown) => callback(error as Error),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // After the start, a connection reset by a client that was killed is not the test's failure.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
    : '';
  const countFor = (address: string): number =>
    received.filter((mail) => mail.envelope.to.includes(lower(address))).length;

  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    received,
    faults,
    refused,
    stalled,
    dropped,
    connections: () => connections,
    countFor,
    counts: () => {
      const counts: Record<string, number> = {};
      for (const address of received.flatMap((mail) => mail.envelope.to).sort()) {
        counts[address] = (counts[address] ?? 0) + 1;
      }
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Drops the TCP connection of a session at once, as a crashing relay would. */
function dropConnection(server: SMTPServer, session: SMTPServerSession): void {
  for (const connection of server.connections) {
    if (connection.session === session) connection._socket.destroy();
  }
}
