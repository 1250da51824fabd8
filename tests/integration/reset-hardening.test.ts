// Issue 9 (items 6 and 7): the per-account request budget is also per client, so a stranger
// cannot spend the owner's; wrong PINs are budgeted per account across re-issued PINs, and
// the budget survives a restart of the core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/server/create-core';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import { createApiClient, type ApiResponse } from '../helpers/api-client';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

const ACCEPTED = { message: 'If the account exists, a PIN has been sent.' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const uniqueEmail = () => `${uniqueName('guard')}@shop.test`;
const pinOf = (text: string) => /(?<!\d)(\d{6})(?!\d)/.exec(text)?.[1] ?? '';
const wrongPin = (pin: string, offset: number) => String((Number(pin) + offset) % 1_000_000).padStart(6, '0');

function headersWithoutDate(res: ApiResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of res.headers) if (k !== 'date') out[k] = v;
  return out;
}

let mail: MailCatcher;
beforeAll(async () => {
  mail = await startMailCatcher();
});
afterAll(() => mail?.close());

describe('reset requests are counted per account and client', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({
      env: { smtpUrl: mail.url },
      resetThrottle: {
        perAddress: { failures: 1_000, windowSeconds: 60 },
        perAccount: { failures: 2, windowSeconds: 60 },
        perAccountTotal: { failures: 5, windowSeconds: 60 },
        verifyFailures: { failures: 1_000, windowSeconds: 60 },
      },
    });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it(
    'a stranger who spent their budget on the owner’s email does not spend the owner’s at the shop computer',
    { timeout: 30_000 },
    async () => {
      const email = uniqueEmail();
      const patched = await t.api.patch(`/users/${owner.id}`, { email, current_password: owner.password }, { token: owner.access });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);

      // The stranger, over REST: two PINs go out, the third request sends nothing (same 202).
      for (let i = 1; i <= 3; i++) {
        const res = await t.api.post('/auth/password/reset/request', { type: 'email', value: email });
        expect(res.status).toBe(202);
        expect(res.body).toEqual(ACCEPTED);
      }
      await mail.nextMessage(email);
      await mail.nextMessage(email);

      // The owner, at the desktop window (its own client key): their request still sends a PIN.
      const session = createMemorySession(t.core.services);
      const shopComputer = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: 'window:1' });
      expect(await shopComputer.passwordReset.request({ type: 'email', value: email })).toEqual(ACCEPTED);
      const pin = pinOf((await mail.nextMessage(email)).text);
      const verified = await shopComputer.passwordReset.verify({ type: 'email', value: email, pin });
      expect(verified.reset_token).toEqual(expect.any(String));
    },
  );

  it('the looser cap over all clients still bounds how many PINs one mailbox is sent', { timeout: 30_000 }, async () => {
    const email = uniqueEmail();
    await createSignedInUser(t.api, owner, 'cashier', { email });
    for (let client = 1; client <= 4; client++) {
      const session = createMemorySession(t.core.services);
      const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: `window:cap-${client}` });
      for (let i = 0; i < 2; i++) expect(await caller.passwordReset.request({ type: 'email', value: email })).toEqual(ACCEPTED);
    }
    await sleep(2_500); // deliveries are immediate or at the next 2-second poll
    expect(mail.received(email)).toHaveLength(5);
  });
});

describe('wrong PINs across re-issued PINs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-guard-'));
  const options: CoreOptions = {
    dataDir,
    port: 0,
    log: () => {},
    resetThrottle: {
      perAddress: { failures: 1_000, windowSeconds: 60 },
      perAccount: { failures: 1_000, windowSeconds: 60 },
      perAccountTotal: { failures: 1_000, windowSeconds: 60 },
      verifyFailures: { failures: 1_000, windowSeconds: 60 },
    },
    resetGuard: { wrongPins: 7, windowSeconds: 3_600, blockSeconds: 3_600 },
  };
  let core: Core | undefined;
  afterAll(async () => {
    await core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'block the account’s resets after the budget, also across a restart; requests still answer the same 202',
    { timeout: 60_000 },
    async () => {
      core = await createCore({ ...options, env: { smtpUrl: mail.url } });
      let api = createApiClient(core.url);
      const owner = await setupOwner(api);
      const email = uniqueEmail();
      const cashier = await createSignedInUser(api, owner, 'cashier', { email });
      const request = () => api.post('/auth/password/reset/request', { type: 'email', value: email });
      const verify = (pin: string) => api.post('/auth/password/reset/verify', { type: 'email', value: email, pin });
      const mailedPin = async () => {
        const res = await request();
        expect(res.status).toBe(202);
        return pinOf((await mail.nextMessage(email)).text);
      };

      // PIN 1: its own five tries, all wrong (5 of the account's 7).
      const first = await mailedPin();
      for (let i = 1; i <= 5; i++) expect((await verify(wrongPin(first, i))).body.code).toBe(1);
      expect((await verify(first)).body.code).toBe(2);
      // PIN 2: one more wrong (6 of 7).
      const second = await mailedPin();
      expect((await verify(wrongPin(second, 1))).body.code).toBe(1);

      // A restart does not hand out a fresh budget.
      await core.close();
      core = await createCore({ ...options, env: { smtpUrl: mail.url } });
      api = createApiClient(core.url);

      const third = await mailedPin();
      const seventh = await verify(wrongPin(third, 1));
      expect(seventh.status).toBe(404);
      expect(seventh.body).toMatchObject({ error: 'pin_invalid', code: 1 });
      // From now on even the right PIN answers as a used-up one…
      const right = await verify(third);
      expect(right.status).toBe(404);
      expect(right.body).toMatchObject({ error: 'pin_expired', code: 2 });

      // …and a request answers exactly as before, but sends nothing.
      const blocked = await request();
      const unknown = await api.post('/auth/password/reset/request', { type: 'email', value: uniqueEmail() });
      expect(blocked.status).toBe(202);
      expect(blocked.body).toEqual(ACCEPTED);
      expect(headersWithoutDate(blocked)).toEqual(headersWithoutDate(unknown));
      const mailsBefore = mail.received(email).length;
      await sleep(2_500);
      expect(mail.received(email)).toHaveLength(mailsBefore);

      const signedIn = await api.post('/auth/login', { username: owner.username, password: owner.password });
      const audit = await api.get(`/audit-log?action=password_reset.blocked&user_id=${cashier.id}`, { token: signedIn.body.access });
      expect(audit.status, JSON.stringify(audit.body)).toBe(200);
      expect(audit.body).toHaveLength(1);
      expect(audit.body[0]).toMatchObject({ actor: null, action: 'password_reset.blocked', target_id: cashier.id });
      expect(audit.body[0].after).toMatchObject({ wrong_pins: 7, blocked_until: expect.any(String) });
    },
  );
});
