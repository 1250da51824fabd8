import { expect } from 'vitest';
import type { RoleKey } from '../../../shared/roles';
import type { ApiClient } from '../api-client';
import { openDrawer, signIn, uniqueName } from '../scenarios';
import type { TestCore } from '../test-core';
import { createActingUsers, type ActingRole, type ActingUsers, type Credentials } from './acting-users';
import { emptyDictionary, type Dictionary } from './dictionary';

export { ACTING_ROLES, type ActingRole, type Credentials } from './acting-users';

export interface World {
  api: ApiClient;
  dictionary: Dictionary;
  credentialsOf(role: ActingRole): Credentials | undefined;
  /** After a write that succeeded: see ActingUsers.repair; and the default till's drawer open again. */
  repair(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;
const shopDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** Staff of every role with contacts and temporary passwords, free to be changed or deleted. */
async function addVictims(api: ApiClient, cast: ActingUsers, dictionary: Dictionary): Promise<void> {
  const victim = async (role: RoleKey, n: number, managerId?: number) => {
    const username = uniqueName(`v${role.slice(0, 3)}`);
    const password = `Tmp-Victim-${n}-Lark!`;
    const email = `${username}@example.com`;
    const phone = `+1555010${String(n).padStart(4, '0')}`;
    const body = {
      username,
      password,
      first_name: 'Victim',
      last_name: role,
      role,
      email,
      phone,
      ...(managerId ? { manager_id: managerId } : {}),
    };
    const res = await api.post('/users', body, { token: cast.keeperToken() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id: number = res.body.id;
    dictionary.ids.push(id);
    dictionary.usernames.push(username);
    dictionary.passwords.push(password);
    dictionary.emails.push(email);
    dictionary.phones.push(phone);
    return id;
  };
  const manager = cast.get('manager')?.id;
  const otherManager = await victim('manager', 1);
  await victim('super_admin', 2);
  await victim('attendant', 3, manager);
  await victim('cashier', 4, manager);
  await victim('cashier', 5, otherManager);
  await victim('customer', 6);
}

interface Register {
  id: number;
  is_default: boolean;
  open_session_id: number | null;
}

/**
 * The till: the default register's drawer open (every completion needs one, API-SELLING.md),
 * and a spare register without a session, so a sale there is refused (409 no_open_session).
 */
async function addTill(api: ApiClient, cast: ActingUsers, dictionary: Dictionary): Promise<void> {
  const drawer = await openDrawer(api, { access: cast.keeperToken() });
  const spare = await api.post('/registers', { name: 'Fuzz spare till' }, { token: cast.keeperToken() });
  expect(spare.status, JSON.stringify(spare.body)).toBe(201);
  dictionary.ids.push(drawer.registerId, drawer.sessionId, spare.body.id);
}

/**
 * Whatever a successful write did to the till (a close, another default register), the default
 * register's drawer is open again, so completions in the remaining runs can still succeed.
 */
async function keepDrawerOpen(api: ApiClient, cast: ActingUsers, dictionary: Dictionary): Promise<void> {
  const registers = await api.get('/registers', { token: cast.keeperToken() });
  expect(registers.status, JSON.stringify(registers.body)).toBe(200);
  const register = (registers.body as Register[]).find((r) => r.is_default);
  if (!register || register.open_session_id !== null) return;
  const drawer = await openDrawer(api, { access: cast.keeperToken() }, { registerId: register.id });
  dictionary.ids.push(drawer.sessionId);
}

/** Products (one out of stock, one inactive) and orders (open, completed with and without payments, cancelled). */
async function addCatalogAndOrders(api: ApiClient, cast: ActingUsers, dictionary: Dictionary): Promise<void> {
  // More products than users, so that most product ids are not protected user ids as well.
  const productIds: number[] = [];
  for (let i = 0; i < 14; i++) {
    const sku = `FZ-${i}`;
    const barcode = `40000000${String(i).padStart(4, '0')}`;
    const product = { sku, barcode, name: `Fuzz item ${i}`, price_cents: 100 + i, stock: i === 0 ? 0 : 1000, is_active: i !== 1 };
    const res = await api.post('/products', product, { token: cast.keeperToken() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    productIds.push(res.body.id);
    dictionary.skus.push(sku);
    dictionary.barcodes.push(barcode);
  }
  dictionary.ids.push(...productIds);
  const orderIds: number[] = [];
  for (const [role, complete] of [
    ['cashier', true],
    ['cashier', false],
    ['customer', false],
    ['customer', false],
  ] as const) {
    const res = await api.post(
      '/orders',
      { items: [{ product_id: productIds[5], amount: 1 }], complete },
      { token: cast.get(role)?.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    orderIds.push(res.body.id);
  }
  const cashSale = await api.post(
    '/orders',
    {
      items: [{ product_id: productIds[5], amount: 1 }],
      complete: true,
      payments: [{ method: 'cash', amount_cents: 105, tendered_cents: 200 }],
    },
    { token: cast.get('cashier')?.access },
  );
  expect(cashSale.status, JSON.stringify(cashSale.body)).toBe(201);
  orderIds.unshift(cashSale.body.id);
  dictionary.ids.push(...orderIds);
  await api.post(`/orders/${orderIds.at(-1) ?? 0}/cancel`, {}, { token: cast.keeperToken() });
}

/**
 * The shop the fuzzer works on: the acting users (acting-users.ts) and victims the acting users
 * may change or delete freely: staff of every role with contacts, the till (an open drawer), products,
 * orders, shifts, a pending password reset, and tokens (a spare session's, a signed-out one's) in
 * the dictionary.
 */
export async function buildWorld(t: TestCore): Promise<World> {
  const api = t.api;
  const dictionary = emptyDictionary();
  const cast = await createActingUsers(api, dictionary);
  await addVictims(api, cast, dictionary);
  await addTill(api, cast, dictionary);
  await addCatalogAndOrders(api, cast, dictionary);

  dictionary.dates.push(shopDate(0), shopDate(1), shopDate(7), shopDate(-30), '2026-02-29', '2024-02-29', '1970-01-01', '9999-12-31');
  for (const day of [0, 1]) {
    const times = { start_time: '09:00', end_time: '17:00' };
    await api.put(`/users/${cast.get('cashier')?.id ?? 0}/working-times/${shopDate(day)}`, times, { token: cast.keeperToken() });
  }
  const firstEmail = dictionary.emails[0];
  if (firstEmail) await api.post('/auth/password/reset/request', { type: 'email', value: firstEmail });

  const buyer = cast.get('customer');
  if (buyer) {
    const spare = await signIn(api, buyer.username, buyer.password);
    const gone = await signIn(api, buyer.username, buyer.password);
    await api.post('/auth/logout', { refresh: gone.refresh }, { token: gone.access });
    dictionary.tokens.push(spare.refresh, gone.refresh, gone.access, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.');
  }

  return {
    api,
    dictionary,
    credentialsOf: (role) => (role === 'anonymous' ? undefined : cast.get(role)),
    async repair() {
      await cast.repair();
      await keepDrawerOpen(api, cast, dictionary);
    },
  };
}
