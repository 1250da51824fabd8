import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, setupOwner, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

describe('lockout and unlock', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
  });
  afterAll(() => t.stop());

  it('locks after five wrong passwords, answers 423 even to the right one, and a manager unlocks it', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await t.api.post('/auth/login', { username: cashier.username, password: 'wrong-password-1' });
      expect(res.status, `attempt ${attempt}`).toBe(401);
      expect(res.body.error).toBe('invalid_credentials');
    }
    const locked = await t.api.post('/auth/login', { username: cashier.username, password: PASSWORDS.cashier });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ error: 'account_locked', code: 3 });

    const seen = await t.api.get(`/users/${cashier.id}`, { token: manager.access });
    expect(seen.body.is_locked).toBe(true);

    const unlock = await t.api.post(`/users/${cashier.id}/unlock`, {}, { token: manager.access });
    expect(unlock.status).toBe(200);
    expect(unlock.body.is_locked).toBe(false);

    const again = await t.api.post('/auth/login', { username: cashier.username, password: PASSWORDS.cashier });
    expect(again.status).toBe(200);
    expect(again.body.role).toBe('Cashier');
  });

  it('a success resets the count of failures', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    for (let i = 0; i < 4; i++) await t.api.post('/auth/login', { username: cashier.username, password: 'nope-nope-1' });
    expect((await t.api.post('/auth/login', { username: cashier.username, password: PASSWORDS.cashier })).status).toBe(200);
    for (let i = 0; i < 4; i++) await t.api.post('/auth/login', { username: cashier.username, password: 'nope-nope-1' });
    expect((await t.api.post('/auth/login', { username: cashier.username, password: PASSWORDS.cashier })).status).toBe(200);
  });

  it('follows the role’s max_failed_attempts', async () => {
    const patched = await t.api.patch('/roles/attendant/settings', { max_failed_attempts: 2 }, { token: owner.access });
    expect(patched.status).toBe(200);
    const attendant = await createSignedInUser(t.api, manager, 'attendant');
    expect((await t.api.post('/auth/login', { username: attendant.username, password: 'bad-bad-1' })).status).toBe(401);
    expect((await t.api.post('/auth/login', { username: attendant.username, password: 'bad-bad-1' })).status).toBe(401);
    expect((await t.api.post('/auth/login', { username: attendant.username, password: PASSWORDS.attendant })).status).toBe(423);
  });

  it('only managers of the worker and the Super Admin may unlock', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    const otherManager = await createSignedInUser(t.api, owner, 'manager');
    expect((await t.api.post(`/users/${cashier.id}/unlock`, {}, { token: otherManager.access })).status).toBe(404);
    const peer = await createSignedInUser(t.api, manager, 'cashier');
    const byPeer = await t.api.post(`/users/${cashier.id}/unlock`, {}, { token: peer.access });
    expect(byPeer.status).toBe(403);
    expect(byPeer.body.error).toBe('forbidden');
    expect((await t.api.post(`/users/${cashier.id}/unlock`, {}, { token: owner.access })).status).toBe(200);
  });
});
