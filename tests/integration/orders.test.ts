import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../helpers/api-client';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * Orders (docs/contract/API.md "Products and orders", Roles table): one transaction per order, merged lines,
 * all-or-nothing stock, complete and cancel of open orders only, restock exactly once,
 * Idempotency-Key, filters and pages, and who reads whose orders. The shop's drawer is open
 * (API-SELLING.md: every completion needs an open cash session), and part-1 completions are
 * paid by one `other` payment of the total.
 */

interface OrderItem {
  order_item_id: number;
  product_id: number;
  name: string;
  amount: number;
  unit_price_cents: number;
  line_total_cents: number;
  tax_rate_id: number | null;
  discount_cents: number;
  net_line_cents: number;
  refunded_amount: number;
}

interface Payment {
  method: 'cash' | 'card' | 'other';
  amount_cents: number;
  tendered_cents: number;
  change_cents: number;
  reference: string | null;
}

interface Order {
  id: number;
  user_id: number;
  status: 'open' | 'completed' | 'cancelled';
  items: OrderItem[];
  total_cents: number;
  address: string | null;
  phone: string | null;
  created_at: string;
  completed_at: string | null;
  completed_by: number | null;
  receipt_no: number | null;
  register_id: number | null;
  cash_session_id: number | null;
  due_cents: number;
  payments: Payment[];
}

interface Product {
  id: number;
  sku: string;
  name: string;
  price_cents: number;
  stock: number;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The part of a line no discount, tax or refund has touched yet. */
const untaxedLine = (grossCents: number) => ({
  order_item_id: expect.any(Number),
  line_total_cents: grossCents,
  tax_rate_id: null,
  discount_cents: 0,
  discount: null,
  net_line_cents: grossCents,
  refunded_amount: 0,
});

function nextLink(res: ApiResponse): string | null {
  const link = res.headers.get('link');
  if (!link) return null;
  const match = /^<\/api\/v1(\/[^>]+)>;\s*rel="next"$/.exec(link);
  expect(match, `malformed Link header: ${link}`).not.toBeNull();
  return match?.[1] ?? null;
}

describe('orders over REST', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let otherCashier: SignedIn;
  let attendant: SignedIn;
  let customer: SignedIn;
  let sqlite: Database.Database;
  let till: { registerId: number; sessionId: number };

  async function createProduct(stock: number, price_cents = 500, name?: string): Promise<Product> {
    const tok = uniqueName('o').toUpperCase();
    const res = await t.api.post(
      '/products',
      { sku: `ORD-${tok}`, name: name ?? `Goods ${tok}`, price_cents, stock },
      { token: manager.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Product;
  }

  async function stockOf(id: number): Promise<number> {
    const res = await t.api.get(`/products/${id}`, { token: owner.access });
    expect(res.status).toBe(200);
    return res.body.stock as number;
  }

  const placeOrder = (as: SignedIn, body: unknown, headers?: Record<string, string>) =>
    t.api.post('/orders', body, { token: as.access, ...(headers ? { headers } : {}) });

  async function order(as: SignedIn, items: { product_id: number; amount: number }[], extra: Record<string, unknown> = {}): Promise<Order> {
    const res = await placeOrder(as, { items, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Order;
  }

  /** What is really in the file: the rows of orders and order lines. */
  const counts = () => ({
    orders: (sqlite.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n,
    items: (sqlite.prepare('SELECT COUNT(*) AS n FROM order_items').get() as { n: number }).n,
  });

  async function allPages(path: string, as: SignedIn): Promise<{ items: Order[]; pages: number }> {
    const items: Order[] = [];
    let next: string | null = path;
    let pages = 0;
    while (next !== null && pages < 100) {
      const res: ApiResponse = await t.api.get(next, { token: as.access });
      expect(res.status, `${next}: ${JSON.stringify(res.body)}`).toBe(200);
      items.push(...(res.body as Order[]));
      pages++;
      next = nextLink(res);
    }
    return { items, pages };
  }

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    [cashier, otherCashier, attendant, customer] = await Promise.all([
      createSignedInUser(t.api, manager, 'cashier'),
      createSignedInUser(t.api, manager, 'cashier'),
      createSignedInUser(t.api, manager, 'attendant'),
      createSignedInUser(t.api, owner, 'customer'),
    ]);
    sqlite = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
    till = await openDrawer(t.api, owner);
  });

  /** What a part-1 completion looks like: numbered, on the default till, one `other` payment of the total. */
  function expectPaidByOther(sale: Order, completedBy: number): void {
    expect(sale).toMatchObject({
      status: 'completed',
      completed_by: completedBy,
      receipt_no: expect.any(Number),
      register_id: till.registerId,
      cash_session_id: till.sessionId,
      due_cents: sale.total_cents,
      payments: [{ method: 'other', amount_cents: sale.total_cents, tendered_cents: sale.total_cents, change_cents: 0, reference: null }],
    });
  }
  afterAll(async () => {
    sqlite?.close();
    await t?.stop();
  });

  it('creates an order: 201, totals are Σ unit × amount, names and prices are copied into the lines', async () => {
    const cup = await createProduct(10, 250, `Cup ${uniqueName('n')}`);
    const pot = await createProduct(6, 1999, `Pot ${uniqueName('n')}`);
    const res = await placeOrder(cashier, {
      items: [
        { product_id: cup.id, amount: 3 },
        { product_id: pot.id, amount: 2 },
      ],
      address: '1 High Street',
      phone: '+44 20 7946 0000',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const created = res.body as Order;
    expect(created).toEqual({
      id: expect.any(Number),
      user_id: cashier.id,
      user: { id: cashier.id, username: cashier.username, first_name: expect.any(String), last_name: expect.any(String) },
      status: 'open',
      items: [
        { ...untaxedLine(750), product_id: cup.id, name: cup.name, amount: 3, unit_price_cents: 250 },
        { ...untaxedLine(3998), product_id: pot.id, name: pot.name, amount: 2, unit_price_cents: 1999 },
      ],
      total_cents: 4748,
      address: '1 High Street',
      phone: '+44 20 7946 0000',
      created_at: expect.stringMatching(ISO),
      completed_at: null,
      // An open order is not a sale yet: no number, no till, no payments.
      completed_by: null,
      receipt_no: null,
      register_id: null,
      cash_session_id: null,
      subtotal_cents: 4748,
      discount_cents: 0,
      tax_cents: 0,
      rounding_cents: 0,
      due_cents: 4748,
      taxes: [],
      payments: [],
      refunded_cents: 0,
      discount: null,
      discount_approved_by: null,
    });
    expect(created.items[0]?.order_item_id).toBeLessThan(created.items[1]?.order_item_id ?? 0);
    expect(Math.abs(Date.parse(created.created_at) - Date.now())).toBeLessThan(60_000);
    expect(await stockOf(cup.id)).toBe(7);
    expect(await stockOf(pot.id)).toBe(4);

    // The lines keep the name and price of the moment of sale.
    const renamed = await t.api.patch(`/products/${cup.id}`, { name: 'Cup (new design)', price_cents: 999 }, { token: manager.access });
    expect(renamed.status).toBe(200);
    const again = await t.api.get(`/orders/${created.id}`, { token: cashier.access });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created);
    const later = await order(cashier, [{ product_id: cup.id, amount: 1 }]);
    expect(later.items).toEqual([{ ...untaxedLine(999), product_id: cup.id, name: 'Cup (new design)', amount: 1, unit_price_cents: 999 }]);
    expect(later.total_cents).toBe(999);
    expect(later.address).toBeNull();
    expect(later.phone).toBeNull();

    // Every role may place an order.
    for (const user of [owner, manager, attendant, customer]) {
      const mine = await order(user, [{ product_id: pot.id, amount: 1 }]);
      expect(mine.user_id).toBe(user.id);
    }
    expect(await stockOf(pot.id)).toBe(0);
  });

  it('rejects malformed orders with 400 validation_failed and writes nothing', async () => {
    const p = await createProduct(5);
    const before = counts();
    const bodies: unknown[] = [
      {},
      { items: [] },
      { items: [{ product_id: p.id }] },
      { items: [{ product_id: p.id, amount: 0 }] },
      { items: [{ product_id: p.id, amount: -2 }] },
      { items: [{ product_id: p.id, amount: 1.5 }] },
      { items: [{ product_id: 'abc', amount: 1 }] },
      { items: [{ product_id: p.id, amount: 1, price_cents: 1 }] },
      { items: [{ product_id: p.id, amount: 1 }], total_cents: 1 },
      { items: [{ product_id: p.id, amount: 1 }], complete: 'yes' },
    ];
    for (const body of bodies) {
      const res = await placeOrder(cashier, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toBe('validation_failed');
      expect(res.body.fields, JSON.stringify(body)).toBeTypeOf('object');
    }
    expect(counts()).toEqual(before);
    expect(await stockOf(p.id)).toBe(5);
    expect((await t.api.post('/orders', { items: [{ product_id: p.id, amount: 1 }] })).status).toBe(401);
  });

  it('merges duplicate product lines into one line', async () => {
    const a = await createProduct(10, 300);
    const b = await createProduct(10, 120);
    const merged = await order(cashier, [
      { product_id: a.id, amount: 1 },
      { product_id: b.id, amount: 1 },
      { product_id: a.id, amount: 2 },
    ]);
    expect(merged.items).toHaveLength(2);
    expect(merged.items.find((i) => i.product_id === a.id)).toMatchObject({ amount: 3, line_total_cents: 900 });
    expect(merged.items.find((i) => i.product_id === b.id)).toMatchObject({ amount: 1, line_total_cents: 120 });
    expect(merged.total_cents).toBe(1020);
    expect(await stockOf(a.id)).toBe(7);

    // Lines that each fit but together do not: refused as a whole.
    const before = counts();
    const res = await placeOrder(cashier, {
      items: [
        { product_id: a.id, amount: 4 },
        { product_id: a.id, amount: 4 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('insufficient_stock');
    expect(res.body.details).toEqual([expect.objectContaining({ product_id: a.id, requested: 8, available: 7 })]);
    expect(await stockOf(a.id)).toBe(7);
    expect(counts()).toEqual(before);
  });

  it('insufficient stock → 400 with details per offending item, and nothing is applied', async () => {
    const short1 = await createProduct(2);
    const short2 = await createProduct(1);
    const plenty = await createProduct(10);
    const before = counts();
    const lastId = (sqlite.prepare('SELECT MAX(id) AS id FROM orders').get() as { id: number }).id;

    const res = await placeOrder(cashier, {
      items: [
        { product_id: plenty.id, amount: 4 },
        { product_id: short1.id, amount: 3 },
        { product_id: short2.id, amount: 2 },
      ],
      complete: true,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'insufficient_stock', message: expect.any(String) });
    const details = [...(res.body.details as { product_id: number }[])].sort((x, y) => x.product_id - y.product_id);
    expect(details).toEqual([
      expect.objectContaining({ product_id: short1.id, error: 'insufficient_stock', requested: 3, available: 2 }),
      expect.objectContaining({ product_id: short2.id, error: 'insufficient_stock', requested: 2, available: 1 }),
    ]);

    expect(await stockOf(short1.id)).toBe(2);
    expect(await stockOf(short2.id)).toBe(1);
    expect(await stockOf(plenty.id)).toBe(10);
    expect(counts()).toEqual(before);
    // The next order follows on directly: no row was inserted and rolled back half-way.
    const next = await order(cashier, [{ product_id: plenty.id, amount: 1 }]);
    expect(next.id).toBe(lastId + 1);

    // Exactly the stock left is fine.
    const all = await order(cashier, [
      { product_id: short1.id, amount: 2 },
      { product_id: short2.id, amount: 1 },
    ]);
    expect(all.status).toBe('open');
    expect(await stockOf(short1.id)).toBe(0);
    expect(await stockOf(short2.id)).toBe(0);
  });

  it('an unknown product → 400 product_not_found, nothing applied', async () => {
    const p = await createProduct(5);
    const before = counts();
    const res = await placeOrder(cashier, {
      items: [
        { product_id: p.id, amount: 1 },
        { product_id: 987654321, amount: 1 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('product_not_found');
    expect(res.body.details).toEqual([expect.objectContaining({ product_id: 987654321, error: 'product_not_found' })]);
    expect(await stockOf(p.id)).toBe(5);
    expect(counts()).toEqual(before);
  });

  it('complete: true by a cashier → completed; by a customer → 403 and nothing applied', async () => {
    const p = await createProduct(10);
    const sale = await order(cashier, [{ product_id: p.id, amount: 2 }], { complete: true });
    expect(sale.status).toBe('completed');
    expect(sale.completed_at).toMatch(ISO);
    expectPaidByOther(sale, cashier.id);
    expect((await t.api.get(`/orders/${sale.id}`, { token: cashier.access })).body).toEqual(sale);
    expect(await stockOf(p.id)).toBe(8);

    const before = counts();
    const refused = await placeOrder(customer, { items: [{ product_id: p.id, amount: 1 }], complete: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');
    expect(await stockOf(p.id)).toBe(8);
    expect(counts()).toEqual(before);

    const open = await order(customer, [{ product_id: p.id, amount: 1 }], { complete: false });
    expect(open.status).toBe('open');
    const complete = await t.api.post(`/orders/${open.id}/complete`, {}, { token: customer.access });
    expect(complete.status).toBe(403);
    expect(complete.body.error).toBe('forbidden');
    // A customer may cancel their own open order.
    const cancel = await t.api.post(`/orders/${open.id}/cancel`, {}, { token: customer.access });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expect(cancel.body.status).toBe('cancelled');
    expect(await stockOf(p.id)).toBe(8);

    // Sales by anyone on one till take the next numbers of one sequence.
    const numbers = [sale.receipt_no ?? 0];
    for (const user of [attendant, manager, owner]) {
      const next = await order(user, [{ product_id: p.id, amount: 1 }], { complete: true });
      expectPaidByOther(next, user.id);
      numbers.push(next.receipt_no ?? 0);
    }
    expect(numbers).toEqual([0, 1, 2, 3].map((i) => (sale.receipt_no ?? 0) + i));
  });

  it('a sale on a register whose drawer is closed → 409 no_open_session; nothing applied, no receipt number used', async () => {
    const p = await createProduct(10);
    const spare = await t.api.post('/registers', { name: `Spare ${uniqueName('r')}` }, { token: manager.access });
    expect(spare.status, JSON.stringify(spare.body)).toBe(201);
    const registerId = spare.body.id as number;
    const first = await order(cashier, [{ product_id: p.id, amount: 1 }], { complete: true });
    const before = counts();

    const refused = await placeOrder(cashier, { items: [{ product_id: p.id, amount: 1 }], complete: true, register_id: registerId });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body).toMatchObject({ error: 'no_open_session', message: expect.any(String) });
    const open = await order(cashier, [{ product_id: p.id, amount: 2 }]);
    const completing = await t.api.post(`/orders/${open.id}/complete`, { register_id: registerId }, { token: cashier.access });
    expect(completing.status, JSON.stringify(completing.body)).toBe(409);
    expect(completing.body.error).toBe('no_open_session');
    expect((await t.api.get(`/orders/${open.id}`, { token: cashier.access })).body).toEqual(open);
    expect(await stockOf(p.id)).toBe(7);
    expect(counts()).toEqual({ orders: before.orders + 1, items: before.items + 1 });

    // The open order completes on the open default till and takes the very next number.
    const completed = await t.api.post(`/orders/${open.id}/complete`, {}, { token: cashier.access });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expectPaidByOther(completed.body as Order, cashier.id);
    expect(completed.body.receipt_no).toBe((first.receipt_no ?? 0) + 1);
  });

  it('complete and cancel act on open orders only (else 409 invalid_state)', async () => {
    const p = await createProduct(10);
    const a = await order(cashier, [{ product_id: p.id, amount: 1 }]);
    expect(a).toMatchObject({ receipt_no: null, payments: [] });
    const completed = await t.api.post(`/orders/${a.id}/complete`, undefined, { token: cashier.access });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ id: a.id, status: 'completed', completed_at: expect.stringMatching(ISO) });
    expectPaidByOther(completed.body as Order, cashier.id);
    for (const action of ['complete', 'cancel']) {
      const res = await t.api.post(`/orders/${a.id}/${action}`, {}, { token: cashier.access });
      expect(res.status, action).toBe(409);
      expect(res.body.error).toBe('invalid_state');
    }
    expect(await stockOf(p.id)).toBe(9);

    const b = await order(cashier, [{ product_id: p.id, amount: 2 }]);
    const cancelled = await t.api.post(`/orders/${b.id}/cancel`, {}, { token: cashier.access });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: b.id, status: 'cancelled', completed_at: null });
    for (const action of ['complete', 'cancel']) {
      const res = await t.api.post(`/orders/${b.id}/${action}`, {}, { token: manager.access });
      expect(res.status, action).toBe(409);
      expect(res.body.error).toBe('invalid_state');
    }
    expect((await t.api.get(`/orders/${b.id}`, { token: cashier.access })).body.status).toBe('cancelled');
    expect(await stockOf(p.id)).toBe(9);

    const missing = await t.api.post('/orders/987654321/cancel', {}, { token: manager.access });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'not_found', message: 'No Order matches the given query.' });
    expect((await t.api.post(`/orders/${b.id}/cancel`, { reason: 'x' }, { token: manager.access })).status).toBe(400);
  });

  it('cancel puts the stock back exactly once, also when cancels race', async () => {
    const p = await createProduct(10);
    const q = await createProduct(6);
    const a = await order(cashier, [
      { product_id: p.id, amount: 4 },
      { product_id: q.id, amount: 6 },
    ]);
    expect([await stockOf(p.id), await stockOf(q.id)]).toEqual([6, 0]);
    expect((await t.api.post(`/orders/${a.id}/cancel`, {}, { token: cashier.access })).status).toBe(200);
    expect([await stockOf(p.id), await stockOf(q.id)]).toEqual([10, 6]);
    expect((await t.api.post(`/orders/${a.id}/cancel`, {}, { token: cashier.access })).status).toBe(409);
    expect([await stockOf(p.id), await stockOf(q.id)]).toEqual([10, 6]);

    const b = await order(cashier, [{ product_id: p.id, amount: 3 }]);
    expect(await stockOf(p.id)).toBe(7);
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.api.post(`/orders/${b.id}/cancel`, {}, { token: (i % 2 === 0 ? cashier : manager).access })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(await stockOf(p.id)).toBe(10);

    // A completed order is a sale: no cancel, no restock.
    const c = await order(cashier, [{ product_id: p.id, amount: 2 }], { complete: true });
    expect((await t.api.post(`/orders/${c.id}/cancel`, {}, { token: manager.access })).status).toBe(409);
    expect(await stockOf(p.id)).toBe(8);
  });

  it('Idempotency-Key: a retry answers the same order (201, same id) and makes one order; another body → 400', async () => {
    const p = await createProduct(20, 700);
    const key = randomUUID();
    const body = { items: [{ product_id: p.id, amount: 2 }], address: 'Till 3' };
    const before = counts();

    const first = await placeOrder(cashier, body, { 'Idempotency-Key': key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await placeOrder(cashier, body, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await stockOf(p.id)).toBe(18);
    expect(counts().orders).toBe(before.orders + 1);

    const different = await placeOrder(cashier, { items: [{ product_id: p.id, amount: 3 }] }, { 'Idempotency-Key': key });
    expect(different.status).toBe(400);
    expect(different.body.error).toBe('validation_failed');
    expect(different.body.fields).toBeTypeOf('object');
    expect(await stockOf(p.id)).toBe(18);
    expect(counts().orders).toBe(before.orders + 1);

    // A replay still answers the first response after the order moved on, and sells nothing.
    expect((await t.api.post(`/orders/${first.body.id}/cancel`, {}, { token: cashier.access })).status).toBe(200);
    expect(await stockOf(p.id)).toBe(20);
    const afterCancel = await placeOrder(cashier, body, { 'Idempotency-Key': key });
    expect(afterCancel.status).toBe(201);
    expect(afterCancel.body.id).toBe(first.body.id);
    expect(await stockOf(p.id)).toBe(20);

    // Keys belong to their user: someone else's identical key is their own order, never this one.
    const stranger = await placeOrder(otherCashier, body, { 'Idempotency-Key': key });
    expect(stranger.status).toBe(201);
    expect(stranger.body.id).not.toBe(first.body.id);
    expect(stranger.body.user_id).toBe(otherCashier.id);
    expect(await stockOf(p.id)).toBe(18);

    // Without a key, each request is an order.
    await order(cashier, body.items);
    await order(cashier, body.items);
    expect(await stockOf(p.id)).toBe(14);

    for (const bad of ['', 'x'.repeat(201)]) {
      const res = await placeOrder(cashier, body, { 'Idempotency-Key': bad });
      expect(res.status, `key of ${bad.length} characters`).toBe(400);
    }
    expect(await stockOf(p.id)).toBe(14);
  });

  it('Idempotency-Key: 8 concurrent requests with one key make one order', async () => {
    const p = await createProduct(50, 100);
    const key = randomUUID();
    const body = { items: [{ product_id: p.id, amount: 3 }], complete: true };
    const before = counts();
    const answers = await Promise.all(Array.from({ length: 8 }, () => placeOrder(cashier, body, { 'Idempotency-Key': key })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    const ids = new Set(answers.map((a) => a.body.id as number));
    expect(ids.size).toBe(1);
    for (const a of answers) expect(a.body).toEqual(answers[0]?.body);
    expectPaidByOther(answers[0]?.body as Order, cashier.id);
    expect(await stockOf(p.id)).toBe(47);
    expect(counts()).toEqual({ orders: before.orders + 1, items: before.items + 1 });

    // Control: 8 concurrent requests with 8 keys make 8 orders.
    const many = await Promise.all(Array.from({ length: 8 }, () => placeOrder(cashier, body, { 'Idempotency-Key': randomUUID() })));
    expect(new Set(many.map((a) => a.body.id)).size).toBe(8);
    // One number each, none shared, none skipped.
    const numbers = many.map((a) => a.body.receipt_no as number).sort((x, y) => x - y);
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));
    expect(await stockOf(p.id)).toBe(23);
  });

  it('filters by status, user_id and from/to (shop dates, both inclusive), with cursor pages', async () => {
    const p = await createProduct(1000, 100);
    const buyer = await createSignedInUser(t.api, manager, 'cashier');
    const actor = await t.core.services.auth.authenticate(buyer.access);
    // Orders placed at chosen local times (the service takes the clock as an argument).
    const at = (y: number, m: number, d: number, h: number, min = 0, s = 0, ms = 0) => new Date(y, m - 1, d, h, min, s, ms).getTime();
    const moments = {
      lateOn9th: at(2024, 6, 9, 23, 59, 59, 999),
      startOf10th: at(2024, 6, 10, 0, 0, 0, 0),
      noon10th: at(2024, 6, 10, 12),
      endOf11th: at(2024, 6, 11, 23, 59, 59, 999),
      startOf12th: at(2024, 6, 12, 0, 0, 0, 0),
    };
    const ids: Record<keyof typeof moments, number> = { lateOn9th: 0, startOf10th: 0, noon10th: 0, endOf11th: 0, startOf12th: 0 };
    for (const [name, when] of Object.entries(moments) as [keyof typeof moments, number][]) {
      const placed = await t.core.services.orders.create(actor, { items: [{ product_id: p.id, amount: 1 }] }, undefined, when);
      expect(placed.status).toBe(201);
      ids[name] = (placed.body as Order).id;
    }
    const viaRest = await t.api.get(`/orders/${ids.noon10th}`, { token: buyer.access });
    expect(Date.parse(viaRest.body.created_at)).toBe(moments.noon10th);

    const list = async (query: string, as: SignedIn = manager) => {
      const res = await t.api.get(`/orders?user_id=${buyer.id}&limit=200&${query}`, { token: as.access });
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
      return (res.body as Order[]).map((o) => o.id);
    };
    expect(await list('from=2024-06-10&to=2024-06-11')).toEqual([ids.endOf11th, ids.noon10th, ids.startOf10th]);
    expect(await list('from=2024-06-10&to=2024-06-10')).toEqual([ids.noon10th, ids.startOf10th]);
    expect(await list('from=2024-06-09&to=2024-06-09')).toEqual([ids.lateOn9th]);
    expect(await list('from=2024-06-12')).toEqual([ids.startOf12th]);
    expect(await list('to=2024-06-09')).toEqual([ids.lateOn9th]);
    expect(await list('from=2024-06-13&to=2024-06-20')).toEqual([]);
    expect(await list('from=2024-06-09&to=2024-06-12')).toHaveLength(5);
    // The buyer reads the same through their own list.
    expect(await list('from=2024-06-10&to=2024-06-11', buyer)).toEqual([ids.endOf11th, ids.noon10th, ids.startOf10th]);
    for (const bad of ['from=2024-13-01', 'to=10-06-2024', 'from=yesterday']) {
      expect((await t.api.get(`/orders?${bad}`, { token: manager.access })).status, bad).toBe(400);
    }

    // Status.
    expect((await t.api.post(`/orders/${ids.startOf10th}/complete`, {}, { token: buyer.access })).status).toBe(200);
    expect((await t.api.post(`/orders/${ids.noon10th}/cancel`, {}, { token: manager.access })).status).toBe(200);
    expect(await list('status=completed')).toEqual([ids.startOf10th]);
    expect(await list('status=cancelled')).toEqual([ids.noon10th]);
    expect(await list('status=open')).toEqual([ids.startOf12th, ids.endOf11th, ids.lateOn9th]);
    expect(await list('status=open&from=2024-06-10&to=2024-06-11')).toEqual([ids.endOf11th]);
    expect((await t.api.get('/orders?status=paid', { token: manager.access })).status).toBe(400);

    // user_id: only that user's orders; the owner reads them as well as the manager.
    const someoneElses = await order(otherCashier, [{ product_id: p.id, amount: 1 }]);
    const buyerOnly = await allPages(`/orders?user_id=${buyer.id}&limit=200`, owner);
    expect(buyerOnly.items.map((o) => o.id).sort((x, y) => x - y)).toEqual(Object.values(ids).sort((x, y) => x - y));
    expect(buyerOnly.items.every((o) => o.user_id === buyer.id)).toBe(true);
    const all = await allPages('/orders?limit=200', manager);
    expect(all.items.some((o) => o.id === someoneElses.id)).toBe(true);
    expect(new Set(all.items.map((o) => o.user_id)).size).toBeGreaterThan(2);

    // Cursor pages: newest first, Link rel="next" keeping the filters, every row once.
    for (let i = 0; i < 4; i++) await order(buyer, [{ product_id: p.id, amount: 1 }]);
    const everything = (await allPages(`/orders?user_id=${buyer.id}&limit=200`, manager)).items.map((o) => o.id);
    expect(everything).toHaveLength(9);
    expect(everything).toEqual([...everything].sort((x, y) => y - x));
    const first = await t.api.get(`/orders?user_id=${buyer.id}&limit=4`, { token: manager.access });
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(/^<\/api\/v1\/orders\?[^>]*cursor=[^>]+>; rel="next"$/);
    expect(link).toContain(`user_id=${buyer.id}`);
    expect(link).toContain('limit=4');
    const paged = await allPages(`/orders?user_id=${buyer.id}&limit=4`, manager);
    expect(paged.pages).toBe(3);
    expect(paged.items.map((o) => o.id)).toEqual(everything);
    const pagedOpen = await allPages(`/orders?user_id=${buyer.id}&status=open&limit=2`, buyer);
    expect(pagedOpen.items.map((o) => o.id)).toEqual(everything.filter((id) => id !== ids.startOf10th && id !== ids.noon10th));
    const pagedRange = await allPages(`/orders?user_id=${buyer.id}&from=2024-06-09&to=2024-06-12&limit=1`, manager);
    expect(pagedRange.pages).toBe(5);
    expect(pagedRange.items.map((o) => o.id)).toEqual([ids.startOf12th, ids.endOf11th, ids.noon10th, ids.startOf10th, ids.lateOn9th]);
    for (const bad of ['limit=0', 'limit=201', 'cursor=%%%', 'cursor=bm90LWFuLWlk']) {
      const res = await t.api.get(`/orders?${bad}`, { token: manager.access });
      expect(res.status, bad).toBe(400);
      expect(res.body.error, bad).toBe('validation_failed');
    }
  });

  it('reading: a cashier sees only their own orders (others: 403 on user_id, 404 by id); a manager sees all', async () => {
    const p = await createProduct(100, 100);
    const mine = await order(cashier, [{ product_id: p.id, amount: 1 }]);
    const theirs = await order(otherCashier, [{ product_id: p.id, amount: 1 }]);
    const customers = await order(customer, [{ product_id: p.id, amount: 1 }]);

    for (const [who, user, own] of [
      ['cashier', cashier, mine],
      ['other cashier', otherCashier, theirs],
      ['customer', customer, customers],
    ] as const) {
      const listed = await allPages('/orders?limit=200', user);
      expect(listed.items.length, who).toBeGreaterThan(0);
      expect(
        listed.items.every((o) => o.user_id === user.id),
        `${who} saw someone else's order`,
      ).toBe(true);
      expect(
        listed.items.some((o) => o.id === own.id),
        who,
      ).toBe(true);
      const self = await t.api.get(`/orders?user_id=${user.id}`, { token: user.access });
      expect(self.status, who).toBe(200);
    }

    const peek = await t.api.get(`/orders?user_id=${otherCashier.id}`, { token: cashier.access });
    expect(peek.status).toBe(403);
    expect(peek.body.error).toBe('forbidden');
    expect((await t.api.get(`/orders?user_id=${cashier.id}`, { token: customer.access })).status).toBe(403);
    expect((await t.api.get(`/orders?user_id=${cashier.id}`, { token: attendant.access })).status).toBe(403);

    for (const [who, user, foreign] of [
      ['cashier', cashier, theirs],
      ['customer', customer, mine],
      ['attendant', attendant, mine],
    ] as const) {
      const one = await t.api.get(`/orders/${foreign.id}`, { token: user.access });
      expect(one.status, who).toBe(404);
      expect(one.body, who).toEqual({ error: 'not_found', message: 'No Order matches the given query.' });
      expect((await t.api.post(`/orders/${foreign.id}/cancel`, {}, { token: user.access })).status, `${who} cancel`).toBe(404);
    }
    expect((await t.api.post(`/orders/${theirs.id}/complete`, {}, { token: cashier.access })).status).toBe(404);
    expect((await t.api.get(`/orders/${theirs.id}`, { token: otherCashier.access })).body.status).toBe('open');
    expect(await stockOf(p.id)).toBe(97);

    for (const boss of [manager, owner]) {
      const byUser = await allPages(`/orders?user_id=${otherCashier.id}&limit=200`, boss);
      expect(byUser.items.some((o) => o.id === theirs.id)).toBe(true);
      expect(byUser.items.every((o) => o.user_id === otherCashier.id)).toBe(true);
      const one = await t.api.get(`/orders/${customers.id}`, { token: boss.access });
      expect(one.status).toBe(200);
      expect(one.body).toEqual(customers);
      const everyone = await allPages('/orders?limit=200', boss);
      for (const o of [mine, theirs, customers]) expect(everyone.items.some((x) => x.id === o.id)).toBe(true);
    }
    const completed = await t.api.post(`/orders/${theirs.id}/complete`, {}, { token: manager.access });
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('completed');
    const cancelled = await t.api.post(`/orders/${customers.id}/cancel`, {}, { token: owner.access });
    expect(cancelled.status).toBe(200);
    expect(await stockOf(p.id)).toBe(98);
  });

  it('GET /orders?receipt_no= finds the one sale with that receipt number, whoever sold it (staff read every sale)', async () => {
    const p = await createProduct(20, 300);
    const mine = await order(cashier, [{ product_id: p.id, amount: 1 }], { complete: true });
    const theirs = await order(otherCashier, [{ product_id: p.id, amount: 2 }], { complete: true });
    expect(mine.receipt_no).toEqual(expect.any(Number));

    const found = await t.api.get(`/orders?receipt_no=${mine.receipt_no}`, { token: cashier.access });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect((found.body as Order[]).map((o) => o.id)).toEqual([mine.id]);
    const byManager = await t.api.get(`/orders?receipt_no=${theirs.receipt_no}`, { token: manager.access });
    expect((byManager.body as Order[]).map((o) => o.id)).toEqual([theirs.id]);
    // Another cashier's receipt: a customer brings it back to whoever is at the till.
    const colleagues = await t.api.get(`/orders?receipt_no=${theirs.receipt_no}`, { token: cashier.access });
    expect(colleagues.status).toBe(200);
    expect((colleagues.body as Order[]).map((o) => o.id)).toEqual([theirs.id]);
    const unknown = await t.api.get('/orders?receipt_no=99999999', { token: manager.access });
    expect(unknown.body).toEqual([]);

    for (const bad of ['0', '-3', '1.5', 'abc']) {
      const res = await t.api.get(`/orders?receipt_no=${bad}`, { token: manager.access });
      expect(res.status, bad).toBe(400);
      expect(res.body.error, bad).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}), bad).toContain('receipt_no');
    }
  });
});
