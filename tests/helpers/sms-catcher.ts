import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInbox } from './inbox';

/** One text the gateway accepted. */
export interface CaughtSms {
  to: string;
  text: string;
  receivedAt: number;
}

/** Every POST the gateway saw, including the ones it was told to fail. */
export interface SmsRequest {
  path: string;
  body: unknown;
  status: number;
  receivedAt: number;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * A fake SMS gateway on 127.0.0.1 and a free port: records `POST {path}` bodies of the shape
 * `{"to": phone, "text": message}`, can be told to answer the next N requests with 500, and lets
 * a test await the next text to a number (bounded timeout).
 */
export async function startSmsCatcher(path = '/sms') {
  const messages: CaughtSms[] = [];
  const requests: SmsRequest[] = [];
  const inbox = createInbox<CaughtSms>('SMS');
  let failuresLeft = 0;
  let closed: Promise<void> | undefined;

  function deliver(sms: CaughtSms) {
    inbox.deliver(sms.to, sms);
  }

  const server = createServer((request, response) => {
    void (async () => {
      const text = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST' || url.pathname !== path) return reply(404, { error: 'not found' });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        requests.push({ path: url.pathname, body: text, status: 400, receivedAt: Date.now() });
        return reply(400, { error: 'not JSON' });
      }
      if (failuresLeft > 0) {
        failuresLeft--;
        requests.push({ path: url.pathname, body, status: 500, receivedAt: Date.now() });
        return reply(500, { error: 'gateway failure (test)' });
      }
      const { to, text: message } = (body ?? {}) as { to?: unknown; text?: unknown };
      if (typeof to !== 'string' || typeof message !== 'string') {
        requests.push({ path: url.pathname, body, status: 400, receivedAt: Date.now() });
        return reply(400, { error: 'expected {to, text}' });
      }
      requests.push({ path: url.pathname, body, status: 200, receivedAt: Date.now() });
      const sms: CaughtSms = { to, text: message, receivedAt: Date.now() };
      messages.push(sms);
      deliver(sms);
      return reply(200, { ok: true });
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}${path}`,
    /** Texts accepted so far, in order. */
    messages,
    /** Every POST seen so far, failed ones included. */
    requests,
    /** The next `count` requests answer 500 (and deliver nothing). */
    failNext(count: number): void {
      failuresLeft = count;
    },
    /** The oldest text to `to` not taken yet, or the next to arrive within `timeoutMs`. */
    nextMessage(to: string, timeoutMs = 5_000): Promise<CaughtSms> {
      return inbox.next(to, timeoutMs);
    },
    /** Stops the gateway (its port then refuses connections). Safe to call twice. */
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve, reject) => {
        inbox.closeAll('the SMS catcher was closed');
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

export type SmsCatcher = Awaited<ReturnType<typeof startSmsCatcher>>;
