import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  /** An e-mail's HTML alternative (a receipt); the text stays the part every client can read. */
  html?: string;
}

export interface Channel {
  send(message: OutgoingMessage): Promise<void>;
}

const SEND_TIMEOUT_MS = 10_000;

/** `?plaintext=1` on an smtp:// URL: the one way to send without TLS. */
export function allowsPlaintext(url: URL): boolean {
  return url.searchParams.get('plaintext') === '1';
}

/**
 * Email through the shop's SMTP server (`smtp://user:pass@host:port`). smtps:// is TLS from the
 * start; smtp:// must upgrade with STARTTLS, or the message is not sent, so the password and
 * the PIN never cross the network in clear, unless the URL says `?plaintext=1` (a relay on
 * this machine, a test server).
 */
export function createEmailChannel(smtpUrl: string, from: string): Channel {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    requireTLS: !secure && !allowsPlaintext(url),
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  return {
    async send(message) {
      // With both, nodemailer sends multipart/alternative: text first, HTML as the richer part.
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
  };
}

/** SMS through an HTTP gateway: POST `{"to": phone, "text": message}` as JSON. */
export function createSmsChannel(webhookUrl: string): Channel {
  return {
    async send(message) {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}
