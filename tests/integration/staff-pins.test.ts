import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { createSignedInUser, setupOwner, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/** API-SELLING.md, "Staff PINs": set with the password, cleared by the owner or a manager, never shown. */
describe('staff PINs', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  const token = (user: SignedIn) => ({ token: user.access });
  const setPin = (user: SignedIn, pin: unknown, password: string = user.password) => t.api.put('/me/pin', { password, pin }, token(user));
  const pinLogin = (username: string, pin: string) => t.api.post('/auth/pin-login', { username, pin });

  beforeAll(async () => {
    // Many wrong PINs come from 127.0.0.1 here: the per-address throttle is not what is measured.
    t = await startTestCore({ loginThrottle: { failures: 1_000, windowSeconds: 300 } });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
  }, 60_000);
  afterAll(() => t.stop());

  it('sets one’s own PIN with the password (204), then signs in with it', async () => {
    const res = await setPin(cashier, '2580');
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const signedIn = await pinLogin(cashier.username, '2580');
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    expect(signedIn.body.user.id).toBe(cashier.id);
    // A new PIN replaces the old one.
    expect((await setPin(cashier, '1357')).status).toBe(204);
    expect((await pinLogin(cashier.username, '2580')).status).toBe(401);
    expect((await pinLogin(cashier.username, '1357')).status).toBe(200);
  });

  it('a wrong password is 400 fields.password ["Wrong password."] and sets nothing', async () => {
    const res = await setPin(cashier, '9753', 'not-my-password-1');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'validation_failed', fields: { password: ['Wrong password.'] } });
    expect((await pinLogin(cashier.username, '9753')).status).toBe(401);
  });

  it.each(['1234', '4321', '3456', '0000', '123', '123456789', '12a4', ''])('refuses the PIN %j with 400 pin_policy', async (pin) => {
    const res = await setPin(cashier, pin);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('pin_policy');
    expect(res.body.fields.pin).toHaveLength(1);
  });

  it('allows runs that would only wrap around (7890, 9012)', async () => {
    expect((await setPin(manager, '7890')).status).toBe(204);
    expect((await setPin(manager, '9012')).status).toBe(204);
  });

  it('a non-string PIN is validation_failed, not pin_policy', async () => {
    const res = await setPin(cashier, 2580);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
  });

  it('a customer has no PIN (403)', async () => {
    const username = `cust${Date.now().toString(36)}`;
    expect((await t.api.post('/auth/register', { username, password: 'buyer-lemon-93' })).status).toBe(201);
    const login = await t.api.post('/auth/login', { username, password: 'buyer-lemon-93' });
    const res = await t.api.put('/me/pin', { password: 'buyer-lemon-93', pin: '2580' }, { token: login.body.access });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
  });

  it('the user himself and his manager clear a PIN (204); another manager cannot (404)', async () => {
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    const otherManager = await createSignedInUser(t.api, owner, 'manager');
    expect((await setPin(worker, '2468')).status).toBe(204);
    expect((await t.api.delete(`/users/${worker.id}/pin`, token(otherManager))).status).toBe(404);
    expect((await t.api.delete(`/users/${worker.id}/pin`, token(manager))).status).toBe(204);
    expect((await pinLogin(worker.username, '2468')).status).toBe(401);

    expect((await setPin(worker, '2468')).status).toBe(204);
    expect((await t.api.delete(`/users/${worker.id}/pin`, token(worker))).status).toBe(204);
    expect((await pinLogin(worker.username, '2468')).status).toBe(401);
    // Nothing left to clear: still 204.
    expect((await t.api.delete(`/users/${worker.id}/pin`, token(worker))).status).toBe(204);
    // Another's PIN is out of a worker's reach: as if that user did not exist.
    expect((await t.api.delete(`/users/${manager.id}/pin`, token(worker))).status).toBe(404);
  });

  it('tRPC twins: profile.setPin and users.clearPin', async () => {
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    const caller = appRouter.createCaller({
      services: t.core.services,
      session: createMemorySession(t.core.services),
      fromLoopback: true,
      clientKey: 'window:pins',
    });
    await caller.auth.login({ username: worker.username, password: worker.password });
    await caller.profile.setPin({ password: worker.password, pin: '8520' });
    expect((await pinLogin(worker.username, '8520')).status).toBe(200);
    await expect(caller.profile.setPin({ password: worker.password, pin: '1111' })).rejects.toMatchObject({
      cause: { error: 'pin_policy' },
    });
    await caller.users.clearPin({ id: worker.id });
    expect((await pinLogin(worker.username, '8520')).status).toBe(401);
  });

  it('wrong PINs count toward the account’s lockout (audited user.locked), like wrong passwords', async () => {
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    expect((await setPin(worker, '3690')).status).toBe(204);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await pinLogin(worker.username, '0963');
      expect(res.status, `attempt ${attempt}`).toBe(401);
      expect(res.body.error).toBe('invalid_credentials');
    }
    const locked = await pinLogin(worker.username, '3690');
    expect(locked.status).toBe(423);
    expect(locked.body.error).toBe('account_locked');
    // The password sign-in is locked as well: it is one account.
    expect((await t.api.post('/auth/login', { username: worker.username, password: worker.password })).status).toBe(423);
    const audit = await t.api.get(`/audit-log?action=user.locked&limit=50`, token(owner));
    expect(audit.body.some((e: { target_id: number }) => e.target_id === worker.id)).toBe(true);

    expect((await t.api.post(`/users/${worker.id}/unlock`, {}, token(manager))).status).toBe(200);
    expect((await pinLogin(worker.username, '3690')).status).toBe(200);
  });

  it('audits user.pin_set and user.pin_cleared, and no answer ever holds a PIN or its hash', async () => {
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    expect((await setPin(worker, '4826')).status).toBe(204);
    expect((await t.api.delete(`/users/${worker.id}/pin`, token(manager))).status).toBe(204);
    const audit = await t.api.get('/audit-log?action=user&limit=200', token(owner));
    const actions = audit.body.filter((e: { target_id: number }) => e.target_id === worker.id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.pin_set', 'user.pin_cleared']));

    expect((await setPin(worker, '4826')).status).toBe(204);
    const answers = [
      await t.api.get('/users?limit=100', token(owner)),
      await t.api.get(`/users/${worker.id}`, token(owner)),
      await t.api.get('/me', token(worker)),
      await t.api.get('/me', token(manager)),
      await t.api.get('/audit-log?limit=200', token(owner)),
      await pinLogin(worker.username, '4826'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(/pin_hash|pinHash|"pin"|\$2[aby]\$/);
      expect(text).not.toContain('4826');
    }
  });
  it('has_pin on the user body: true after PUT /me/pin (GET /me, GET /users/{id}), false after DELETE /users/{id}/pin', async () => {
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    const hasPin = async () => {
      const me = await t.api.get('/me', token(worker));
      const byId = await t.api.get(`/users/${worker.id}`, token(manager));
      expect(me.status).toBe(200);
      expect(byId.status).toBe(200);
      expect(me.body.has_pin).toBe(byId.body.has_pin);
      return byId.body.has_pin;
    };
    expect(await hasPin()).toBe(false);
    expect((await setPin(worker, '2580')).status).toBe(204);
    expect(await hasPin()).toBe(true);
    const listed = await t.api.get('/users?limit=100', token(manager));
    expect(listed.body.find((u: { id: number }) => u.id === worker.id)?.has_pin).toBe(true);
    expect((await pinLogin(worker.username, '2580')).body.user.has_pin).toBe(true);
    expect((await t.api.delete(`/users/${worker.id}/pin`, token(manager))).status).toBe(204);
    expect(await hasPin()).toBe(false);
  });
});
