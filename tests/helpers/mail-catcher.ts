import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createInbox } from './inbox';

/** One message as the SMTP server received and mailparser read it. */
export interface CaughtMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  subject: string;
  text: string;
  /** The whole message as it came over the wire. */
  raw: string;
  /** What the client signed in with (AUTH), if it did: every sign-in is accepted. */
  auth: { username: string; password: string } | null;
  receivedAt: number;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port, for tests of mail the core sends. Plain SMTP
 * (STARTTLS disabled: a test server has no certificate the core would trust, so `url` allows
 * plaintext explicitly), authentication optional. Each message is parsed with mailparser and queued per recipient; `nextMessage`
 * takes the oldest one not taken yet, or waits for the next, with a bounded timeout.
 */
export async function startMailCatcher() {
  const all: CaughtMail[] = [];
  const inbox = createInbox<CaughtMail>('mail');
  let closed: Promise<void> | undefined;
  const signIns = new Map<string, { username: string; password: string }>();

  function deliver(address: string, mail: CaughtMail) {
    inbox.deliver(address, mail);
  }

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, session, callback) {
      signIns.set(session.id, { username: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username ?? '' });
    },
    logger: false,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const mailFrom = session.envelope.mailFrom;
            const mail: CaughtMail = {
              from: mailFrom ? mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              raw: raw.toString('utf8'),
              auth: signIns.get(session.id) ?? null,
              receivedAt: Date.now(),
            };
            all.push(mail);
            for (const address of mail.to) deliver(address, mail);
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    /** The catcher speaks plain SMTP, which the core refuses unless the URL allows it. */
    url: `smtp://127.0.0.1:${port}?plaintext=1`,
    /** The same server as a shop would write it: the core then insists on STARTTLS. */
    urlRequiringTls: `smtp://127.0.0.1:${port}`,
    /** Every message received so far, in order. */
    messages: all,
    /** Messages received for an address so far (taken or not). */
    received(address: string): CaughtMail[] {
      const key = address.toLowerCase();
      return all.filter((m) => m.to.includes(key));
    },
    /** The oldest message to `address` not taken yet, or the next to arrive within `timeoutMs`. */
    nextMessage(address: string, timeoutMs = 5_000): Promise<CaughtMail> {
      return inbox.next(address.toLowerCase(), timeoutMs);
    },
    /** Stops accepting mail (the port then refuses connections). Safe to call twice. */
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        inbox.closeAll('the mail catcher was closed');
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
