import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../electron/trpc/root';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/** A browser-like client: keeps cookies, and sends the CSRF header unless told not to. */
function browserClient(baseUrl: string, options: { csrf: boolean } = { csrf: true }) {
  const jar = new Map<string, string>();
  const cookieFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const csrf = jar.get('sd_csrf');
    if (options.csrf && csrf) headers.set('x-csrf-token', csrf);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${baseUrl}/trpc`, fetch: cookieFetch })] });
  return { client, jar };
}

async function apiErrorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { apiError: Record<string, unknown> }).apiError;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('tRPC over HTTP (headless web mode, cookie session)', () => {
  let t: TestCore;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
  });
  afterAll(() => t.stop());

  it('follows the same rules as REST: set-up, lockout, CSRF, forced change, sign-out', async () => {
    const { client, jar } = browserClient(t.core.url);
    expect(await client.auth.state.query()).toMatchObject({ initialized: false, user: null });
    await client.auth.setup.mutate({ username: 'owner', password: PASSWORDS.super_admin, first_name: 'Olga', last_name: 'Owner' });
    expect(
      (await apiErrorOf(client.auth.setup.mutate({ username: 'x', password: PASSWORDS.super_admin, first_name: 'a', last_name: 'b' })))
        .error,
    ).toBe('already_initialized');

    expect(await apiErrorOf(client.auth.login.mutate({ username: 'owner', password: 'wrong' }))).toMatchObject({
      error: 'invalid_credentials',
    });
    expect(await apiErrorOf(client.profile.me.query())).toMatchObject({ error: 'unauthenticated' });

    const signedIn = await client.auth.login.mutate({ username: 'owner', password: PASSWORDS.super_admin });
    expect(signedIn.role).toBe('Super Admin');
    expect(JSON.stringify(signedIn)).not.toMatch(/eyJ/);
    expect(jar.has('sd_access') && jar.has('sd_csrf')).toBe(true);
    expect((await client.auth.state.query()).user?.username).toBe('owner');
    expect((await client.profile.me.query()).username).toBe('owner');

    const forged = browserClient(t.core.url, { csrf: false });
    for (const [k, v] of jar) forged.jar.set(k, v);
    expect(
      await apiErrorOf(forged.client.roles.updateSettings.mutate({ key: 'cashier', settings: { minimum_characters: 9 } })),
    ).toMatchObject({ error: 'forbidden' });

    await client.auth.logout.mutate();
    expect((await client.auth.state.query()).user).toBeNull();
    expect(jar.has('sd_access')).toBe(false);
  });

  it('keeps the change token of a code-4 sign-in out of the page, then signs in after the change', async () => {
    const owner: SignedIn = await t.api
      .post('/auth/login', { username: 'owner', password: PASSWORDS.super_admin })
      .then((r) => ({ ...r.body, id: r.body.user.id }));
    const username = uniqueName('cash');
    const created = await t.api.post(
      '/users',
      { username, password: 'Tmp-till-pine-57', first_name: 'C', last_name: 'D', role: 'cashier' },
      { token: owner.access },
    );
    expect(created.status).toBe(201);

    const { client } = browserClient(t.core.url);
    const refusal = await apiErrorOf(client.auth.login.mutate({ username, password: 'Tmp-till-pine-57' }));
    expect(refusal).toMatchObject({ error: 'password_expired', code: 4 });
    expect(refusal).not.toHaveProperty('change_token');
    expect((await client.auth.state.query()).pendingPasswordChange).toEqual({ username, role: 'cashier' });

    expect(
      await apiErrorOf(client.auth.completePasswordChange.mutate({ old_password: 'Tmp-till-pine-57', new_password: 'short' })),
    ).toMatchObject({ error: 'password_policy' });
    const done = await client.auth.completePasswordChange.mutate({ old_password: 'Tmp-till-pine-57', new_password: PASSWORDS.cashier });
    expect(done.user.username).toBe(username);
    const state = await client.auth.state.query();
    expect(state.user?.role).toBe('cashier');
    expect(state.pendingPasswordChange).toBeNull();
    expect(await apiErrorOf(client.roles.updateSettings.mutate({ key: 'cashier', settings: { minimum_characters: 9 } }))).toMatchObject({
      error: 'forbidden',
    });
  });
});

describe('tRPC in the desktop window (memory session, no tokens in the renderer)', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('signs in, answers as the user, locks after five failures, and signs out', async () => {
    const session = createMemorySession(t.core.services);
    const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: 'window:1' });
    const result = await caller.auth.login({ username: 'owner', password: PASSWORDS.super_admin });
    expect(JSON.stringify(result)).not.toMatch(/eyJ/);
    expect((await caller.auth.state()).user?.role).toBe('super_admin');
    expect((await caller.roles.list()).map((r) => r.key)).toEqual(['super_admin', 'manager', 'attendant', 'cashier', 'customer']);
    await caller.auth.logout();
    expect((await caller.auth.state()).user).toBeNull();
    await expect(caller.profile.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    for (let i = 0; i < 4; i++)
      await expect(caller.auth.login({ username: 'owner', password: 'nope-nope-1' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // The failure that locks says so to the UI at once (REST keeps answering 401 for it).
    await expect(caller.auth.login({ username: 'owner', password: 'nope-nope-1' })).rejects.toMatchObject({
      cause: { error: 'account_locked' },
    });
    await expect(caller.auth.login({ username: 'owner', password: PASSWORDS.super_admin })).rejects.toMatchObject({
      cause: { error: 'account_locked' },
    });
  });
});

describe('selling over tRPC in the desktop window (API-SELLING.md, "Tenders and completing a sale")', () => {
  let t: TestCore;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('needs an open drawer, takes payments and a register on create and on complete, and numbers the sales', async () => {
    const session = createMemorySession(t.core.services);
    const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: 'window:till' });
    await caller.auth.login({ username: owner.username, password: owner.password });
    const product = await t.api.post(
      '/products',
      { sku: uniqueName('TR').toUpperCase(), name: 'Tea', price_cents: 349, stock: 10 },
      { token: owner.access },
    );
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const items = [{ product_id: product.body.id as number, amount: 2 }];

    await expect(caller.orders.create({ items, complete: true })).rejects.toMatchObject({ cause: { error: 'no_open_session' } });
    const parked = await caller.orders.create({ items });
    expect(parked).toMatchObject({ status: 'open', receipt_no: null, payments: [] });
    await expect(caller.orders.complete({ id: parked.id })).rejects.toMatchObject({ cause: { error: 'no_open_session' } });

    const [register] = await caller.registers.list();
    if (!register) throw new Error('no register');
    const drawer = await caller.cashSessions.open({ register_id: register.id, opening_float_cents: 2_000 });
    await expect(caller.orders.create({ items, complete: true, payments: [{ method: 'card', amount_cents: 600 }] })).rejects.toMatchObject({
      cause: { error: 'payment_mismatch', extras: { details: [{ payments_cents: 600, due_cents: 698 }] } },
    });

    const sold = await caller.orders.create({
      items,
      complete: true,
      register_id: register.id,
      payments: [{ method: 'cash', amount_cents: 698, tendered_cents: 1_000 }],
    });
    expect(sold).toMatchObject({
      status: 'completed',
      receipt_no: 1,
      register_id: register.id,
      cash_session_id: drawer.id,
      payments: [{ method: 'cash', amount_cents: 698, tendered_cents: 1_000, change_cents: 302, reference: null }],
    });
    const completed = await caller.orders.complete({
      id: parked.id,
      payments: [
        { method: 'card', amount_cents: 500, reference: 'auth 1234' },
        { method: 'cash', amount_cents: 198 },
      ],
    });
    expect(completed).toMatchObject({
      status: 'completed',
      receipt_no: 2,
      cash_session_id: drawer.id,
      payments: [
        { method: 'card', amount_cents: 500, tendered_cents: 500, change_cents: 0, reference: 'auth 1234' },
        { method: 'cash', amount_cents: 198, tendered_cents: 198, change_cents: 0, reference: null },
      ],
    });
    // The drawer holds the float and the cash amounts, not what was tendered.
    expect((await caller.cashSessions.get({ id: drawer.id })).expected_cash_cents).toBe(2_000 + 698 + 198);
  });
});
