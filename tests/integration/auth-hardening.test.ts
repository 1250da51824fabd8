// Issue 9 (items 5 and 12): sign-in bursts and floods, guesses of a signed-in user's current
// password, own contact changes that need it, and access checks repeated inside the write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import type { ApiResponse } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const countBy = (answers: ApiResponse[]) => {
  const counts: Record<number, number> = {};
  for (const res of answers) counts[res.status] = (counts[res.status] ?? 0) + 1;
  return counts;
};

function expectRetryAfter(res: ApiResponse, atMost: number) {
  const retryAfter = res.headers.get('retry-after');
  expect(retryAfter, `Retry-After of a ${res.status}`).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(atMost);
}

/** A desktop-window tRPC caller signed in as `who`. */
async function trpcAs(t: TestCore, who: { username: string; password: string }) {
  const session = createMemorySession(t.core.services);
  const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: `window:${who.username}` });
  await caller.auth.login({ username: who.username, password: who.password });
  return caller;
}

/** Sign-ins of unknown names: each costs one bcrypt check in the pool, and locks nobody out. */
const decoySignIns = (t: TestCore, count: number) =>
  Array.from({ length: count }, (_, i) => t.api.post('/auth/login', { username: uniqueName(`nobody${i}-`), password: 'wrong-password-1' }));

describe('a burst of wrong sign-ins from one address', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 5, windowSeconds: 60 }, hashQueueLimit: 100 });
    await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('is limited while the first answers are still being hashed: 5 × 401, the rest 429 with Retry-After', async () => {
    const answers = await Promise.all(decoySignIns(t, 15));
    expect(countBy(answers)).toEqual({ 401: 5, 429: 10 });
    for (const res of answers.filter((r) => r.status === 429)) {
      expect(res.body.error).toBe('rate_limited');
      expectRetryAfter(res, 60);
    }
  });
});

describe('the right password gives its point back', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 3, windowSeconds: 60 } });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('many good sign-ins and two wrong ones from one address never reach the limit of 3', async () => {
    for (let i = 0; i < 6; i++) await signIn(t.api, owner.username, owner.password);
    for (let i = 0; i < 2; i++)
      expect((await t.api.post('/auth/login', { username: 'nobody-at-all', password: 'wrong-password-1' })).status).toBe(401);
    await signIn(t.api, owner.username, owner.password);
  });
});

// Issue 16 (item 4): a storm of right passwords from one address (a shop's tills behind one
// router, or the bench) must not lock the right password out for the whole window.
describe('a storm of right sign-ins from one address', () => {
  let t: TestCore;
  let cashier: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 3, windowSeconds: 60 }, hashQueueLimit: 100 });
    const owner = await setupOwner(t.api);
    cashier = await createSignedInUser(t.api, owner, 'cashier');
  });
  afterAll(() => t.stop());

  const signInCashier = () => t.api.post('/auth/login', { username: cashier.username, password: cashier.password });

  it('refuses some while 3 are being checked, and once all have answered the next one is let in at once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, signInCashier));
    const counts = countBy(answers);
    expect(Object.keys(counts).sort()).toEqual(['200', '429']);
    // The burst did go past the limit in flight: otherwise this test would prove nothing.
    expect(counts[429]).toBeGreaterThan(0);
    expect(counts[200]).toBeGreaterThanOrEqual(3);

    const next = await signInCashier();
    expect(next.status, JSON.stringify(next.body)).toBe(200);
  });

  it('after the storm wrong passwords still lock the address out: 3 × 401, then 429 even for the right one', async () => {
    await Promise.all(Array.from({ length: 12 }, signInCashier));
    for (let i = 1; i <= 3; i++)
      expect((await t.api.post('/auth/login', { username: 'nobody-at-all', password: `wrong-password-${i}` })).status).toBe(401);
    const limited = await signInCashier();
    expect(limited.status).toBe(429);
    expectRetryAfter(limited, 60);
  });
});

describe('a flood of sign-ins beyond the hashing queue', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 100_000, windowSeconds: 60 }, hashQueueLimit: 2 });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('answers some 503 busy with Retry-After at once, and a normal sign-in works afterwards', async () => {
    const answers = await Promise.all(decoySignIns(t, 30));
    const counts = countBy(answers);
    expect(Object.keys(counts).sort()).toEqual(['401', '503']);
    expect(counts[503]).toBeGreaterThan(0);
    for (const res of answers.filter((r) => r.status === 503)) {
      expect(res.body).toMatchObject({ error: 'busy' });
      expect(res.body.message).toEqual(expect.any(String));
      expectRetryAfter(res, 10);
    }
    const normal = await t.api.post('/auth/login', { username: owner.username, password: owner.password });
    expect(normal.status, JSON.stringify(normal.body)).toBe(200);
  });
});

describe('guesses of the current password by someone already signed in', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({ passwordGuessThrottle: { failures: 3, windowSeconds: 60 } });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('POST /auth/password/change: three wrong old passwords, then 429 with Retry-After (even for the right one)', async () => {
    const cashier = await createSignedInUser(t.api, owner, 'cashier');
    const change = (old: string) =>
      t.api.post('/auth/password/change', { old_password: old, new_password: 'other-pine-58' }, { token: cashier.access });
    for (let i = 1; i <= 3; i++) {
      const res = await change(`wrong-guess-${i}`);
      expect(res.status, `guess ${i}`).toBe(400);
      expect(res.body.fields).toEqual({ old_password: ['Wrong password.'] });
    }
    const limited = await change(PASSWORDS.cashier);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expectRetryAfter(limited, 60);
    // The budget is the account's: another cashier is not affected.
    const other = await createSignedInUser(t.api, owner, 'cashier');
    const ok = await t.api.post(
      '/auth/password/change',
      { old_password: PASSWORDS.cashier, new_password: 'other-pine-58' },
      { token: other.access },
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('a concurrent burst of wrong old passwords is limited too', async () => {
    const cashier = await createSignedInUser(t.api, owner, 'cashier');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.api.post('/auth/password/change', { old_password: `wrong-guess-${i}`, new_password: 'other-pine-58' }, { token: cashier.access }),
      ),
    );
    expect(countBy(answers)).toEqual({ 400: 3, 429: 5 });
  });

  it('POST /auth/password/reset/confirm: "same as the current password" three times, then 429', async () => {
    const email = `${uniqueName('guess')}@shop.test`;
    const cashier = await createSignedInUser(t.api, owner, 'cashier', { email });
    expect((await t.api.post('/auth/password/reset/request', { type: 'email', value: email })).status).toBe(202);
    const ownerCaller = await trpcAs(t, owner);
    const message = (await ownerCaller.notifications.outbox()).find((m) => m.recipient === email);
    const pin = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1] ?? '';
    const verified = await t.api.post('/auth/password/reset/verify', { type: 'email', value: email, pin });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const token = verified.body.reset_token as string;

    for (let i = 1; i <= 3; i++) {
      const res = await t.api.post('/auth/password/reset/confirm', { reset_token: token, password: cashier.password });
      expect(res.status, `try ${i}`).toBe(400);
      expect(res.body).toMatchObject({ error: 'password_reused', code: 5 });
    }
    const limited = await t.api.post('/auth/password/reset/confirm', { reset_token: token, password: cashier.password });
    expect(limited.status).toBe(429);
    expectRetryAfter(limited, 60);
    // A policy failure costs no bcrypt and is not a guess: still answered as such.
    const weak = await t.api.post('/auth/password/reset/confirm', { reset_token: token, password: 'abc' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toBe('password_policy');
  });
});

describe('changing one’s own email or phone needs the current password', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({ passwordGuessThrottle: { failures: 3, windowSeconds: 60 } });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
  });
  afterAll(() => t.stop());

  const email = () => `${uniqueName('contact')}@shop.test`;

  it('over REST: missing → required, wrong → "Wrong password.", right → saved; names need nothing', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    const patch = (body: object) => t.api.patch(`/users/${cashier.id}`, body, { token: cashier.access });
    const wanted = email();

    const missing = await patch({ email: wanted });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: 'validation_failed', fields: { current_password: ['This field is required.'] } });
    const wrong = await patch({ email: wanted, current_password: 'not-my-password-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'validation_failed', fields: { current_password: ['Wrong password.'] } });
    expect((await t.api.get(`/users/${cashier.id}`, { token: cashier.access })).body.email).toBeNull();

    const phoneMissing = await patch({ phone: '+44 7700 900123' });
    expect(phoneMissing.status).toBe(400);
    expect(phoneMissing.body.fields).toEqual({ current_password: ['This field is required.'] });

    const saved = await patch({ email: wanted, phone: '+44 7700 900123', current_password: cashier.password });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ email: wanted, phone: '+447700900123' });

    expect((await patch({ first_name: 'Renamed' })).status).toBe(200);
    // Sending the unchanged values again is no change of the reset channel.
    expect((await patch({ email: wanted, first_name: 'Again' })).status).toBe(200);
  });

  it('the Super Admin needs it for their own email too, but not a manager or the Super Admin for someone else', async () => {
    const self = await t.api.patch(`/users/${owner.id}`, { email: email() }, { token: owner.access });
    expect(self.status).toBe(400);
    expect(self.body.fields).toEqual({ current_password: ['This field is required.'] });

    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    expect((await t.api.patch(`/users/${cashier.id}`, { email: email() }, { token: manager.access })).status).toBe(200);
    expect((await t.api.patch(`/users/${cashier.id}`, { phone: '+44 7700 900999' }, { token: owner.access })).status).toBe(200);
  });

  it('wrong current passwords spend the account’s guess budget: then 429', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    for (let i = 1; i <= 3; i++) {
      expect(
        (await t.api.patch(`/users/${cashier.id}`, { email: email(), current_password: `guess-${i}` }, { token: cashier.access })).status,
      ).toBe(400);
    }
    const limited = await t.api.patch(
      `/users/${cashier.id}`,
      { email: email(), current_password: cashier.password },
      { token: cashier.access },
    );
    expect(limited.status).toBe(429);
    expectRetryAfter(limited, 60);
  });

  it('over tRPC (the profile and staff screens): the same rule', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    const caller = await trpcAs(t, cashier);
    const wanted = email();
    await expect(caller.users.update({ id: cashier.id, changes: { email: wanted } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { error: 'validation_failed', extras: { fields: { current_password: ['This field is required.'] } } },
    });
    await expect(
      caller.users.update({ id: cashier.id, changes: { email: wanted, current_password: 'nope-nope-1' } }),
    ).rejects.toMatchObject({
      cause: { extras: { fields: { current_password: ['Wrong password.'] } } },
    });
    const saved = await caller.users.update({ id: cashier.id, changes: { email: wanted, current_password: cashier.password } });
    expect(saved.email).toBe(wanted);
  });
});

describe('who may act on whom is checked again inside the write', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 100_000, windowSeconds: 60 } });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  /** Puts bcrypt work ahead in the pool, so the next hash waits well over 100 ms. */
  const busyPool = () => decoySignIns(t, 8);

  it('a second Super Admin demoted while a new account’s password is hashed creates nobody (403)', async () => {
    const second = await createSignedInUser(t.api, owner, 'super_admin');
    const username = uniqueName('late');
    const ahead = busyPool();
    const creating = t.api.post(
      '/users',
      { username, password: 'Tmp-Mgr-Walnut-4410', first_name: 'Late', last_name: 'Hire', role: 'manager' },
      { token: second.access },
    );
    await sleep(100);
    const demoted = await t.api.post(`/users/${second.id}/role`, { role: 'cashier' }, { token: owner.access });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);

    const created = await creating;
    await Promise.all(ahead);
    expect(created.status, JSON.stringify(created.body)).toBe(403);
    const found = await t.api.get(`/users?q=${username}`, { token: owner.access });
    expect(found.body).toEqual([]);
  });

  it('a worker moved to another manager while the new password is hashed keeps the old one (404)', async () => {
    const manager = await createSignedInUser(t.api, owner, 'manager');
    const other = await createSignedInUser(t.api, owner, 'manager');
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    const ahead = busyPool();
    const setting = t.api.patch(`/users/${worker.id}`, { password: 'Tmp-new-pine-99' }, { token: manager.access });
    await sleep(100);
    const moved = await t.api.patch(`/users/${worker.id}`, { manager_id: other.id }, { token: owner.access });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const set = await setting;
    await Promise.all(ahead);
    expect(set.status, JSON.stringify(set.body)).toBe(404);
    expect((await t.api.post('/auth/login', { username: worker.username, password: worker.password })).status).toBe(200);
  });
});
