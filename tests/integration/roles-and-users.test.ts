import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/** The role table and default policies of docs/contract/API.md (and API-SELLING.md's discount limits), written out rather than imported. */
const DEFAULT_ROLES = [
  {
    id: 1,
    key: 'super_admin',
    name: 'Super Admin',
    minimum_characters: 12,
    contain_upper_case: true,
    contain_lower_case: true,
    contain_special_case: true,
    contain_number: true,
    password_expiration: 0,
    max_failed_attempts: 5,
    max_discount_percent: 100,
  },
  {
    id: 2,
    key: 'manager',
    name: 'Manager',
    minimum_characters: 10,
    contain_upper_case: true,
    contain_lower_case: true,
    contain_special_case: true,
    contain_number: true,
    password_expiration: 0,
    max_failed_attempts: 5,
    max_discount_percent: 100,
  },
  {
    id: 3,
    key: 'attendant',
    name: 'Attendant',
    minimum_characters: 8,
    contain_upper_case: true,
    contain_lower_case: true,
    contain_special_case: true,
    contain_number: true,
    password_expiration: 0,
    max_failed_attempts: 5,
    max_discount_percent: 10,
  },
  {
    id: 4,
    key: 'cashier',
    name: 'Cashier',
    minimum_characters: 6,
    contain_upper_case: false,
    contain_lower_case: true,
    contain_special_case: true,
    contain_number: true,
    password_expiration: 0,
    max_failed_attempts: 5,
    max_discount_percent: 10,
  },
  {
    id: 5,
    key: 'customer',
    name: 'Customer',
    minimum_characters: 8,
    contain_upper_case: false,
    contain_lower_case: true,
    contain_special_case: false,
    contain_number: true,
    password_expiration: 0,
    max_failed_attempts: 5,
    max_discount_percent: 0,
  },
] as const;

function settingsOf(key: string) {
  const role = DEFAULT_ROLES.find((r) => r.key === key);
  if (!role) throw new Error(`no role ${key}`);
  const { id: _id, key: _key, name: _name, ...settings } = role;
  return settings;
}

const NOT_FOUND_USER = { error: 'not_found', message: 'No User matches the given query.' };

function newUserBody(role: string, extra: Record<string, unknown> = {}) {
  return {
    username: uniqueName(role.slice(0, 4)),
    password: `Tmp-${PASSWORDS[role as keyof typeof PASSWORDS]}`,
    first_name: 'Test',
    last_name: role,
    role,
    ...extra,
  };
}

async function registerCustomer(api: ApiClient): Promise<SignedIn> {
  const username = uniqueName('cust');
  expect((await api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
  return signIn(api, username, PASSWORDS.customer);
}

describe('roles and their password policies', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
  });
  afterAll(() => t.stop());

  it('GET /roles needs no sign-in and lists the five fixed roles with the default policies', async () => {
    const res = await t.api.get('/roles');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    const sorted = [...res.body].sort((a, b) => a.id - b.id);
    expect(sorted).toEqual(DEFAULT_ROLES);
  });

  it('GET /roles/{key}/settings needs a token', async () => {
    const none = await t.api.get('/roles/cashier/settings');
    expect(none.status).toBe(401);
    expect(none.body.error).toBe('unauthenticated');
    const garbage = await t.api.get('/roles/cashier/settings', { token: 'not-a-jwt' });
    expect(garbage.status).toBe(401);
  });

  it('any signed-in role, a cashier included, reads every role’s settings', async () => {
    for (const { key } of DEFAULT_ROLES) {
      const res = await t.api.get(`/roles/${key}/settings`, { token: cashier.access });
      expect(res.status, key).toBe(200);
      expect(res.body).toEqual(settingsOf(key));
    }
    const customer = await registerCustomer(t.api);
    expect((await t.api.get('/roles/manager/settings', { token: customer.access })).status).toBe(200);
  });

  it('an unknown role key answers 404', async () => {
    const read = await t.api.get('/roles/janitor/settings', { token: owner.access });
    expect(read.status).toBe(404);
    expect(read.body.error).toBe('not_found');
    const write = await t.api.patch('/roles/janitor/settings', { minimum_characters: 9 }, { token: owner.access });
    expect(write.status).toBe(404);
    expect(write.body.error).toBe('not_found');
  });

  it('only the Super Admin may change settings: a manager or a cashier gets 403 forbidden', async () => {
    for (const who of [manager, cashier]) {
      const res = await t.api.patch('/roles/cashier/settings', { minimum_characters: 20 }, { token: who.access });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
    expect((await t.api.patch('/roles/cashier/settings', { minimum_characters: 20 })).status).toBe(401);
    expect((await t.api.get('/roles/cashier/settings', { token: owner.access })).body).toEqual(settingsOf('cashier'));
  });

  it('refuses out-of-range values, wrong types and unknown fields with 400 naming the field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ minimum_characters: 0 }, 'minimum_characters'],
      [{ max_failed_attempts: 0 }, 'max_failed_attempts'],
      [{ password_expiration: -1 }, 'password_expiration'],
      [{ max_discount_percent: 101 }, 'max_discount_percent'],
      [{ minimum_characters: 6.5 }, 'minimum_characters'],
      [{ minimum_characters: '8' }, 'minimum_characters'],
      [{ contain_number: 'yes' }, 'contain_number'],
      [{ minimum_length: 8 }, 'minimum_length'],
    ];
    for (const [body, field] of bad) {
      const res = await t.api.patch('/roles/cashier/settings', body, { token: owner.access });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    expect((await t.api.get('/roles/cashier/settings', { token: owner.access })).body).toEqual(settingsOf('cashier'));
  });

  it('the owner changes a subset; the new minimum applies to the next password set', async () => {
    const patched = await t.api.patch('/roles/cashier/settings', { minimum_characters: 14 }, { token: owner.access });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...settingsOf('cashier'), minimum_characters: 14 });
    const listed = (await t.api.get('/roles')).body.find((r: { key: string }) => r.key === 'cashier');
    expect(listed.minimum_characters).toBe(14);

    try {
      // The current password of an existing cashier still signs in …
      const again = await signIn(t.api, cashier.username, cashier.password);
      // … but a new 12-character password is refused everywhere a password is set.
      expect(PASSWORDS.cashier).toHaveLength(12);
      const change = await t.api.post(
        '/auth/password/change',
        { old_password: cashier.password, new_password: 'till-oak-5712' },
        { token: again.access },
      );
      expect(change.status).toBe(400);
      expect(change.body.error).toBe('password_policy');
      expect(change.body.fields.new_password).toHaveLength(1);
      expect(change.body.fields.new_password[0]).toMatch(/14/);

      const created = await t.api.post('/users', newUserBody('cashier', { password: PASSWORDS.cashier }), { token: manager.access });
      expect(created.status).toBe(400);
      expect(created.body.error).toBe('password_policy');
      expect(created.body.fields.password[0]).toMatch(/14/);

      const set = await t.api.patch(`/users/${cashier.id}`, { password: 'till-elm-4421' }, { token: manager.access });
      expect(set.status).toBe(400);
      expect(set.body.error).toBe('password_policy');

      // Other roles keep their own policy.
      expect((await t.api.post('/users', newUserBody('attendant'), { token: manager.access })).status).toBe(201);

      const longEnough = await t.api.post(
        '/auth/password/change',
        { old_password: cashier.password, new_password: 'till-oak-571234' },
        { token: again.access },
      );
      expect(longEnough.status).toBe(200);
      cashier = await signIn(t.api, cashier.username, 'till-oak-571234');
    } finally {
      const restored = await t.api.patch('/roles/cashier/settings', { minimum_characters: 6 }, { token: owner.access });
      expect(restored.status).toBe(200);
    }
  });

  it('an empty PATCH changes nothing', async () => {
    const res = await t.api.patch('/roles/manager/settings', {}, { token: owner.access });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(settingsOf('manager'));
  });
});

describe('POST /users', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let otherManager: SignedIn;
  let cashier: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    otherManager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
  });
  afterAll(() => t.stop());

  it('needs a token', async () => {
    const res = await t.api.post('/users', newUserBody('cashier'));
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');
  });

  it('a cashier, an attendant or a customer may not create anyone: 403', async () => {
    const attendant = await createSignedInUser(t.api, manager, 'attendant');
    const customer = await registerCustomer(t.api);
    for (const who of [cashier, attendant, customer]) {
      for (const role of ['cashier', 'customer']) {
        const res = await t.api.post('/users', newUserBody(role), { token: who.access });
        expect(res.status, `${who.username} → ${role}`).toBe(403);
        expect(res.body.error).toBe('forbidden');
      }
    }
  });

  it('a manager may not create managers, Super Admins or customers: 403', async () => {
    for (const role of ['manager', 'super_admin', 'customer']) {
      const body = newUserBody(role);
      const res = await t.api.post('/users', body, { token: manager.access });
      expect(res.status, role).toBe(403);
      expect(res.body.error).toBe('forbidden');
      expect((await t.api.post('/auth/login', { username: body.username, password: body.password })).status).toBe(401);
    }
  });

  it('refuses a missing or blank first_name or last_name with fields', async () => {
    const { first_name: _omit, ...noFirst } = newUserBody('cashier');
    const missing = await t.api.post('/users', noFirst, { token: manager.access });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('validation_failed');
    expect(missing.body.fields.first_name.length).toBeGreaterThan(0);

    for (const blank of ['', '   ']) {
      const res = await t.api.post('/users', newUserBody('cashier', { first_name: blank }), { token: manager.access });
      expect(res.status, JSON.stringify(blank)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.fields.first_name.length).toBeGreaterThan(0);
    }
    const noLast = await t.api.post('/users', newUserBody('cashier', { last_name: ' ' }), { token: owner.access });
    expect(noLast.status).toBe(400);
    expect(noLast.body.fields).toHaveProperty('last_name');
  });

  it('refuses unknown fields, an unknown role and a missing password', async () => {
    const unknown = await t.api.post('/users', newUserBody('cashier', { is_admin: true }), { token: owner.access });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toHaveProperty('is_admin');
    const role = await t.api.post('/users', newUserBody('cashier', { role: 'janitor' }), { token: owner.access });
    expect(role.status).toBe(400);
    expect(role.body.fields).toHaveProperty('role');
    const { password: _omit, ...noPassword } = newUserBody('cashier');
    const missing = await t.api.post('/users', noPassword, { token: owner.access });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty('password');
  });

  it('refuses a temporary password that breaks the new user’s role policy', async () => {
    const res = await t.api.post('/users', newUserBody('manager', { password: PASSWORDS.cashier }), { token: owner.access });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('password_policy');
    expect(res.body.fields.password.length).toBeGreaterThan(0);
  });

  it('refuses a duplicate username, also in another case, with fields.username', async () => {
    const body = newUserBody('cashier');
    expect((await t.api.post('/users', body, { token: manager.access })).status).toBe(201);
    for (const username of [body.username, body.username.toUpperCase(), cashier.username, owner.username.toUpperCase()]) {
      const res = await t.api.post('/users', newUserBody('cashier', { username }), { token: manager.access });
      expect(res.status, username).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.fields.username).toEqual(['A user with that username already exists.']);
    }
  });

  it('refuses an invalid phone with fields.phone and accepts spaces and dashes', async () => {
    for (const phone of ['abc123456', '12345', '1'.repeat(21), '++1234567', '12345+678', '12 34x567']) {
      const res = await t.api.post('/users', newUserBody('cashier', { phone }), { token: manager.access });
      expect(res.status, phone).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.fields.phone.length, phone).toBeGreaterThan(0);
    }
    const ok = await t.api.post('/users', newUserBody('cashier', { phone: '+49 170-555 0101' }), { token: manager.access });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.phone.replace(/[\s-]/g, '')).toBe('+491705550101');
  });

  it('refuses a manager_id that is not a manager: a cashier, a customer, nobody', async () => {
    const customer = await registerCustomer(t.api);
    for (const managerId of [cashier.id, customer.id, 999_999]) {
      const res = await t.api.post('/users', newUserBody('cashier', { manager_id: managerId }), { token: owner.access });
      expect(res.status, String(managerId)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.fields.manager_id.length).toBeGreaterThan(0);
    }
  });

  it('a manager creates a cashier: 201, it is their worker, and it must change its password at first login', async () => {
    const body = newUserBody('cashier', { email: `${uniqueName('m')}@example.com` });
    const res = await t.api.post('/users', body, { token: manager.access });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: body.username,
      first_name: 'Test',
      last_name: 'cashier',
      role: 'cashier',
      is_active: true,
      is_locked: false,
      manager_id: manager.id,
    });
    for (const key of Object.keys(res.body)) expect(key).not.toMatch(/password|hash/i);

    const login = await t.api.post('/auth/login', { username: body.username, password: body.password });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ error: 'password_expired', code: 4 });
    expect(typeof login.body.change_token).toBe('string');

    const seen = await t.api.get(`/users/${res.body.id}`, { token: manager.access });
    expect(seen.status).toBe(200);
    expect((await t.api.get(`/users/${res.body.id}`, { token: otherManager.access })).status).toBe(404);
  });

  it('a Super Admin may set manager_id; without it the new user has no manager', async () => {
    const withManager = await t.api.post('/users', newUserBody('attendant', { manager_id: otherManager.id }), { token: owner.access });
    expect(withManager.status).toBe(201);
    expect(withManager.body.manager_id).toBe(otherManager.id);
    expect((await t.api.get(`/users/${withManager.body.id}`, { token: otherManager.access })).status).toBe(200);
    expect((await t.api.get(`/users/${withManager.body.id}`, { token: manager.access })).status).toBe(404);

    const ownerAsManager = await t.api.post('/users', newUserBody('cashier', { manager_id: owner.id }), { token: owner.access });
    expect(ownerAsManager.status).toBe(201);
    expect(ownerAsManager.body.manager_id).toBe(owner.id);

    const none = await t.api.post('/users', newUserBody('cashier'), { token: owner.access });
    expect(none.status).toBe(201);
    expect(none.body.manager_id).toBeNull();

    const newManager = await t.api.post('/users', newUserBody('manager'), { token: owner.access });
    expect(newManager.status).toBe(201);
    expect(newManager.body.role).toBe('manager');
  });
});

describe('PATCH /users/{id}', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let otherManager: SignedIn;
  let cashier: SignedIn;
  let peer: SignedIn;
  let othersWorker: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    otherManager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    peer = await createSignedInUser(t.api, manager, 'cashier');
    othersWorker = await createSignedInUser(t.api, otherManager, 'attendant');
  });
  afterAll(() => t.stop());

  it('never changes the username: 400', async () => {
    const byOwner = await t.api.patch(`/users/${cashier.id}`, { username: uniqueName('renamed') }, { token: owner.access });
    expect(byOwner.status).toBe(400);
    expect(byOwner.body.error).toBe('validation_failed');
    expect(byOwner.body.fields).toHaveProperty('username');
    const bySelf = await t.api.patch(`/users/${cashier.id}`, { username: uniqueName('me') }, { token: cashier.access });
    expect(bySelf.status).toBe(400);
    expect(bySelf.body.fields).toHaveProperty('username');
    expect((await t.api.get(`/users/${cashier.id}`, { token: cashier.access })).body.username).toBe(cashier.username);
    expect((await t.api.post('/auth/login', { username: cashier.username, password: cashier.password })).status).toBe(200);
  });

  it('a manager and another manager’s worker: 404 as if it did not exist, not 403', async () => {
    for (const body of [{ first_name: 'Hijack' }, { is_active: false }, { password: 'Hijack-pass-77' }]) {
      const res = await t.api.patch(`/users/${othersWorker.id}`, body, { token: manager.access });
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.body).toEqual(NOT_FOUND_USER);
    }
    // The same for other managers and the owner.
    expect((await t.api.patch(`/users/${otherManager.id}`, { first_name: 'X' }, { token: manager.access })).status).toBe(404);
    expect((await t.api.patch(`/users/${owner.id}`, { first_name: 'X' }, { token: manager.access })).status).toBe(404);
    const untouched = await t.api.get(`/users/${othersWorker.id}`, { token: otherManager.access });
    expect(untouched.body).toMatchObject({ first_name: 'Test', is_active: true });
    expect((await t.api.get(`/users/${othersWorker.id}`, { token: othersWorker.access })).status).toBe(200);
  });

  it('a cashier patching anyone else: 404', async () => {
    for (const target of [peer, manager, owner, othersWorker]) {
      const res = await t.api.patch(`/users/${target.id}`, { first_name: 'Hijack' }, { token: cashier.access });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(NOT_FOUND_USER);
    }
    expect((await t.api.get(`/users/${peer.id}`, { token: peer.access })).body.first_name).toBe('Test');
  });

  it('an id that does not exist: 404', async () => {
    const res = await t.api.patch('/users/999999', { first_name: 'Ghost' }, { token: owner.access });
    expect(res.status).toBe(404);
    expect(res.body).toEqual(NOT_FOUND_USER);
  });

  it('a cashier may not change their own is_active or manager_id: 403', async () => {
    for (const body of [{ is_active: false }, { manager_id: otherManager.id }]) {
      const res = await t.api.patch(`/users/${cashier.id}`, body, { token: cashier.access });
      expect(res.status, JSON.stringify(body)).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
    const me = await t.api.get(`/users/${cashier.id}`, { token: cashier.access });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ is_active: true, manager_id: manager.id });
  });

  it('a manager may not deactivate themselves: 403', async () => {
    const res = await t.api.patch(`/users/${manager.id}`, { is_active: false }, { token: manager.access });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
  });

  it('refuses blank names, invalid phones and unknown fields with 400', async () => {
    const blank = await t.api.patch(`/users/${cashier.id}`, { first_name: '  ' }, { token: cashier.access });
    expect(blank.status).toBe(400);
    expect(blank.body.fields).toHaveProperty('first_name');
    const phone = await t.api.patch(`/users/${cashier.id}`, { phone: 'call me' }, { token: cashier.access });
    expect(phone.status).toBe(400);
    expect(phone.body.fields).toHaveProperty('phone');
    const unknown = await t.api.patch(`/users/${cashier.id}`, { role: 'super_admin' }, { token: cashier.access });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toHaveProperty('role');
    expect((await t.api.get(`/users/${cashier.id}`, { token: cashier.access })).body.role).toBe('cashier');
  });

  it('a cashier changes their own first_name: 200, and it sticks', async () => {
    // Their own phone is where a reset PIN goes: changing it needs the current password.
    const res = await t.api.patch(
      `/users/${cashier.id}`,
      { first_name: 'Carla', phone: '+43 660 1234567', current_password: cashier.password },
      { token: cashier.access },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: cashier.id, username: cashier.username, first_name: 'Carla', role: 'cashier', is_active: true });
    expect((await t.api.get(`/users/${cashier.id}`, { token: manager.access })).body.first_name).toBe('Carla');
  });

  it('a manager updates their own worker: 200', async () => {
    const res = await t.api.patch(
      `/users/${peer.id}`,
      { last_name: 'Renamed', email: `${uniqueName('p')}@example.com` },
      { token: manager.access },
    );
    expect(res.status).toBe(200);
    expect(res.body.last_name).toBe('Renamed');
  });
});
