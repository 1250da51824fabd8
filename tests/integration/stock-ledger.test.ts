import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoShop } from '../../electron/core/demo/seed-demo';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import { createSignedInUser, openDrawer, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md, Stock ledger: every change of a product's stock writes one movement in the same
 * transaction, so stock = Σ movements, always; a refused change writes none. The movements are
 * read straight from the database file through a second, read-only connection.
 */

interface Movement {
  id: number;
  product_id: number;
  delta: number;
  reason: string;
  ref_type: string;
  ref_id: number | null;
  note: string | null;
  user_id: number | null;
  created_at: number;
}

interface Ledger {
  movementsOf(productId: number): Movement[];
  count(): number;
  row(sql: string, ...params: unknown[]): unknown;
  rows(sql: string, ...params: unknown[]): unknown[];
  close(): void;
}

function openLedger(t: TestCore): Ledger {
  const db = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
  return {
    movementsOf: (productId) => db.prepare('SELECT * FROM stock_movements WHERE product_id = ? ORDER BY id').all(productId) as Movement[],
    count: () => Number(db.prepare('SELECT count(*) FROM stock_movements').pluck().get()),
    row: (sql, ...params) => db.prepare(sql).get(...params),
    rows: (sql, ...params) => db.prepare(sql).all(...params),
    close: () => db.close(),
  };
}

const sum = (movements: Movement[]) => movements.reduce((total, m) => total + m.delta, 0);

interface Shop {
  t: TestCore;
  ledger: Ledger;
  owner: SignedIn;
  manager: SignedIn;
  cashier: SignedIn;
}

/** A shop with its staff, and the default till's drawer open so sales can complete. */
async function openShop(): Promise<Shop> {
  const t = await startTestCore({ webUi: {} });
  const owner = await setupOwner(t.api);
  const manager = await createSignedInUser(t.api, owner, 'manager');
  const cashier = await createSignedInUser(t.api, manager, 'cashier');
  await openDrawer(t.api, cashier);
  return { t, ledger: openLedger(t), owner, manager, cashier };
}

async function createProduct(shop: Shop, stock: number): Promise<{ id: number; sku: string; stock: number }> {
  const sku = uniqueName('SL').toUpperCase();
  const res = await shop.t.api.post('/products', { sku, name: `Item ${sku}`, price_cents: 250, stock }, { token: shop.manager.access });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function stockOf(shop: Shop, productId: number): Promise<number> {
  const res = await shop.t.api.get(`/products/${productId}`, { token: shop.manager.access });
  expect(res.status).toBe(200);
  return res.body.stock;
}

/** stock = Σ movements ≥ 0; returns the movements. */
async function expectBalanced(shop: Shop, productId: number): Promise<Movement[]> {
  const movements = shop.ledger.movementsOf(productId);
  const stock = await stockOf(shop, productId);
  expect(stock, `product ${productId}: ${JSON.stringify(movements)}`).toBe(sum(movements));
  expect(stock).toBeGreaterThanOrEqual(0);
  return movements;
}

const placeOrder = (shop: Shop, lines: { product_id: number; amount: number }[], complete: boolean) =>
  shop.t.api.post('/orders', { items: lines, complete }, { token: shop.cashier.access });

describe('the stock ledger, one kind of change at a time', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop();
  });
  afterAll(async () => {
    shop.ledger.close();
    await shop.t.stop();
  });

  it('a product created with stock opens with an `initial` movement; one created empty has none', async () => {
    const product = await createProduct(shop, 12);
    expect(await expectBalanced(shop, product.id)).toEqual([
      expect.objectContaining({
        delta: 12,
        reason: 'initial',
        ref_type: 'product',
        ref_id: product.id,
        note: null,
        user_id: shop.manager.id,
      }),
    ]);
    const empty = await createProduct(shop, 0);
    expect(await expectBalanced(shop, empty.id)).toEqual([]);
  });

  it('a completed sale takes stock as one `sale` per line and keeps the till’s totals', async () => {
    const tea = await createProduct(shop, 10);
    const cups = await createProduct(shop, 4);
    const res = await placeOrder(
      shop,
      [
        { product_id: tea.id, amount: 3 },
        { product_id: cups.id, amount: 2 },
        { product_id: tea.id, amount: 1 },
      ],
      true,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const orderId: number = res.body.id;
    expect((await expectBalanced(shop, tea.id)).at(-1)).toMatchObject({
      delta: -4,
      reason: 'sale',
      ref_type: 'order',
      ref_id: orderId,
      user_id: shop.cashier.id,
    });
    expect((await expectBalanced(shop, cups.id)).at(-1)).toMatchObject({ delta: -2, reason: 'sale', ref_id: orderId });

    expect(
      shop.ledger.row(
        'SELECT total_cents, subtotal_cents, discount_cents, tax_cents, rounding_cents, due_cents, completed_by FROM orders WHERE id = ?',
        orderId,
      ),
    ).toEqual({
      total_cents: 1500,
      subtotal_cents: 1500,
      discount_cents: 0,
      tax_cents: 0,
      rounding_cents: 0,
      due_cents: 1500,
      completed_by: shop.cashier.id,
    });
    expect(
      shop.ledger.rows('SELECT line_total_cents, net_line_cents, discount_cents FROM order_items WHERE order_id = ? ORDER BY id', orderId),
    ).toEqual([
      { line_total_cents: 1000, net_line_cents: 1000, discount_cents: 0 },
      { line_total_cents: 500, net_line_cents: 500, discount_cents: 0 },
    ]);
    expect(shop.ledger.rows('SELECT method, amount_cents FROM payments WHERE order_id = ?', orderId)).toEqual([
      { method: 'other', amount_cents: 1500 },
    ]);
  });

  it('an open order takes stock when placed; completing records who completed it, cancelling puts it back', async () => {
    const product = await createProduct(shop, 6);
    const parked = await placeOrder(shop, [{ product_id: product.id, amount: 2 }], false);
    expect(parked.status).toBe(201);
    expect(shop.ledger.row('SELECT completed_by, subtotal_cents, due_cents FROM orders WHERE id = ?', parked.body.id)).toEqual({
      completed_by: null,
      subtotal_cents: 500,
      due_cents: 500,
    });
    const done = await shop.t.api.post(`/orders/${parked.body.id}/complete`, {}, { token: shop.manager.access });
    expect(done.status).toBe(200);
    expect(shop.ledger.row('SELECT completed_by FROM orders WHERE id = ?', parked.body.id)).toEqual({ completed_by: shop.manager.id });

    const toCancel = await placeOrder(shop, [{ product_id: product.id, amount: 3 }], false);
    const cancelled = await shop.t.api.post(`/orders/${toCancel.body.id}/cancel`, {}, { token: shop.cashier.access });
    expect(cancelled.status).toBe(200);
    const movements = await expectBalanced(shop, product.id);
    expect(movements.map((m) => [m.delta, m.reason, m.ref_type, m.ref_id])).toEqual([
      [6, 'initial', 'product', product.id],
      [-2, 'sale', 'order', parked.body.id],
      [-3, 'sale', 'order', toCancel.body.id],
      [3, 'cancel', 'order', toCancel.body.id],
    ]);
    expect(movements.at(-1)?.user_id).toBe(shop.cashier.id);

    // A second cancel is refused and moves nothing.
    const before = shop.ledger.count();
    const again = await shop.t.api.post(`/orders/${toCancel.body.id}/cancel`, {}, { token: shop.cashier.access });
    expect(again.status).toBe(409);
    expect(shop.ledger.count()).toBe(before);
  });

  it('an adjustment is its own reference and carries the reason; one below zero writes nothing', async () => {
    const product = await createProduct(shop, 5);
    const res = await shop.t.api.post(
      `/products/${product.id}/stock-adjustments`,
      { delta: -2, reason: 'Broken in the back room' },
      { token: shop.manager.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await stockOf(shop, product.id)).toBe(3);
    const movement = (await expectBalanced(shop, product.id)).at(-1);
    // The answer is the movement as written.
    expect(res.body).toEqual({ ...movement, created_at: new Date(movement?.created_at ?? 0).toISOString() });
    expect(movement).toMatchObject({
      delta: -2,
      reason: 'adjustment',
      ref_type: 'adjustment',
      note: 'Broken in the back room',
      user_id: shop.manager.id,
    });
    expect(movement?.ref_id).toBe(movement?.id);

    const before = shop.ledger.count();
    const refused = await shop.t.api.post(
      `/products/${product.id}/stock-adjustments`,
      { delta: -4, reason: 'Too many' },
      { token: shop.manager.access },
    );
    expect(refused.status).toBe(400);
    expect(shop.ledger.count()).toBe(before);
    await expectBalanced(shop, product.id);
  });

  it('a PATCH of stock is an adjustment "set by PATCH" without a reference; the same count writes nothing', async () => {
    const product = await createProduct(shop, 5);
    expect((await shop.t.api.patch(`/products/${product.id}`, { stock: 9 }, { token: shop.manager.access })).status).toBe(200);
    expect((await expectBalanced(shop, product.id)).at(-1)).toMatchObject({
      delta: 4,
      reason: 'adjustment',
      ref_type: 'adjustment',
      ref_id: null,
      note: 'set by PATCH',
      user_id: shop.manager.id,
    });
    const before = shop.ledger.count();
    expect((await shop.t.api.patch(`/products/${product.id}`, { stock: 9, name: 'Renamed' }, { token: shop.manager.access })).status).toBe(
      200,
    );
    expect(shop.ledger.count()).toBe(before);
  });

  it('a CSV import writes `import` movements for the stock it creates or changes, and none otherwise', async () => {
    const existing = await createProduct(shop, 3);
    const untouched = await createProduct(shop, 8);
    const session = createMemorySession(shop.t.core.services);
    const caller = appRouter.createCaller({
      services: shop.t.core.services,
      session,
      fromLoopback: true,
      clientKey: 'window:ledger-import',
    });
    await caller.auth.login({ username: shop.manager.username, password: PASSWORDS.manager });
    const newSku = uniqueName('IMP').toUpperCase();
    const results = await caller.catalog.importRows({
      rows: [
        { line: 2, product: { sku: newSku, name: 'Imported kettle', price_cents: 2500, stock: 7 } },
        { line: 3, product: { sku: existing.sku, name: 'Restocked', price_cents: 250, stock: 11 } },
        { line: 4, product: { sku: untouched.sku, name: 'Renamed only', price_cents: 300 } },
        { line: 5, product: { sku: uniqueName('IMP').toUpperCase(), name: 'Empty', price_cents: 100 } },
      ],
    });
    expect(results.every((r) => r.ok)).toBe(true);
    const created = results[0];
    if (!created?.ok) throw new Error('line 2 was not imported');

    expect(await expectBalanced(shop, created.product.id)).toEqual([
      expect.objectContaining({
        delta: 7,
        reason: 'import',
        ref_type: 'import',
        ref_id: null,
        note: 'CSV import, line 2',
        user_id: shop.manager.id,
      }),
    ]);
    expect((await expectBalanced(shop, existing.id)).map((m) => [m.delta, m.reason, m.ref_type, m.note])).toEqual([
      [3, 'initial', 'product', null],
      [8, 'import', 'import', 'CSV import, line 3'],
    ]);
    expect(await expectBalanced(shop, untouched.id)).toHaveLength(1);
    const empty = results[3];
    if (!empty?.ok) throw new Error('line 5 was not imported');
    expect(await expectBalanced(shop, empty.product.id)).toEqual([]);
  });

  it('a customer order that expires puts its stock back as a `cancel` by nobody', async () => {
    const product = await createProduct(shop, 10);
    const username = uniqueName('buyer');
    expect((await shop.t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    const buyer = await signIn(shop.t.api, username, PASSWORDS.customer);
    const placed = await shop.t.api.post('/orders', { items: [{ product_id: product.id, amount: 4 }] }, { token: buyer.access });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(shop.t.core.services.orders.expireStaleCustomerOrders(Date.now() + 10_000 * 3_600_000)).toBe(1);
    expect((await expectBalanced(shop, product.id)).at(-1)).toMatchObject({
      delta: 4,
      reason: 'cancel',
      ref_type: 'order',
      ref_id: placed.body.id,
      user_id: null,
    });
  });
});

describe('the demo shop keeps the books too', () => {
  it('every seeded product’s stock is the sum of its movements', async () => {
    const t = await startTestCore();
    try {
      expect(await seedDemoShop(t.core.services)).toBe(true);
      const ledger = openLedger(t);
      const off = ledger.rows(
        `SELECT p.id, p.stock, coalesce(sum(m.delta), 0) AS total FROM products p
           LEFT JOIN stock_movements m ON m.product_id = p.id GROUP BY p.id HAVING p.stock <> total`,
      );
      const reasons = ledger.rows('SELECT DISTINCT reason FROM stock_movements ORDER BY reason');
      ledger.close();
      expect(off).toEqual([]);
      expect(reasons).toEqual([{ reason: 'initial' }, { reason: 'sale' }]);
    } finally {
      await t.stop();
    }
  });
});

type Step =
  | { kind: 'create'; stock: number }
  | { kind: 'order'; product: number; amount: number; complete: boolean }
  | { kind: 'complete'; order: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'adjust'; product: number; delta: number }
  | { kind: 'patch'; product: number; stock: number }
  | { kind: 'receive'; lines: { product: number; amount: number }[]; unknownProduct: boolean };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), stock: fc.integer({ min: 0, max: 10 }) }),
  fc.record({
    kind: fc.constant('order' as const),
    product: fc.nat(),
    amount: fc.integer({ min: 1, max: 12 }),
    complete: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('complete' as const), order: fc.nat() }),
  fc.record({ kind: fc.constant('cancel' as const), order: fc.nat() }),
  fc.record({
    kind: fc.constant('adjust' as const),
    product: fc.nat(),
    delta: fc.integer({ min: -10, max: 10 }).filter((d) => d !== 0),
  }),
  fc.record({ kind: fc.constant('patch' as const), product: fc.nat(), stock: fc.integer({ min: 0, max: 15 }) }),
  // Goods received: refused whole for a bad amount, a product twice or an unknown product.
  fc.record({
    kind: fc.constant('receive' as const),
    lines: fc.array(fc.record({ product: fc.nat(), amount: fc.integer({ min: -1, max: 8 }) }), { minLength: 1, maxLength: 3 }),
    unknownProduct: fc.boolean(),
  }),
);

describe('the stock ledger under random sequences of changes', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop();
  });
  afterAll(async () => {
    shop.ledger.close();
    await shop.t.stop();
  });

  it('after every step: stock = Σ movements ≥ 0, as the model expects, and a refusal writes no movement', async () => {
    const property = fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }),
      fc.array(stepArbitrary, { minLength: 1, maxLength: 15 }),
      async (openingStocks, steps) => {
        // Fresh products each run; the model is what their stock should be.
        const products: { id: number; expected: number }[] = [];
        const orders: { id: number; productIndex: number; amount: number; status: 'open' | 'completed' | 'cancelled' }[] = [];
        const addProduct = async (stock: number) => {
          const created = await createProduct(shop, stock);
          products.push({ id: created.id, expected: stock });
        };
        for (const stock of openingStocks) await addProduct(stock);

        for (const step of steps) {
          const movementsBefore = shop.ledger.count();
          let refused = false;
          if (step.kind === 'create') {
            await addProduct(step.stock);
          } else if (step.kind === 'order') {
            const index = step.product % products.length;
            const product = products[index];
            if (!product) throw new Error('no product');
            const res = await placeOrder(shop, [{ product_id: product.id, amount: step.amount }], step.complete);
            if (step.amount > product.expected) {
              expect(res.status).toBe(400);
              expect(res.body.error).toBe('insufficient_stock');
              refused = true;
            } else {
              expect(res.status, JSON.stringify(res.body)).toBe(201);
              product.expected -= step.amount;
              orders.push({ id: res.body.id, productIndex: index, amount: step.amount, status: step.complete ? 'completed' : 'open' });
            }
          } else if (step.kind === 'complete' || step.kind === 'cancel') {
            const order = orders[step.order % Math.max(orders.length, 1)];
            if (!order) continue;
            const res = await shop.t.api.post(`/orders/${order.id}/${step.kind}`, {}, { token: shop.cashier.access });
            if (order.status !== 'open') {
              expect(res.status).toBe(409);
              refused = true;
            } else {
              expect(res.status, JSON.stringify(res.body)).toBe(200);
              order.status = step.kind === 'complete' ? 'completed' : 'cancelled';
              const product = products[order.productIndex];
              if (step.kind === 'cancel' && product) product.expected += order.amount;
            }
          } else if (step.kind === 'adjust') {
            const product = products[step.product % products.length];
            if (!product) throw new Error('no product');
            const res = await shop.t.api.post(
              `/products/${product.id}/stock-adjustments`,
              { delta: step.delta, reason: 'Counted again' },
              { token: shop.manager.access },
            );
            if (product.expected + step.delta < 0) {
              expect(res.status).toBe(400);
              refused = true;
            } else {
              expect(res.status, JSON.stringify(res.body)).toBe(201);
              product.expected += step.delta;
            }
          } else if (step.kind === 'receive') {
            const lines = step.lines.map((line) => ({ index: line.product % products.length, amount: line.amount }));
            const items = lines.map((line) => ({ product_id: products[line.index]?.id ?? 0, amount: line.amount }));
            if (step.unknownProduct) items.splice(Math.floor(items.length / 2), 0, { product_id: 987_654_321, amount: 1 });
            const res = await shop.t.api.post('/stock-receipts', { supplier: 'Random supplier', items }, { token: shop.manager.access });
            const twice = new Set(lines.map((line) => line.index)).size < lines.length;
            if (step.unknownProduct || twice || lines.some((line) => line.amount < 1)) {
              expect(res.status, JSON.stringify(res.body)).toBe(400);
              refused = true;
            } else {
              expect(res.status, JSON.stringify(res.body)).toBe(201);
              for (const line of lines) {
                const product = products[line.index];
                if (product) product.expected += line.amount;
              }
            }
          } else {
            const product = products[step.product % products.length];
            if (!product) throw new Error('no product');
            const res = await shop.t.api.patch(`/products/${product.id}`, { stock: step.stock }, { token: shop.manager.access });
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            if (step.stock === product.expected) expect(shop.ledger.count()).toBe(movementsBefore);
            product.expected = step.stock;
          }
          if (refused) expect(shop.ledger.count(), `${step.kind} was refused`).toBe(movementsBefore);
          for (const product of products) {
            const movements = await expectBalanced(shop, product.id);
            expect(sum(movements)).toBe(product.expected);
          }
        }
      },
    );
    await fc.assert(property, { numRuns: 25 });
  }, 120_000);
});
