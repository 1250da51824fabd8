import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/server/create-core';
import { createApiClient } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';
import { signedInTrpcClient } from '../helpers/trpc-client';

/**
 * Issue 9, item 8 (and 12c): anonymous customers cannot hold the shop's stock. Open orders
 * are capped per customer account, customers' orders are limited per client address, their
 * stale open orders expire (stock back exactly once, audited, staff's parked orders untouched),
 * and old Idempotency-Keys are purged, at start and on demand.
 */

const HOUR = 3_600_000;

interface Order {
  id: number;
  status: 'open' | 'completed' | 'cancelled';
}

async function registerCustomer(t: TestCore): Promise<SignedIn> {
  const username = uniqueName('buyer');
  const res = await t.api.post('/auth/register', { username, password: PASSWORDS.customer });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return signIn(t.api, username, PASSWORDS.customer);
}

async function createProduct(t: TestCore, by: SignedIn, stock: number): Promise<{ id: number }> {
  const sku = uniqueName('SKU').toUpperCase();
  const res = await t.api.post('/products', { sku, name: `Item ${sku}`, price_cents: 250, stock }, { token: by.access });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const order = (t: TestCore, who: SignedIn, productId: number, amount: number, headers: Record<string, string> = {}) =>
  t.api.post('/orders', { items: [{ product_id: productId, amount }] }, { token: who.access, headers });

async function stockOf(t: TestCore, by: SignedIn, productId: number): Promise<number> {
  const res = await t.api.get(`/products/${productId}`, { token: by.access });
  expect(res.status).toBe(200);
  return res.body.stock;
}

describe('what one customer account may hold open', () => {
  let t: TestCore;
  let owner: SignedIn;
  let cashier: SignedIn;
  let product: { id: number };
  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    cashier = await createSignedInUser(t.api, owner, 'cashier');
    product = await createProduct(t, owner, 1_000);
  });
  afterAll(() => t.stop());

  it('at most 5 open orders: the 6th is 409 invalid_state until one is cancelled', async () => {
    const buyer = await registerCustomer(t);
    const placed: Order[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await order(t, buyer, product.id, 1);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      placed.push(res.body);
    }
    const sixth = await order(t, buyer, product.id, 1);
    expect(sixth.status).toBe(409);
    expect(sixth.body).toMatchObject({ error: 'invalid_state', details: [{ limit: 'open_orders', max: 5, held: 5 }] });
    expect(sixth.body.message).toContain('5 open orders');
    expect(await stockOf(t, owner, product.id)).toBe(995);

    const first = placed[0];
    if (!first) throw new Error('no order placed');
    expect((await t.api.post(`/orders/${first.id}/cancel`, {}, { token: buyer.access })).status).toBe(200);
    expect((await order(t, buyer, product.id, 1)).status).toBe(201);
    // Another customer has an allowance of their own.
    expect((await order(t, await registerCustomer(t), product.id, 1)).status).toBe(201);
  });

  it('at most 50 units in open orders, counted across them', async () => {
    const buyer = await registerCustomer(t);
    const tooMany = await order(t, buyer, product.id, 51);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ error: 'invalid_state', details: [{ limit: 'open_units', max: 50, held: 0, requested: 51 }] });
    expect((await order(t, buyer, product.id, 30)).status).toBe(201);
    const over = await t.api.post(
      '/orders',
      {
        items: [
          { product_id: product.id, amount: 15 },
          { product_id: product.id, amount: 6 },
        ],
      },
      { token: buyer.access },
    );
    expect(over.status).toBe(409);
    expect(over.body.details).toEqual([{ limit: 'open_units', max: 50, held: 30, requested: 21 }]);
    expect((await order(t, buyer, product.id, 20)).status).toBe(201);
  });

  it('concurrent orders of one customer cannot slip past the cap', async () => {
    const buyer = await registerCustomer(t);
    const answers = await Promise.all(Array.from({ length: 9 }, () => order(t, buyer, product.id, 1)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 201, 201, 409, 409, 409, 409]);
  });

  it('staff are not capped (the till parks open orders)', async () => {
    for (let i = 0; i < 7; i++) expect((await order(t, cashier, product.id, 10)).status).toBe(201);
  });
});

describe('customers’ orders per client address', () => {
  let t: TestCore;
  afterEach(() => t.stop());

  it('past the limit answer 429 rate_limited with Retry-After; refused orders and staff do not count', async () => {
    t = await startTestCore({ webUi: {}, customerOrders: { perAddress: { points: 3, windowSeconds: 600 } } });
    const owner = await setupOwner(t.api);
    const cashier = await createSignedInUser(t.api, owner, 'cashier');
    const product = await createProduct(t, owner, 100);
    const scarce = await createProduct(t, owner, 2);
    const [a, b] = [await registerCustomer(t), await registerCustomer(t)];

    expect((await order(t, a, product.id, 1)).status).toBe(201);
    expect((await order(t, a, scarce.id, 5)).body.error).toBe('insufficient_stock'); // refused: not counted
    expect((await order(t, b, product.id, 1)).status).toBe(201);
    const ui = await signedInTrpcClient(t.core.url, b.username, PASSWORDS.customer);
    await ui.orders.create.mutate({ items: [{ product_id: product.id, amount: 1 }] });

    // The address, not the account, is limited: both customers come from 127.0.0.1.
    const limited = await order(t, a, product.id, 1);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await order(t, cashier, product.id, 1)).status).toBe(201);
    expect(await stockOf(t, owner, product.id)).toBe(100 - 4);
  });
});

describe('customers’ stale open orders expire', () => {
  let t: TestCore;
  let owner: SignedIn;
  let cashier: SignedIn;
  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    cashier = await createSignedInUser(t.api, owner, 'cashier');
  });
  afterAll(() => t.stop());

  it('after 48 hours by default: cancelled, stock back exactly once, audited without an actor; staff orders stay', async () => {
    const product = await createProduct(t, owner, 10);
    const buyer = await registerCustomer(t);
    const mine = (await order(t, buyer, product.id, 3)).body as Order;
    const parked = (await order(t, cashier, product.id, 2)).body as Order;
    const start = Date.now();
    expect(await stockOf(t, owner, product.id)).toBe(5);

    expect(t.core.services.orders.expireStaleCustomerOrders(start + 47 * HOUR)).toBe(0);
    expect((await t.api.get(`/orders/${mine.id}`, { token: buyer.access })).body.status).toBe('open');

    expect(t.core.services.orders.expireStaleCustomerOrders(start + 48 * HOUR + 1_000)).toBe(1);
    expect((await t.api.get(`/orders/${mine.id}`, { token: buyer.access })).body.status).toBe('cancelled');
    expect((await t.api.get(`/orders/${parked.id}`, { token: cashier.access })).body.status).toBe('open');
    expect(await stockOf(t, owner, product.id)).toBe(8);

    // Once only: another pass, a late cancel by the customer, change nothing.
    expect(t.core.services.orders.expireStaleCustomerOrders(start + 96 * HOUR)).toBe(0);
    const late = await t.api.post(`/orders/${mine.id}/cancel`, {}, { token: buyer.access });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('invalid_state');
    expect(await stockOf(t, owner, product.id)).toBe(8);

    const log = await t.api.get('/audit-log?action=order.expired', { token: owner.access });
    expect(log.body.filter((e: { target_id: number }) => e.target_id === mine.id)).toEqual([
      expect.objectContaining({
        actor: null,
        action: 'order.expired',
        target_type: 'order',
        before: { status: 'open' },
        after: { status: 'cancelled', expiry_hours: 48 },
      }),
    ]);
  });

  it('follows the stored customer_order_expiry_hours; 0 means never', async () => {
    const ui = await signedInTrpcClient(t.core.url, owner.username, PASSWORDS.super_admin);
    await ui.settings.updateCustomers.mutate({ customer_order_expiry_hours: 2 });
    const product = await createProduct(t, owner, 10);
    const buyer = await registerCustomer(t);
    const first = (await order(t, buyer, product.id, 1)).body as Order;
    const start = Date.now();
    expect(t.core.services.orders.expireStaleCustomerOrders(start + HOUR)).toBe(0);
    expect(t.core.services.orders.expireStaleCustomerOrders(start + 2 * HOUR + 1_000)).toBe(1);
    expect((await t.api.get(`/orders/${first.id}`, { token: buyer.access })).body.status).toBe('cancelled');

    await ui.settings.updateCustomers.mutate({ customer_order_expiry_hours: 0 });
    const second = (await order(t, buyer, product.id, 1)).body as Order;
    expect(t.core.services.orders.expireStaleCustomerOrders(Date.now() + 10_000 * HOUR)).toBe(0);
    expect((await t.api.get(`/orders/${second.id}`, { token: buyer.access })).body.status).toBe('open');
    await ui.settings.updateCustomers.mutate({ customer_order_expiry_hours: 48 });
  });
});

describe('Idempotency-Keys older than a day are purged', () => {
  let t: TestCore;
  afterAll(() => t.stop());

  it('a key is replayed within 24 hours and forgotten after', async () => {
    t = await startTestCore();
    const owner = await setupOwner(t.api);
    const product = await createProduct(t, owner, 10);
    const key = { 'idempotency-key': 'sale-42' };
    const first = await order(t, owner, product.id, 1, key);
    expect(first.status).toBe(201);
    const start = Date.now();

    expect(t.core.services.orders.purgeStaleIdempotencyKeys(start + 23 * HOUR)).toBe(0);
    expect((await order(t, owner, product.id, 1, key)).body.id).toBe(first.body.id);

    expect(t.core.services.orders.purgeStaleIdempotencyKeys(start + 25 * HOUR)).toBe(1);
    const later = await order(t, owner, product.id, 1, key);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });
});

describe('housekeeping runs when the core starts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-test-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('expires a stale customer order and forgets an old key at start', async () => {
    const first = await createCore({ dataDir, port: 0, log: () => {} });
    let ids: { order: number; product: number };
    try {
      const api = createApiClient(first.url);
      const owner = await setupOwner(api);
      const product = (await api.post('/products', { sku: 'START-1', name: 'Kettle', price_cents: 900, stock: 4 }, { token: owner.access }))
        .body;
      const username = uniqueName('buyer');
      expect((await api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
      const buyer = await signIn(api, username, PASSWORDS.customer);
      const placed = await api.post(
        '/orders',
        { items: [{ product_id: product.id, amount: 3 }] },
        { token: buyer.access, headers: { 'idempotency-key': 'k1' } },
      );
      expect(placed.status).toBe(201);
      ids = { order: placed.body.id, product: product.id };
    } finally {
      await first.close();
    }

    // Two days pass while the shop is closed.
    const sqlite = new Database(join(dataDir, 'shopdesk.db'));
    try {
      sqlite.prepare('UPDATE orders SET created_at = created_at - ?').run(49 * HOUR);
      sqlite.prepare('UPDATE idempotency_keys SET created_at = created_at - ?').run(49 * HOUR);
    } finally {
      sqlite.close();
    }

    const second = await createCore({ dataDir, port: 0, log: () => {} });
    try {
      const api = createApiClient(second.url);
      const owner = await signIn(api, 'owner', PASSWORDS.super_admin);
      expect((await api.get(`/orders/${ids.order}`, { token: owner.access })).body.status).toBe('cancelled');
      expect((await api.get(`/products/${ids.product}`, { token: owner.access })).body.stock).toBe(4);
      const check = new Database(join(dataDir, 'shopdesk.db'), { readonly: true });
      try {
        expect((check.prepare('SELECT COUNT(*) AS n FROM idempotency_keys').get() as { n: number }).n).toBe(0);
      } finally {
        check.close();
      }
    } finally {
      await second.close();
    }
  });
});
