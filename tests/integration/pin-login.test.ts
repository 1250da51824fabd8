import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * API-SELLING.md, "Staff PINs": POST /auth/pin-login from trusted devices only. The tests reach
 * the core over 127.0.0.1 (loopback is trusted); the "elsewhere" case has no test seam (the
 * check reads the socket's address), so it is covered by the device-token path, which decides
 * alone whenever the header is sent, and by the tRPC caller that is not on this computer.
 */
describe('PIN sign-in', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let noPin: SignedIn;
  const PIN = '2580';
  const token = (user: SignedIn) => ({ token: user.access });

  const newRegister = async () => {
    const res = await t.api.post('/registers', { name: uniqueName('Till ') }, token(manager));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const issueToken = async (registerId: number, by: SignedIn = manager) => {
    const res = await t.api.post(`/registers/${registerId}/device-token`, {}, token(by));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.device_token as string;
  };
  const pinLogin = (body: Record<string, unknown>, deviceToken?: string) =>
    t.api.post('/auth/pin-login', body, deviceToken === undefined ? {} : { headers: { 'x-device-token': deviceToken } });

  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 1_000, windowSeconds: 300 } });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    [cashier, noPin] = await Promise.all([createSignedInUser(t.api, manager, 'cashier'), createSignedInUser(t.api, manager, 'cashier')]);
    expect((await t.api.put('/me/pin', { password: cashier.password, pin: PIN }, token(cashier))).status).toBe(204);
  }, 60_000);
  afterAll(() => t.stop());

  it('from loopback: the login body of part 1, with tokens that work', async () => {
    const res = await pinLogin({ username: cashier.username, pin: PIN });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', role: 'Cashier', user: { id: cashier.id, username: cashier.username } });
    expect(typeof res.body.refresh).toBe('string');
    const me = await t.api.get('/me', { token: res.body.access });
    expect(me.status).toBe(200);
    // From loopback a named register must exist.
    expect((await pinLogin({ username: cashier.username, pin: PIN, register_id: 999_999 })).body).toMatchObject({
      error: 'validation_failed',
      fields: { register_id: expect.any(Array) },
    });
  });

  it('a wrong PIN, an unknown user and a user without a PIN get the same 401 body', async () => {
    const bodies = await Promise.all([
      pinLogin({ username: cashier.username, pin: '9999' }),
      pinLogin({ username: 'nobody-here', pin: PIN }),
      pinLogin({ username: noPin.username, pin: PIN }),
    ]);
    for (const res of bodies) expect(res.status).toBe(401);
    expect(bodies[1]?.body).toEqual(bodies[0]?.body);
    expect(bodies[2]?.body).toEqual(bodies[0]?.body);
    expect(bodies[0]?.body.error).toBe('invalid_credentials');
  });

  it('with its register’s device token (register_id optional, and then it must be that register)', async () => {
    const registerId = await newRegister();
    const otherRegister = await newRegister();
    const deviceToken = await issueToken(registerId);
    expect((await pinLogin({ username: cashier.username, pin: PIN }, deviceToken)).status).toBe(200);
    expect((await pinLogin({ username: cashier.username, pin: PIN, register_id: registerId }, deviceToken)).status).toBe(200);
    const mismatch = await pinLogin({ username: cashier.username, pin: PIN, register_id: otherRegister }, deviceToken);
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error).toBe('forbidden');
  });

  it('a replaced or unknown device token is 403 even from loopback, before any PIN is checked', async () => {
    const registerId = await newRegister();
    const first = await issueToken(registerId);
    const second = await issueToken(registerId);
    expect(second).not.toBe(first);
    for (const stale of [first, 'not-a-device-token', '']) {
      const res = await pinLogin({ username: cashier.username, pin: PIN }, stale);
      expect(res.status, stale).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
    expect((await pinLogin({ username: cashier.username, pin: PIN }, second)).status).toBe(200);
  });

  it('only managers issue device tokens; the token is kept as a hash and audited', async () => {
    const registerId = await newRegister();
    const refused = await t.api.post(`/registers/${registerId}/device-token`, {}, token(cashier));
    expect(refused.status).toBe(403);
    expect((await t.api.post('/registers/999999/device-token', {}, token(manager))).status).toBe(404);
    const deviceToken = await issueToken(registerId, owner);
    const registers = await t.api.get('/registers', token(manager));
    expect(JSON.stringify(registers.body)).not.toContain(deviceToken);
    const audit = await t.api.get('/audit-log?action=register.device_token_issued&limit=50', token(owner));
    expect(audit.body.some((e: { target_id: number }) => e.target_id === registerId)).toBe(true);
    expect(JSON.stringify(audit.body)).not.toContain(deviceToken);
  });

  it('tRPC auth.pinLogin: the desktop window is trusted, a caller not on this computer is refused', async () => {
    const services = t.core.services;
    const desktop = appRouter.createCaller({ services, session: createMemorySession(services), fromLoopback: true, clientKey: 'window:1' });
    const result = await desktop.auth.pinLogin({ username: cashier.username, pin: PIN });
    expect(result.user.id).toBe(cashier.id);
    expect((await desktop.profile.me()).id).toBe(cashier.id);

    const remote = appRouter.createCaller({
      services,
      session: createMemorySession(services),
      fromLoopback: false,
      clientKey: '192.0.2.7',
    });
    await expect(remote.auth.pinLogin({ username: cashier.username, pin: PIN })).rejects.toMatchObject({ cause: { error: 'forbidden' } });
    await expect(desktop.auth.pinLogin({ username: cashier.username, pin: '9999' })).rejects.toMatchObject({
      cause: { error: 'invalid_credentials' },
    });
  });
});
