import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../electron/core/errors';
import type { ApiClient } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

const DAY_MS = 24 * 3600 * 1000;
const OWNER_INPUT = { username: 'owner', password: PASSWORDS.super_admin, first_name: 'Olga', last_name: 'Owner' };

/** Registers a customer over HTTP and signs them in. */
async function registerCustomer(api: ApiClient, password: string = PASSWORDS.customer): Promise<SignedIn> {
  const username = uniqueName('cust');
  const res = await api.post('/auth/register', { username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return signIn(api, username, password);
}

/** Moves a user's password_changed_at into the past, straight in the SQLite file. */
function agePassword(t: TestCore, userId: number, ageMs: number): void {
  const db = new Database(join(t.dataDir, 'shopdesk.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const changed = db.prepare('UPDATE users SET password_changed_at = ? WHERE id = ?').run(Date.now() - ageMs, userId);
    expect(changed.changes).toBe(1);
  } finally {
    db.close();
  }
}

/** No secret of the account ever appears in a user object. */
function expectNoSecrets(user: Record<string, unknown>): void {
  // `has_pin` says only whether a PIN is set; the PIN and its hash are never in the body.
  for (const key of Object.keys(user)) if (key !== 'has_pin') expect(key).not.toMatch(/password|hash|pin|secret/i);
  if ('has_pin' in user) expect(typeof user.has_pin).toBe('boolean');
}

describe('first-run setup', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('refuses a weak owner password with password_policy and stays uninitialised', async () => {
    t = await startTestCore();
    const weak = await t.api.post('/setup', { ...OWNER_INPUT, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toBe('password_policy');
    expect(weak.body.fields.password.length).toBeGreaterThan(0);
    // Nothing was created: a proper setup still works.
    expect((await t.api.post('/setup', OWNER_INPUT)).status).toBe(201);
  });

  it('refuses missing and unknown fields with validation_failed', async () => {
    t = await startTestCore();
    const missing = await t.api.post('/setup', { username: 'owner', password: PASSWORDS.super_admin, last_name: 'Owner' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('validation_failed');
    expect(missing.body.fields).toHaveProperty('first_name');
    const unknown = await t.api.post('/setup', { ...OWNER_INPUT, role: 'manager' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('validation_failed');
    expect(unknown.body.fields).toHaveProperty('role');
    expect((await t.api.post('/setup', OWNER_INPUT)).status).toBe(201);
  });

  it('refuses setup that does not come from loopback (service level)', async () => {
    t = await startTestCore();
    const attempt = t.core.services.auth.setup(OWNER_INPUT, false);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ error: 'forbidden', status: 403 });
    expect(t.core.services.auth.isInitialized()).toBe(false);
    expect((await t.api.post('/setup', OWNER_INPUT)).status).toBe(201);
  });

  it('creates the Super Admin once; a second setup answers 409 already_initialized', async () => {
    t = await startTestCore();
    const first = await t.api.post('/setup', { ...OWNER_INPUT, email: 'olga@example.com' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      username: 'owner',
      first_name: 'Olga',
      last_name: 'Owner',
      email: 'olga@example.com',
      role: 'super_admin',
      is_active: true,
      is_locked: false,
      manager_id: null,
    });
    expect(Number.isInteger(first.body.id) && first.body.id > 0).toBe(true);
    expectNoSecrets(first.body);

    const second = await t.api.post('/setup', { ...OWNER_INPUT, username: 'intruder' });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('already_initialized');

    const login = await t.api.post('/auth/login', { username: 'owner', password: PASSWORDS.super_admin });
    expect(login.status).toBe(200);
    expect(login.body.role).toBe('Super Admin');
    expect((await t.api.post('/auth/login', { username: 'intruder', password: PASSWORDS.super_admin })).status).toBe(401);
  });

  it('two (or more) setups racing make exactly one owner', async () => {
    t = await startTestCore();
    const results = await Promise.all(
      ['racer0', 'racer1', 'racer2', 'racer3'].map((username) => t.api.post('/setup', { ...OWNER_INPUT, username })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error).toBe('already_initialized');
    const winner = results.find((r) => r.status === 201);
    const owner = await signIn(t.api, winner?.body.username, PASSWORDS.super_admin);
    const everyone = await t.api.get('/users', { token: owner.access });
    expect(everyone.status).toBe(200);
    expect(everyone.body).toHaveLength(1);
    expect(everyone.body[0].role).toBe('super_admin');
  });
});

describe('self-registration', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    await setupOwner(t.api); // registration opens once the shop is set up
  });
  afterAll(() => t.stop());

  it('refuses unknown fields with 400 validation_failed', async () => {
    const res = await t.api.post('/auth/register', { username: uniqueName('c'), password: PASSWORDS.customer, role: 'super_admin' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.fields).toHaveProperty('role');
  });

  it('refuses missing username or password', async () => {
    const res = await t.api.post('/auth/register', { password: PASSWORDS.customer });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.fields).toHaveProperty('username');
    const noPassword = await t.api.post('/auth/register', { username: uniqueName('c') });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.fields).toHaveProperty('password');
  });

  it('refuses a password that breaks the customer policy', async () => {
    const res = await t.api.post('/auth/register', { username: uniqueName('c'), password: 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('password_policy');
    expect(res.body.fields.password.length).toBeGreaterThanOrEqual(2); // too short and no digit
  });

  it('refuses a common password', async () => {
    const res = await t.api.post('/auth/register', { username: uniqueName('c'), password: 'password1' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('password_policy');
  });

  it('refuses a duplicate username, also when it differs only in case', async () => {
    const username = uniqueName('Dup');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    for (const again of [username, username.toLowerCase(), username.toUpperCase()]) {
      const res = await t.api.post('/auth/register', { username: again, password: PASSWORDS.customer });
      expect(res.status, again).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(typeof res.body.message).toBe('string');
      expect(res.body.fields.username).toEqual(['A user with that username already exists.']);
    }
  });

  it('creates a customer (201) who can then sign in', async () => {
    const username = uniqueName('newcust');
    const res = await t.api.post('/auth/register', {
      username,
      password: PASSWORDS.customer,
      first_name: 'Cora',
      last_name: 'Customer',
      email: `${username}@example.com`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username,
      first_name: 'Cora',
      last_name: 'Customer',
      role: 'customer',
      is_active: true,
      manager_id: null,
    });
    expectNoSecrets(res.body);
    const login = await t.api.post('/auth/login', { username, password: PASSWORDS.customer });
    expect(login.status).toBe(200);
    expect(login.body.role).toBe('Customer');
    expect(login.body.user.role).toBe('customer');
  });
});

describe('self-registration switched off', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore({ env: { registration: 'off' } });
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());
  let owner: SignedIn;

  it('answers 403 registration_disabled and creates nobody', async () => {
    const res = await t.api.post('/auth/register', { username: 'walkin', password: PASSWORDS.customer });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('registration_disabled');
    expect((await t.api.post('/auth/login', { username: 'walkin', password: PASSWORDS.customer })).status).toBe(401);
  });

  it('staff can still create accounts', async () => {
    const cashier = await createSignedInUser(t.api, owner, 'cashier');
    expect(cashier.id).toBeGreaterThan(owner.id);
  });
});

describe('changing one’s own password', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('needs credentials', async () => {
    const res = await t.api.post('/auth/password/change', { old_password: 'x', new_password: 'y' });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');
  });

  it('refuses a wrong old password with fields.old_password ["Wrong password."]', async () => {
    const me = await registerCustomer(t.api);
    const res = await t.api.post(
      '/auth/password/change',
      { old_password: 'not-my-password-1', new_password: 'zebra-kiwi-4' },
      { token: me.access },
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.fields.old_password).toEqual(['Wrong password.']);
    expect((await t.api.post('/auth/login', { username: me.username, password: me.password })).status).toBe(200);
  });

  it('refuses the same password again with password_reused, code 5', async () => {
    const me = await registerCustomer(t.api);
    const res = await t.api.post('/auth/password/change', { old_password: me.password, new_password: me.password }, { token: me.access });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'password_reused', code: 5 });
  });

  it('lists every broken rule of the role policy in fields.new_password', async () => {
    const manager = await createSignedInUser(t.api, owner, 'manager');
    // Manager policy: 10 characters, upper, lower, digit, special. '~~~~' breaks all but special.
    const res = await t.api.post(
      '/auth/password/change',
      { old_password: manager.password, new_password: '~~~~' },
      { token: manager.access },
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('password_policy');
    const broken: string[] = res.body.fields.new_password;
    expect(broken).toHaveLength(4);
    expect(broken.some((m) => /10/.test(m))).toBe(true);
    expect(broken.some((m) => /upper/i.test(m))).toBe(true);
    expect(broken.some((m) => /lower/i.test(m))).toBe(true);
    expect(broken.some((m) => /digit|number/i.test(m))).toBe(true);
    expect(broken.some((m) => /special/i.test(m))).toBe(false);

    // One broken rule, one message.
    const oneRule = await t.api.post(
      '/auth/password/change',
      { old_password: manager.password, new_password: 'Mgr-Walnut-xyzw' },
      { token: manager.access },
    );
    expect(oneRule.status).toBe(400);
    expect(oneRule.body.error).toBe('password_policy');
    expect(oneRule.body.fields.new_password).toHaveLength(1);
    expect(oneRule.body.fields.new_password[0]).toMatch(/digit|number/i);

    // Nothing changed.
    expect((await t.api.post('/auth/login', { username: manager.username, password: manager.password })).status).toBe(200);
  });

  it('succeeds with 200, the new password signs in and the old one does not', async () => {
    const me = await registerCustomer(t.api);
    const res = await t.api.post(
      '/auth/password/change',
      { old_password: me.password, new_password: 'zebra-kiwi-4' },
      { token: me.access },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'Password updated successfully' });
    expect((await t.api.post('/auth/login', { username: me.username, password: 'zebra-kiwi-4' })).status).toBe(200);
    const old = await t.api.post('/auth/login', { username: me.username, password: me.password });
    expect(old.status).toBe(401);
    expect(old.body.error).toBe('invalid_credentials');
  });

  it('ends the user’s other sign-ins; the current one keeps working', async () => {
    const current = await registerCustomer(t.api);
    const other = await signIn(t.api, current.username, current.password);
    const res = await t.api.post(
      '/auth/password/change',
      { old_password: current.password, new_password: 'sleepy-otter-88' },
      { token: current.access },
    );
    expect(res.status).toBe(200);

    expect((await t.api.get(`/users/${current.id}`, { token: current.access })).status).toBe(200);
    const refreshed = await t.api.post('/auth/refresh', { refresh: current.refresh });
    expect(refreshed.status).toBe(200);
    expect((await t.api.get(`/users/${current.id}`, { token: refreshed.body.access })).status).toBe(200);

    const otherAccess = await t.api.get(`/users/${current.id}`, { token: other.access });
    expect(otherAccess.status).toBe(401);
    expect((await t.api.post('/auth/refresh', { refresh: other.refresh })).status).toBe(401);
  });
});

describe('common passwords', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    // Relax the customer policy so that commonness is the only rule left to break.
    const relaxed = await t.api.patch(
      '/roles/customer/settings',
      { minimum_characters: 4, contain_upper_case: false, contain_lower_case: false, contain_special_case: false, contain_number: false },
      { token: owner.access },
    );
    expect(relaxed.status).toBe(200);
  });
  afterAll(() => t.stop());

  it.each(['P@ssw0rd', 'Password123!', 'password1', 'PASSWORD1', 'pAsSwOrD1', 'P@SSW0RD'])(
    'refuses %s as a new password',
    async (common) => {
      const me = await registerCustomer(t.api);
      const res = await t.api.post('/auth/password/change', { old_password: me.password, new_password: common }, { token: me.access });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('password_policy');
      expect(res.body.fields.new_password).toHaveLength(1);
      expect((await t.api.post('/auth/login', { username: me.username, password: common })).status).toBe(401);
    },
  );

  it('refuses a common password at registration and when staff set one', async () => {
    const reg = await t.api.post('/auth/register', { username: uniqueName('c'), password: 'PASSWORD1' });
    expect(reg.status).toBe(400);
    expect(reg.body.error).toBe('password_policy');
    const created = await t.api.post(
      '/users',
      { username: uniqueName('cash'), password: 'P@ssw0rd', first_name: 'C', last_name: 'C', role: 'cashier' },
      { token: owner.access },
    );
    expect(created.status).toBe(400);
    expect(created.body.error).toBe('password_policy');
    expect(created.body.fields).toHaveProperty('password');
  });

  it('accepts an uncommon password under the same relaxed policy', async () => {
    const me = await registerCustomer(t.api);
    const res = await t.api.post(
      '/auth/password/change',
      { old_password: me.password, new_password: 'wobbly-kettle' },
      { token: me.access },
    );
    expect(res.status).toBe(200);
  });
});

describe('long passwords are never silently truncated', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  const ascii = (length: number) => `k9-${'q'.repeat(length - 3)}`;

  it('refuses 129 characters at registration and on change', async () => {
    const tooLong = ascii(129);
    expect(tooLong).toHaveLength(129);
    const reg = await t.api.post('/auth/register', { username: uniqueName('c'), password: tooLong });
    expect(reg.status).toBe(400);
    expect(['password_policy', 'validation_failed']).toContain(reg.body.error);
    expect(reg.body.fields).toHaveProperty('password');

    const me = await registerCustomer(t.api);
    const change = await t.api.post('/auth/password/change', { old_password: me.password, new_password: tooLong }, { token: me.access });
    expect(change.status).toBe(400);
    expect(['password_policy', 'validation_failed']).toContain(change.body.error);
    expect(change.body.fields).toHaveProperty('new_password');
  });

  it('accepts 128 characters, ASCII or multi-byte, and signs in with them', async () => {
    for (const password of [ascii(128), `1${'é'.repeat(127)}`]) {
      expect([...password]).toHaveLength(128);
      const username = uniqueName('long');
      const reg = await t.api.post('/auth/register', { username, password });
      expect(reg.status, JSON.stringify(reg.body)).toBe(201);
      expect((await t.api.post('/auth/login', { username, password })).status).toBe(200);
    }
  });

  it('tells apart two passwords that share their first 72 bytes (registration)', async () => {
    const prefix = ascii(72);
    expect(Buffer.byteLength(prefix)).toBe(72);
    const username = uniqueName('trunc');
    expect((await t.api.post('/auth/register', { username, password: `${prefix}-alpha` })).status).toBe(201);
    const other = await t.api.post('/auth/login', { username, password: `${prefix}-omega` });
    expect(other.status).toBe(401);
    expect(other.body.error).toBe('invalid_credentials');
    expect((await t.api.post('/auth/login', { username, password: prefix })).status).toBe(401);
    expect((await t.api.post('/auth/login', { username, password: `${prefix}-alpha` })).status).toBe(200);
  });

  it('tells apart multi-byte passwords that share their first 72 bytes (password change)', async () => {
    const shared = 'é'.repeat(36); // 36 characters, 72 bytes of UTF-8
    expect(Buffer.byteLength(shared)).toBe(72);
    const me = await registerCustomer(t.api);
    const chosen = `${shared}7a`;
    const res = await t.api.post('/auth/password/change', { old_password: me.password, new_password: chosen }, { token: me.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await t.api.post('/auth/login', { username: me.username, password: `${shared}8b` })).status).toBe(401);
    expect((await t.api.post('/auth/login', { username: me.username, password: chosen })).status).toBe(200);
  });
});

describe('passwords set by someone else must be changed at next sign-in', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
  });
  afterAll(() => t.stop());

  it('a wrong password for a new account still answers 401, not code 4', async () => {
    const username = uniqueName('cash');
    const created = await t.api.post(
      '/users',
      { username, password: 'Tmp-till-pine-57', first_name: 'Cam', last_name: 'Cashier', role: 'cashier' },
      { token: owner.access },
    );
    expect(created.status).toBe(201);
    const wrong = await t.api.post('/auth/login', { username, password: 'Tmp-till-pine-58' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_credentials');
    expect(wrong.body).not.toHaveProperty('change_token');
  });

  it('an account the owner created answers 403 code 4 with a change_token that only changes the password', async () => {
    const username = uniqueName('cash');
    const temporary = 'Tmp-till-pine-57';
    const created = await t.api.post(
      '/users',
      { username, password: temporary, first_name: 'Cam', last_name: 'Cashier', role: 'cashier' },
      { token: owner.access },
    );
    expect(created.status).toBe(201);

    const login = await t.api.post('/auth/login', { username, password: temporary });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: 'password_expired', code: 4 });
    expect(typeof login.body.change_token).toBe('string');
    expect(login.body).not.toHaveProperty('access');
    expect(login.body).not.toHaveProperty('refresh');
    const changeToken: string = login.body.change_token;

    // Not an access token.
    expect((await t.api.get(`/users/${created.body.id}`, { token: changeToken })).status).toBe(401);
    expect((await t.api.get('/roles/cashier/settings', { token: changeToken })).status).toBe(401);

    // The change itself still follows the rules.
    const same = await t.api.post('/auth/password/change', { old_password: temporary, new_password: temporary }, { token: changeToken });
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({ error: 'password_reused', code: 5 });

    const changed = await t.api.post(
      '/auth/password/change',
      { old_password: temporary, new_password: PASSWORDS.cashier },
      { token: changeToken },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ message: 'Password updated successfully' });

    // Single use.
    const replay = await t.api.post(
      '/auth/password/change',
      { old_password: PASSWORDS.cashier, new_password: 'other-fir-61' },
      { token: changeToken },
    );
    expect(replay.status).toBe(401);

    const after = await t.api.post('/auth/login', { username, password: PASSWORDS.cashier });
    expect(after.status).toBe(200);
    expect(after.body.role).toBe('Cashier');
    expect((await t.api.post('/auth/login', { username, password: temporary })).status).toBe(401);
  });

  it('a password set by the manager must meet the worker’s role policy', async () => {
    const worker = await createSignedInUser(t.api, manager, 'attendant');
    const res = await t.api.patch(`/users/${worker.id}`, { password: 'abc' }, { token: manager.access });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('password_policy');
    expect(res.body.fields.password.length).toBeGreaterThan(1);
    expect((await t.api.get(`/users/${worker.id}`, { token: worker.access })).status).toBe(200);
  });

  it('a password set by the manager: the worker’s tokens die and the next sign-in answers code 4', async () => {
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    const second = await signIn(t.api, worker.username, worker.password);
    expect((await t.api.get(`/users/${worker.id}`, { token: worker.access })).status).toBe(200);

    const reset = await t.api.patch(`/users/${worker.id}`, { password: 'Reset-oak-31' }, { token: manager.access });
    expect(reset.status).toBe(200);
    expectNoSecrets(reset.body);

    for (const session of [worker, second]) {
      const access = await t.api.get(`/users/${worker.id}`, { token: session.access });
      expect(access.status).toBe(401);
      expect((await t.api.post('/auth/refresh', { refresh: session.refresh })).status).toBe(401);
    }
    expect((await t.api.post('/auth/login', { username: worker.username, password: worker.password })).status).toBe(401);

    const login = await t.api.post('/auth/login', { username: worker.username, password: 'Reset-oak-31' });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: 'password_expired', code: 4 });
    const changed = await t.api.post(
      '/auth/password/change',
      { old_password: 'Reset-oak-31', new_password: 'Fresh-cedar-29' },
      { token: login.body.change_token },
    );
    expect(changed.status).toBe(200);
    expect((await t.api.post('/auth/login', { username: worker.username, password: 'Fresh-cedar-29' })).status).toBe(200);
  });

  it('the owner may set a manager’s password, which then must be changed too', async () => {
    const other = await createSignedInUser(t.api, owner, 'manager');
    const reset = await t.api.patch(`/users/${other.id}`, { password: 'Reset-Maple-90' }, { token: owner.access });
    expect(reset.status).toBe(200);
    expect((await t.api.get(`/users/${other.id}`, { token: other.access })).status).toBe(401);
    const login = await t.api.post('/auth/login', { username: other.username, password: 'Reset-Maple-90' });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: 'password_expired', code: 4 });
  });
});

describe('password expiration', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
  });
  afterAll(() => t.stop());

  it('with the default of 0 days a password never expires', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    agePassword(t, cashier.id, 3650 * DAY_MS);
    expect((await t.api.post('/auth/login', { username: cashier.username, password: cashier.password })).status).toBe(200);
  });

  it('a password older than the role’s password_expiration answers 403 code 4 until changed', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    const patched = await t.api.patch('/roles/cashier/settings', { password_expiration: 1 }, { token: owner.access });
    expect(patched.status).toBe(200);
    expect(patched.body.password_expiration).toBe(1);

    agePassword(t, cashier.id, 2 * DAY_MS);
    const expired = await t.api.post('/auth/login', { username: cashier.username, password: cashier.password });
    expect(expired.status).toBe(403);
    expect(expired.body).toMatchObject({ error: 'password_expired', code: 4 });
    expect(typeof expired.body.change_token).toBe('string');

    // A wrong password still answers 401: expiry says nothing to someone without the password.
    expect((await t.api.post('/auth/login', { username: cashier.username, password: 'wrong-pass-1' })).status).toBe(401);

    const changed = await t.api.post(
      '/auth/password/change',
      { old_password: cashier.password, new_password: 'renewed-ash-44' },
      { token: expired.body.change_token },
    );
    expect(changed.status).toBe(200);
    expect((await t.api.post('/auth/login', { username: cashier.username, password: 'renewed-ash-44' })).status).toBe(200);
  });

  it('a password younger than the limit still signs in; other roles are unaffected', async () => {
    const cashier = await createSignedInUser(t.api, manager, 'cashier');
    agePassword(t, cashier.id, 12 * 3600 * 1000);
    expect((await t.api.post('/auth/login', { username: cashier.username, password: cashier.password })).status).toBe(200);

    const attendant = await createSignedInUser(t.api, manager, 'attendant');
    agePassword(t, attendant.id, 30 * DAY_MS);
    expect((await t.api.post('/auth/login', { username: attendant.username, password: attendant.password })).status).toBe(200);
  });
});
