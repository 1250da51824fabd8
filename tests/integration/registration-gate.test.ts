import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSignedInUser, setupOwner, uniqueName } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { createTrpcBrowserClient, signedInTrpcClient, trpcErrorOf } from '../helpers/trpc-client';

/**
 * Issue 9, item 4: registration before first-run setup must not lock the owner out, and the
 * registration switch is a stored, audited setting of the settings screen (the environment
 * wins). Item 8: registrations are limited per client address.
 */

const OWNER = { username: 'owner', password: PASSWORDS.super_admin, first_name: 'Olga', last_name: 'Owner' };

const register = (t: TestCore, username = uniqueName('walkin')) => t.api.post('/auth/register', { username, password: PASSWORDS.customer });

/** A row an older ShopDesk could leave behind: a customer registered before any owner existed. */
function insertEarlyCustomer(t: TestCore, username: string): void {
  const db = new Database(join(t.dataDir, 'shopdesk.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    db.prepare(
      'INSERT INTO users (username, password_hash, role_id, password_changed_at, created_at, updated_at) VALUES (?, ?, 5, ?, ?, ?)',
    ).run(username, 'x', now, now, now);
  } finally {
    db.close();
  }
}

describe('registration before first-run setup', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('is refused with 409 invalid_state, creates nobody, and the owner can still set up', async () => {
    t = await startTestCore({ webUi: {} });
    const early = await register(t, 'squatter');
    expect(early.status, JSON.stringify(early.body)).toBe(409);
    expect(early.body).toEqual({ error: 'invalid_state', message: expect.stringContaining('not set up yet') });
    expect((await t.api.post('/auth/login', { username: 'squatter', password: PASSWORDS.customer })).status).toBe(401);

    const ui = createTrpcBrowserClient(t.core.url);
    expect(await ui.auth.state.query()).toMatchObject({ initialized: false });
    expect((await t.api.post('/setup', OWNER)).status).toBe(201);
    expect(await ui.auth.state.query()).toMatchObject({ initialized: true });
    expect((await register(t)).status).toBe(201);
  });

  it('"set up" means a Super Admin exists: accounts left without one do not block the setup', async () => {
    t = await startTestCore({ webUi: {} });
    insertEarlyCustomer(t, 'earlybird');
    const ui = createTrpcBrowserClient(t.core.url);
    expect(await ui.auth.state.query()).toMatchObject({ initialized: false });
    expect((await register(t)).status).toBe(409);

    // The owner's name may not take over the early account.
    const clash = await t.api.post('/setup', { ...OWNER, username: 'EarlyBird' });
    expect(clash.status).toBe(400);
    expect(clash.body.fields.username).toEqual(['A user with that username already exists.']);

    await ui.auth.setup.mutate(OWNER);
    expect(await ui.auth.state.query()).toMatchObject({ initialized: true });
    expect((await t.api.post('/setup', { ...OWNER, username: 'second' })).body.error).toBe('already_initialized');
    expect((await t.api.post('/auth/login', { username: 'owner', password: PASSWORDS.super_admin })).status).toBe(200);
  });
});

describe('the registration switch on the settings screen', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('is stored, audited, and only the Super Admin may change it', async () => {
    t = await startTestCore({ webUi: {} });
    const owner = await setupOwner(t.api);
    const ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    expect(await ui.settings.customers.query()).toEqual({
      registration: 'on',
      registration_from_environment: false,
      customer_order_expiry_hours: 48,
    });

    expect(await ui.settings.updateCustomers.mutate({ registration: 'off' })).toMatchObject({ registration: 'off' });
    const refused = await register(t);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('registration_disabled');

    const manager = await createSignedInUser(t.api, owner, 'manager');
    const managerUi = await signedInTrpcClient(t.core.url, manager.username, PASSWORDS.manager);
    expect((await trpcErrorOf(managerUi.settings.updateCustomers.mutate({ registration: 'on' }))).error).toBe('forbidden');
    expect((await trpcErrorOf(managerUi.settings.customers.query())).error).toBe('forbidden');
    expect((await register(t)).status).toBe(403);

    await ui.settings.updateCustomers.mutate({ registration: 'on' });
    expect((await register(t)).status).toBe(201);

    const log = await t.api.get('/audit-log?action=settings.customers_updated', { token: owner.access });
    expect(log.status).toBe(200);
    expect(
      log.body.map((e: { actor: { id: number }; before: { registration: string }; after: { registration: string } }) => [
        e.actor.id,
        e.before.registration,
        e.after.registration,
      ]),
    ).toEqual([
      [owner.id, 'off', 'on'],
      [owner.id, 'on', 'off'],
    ]);
  });

  it('SHOPDESK_REGISTRATION wins: the screen says so and a change is 409 invalid_state', async () => {
    t = await startTestCore({ webUi: {}, env: { registration: 'on' } });
    const owner = await setupOwner(t.api);
    const ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    expect(await ui.settings.customers.query()).toMatchObject({ registration: 'on', registration_from_environment: true });
    const locked = await trpcErrorOf(ui.settings.updateCustomers.mutate({ registration: 'off' }));
    expect(locked.error).toBe('invalid_state');
    expect(locked.message).toContain('SHOPDESK_REGISTRATION');
    expect((await register(t)).status).toBe(201);
    // The other setting of the card still saves.
    expect(await ui.settings.updateCustomers.mutate({ customer_order_expiry_hours: 12 })).toMatchObject({
      customer_order_expiry_hours: 12,
      registration: 'on',
    });
  });
});

describe('registrations per client address', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('past the limit answer 429 rate_limited with Retry-After; refused attempts do not count', async () => {
    t = await startTestCore({ registrationLimit: { points: 2, windowSeconds: 600 } });
    await setupOwner(t.api);
    const first = await register(t, 'firstbuyer');
    expect(first.status).toBe(201);
    // A refused registration (the name is taken) uses up nothing.
    expect((await register(t, 'FirstBuyer')).status).toBe(400);
    expect((await register(t)).status).toBe(201);

    const third = await register(t, 'thirdbuyer');
    expect(third.status).toBe(429);
    expect(third.body.error).toBe('rate_limited');
    const retryAfter = Number(third.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect((await t.api.post('/auth/login', { username: 'thirdbuyer', password: PASSWORDS.customer })).status).toBe(401);
  });

  it('a burst of concurrent registrations cannot slip past the limit', async () => {
    t = await startTestCore({ registrationLimit: { points: 3, windowSeconds: 600 } });
    await setupOwner(t.api);
    const answers = await Promise.all(Array.from({ length: 8 }, () => register(t)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
  });
});
