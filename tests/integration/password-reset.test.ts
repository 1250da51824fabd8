import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import type { ApiClient, ApiResponse, RequestOptions } from '../helpers/api-client';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startSmsCatcher, type SmsCatcher } from '../helpers/sms-catcher';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

const ACCEPTED = { message: 'If the account exists, a PIN has been sent.' };
const PIN_SUBJECT = /password reset/i;
const NEW_PASSWORD = 'fresh-maple-38';
/** Generous enough for a noisy 2-core machine, and never used as a strict timed assertion. */
const GENEROUS_LIMITS = {
  perAddress: { failures: 10_000, windowSeconds: 60 },
  perAccount: { failures: 10_000, windowSeconds: 60 },
  verifyFailures: { failures: 10_000, windowSeconds: 60 },
};
const TIGHT_LIMITS = {
  perAddress: { failures: 3, windowSeconds: 60 },
  perAccount: { failures: 2, windowSeconds: 60 },
  verifyFailures: { failures: 3, windowSeconds: 60 },
};

let phoneCounter = 10_000_000 + Math.floor(Math.random() * 80_000_000);
/** A fresh phone number in its stored form (digits after a leading +). */
const uniquePhone = () => `+4479${phoneCounter++}`;
const uniqueEmail = () => `${uniqueName('reset')}@shop.test`;

/** "+447912345678" written the way a person types it: "+44 79-1234 5678". */
const spacedPhone = (phone: string) => `${phone.slice(0, 3)} ${phone.slice(3, 5)}-${phone.slice(5, 9)} ${phone.slice(9)}`;

/** The PIN of a message: it must be the only 6-digit number in the text. */
function pinIn(text: string): string {
  const sixDigitRuns = text.match(/\d{6}/g) ?? [];
  expect(sixDigitRuns, `6-digit numbers in: ${text}`).toHaveLength(1);
  const runs = (text.match(/\d+/g) ?? []).filter((r) => r.length >= 6);
  expect(runs, `long digit runs in: ${text}`).toEqual(sixDigitRuns);
  return sixDigitRuns[0] as string;
}

/** A PIN that is not `pin` (and differs from it by `offset`). */
const wrongPin = (pin: string, offset = 1) => String((Number(pin) + offset) % 1_000_000).padStart(6, '0');

/** Matches the PIN standing alone, not as part of a longer digit run. */
const pinPattern = (pin: string) => new RegExp(`(?<!\\d)${pin}(?!\\d)`);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

interface RecordedResponse {
  method: string;
  path: string;
  status: number;
  headers: string;
  text: string;
}

/**
 * The same interface as tests/helpers/api-client, but every response's raw text (status line,
 * headers, body) is kept, so a test can prove a secret never left through REST.
 */
function recordingClient(baseUrl: string): ApiClient & { transcript: RecordedResponse[] } {
  const transcript: RecordedResponse[] = [];
  async function request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    transcript.push({
      method,
      path,
      status: response.status,
      headers: [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n'),
      text,
    });
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('application/json') && text !== '') parsed = JSON.parse(text);
    const cookies: ApiResponse['cookies'] = {};
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...rest] = line.split(';');
      const eq = pair.indexOf('=');
      cookies[pair.slice(0, eq).trim()] = { value: decodeURIComponent(pair.slice(eq + 1).trim()), attributes: rest.join(';').trim() };
    }
    return { status: response.status, body: parsed as T, headers: response.headers, cookies };
  }
  return {
    transcript,
    request,
    get: <T = any>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
    post: <T = any>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
    patch: <T = any>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
    put: <T = any>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
    delete: <T = any>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  };
}

/** A desktop-window tRPC caller signed in as `username`. */
async function trpcAs(t: TestCore, username: string, password: string) {
  const session = createMemorySession(t.core.services);
  const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: `window:${username}` });
  await caller.auth.login({ username, password });
  return caller;
}

/** Headers of a response, minus Date, for comparing two answers. */
function headersWithoutDate(res: ApiResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of res.headers) if (k !== 'date') out[k] = v;
  return out;
}

/** Sets a PIN's expiry in the past, directly in the SQLite file, as ten minutes would. */
function agePin(t: TestCore, userId: number) {
  const db = new Database(join(t.dataDir, 'shopdesk.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const result = db.prepare('UPDATE reset_pins SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1_000, userId);
    expect(result.changes).toBe(1);
  } finally {
    db.close();
  }
}

let mail: MailCatcher;
let sms: SmsCatcher;

beforeAll(async () => {
  mail = await startMailCatcher();
  sms = await startSmsCatcher();
});
afterAll(async () => {
  await mail?.close();
  await sms?.close();
});

const withChannels = () => ({ smtpUrl: mail.url, smsWebhookUrl: sms.url });

describe('password reset by PIN over REST, with a real SMTP server and SMS gateway', () => {
  let t: TestCore;
  let owner: SignedIn;
  const logs: string[] = [];

  const requestPin = (type: 'email' | 'phone', value: string) => t.api.post('/auth/password/reset/request', { type, value });
  const verify = (type: 'email' | 'phone', value: string, pin: string | number) =>
    t.api.post('/auth/password/reset/verify', { type, value, pin });
  const confirm = (resetToken: string, password: string) =>
    t.api.post('/auth/password/reset/confirm', { reset_token: resetToken, password });

  /** A cashier with a fresh email and phone, signed in. */
  async function newCashier() {
    const email = uniqueEmail();
    const phone = uniquePhone();
    const user = await createSignedInUser(t.api, owner, 'cashier', { email, phone });
    return { ...user, email, phone };
  }

  /** Asks for a PIN by email and reads it from the mail that arrives. */
  async function mailedPin(email: string): Promise<string> {
    const res = await requestPin('email', email);
    expect(res.status).toBe(202);
    const message = await mail.nextMessage(email);
    expect(message.subject).toMatch(PIN_SUBJECT);
    return pinIn(message.text);
  }

  async function resetTokenFor(email: string): Promise<string> {
    const pin = await mailedPin(email);
    const res = await verify('email', email, pin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.reset_token as string;
  }

  beforeAll(async () => {
    t = await startTestCore({ env: withChannels(), resetThrottle: GENEROUS_LIMITS, log: (line) => logs.push(line) });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  describe('request', () => {
    it('answers the same 202 for an unknown email, an unknown phone and a known account, with no PIN in it', async () => {
      const user = await newCashier();
      const answers = [
        await requestPin('email', uniqueEmail()),
        await requestPin('phone', uniquePhone()),
        await requestPin('email', user.email),
        await requestPin('phone', user.phone),
      ];
      const [first] = answers as [ApiResponse];
      for (const res of answers) {
        expect(res.status).toBe(202);
        expect(res.body).toEqual(ACCEPTED);
        expect(JSON.stringify(res.body)).not.toMatch(/\d{6}/);
        expect(headersWithoutDate(res)).toEqual(headersWithoutDate(first));
        for (const [, value] of res.headers) expect(value).not.toMatch(/(?<!\d)\d{6}(?!\d)/);
      }
      // Drain what the known account was sent, so later tests of it start clean.
      await mail.nextMessage(user.email);
      await sms.nextMessage(user.phone);
    });

    it('really mails the PIN to a known email; it is the only 6-digit number and it verifies', async () => {
      const user = await newCashier();
      const res = await requestPin('email', `  ${user.email.toUpperCase()} `);
      expect(res.status).toBe(202);
      expect(res.body).toEqual(ACCEPTED);
      const message = await mail.nextMessage(user.email);
      expect(message.to).toEqual([user.email]);
      expect(message.from).toBe('shopdesk@localhost'); // SHOPDESK_MAIL_FROM's default
      expect(message.subject).toMatch(PIN_SUBJECT);
      const pin = pinIn(message.text);
      expect(message.raw).toContain(pin);
      const verified = await verify('email', user.email, pin);
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    });

    it('really texts the PIN to a known phone, the number written with spaces and dashes', async () => {
      const user = await newCashier();
      const typed = spacedPhone(user.phone);
      expect(typed).toMatch(/ .*-/);
      const res = await requestPin('phone', typed);
      expect(res.status).toBe(202);
      expect(res.body).toEqual(ACCEPTED);
      const text = await sms.nextMessage(user.phone);
      expect(text.to).toBe(user.phone);
      const pin = pinIn(text.text);
      const verified = await verify('phone', typed, pin);
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    });

    it('takes about as long for a known account as for an unknown one', async () => {
      const user = await newCashier();
      const timed = async (value: string) => {
        const started = performance.now();
        const res = await requestPin('email', value);
        const elapsed = performance.now() - started;
        expect(res.status).toBe(202);
        return elapsed;
      };
      for (let i = 0; i < 3; i++) {
        await timed(user.email);
        await timed(uniqueEmail());
      }
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 15; i++) {
        // Alternate the order so drift and background deliveries hit both sides alike.
        if (i % 2 === 0) {
          known.push(await timed(user.email));
          unknown.push(await timed(uniqueEmail()));
        } else {
          unknown.push(await timed(uniqueEmail()));
          known.push(await timed(user.email));
        }
      }
      const mk = median(known);
      const mu = median(unknown);
      const bound = Math.max(25, 2 * Math.min(mk, mu)); // 25 ms, or within 3× of each other
      expect(Math.abs(mk - mu), `median known ${mk.toFixed(2)} ms, unknown ${mu.toFixed(2)} ms`).toBeLessThan(bound);
    });
  });

  describe('verify', () => {
    it('a wrong PIN answers 404 pin_invalid, code 1', async () => {
      const user = await newCashier();
      const pin = await mailedPin(user.email);
      const res = await verify('email', user.email, wrongPin(pin));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'pin_invalid', code: 1 });
    });

    it('after five wrong tries even the right PIN answers 404 code 2', async () => {
      const user = await newCashier();
      const pin = await mailedPin(user.email);
      for (let attempt = 1; attempt <= 5; attempt++) {
        const res = await verify('email', user.email, wrongPin(pin, attempt));
        expect(res.status, `attempt ${attempt}`).toBe(404);
        expect(res.body, `attempt ${attempt}`).toMatchObject({ error: 'pin_invalid', code: 1 });
      }
      const right = await verify('email', user.email, pin);
      expect(right.status).toBe(404);
      expect(right.body).toMatchObject({ error: 'pin_expired', code: 2 });
    });

    it('an expired PIN answers 404 code 2', async () => {
      const user = await newCashier();
      const pin = await mailedPin(user.email);
      agePin(t, user.id);
      const res = await verify('email', user.email, pin);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'pin_expired', code: 2 });
    });

    it('the right PIN answers 200 with a reset_token, once; the same PIN again is code 2', async () => {
      const user = await newCashier();
      const pin = await mailedPin(user.email);
      const res = await verify('email', user.email, pin);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['reset_token']);
      expect(res.body.reset_token).toEqual(expect.any(String));
      expect(res.body.reset_token.length).toBeGreaterThanOrEqual(20);
      const again = await verify('email', user.email, pin);
      expect(again.status).toBe(404);
      expect(again.body).toMatchObject({ error: 'pin_expired', code: 2 });
    });

    it('a second request replaces the first PIN', async () => {
      const user = await newCashier();
      const first = await mailedPin(user.email);
      let second = await mailedPin(user.email);
      // One chance in a million that the RNG repeats itself; ask again rather than be flaky.
      for (let i = 0; i < 3 && second === first; i++) second = await mailedPin(user.email);
      expect(second).not.toBe(first);
      const old = await verify('email', user.email, first);
      expect(old.status).toBe(404);
      expect([1, 2]).toContain(old.body.code);
      const fresh = await verify('email', user.email, second);
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    });

    it('an unknown account answers 404 code 1, by email and by phone', async () => {
      for (const [type, value] of [
        ['email', uniqueEmail()],
        ['phone', uniquePhone()],
      ] as const) {
        const res = await verify(type, value, '123456');
        expect(res.status, type).toBe(404);
        expect(res.body, type).toMatchObject({ error: 'pin_invalid', code: 1 });
      }
    });

    it('accepts the PIN sent as a JSON number (seed 002)', async () => {
      const user = await newCashier();
      const pin = await mailedPin(user.email);
      const res = await verify('email', user.email, Number(pin));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.reset_token).toEqual(expect.any(String));
    });
  });

  describe('confirm', () => {
    it('an unknown reset token answers 400 reset_token_invalid', async () => {
      const res = await confirm('not-a-real-reset-token-at-all', NEW_PASSWORD);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'reset_token_invalid' });
    });

    it('refuses the current password (code 5) and a policy violation, then sets the new one; the token works once', async () => {
      const user = await newCashier();
      const token = await resetTokenFor(user.email);

      const reused = await confirm(token, PASSWORDS.cashier);
      expect(reused.status).toBe(400);
      expect(reused.body).toMatchObject({ error: 'password_reused', code: 5 });

      const weak = await confirm(token, 'abc');
      expect(weak.status).toBe(400);
      expect(weak.body.error).toBe('password_policy');
      expect(weak.body.fields?.password?.length).toBeGreaterThan(0);

      const done = await confirm(token, NEW_PASSWORD);
      expect(done.status, JSON.stringify(done.body)).toBe(200);

      expect((await t.api.post('/auth/login', { username: user.username, password: NEW_PASSWORD })).status).toBe(200);
      const old = await t.api.post('/auth/login', { username: user.username, password: PASSWORDS.cashier });
      expect(old.status).toBe(401);
      expect(old.body.error).toBe('invalid_credentials');

      const usedAgain = await confirm(token, 'other-maple-49');
      expect(usedAgain.status).toBe(400);
      expect(usedAgain.body).toMatchObject({ error: 'reset_token_invalid' });
    });

    it('unlocks an account locked by five wrong sign-ins', async () => {
      const user = await newCashier();
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(
          (await t.api.post('/auth/login', { username: user.username, password: 'wrong-password-1' })).status,
          `attempt ${attempt}`,
        ).toBe(401);
      }
      const locked = await t.api.post('/auth/login', { username: user.username, password: PASSWORDS.cashier });
      expect(locked.status).toBe(423);
      expect(locked.body).toMatchObject({ error: 'account_locked', code: 3 });

      const token = await resetTokenFor(user.email);
      expect((await confirm(token, NEW_PASSWORD)).status).toBe(200);

      const signedIn = await t.api.post('/auth/login', { username: user.username, password: NEW_PASSWORD });
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      expect(signedIn.body.user.is_locked).toBe(false);
    });

    it('ends the user’s existing sign-ins: the old access and refresh tokens answer 401', async () => {
      const user = await newCashier();
      expect((await t.api.get('/me', { token: user.access })).status).toBe(200);

      const token = await resetTokenFor(user.email);
      expect((await confirm(token, NEW_PASSWORD)).status).toBe(200);

      const me = await t.api.get('/me', { token: user.access });
      expect(me.status).toBe(401);
      const refreshed = await t.api.post('/auth/refresh', { refresh: user.refresh });
      expect(refreshed.status).toBe(401);
    });
  });
});

describe('delivery failure', () => {
  let t: TestCore;
  let owner: SignedIn;
  const logs: string[] = [];

  beforeAll(async () => {
    t = await startTestCore({ env: withChannels(), resetThrottle: GENEROUS_LIMITS, log: (line) => logs.push(line) });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('the requester still gets 202; the failure is logged and in the outbox; the retry delivers', { timeout: 30_000 }, async () => {
    const phone = uniquePhone();
    const user = await createSignedInUser(t.api, owner, 'cashier', { phone });
    const ownerCaller = await trpcAs(t, owner.username, owner.password);

    sms.failNext(1);
    const res = await t.api.post('/auth/password/reset/request', { type: 'phone', value: phone });
    expect(res.status).toBe(202);
    expect(res.body).toEqual(ACCEPTED);

    await until(
      () => sms.requests.some((r) => r.status === 500 && (r.body as { to?: string }).to === phone),
      'the gateway to refuse the first try',
    );
    await until(() => logs.some((line) => /fail/i.test(line)), 'a log line about the failure');
    const failureLine = logs.find((line) => /fail/i.test(line)) as string;
    expect(failureLine).toMatch(/500/);

    await until(
      async () => (await ownerCaller.notifications.outbox()).some((m) => m.recipient === phone && m.attempts >= 1),
      'the failed attempt in the outbox',
    );
    const pending = (await ownerCaller.notifications.outbox()).find((m) => m.recipient === phone);
    expect(pending).toMatchObject({ channel: 'phone', recipient: phone });
    expect(pending?.attempts).toBeGreaterThanOrEqual(1);
    if (pending?.status !== 'sent') expect(pending?.last_error).toMatch(/500/);

    const text = await sms.nextMessage(phone, 15_000);
    const pin = pinIn(text.text);
    for (const line of logs) expect(line).not.toMatch(pinPattern(pin));

    await until(
      async () => (await ownerCaller.notifications.outbox()).some((m) => m.recipient === phone && m.status === 'sent'),
      'the outbox to record the delivery',
    );
    const sent = (await ownerCaller.notifications.outbox()).find((m) => m.recipient === phone);
    expect(sent?.attempts).toBeGreaterThanOrEqual(2);
    expect(sent?.sent_at).toEqual(expect.any(String));

    const verified = await t.api.post('/auth/password/reset/verify', { type: 'phone', value: phone, pin });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(user.id).toBeGreaterThan(0);
  });
});

describe('no channel configured', () => {
  let t: TestCore;
  let rest: ReturnType<typeof recordingClient>;
  const logs: string[] = [];

  beforeAll(async () => {
    t = await startTestCore({ log: (line) => logs.push(line) });
    rest = recordingClient(t.core.url);
  });
  afterAll(() => t.stop());

  it('keeps the PIN in the outbox, says so in the log, shows it only to the Super Admin, never over REST', async () => {
    const owner = await setupOwner(rest);
    const manager = await createSignedInUser(rest, owner, 'manager');
    const email = uniqueEmail();
    const phone = uniquePhone();
    const byMail = await createSignedInUser(rest, owner, 'cashier', { email });
    const byPhone = await createSignedInUser(rest, owner, 'cashier', { phone });

    const logLinesBefore = logs.length;
    for (const [type, value] of [
      ['email', email],
      ['phone', spacedPhone(phone)],
    ] as const) {
      const res = await rest.post('/auth/password/reset/request', { type, value });
      expect(res.status).toBe(202);
      expect(res.body).toEqual(ACCEPTED);
    }
    const newLines = logs.slice(logLinesBefore);
    expect(
      newLines.some((line) => /outbox/i.test(line) && /email/i.test(line)),
      newLines.join('\n'),
    ).toBe(true);
    expect(
      newLines.some((line) => /outbox/i.test(line) && /(phone|sms)/i.test(line)),
      newLines.join('\n'),
    ).toBe(true);

    const ownerCaller = await trpcAs(t, owner.username, owner.password);
    const outbox = await ownerCaller.notifications.outbox();
    const mailed = outbox.find((m) => m.recipient === email);
    const texted = outbox.find((m) => m.recipient === phone);
    expect(mailed).toMatchObject({ channel: 'email', status: 'outbox' });
    expect(texted).toMatchObject({ channel: 'phone', status: 'outbox' });
    const mailPin = pinIn(mailed?.body ?? '');
    const phonePin = pinIn(texted?.body ?? '');

    const managerCaller = await trpcAs(t, manager.username, manager.password);
    await expect(managerCaller.notifications.outbox()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cashierCaller = await trpcAs(t, byMail.username, byMail.password);
    await expect(cashierCaller.notifications.outbox()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The outbox PINs are the real ones…
    const viaMail = await rest.post('/auth/password/reset/verify', { type: 'email', value: email, pin: mailPin });
    expect(viaMail.status, JSON.stringify(viaMail.body)).toBe(200);
    const viaPhone = await rest.post('/auth/password/reset/verify', { type: 'phone', value: phone, pin: phonePin });
    expect(viaPhone.status, JSON.stringify(viaPhone.body)).toBe(200);
    // …and no REST response ever carried them, not even the owner's views.
    await rest.get('/audit-log', { token: owner.access });
    await rest.get(`/users/${byMail.id}`, { token: owner.access });
    await rest.get(`/users/${byPhone.id}`, { token: owner.access });
    await rest.get('/me', { token: owner.access });
    await rest.get('/openapi.json');

    expect(rest.transcript.length).toBeGreaterThan(10);
    for (const pin of [mailPin, phonePin]) {
      const leaks = rest.transcript.filter((r) => pinPattern(pin).test(`${r.headers}\n${r.text}`));
      expect(leaks.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    }
  });
});

describe('notifications.sendTest', () => {
  let t: TestCore;
  let owner: SignedIn;
  let ownMail: MailCatcher;

  beforeAll(async () => {
    ownMail = await startMailCatcher();
    t = await startTestCore({ env: { smtpUrl: ownMail.url, smsWebhookUrl: sms.url } });
    owner = await setupOwner(t.api);
  });
  afterAll(async () => {
    await t.stop();
    await ownMail.close();
  });

  it('sends a real test mail and SMS for the owner, is refused to others, and reports a stopped SMTP server', async () => {
    const ownerCaller = await trpcAs(t, owner.username, owner.password);
    const to = uniqueEmail();
    expect(await ownerCaller.notifications.sendTest({ channel: 'email', to })).toEqual({ ok: true });
    const arrived = await ownMail.nextMessage(to);
    expect(arrived.subject).toMatch(/test/i);

    const phone = uniquePhone();
    expect(await ownerCaller.notifications.sendTest({ channel: 'phone', to: phone })).toEqual({ ok: true });
    expect((await sms.nextMessage(phone)).text).toMatch(/test/i);

    const manager = await createSignedInUser(t.api, owner, 'manager');
    const managerCaller = await trpcAs(t, manager.username, manager.password);
    await expect(managerCaller.notifications.sendTest({ channel: 'email', to })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await ownMail.close();
    const failed = await ownerCaller.notifications.sendTest({ channel: 'email', to });
    expect(failed.ok).toBe(false);
    expect(failed.error).toEqual(expect.any(String));
    expect(failed.error?.length).toBeGreaterThan(0);
  });
});

describe('rate limits', () => {
  async function throttledCore() {
    const t = await startTestCore({ env: withChannels(), resetThrottle: TIGHT_LIMITS });
    const owner = await setupOwner(t.api);
    return { t, owner };
  }

  it('the 4th request from one address answers 429 rate_limited with Retry-After', async () => {
    const { t } = await throttledCore();
    try {
      for (let i = 1; i <= 3; i++) {
        const res = await t.api.post('/auth/password/reset/request', { type: 'email', value: uniqueEmail() });
        expect(res.status, `request ${i}`).toBe(202);
      }
      const fourth = await t.api.post('/auth/password/reset/request', { type: 'email', value: uniqueEmail() });
      expect(fourth.status).toBe(429);
      expect(fourth.body.error).toBe('rate_limited');
      const retryAfter = Number(fourth.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } finally {
      await t.stop();
    }
  });

  it('past the per-account limit the answer is still 202, but no new PIN is sent', { timeout: 30_000 }, async () => {
    const { t, owner } = await throttledCore();
    try {
      const email = uniqueEmail();
      await createSignedInUser(t.api, owner, 'cashier', { email });
      const answers: ApiResponse[] = [];
      for (let i = 1; i <= 3; i++) answers.push(await t.api.post('/auth/password/reset/request', { type: 'email', value: email }));
      for (const res of answers) {
        expect(res.status).toBe(202);
        expect(res.body).toEqual(ACCEPTED);
        expect(headersWithoutDate(res)).toEqual(headersWithoutDate(answers[0] as ApiResponse));
      }
      await mail.nextMessage(email);
      const second = pinIn((await mail.nextMessage(email)).text);
      // Deliveries are immediate or at the next 2-second poll: give a third message time to show.
      await sleep(3_000);
      expect(mail.received(email)).toHaveLength(2);
      const ownerCaller = await trpcAs(t, owner.username, owner.password);
      expect((await ownerCaller.notifications.outbox()).filter((m) => m.recipient === email)).toHaveLength(2);
      // The third request did not replace the PIN either.
      const verified = await t.api.post('/auth/password/reset/verify', { type: 'email', value: email, pin: second });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('three wrong PINs from one address, then the 4th verify answers 429', async () => {
    const { t, owner } = await throttledCore();
    try {
      const email = uniqueEmail();
      await createSignedInUser(t.api, owner, 'cashier', { email });
      expect((await t.api.post('/auth/password/reset/request', { type: 'email', value: email })).status).toBe(202);
      const pin = pinIn((await mail.nextMessage(email)).text);
      for (let i = 1; i <= 3; i++) {
        const res = await t.api.post('/auth/password/reset/verify', { type: 'email', value: email, pin: wrongPin(pin, i) });
        expect(res.status, `wrong try ${i}`).toBe(404);
        expect(res.body, `wrong try ${i}`).toMatchObject({ error: 'pin_invalid', code: 1 });
      }
      const fourth = await t.api.post('/auth/password/reset/verify', { type: 'email', value: email, pin });
      expect(fourth.status).toBe(429);
      expect(fourth.body.error).toBe('rate_limited');
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await t.stop();
    }
  });
});
