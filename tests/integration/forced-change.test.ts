// A forced password change is an outcome of signing in, not an exception: services.auth.login
// returns it as a value with its change token (no DomainError ever carries one), and
// completeForcedChange (the workflow the UI's tRPC router used to run itself) changes the
// password and signs in, for whoever holds the change token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../electron/core/errors';
import { setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

const DAY_MS = 24 * 3600 * 1000;
const TEMPORARY = 'Tmp-till-cedar-57';

describe('login outcomes and the forced change', () => {
  let t: TestCore;
  let owner: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  async function cashierWithTemporaryPassword(): Promise<string> {
    const username = uniqueName('cash');
    const created = await t.api.post(
      '/users',
      { username, password: TEMPORARY, first_name: 'C', last_name: 'D', role: 'cashier' },
      { token: owner.access },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return username;
  }

  it('a temporary password is a value with a change token, not an error', async () => {
    const username = await cashierWithTemporaryPassword();
    const outcome = await t.core.services.auth.login(username, TEMPORARY, 'test-client');
    expect(outcome).toMatchObject({ kind: 'password_change_required', reason: 'temporary' });
    expect(outcome).not.toHaveProperty('access');
  });

  it('an expired password says so; the right password of a current account signs in', async () => {
    const patched = await t.api.patch('/roles/super_admin/settings', { password_expiration: 1 }, { token: owner.access });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const later = await t.core.services.auth.login('owner', PASSWORDS.super_admin, 'test-client', Date.now() + 2 * DAY_MS);
    expect(later).toMatchObject({ kind: 'password_change_required', reason: 'expired' });
    await t.api.patch('/roles/super_admin/settings', { password_expiration: 0 }, { token: owner.access });

    const now = await t.core.services.auth.login('owner', PASSWORDS.super_admin, 'test-client');
    expect(now).toMatchObject({ kind: 'signed_in', role: 'Super Admin', user: { username: 'owner' } });
  });

  it('a wrong password is still an error, and it carries no change token', async () => {
    const username = await cashierWithTemporaryPassword();
    const failure = await t.core.services.auth.login(username, 'not-the-temp-1', 'test-client').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ error: 'invalid_credentials' });
    expect(JSON.stringify((failure as DomainError).toBody())).not.toMatch(/change_token|eyJ/);
  });

  it('completeForcedChange changes the password and returns a working sign-in; the token is then spent', async () => {
    const username = await cashierWithTemporaryPassword();
    const outcome = await t.core.services.auth.login(username, TEMPORARY, 'test-client');
    if (outcome.kind !== 'password_change_required') throw new Error('expected a forced change');

    await expect(t.core.services.auth.completeForcedChange(outcome.changeToken, 'not-the-temp-1', PASSWORDS.cashier)).rejects.toMatchObject(
      {
        error: 'validation_failed',
        extras: { fields: { old_password: ['Wrong password.'] } },
      },
    );
    await expect(t.core.services.auth.completeForcedChange(outcome.changeToken, TEMPORARY, 'short')).rejects.toMatchObject({
      error: 'password_policy',
    });

    const signedIn = await t.core.services.auth.completeForcedChange(outcome.changeToken, TEMPORARY, PASSWORDS.cashier);
    expect(signedIn).toMatchObject({ role: 'Cashier', user: { username } });
    expect(signedIn).not.toHaveProperty('kind');
    const me = await t.api.get('/me', { token: signedIn.access });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(username);

    await expect(
      t.core.services.auth.completeForcedChange(outcome.changeToken, PASSWORDS.cashier, 'other-till-fir-61'),
    ).rejects.toMatchObject({ error: 'token_revoked' });
    expect((await t.api.post('/auth/login', { username, password: PASSWORDS.cashier })).status).toBe(200);
  });

  it('completeForcedChange refuses an account locked meanwhile', async () => {
    const username = await cashierWithTemporaryPassword();
    const outcome = await t.core.services.auth.login(username, TEMPORARY, 'test-client');
    if (outcome.kind !== 'password_change_required') throw new Error('expected a forced change');
    // Five wrong passwords (the cashier default) lock the account while the change screen is open.
    for (let i = 0; i < 5; i++) await t.api.post('/auth/login', { username, password: `wrong-guess-${i}1` });
    const locked = await t.api.post('/auth/login', { username, password: TEMPORARY });
    expect(locked.status, JSON.stringify(locked.body)).toBe(423);
    await expect(t.core.services.auth.completeForcedChange(outcome.changeToken, TEMPORARY, PASSWORDS.cashier)).rejects.toMatchObject({
      error: 'account_locked',
    });
  });
});
