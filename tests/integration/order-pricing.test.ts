import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/create-services';
import { priceOrder, type Discount, type TaxRateRef } from '../../shared/pricing';
import type { OrderDto } from '../../shared/schemas/orders';
import { shopDate } from '../../shared/shop-date';
import { signedInTrpcClient } from '../helpers/trpc-client';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md "How an order is priced", "Discounts", "Cash rounding" and the report's
 * figures, over HTTP against the real core: every order is priced by shared/pricing's
 * `priceOrder` from the product rows read in the sale, and stored as priced.
 */

type Line = { product_id: number; amount: number; discount?: Discount };
interface Product {
  id: number;
  price: number;
  rate: TaxRateRef | null;
}

describe('order pricing', () => {
  let t: TestCore;
  let db: Database.Database;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let sessionId: number;
  let standard: TaxRateRef;
  let reduced: TaxRateRef;
  const MANAGER_PIN = '2580';
  const CASHIER_PIN = '1357';
  const token = (user: SignedIn) => ({ token: user.access });

  async function taxRate(name: string, rateBp: number): Promise<TaxRateRef> {
    const res = await t.api.post('/tax-rates', { name, rate_bp: rateBp }, token(manager));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id, name, rate_bp: rateBp };
  }

  async function product(price: number, rate: TaxRateRef | null, name?: string): Promise<Product> {
    const sku = uniqueName('PR').toUpperCase();
    const res = await t.api.post(
      '/products',
      { sku, name: name ?? `Item ${sku}`, price_cents: price, stock: 1000, tax_rate_id: rate?.id ?? null },
      token(manager),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id, price, rate };
  }

  async function shop(settings: Record<string, unknown>): Promise<void> {
    const res = await t.api.patch('/shop', settings, token(owner));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  const sell = (body: Record<string, unknown>, user = cashier) => t.api.post('/orders', { complete: true, ...body }, token(user));

  /** What the one pricing function says of these lines. */
  function expected(products: Product[], lines: Line[], discount: Discount | null, pricesIncludeTax: boolean) {
    return priceOrder({
      lines: lines.map((line) => {
        const p = products.find((candidate) => candidate.id === line.product_id);
        if (!p) throw new Error('unknown product');
        return { unit_price_cents: p.price, amount: line.amount, tax_rate: p.rate, discount: line.discount ?? null };
      }),
      discount,
      prices_include_tax: pricesIncludeTax,
    });
  }

  const row = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
  const rows = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    expect((await t.api.put('/me/pin', { password: manager.password, pin: MANAGER_PIN }, token(manager))).status).toBe(204);
    expect((await t.api.put('/me/pin', { password: cashier.password, pin: CASHIER_PIN }, token(cashier))).status).toBe(204);
    standard = await taxRate('Standard', 2000);
    reduced = await taxRate('Reduced', 700);
    ({ sessionId } = await openDrawer(t.api, cashier));
    db = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  }, 90_000);
  afterAll(async () => {
    db.close();
    await t.stop();
  });

  for (const pricesIncludeTax of [true, false]) {
    it(`${pricesIncludeTax ? 'gross' : 'net'} prices: mixed rates, line and order discounts are stored as priceOrder prices them`, async () => {
      await shop({ prices_include_tax: pricesIncludeTax, cash_rounding_cents: 1 });
      const products = [
        await product(1999, standard),
        await product(349, reduced),
        await product(1250, standard),
        await product(500, null),
      ];
      const [a, b, c, d] = products.map((p) => p.id) as [number, number, number, number];
      const lines: Line[] = [
        { product_id: a, amount: 2, discount: { type: 'percent', value: 5 } },
        { product_id: b, amount: 3 },
        { product_id: c, amount: 1, discount: { type: 'amount', value: 250 } },
        { product_id: d, amount: 1 },
      ];
      const discount: Discount = { type: 'amount', value: 333 };
      const priced = expected(products, lines, discount, pricesIncludeTax);
      // Card: no cash rounding, the payment is the total. A manager's limit is 100 %.
      const res = await sell({ items: lines, discount, payments: [{ method: 'card', amount_cents: priced.total_cents }] }, manager);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const order = res.body;

      expect(order).toMatchObject({
        subtotal_cents: priced.subtotal_cents,
        discount_cents: priced.discount_cents,
        tax_cents: priced.tax_cents,
        total_cents: priced.total_cents,
        rounding_cents: 0,
        due_cents: priced.total_cents,
        taxes: priced.taxes,
        discount,
        discount_approved_by: null,
      });
      expect(order.taxes.map((x: { name: string }) => x.name)).toEqual(['Standard', 'Reduced']);
      order.items.forEach((item: Record<string, unknown>, index: number) => {
        const line = priced.lines[index];
        expect(item).toMatchObject({
          line_total_cents: line?.gross_cents,
          discount_cents: line?.discount_cents,
          net_line_cents: line?.net_line_cents,
          tax_rate_id: line?.tax_rate_id,
          discount: lines[index]?.discount ?? null,
        });
      });
      const netSum = priced.lines.reduce((sum, line) => sum + line.net_line_cents, 0);
      expect(order.total_cents).toBe(pricesIncludeTax ? netSum : netSum + priced.tax_cents);

      // Read back, it is the same order; the rows hold every figure, copied at the time of sale.
      const read = await t.api.get(`/orders/${order.id}`, token(manager));
      expect(read.body).toEqual(order);
      const stored = rows<{ tax_rate_id: number | null; rate_bp: number | null; tax_name: string | null; discount_type: string | null }>(
        'select tax_rate_id, rate_bp, tax_name, discount_type from order_items where order_id = ? order by id',
        order.id,
      );
      expect(stored.map((s) => s.tax_name)).toEqual(['Standard', 'Reduced', 'Standard', null]);
      expect(stored.map((s) => s.rate_bp)).toEqual([2000, 700, 2000, null]);
      const taxSum = row<{ s: number }>('select sum(tax_cents) s from order_taxes where order_id = ?', order.id).s;
      expect(taxSum).toBe(order.tax_cents);
      expect(row('select discount_type, discount_value from orders where id = ?', order.id)).toEqual({
        discount_type: 'amount',
        discount_value: 333,
      });
    });
  }

  it('a discount share beyond the cashier’s limit is 403 approval_required and writes nothing', async () => {
    await shop({ prices_include_tax: true });
    const p = await product(1000, standard);
    const before = row<{ n: number }>('select count(*) n from orders').n;
    const res = await sell({ items: [{ product_id: p.id, amount: 1 }], discount: { type: 'percent', value: 11 } });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body).toMatchObject({
      error: 'approval_required',
      details: [{ discount_cents: 110, subtotal_cents: 1000, max_discount_percent: 10 }],
    });
    expect(row<{ n: number }>('select count(*) n from orders').n).toBe(before);
    // At the limit exactly it is the cashier's to give.
    const within = await sell({ items: [{ product_id: p.id, amount: 1, discount: { type: 'percent', value: 10 } }] });
    expect(within.status, JSON.stringify(within.body)).toBe(201);
    expect(within.body).toMatchObject({ discount_cents: 100, total_cents: 900, discount_approved_by: null });
  });

  it('with a manager’s approval it sells: discount_approved_by, and the audit row names both', async () => {
    const p = await product(2000, standard);
    const res = await sell({
      items: [{ product_id: p.id, amount: 1 }],
      discount: { type: 'percent', value: 50 },
      approval: { username: manager.username, pin: MANAGER_PIN },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ discount_cents: 1000, total_cents: 1000, discount_approved_by: manager.id, user_id: cashier.id });
    expect(row('select discount_approved_by from orders where id = ?', res.body.id)).toEqual({ discount_approved_by: manager.id });
    const audit = await t.api.get('/audit-log?action=order.discount_approved&limit=100', token(owner));
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    const entry = audit.body.find((e: { target_id: number }) => e.target_id === res.body.id);
    expect(entry.actor.id).toBe(cashier.id);
    expect(entry.after).toMatchObject({ approved_by: manager.id, approved_by_username: manager.username, discount_cents: 1000 });
    expect(JSON.stringify(audit.body)).not.toContain(MANAGER_PIN);
  });

  it('a cashier’s PIN is 403 approval_invalid; a wrong PIN counts toward the approver’s lockout', async () => {
    const p = await product(2000, standard);
    const body = { items: [{ product_id: p.id, amount: 1 }], discount: { type: 'percent', value: 50 } };
    const byCashier = await sell({ ...body, approval: { username: cashier.username, pin: CASHIER_PIN } });
    expect(byCashier.status, JSON.stringify(byCashier.body)).toBe(403);
    expect(byCashier.body.error).toBe('approval_invalid');

    const attempts = () => row<{ failed_attempts: number }>('select failed_attempts from users where id = ?', manager.id).failed_attempts;
    const before = attempts();
    const wrong = await sell({ ...body, approval: { username: manager.username, pin: '9753' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('approval_invalid');
    expect(attempts()).toBe(before + 1);
    // An approval that is sent is checked even when the sale needs none.
    const unneeded = await sell({ items: [{ product_id: p.id, amount: 1 }], approval: { username: manager.username, pin: '9753' } });
    expect(unneeded.body.error).toBe('approval_invalid');
    expect(attempts()).toBe(before + 2);
    // The right PIN ends the run.
    expect((await sell({ ...body, approval: { username: manager.username, pin: MANAGER_PIN } })).status).toBe(201);
    expect(attempts()).toBe(0);
  });

  it('refuses discounts the pricing cannot give, naming the body’s field', async () => {
    const a = await product(300, standard);
    const b = await product(250, null);
    const above = await sell({
      items: [
        { product_id: a.id, amount: 1 },
        { product_id: b.id, amount: 2, discount: { type: 'amount', value: 501 } },
      ],
    });
    expect(above.status, JSON.stringify(above.body)).toBe(400);
    expect(above.body.error).toBe('validation_failed');
    expect(Object.keys(above.body.fields)).toEqual(['items.1.discount.value']);
    // The line's gross exactly is a free line (and beyond the cashier's limit: a manager sells it).
    const all = await sell(
      {
        items: [
          { product_id: a.id, amount: 1 },
          { product_id: b.id, amount: 2, discount: { type: 'amount', value: 500 } },
        ],
        payments: [{ method: 'card', amount_cents: 300 }],
      },
      manager,
    );
    expect(all.status, JSON.stringify(all.body)).toBe(201);
    expect(all.body.items[1]).toMatchObject({ discount_cents: 500, net_line_cents: 0 });

    for (const discount of [
      { type: 'percent', value: 101 },
      { type: 'percent', value: 2.5 },
      { type: 'amount', value: -1 },
      { type: 'fixed', value: 1 },
    ]) {
      const res = await sell({ items: [{ product_id: a.id, amount: 1, discount }] });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(
        Object.keys(res.body.fields ?? {}).some((field) => field.startsWith('items.0.discount')),
        JSON.stringify(res.body),
      ).toBe(true);
    }
    const order = await sell({ items: [{ product_id: a.id, amount: 1 }], discount: { type: 'percent', value: 120 } });
    expect(Object.keys(order.body.fields ?? {})).toEqual(['discount.value']);
    // A discounted product is on one line only.
    const twice = await sell({
      items: [
        { product_id: a.id, amount: 1, discount: { type: 'percent', value: 5 } },
        { product_id: a.id, amount: 1 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(Object.keys(twice.body.fields)).toEqual(['items.1.discount']);
  });

  it('max_discount_percent in role settings: read, changed by the Super Admin (audited), kept to at the next sale', async () => {
    const read = await t.api.get('/roles/cashier/settings', token(cashier));
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.max_discount_percent).toBe(10);
    const roles = await t.api.get('/roles');
    expect(roles.body.map((r: { key: string; max_discount_percent: number }) => [r.key, r.max_discount_percent])).toEqual([
      ['super_admin', 100],
      ['manager', 100],
      ['attendant', 10],
      ['cashier', 10],
      ['customer', 0],
    ]);
    for (const bad of [101, -1, 12.5, '20', null]) {
      const res = await t.api.patch('/roles/cashier/settings', { max_discount_percent: bad }, token(owner));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields).toHaveProperty('max_discount_percent');
    }
    expect((await t.api.patch('/roles/cashier/settings', { max_discount_percent: 40 }, token(manager))).status).toBe(403);

    const p = await product(1000, standard);
    const body = { items: [{ product_id: p.id, amount: 1 }], discount: { type: 'percent', value: 30 } };
    expect((await sell(body)).status).toBe(403);
    const patched = await t.api.patch('/roles/cashier/settings', { max_discount_percent: 40 }, token(owner));
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.max_discount_percent).toBe(40);
    expect((await sell(body)).status).toBe(201);
    const audit = await t.api.get('/audit-log?action=role.settings_updated&limit=100', token(owner));
    expect(audit.body[0]).toMatchObject({ before: { max_discount_percent: 10 }, after: { max_discount_percent: 40 } });
    expect((await t.api.patch('/roles/cashier/settings', { max_discount_percent: 10 }, token(owner))).status).toBe(200);
  });

  it('paid all in cash with rounding 5: the taxed, discounted total is rounded, payments = due', async () => {
    await shop({ prices_include_tax: false, cash_rounding_cents: 5 });
    const p = await product(1234, standard);
    const lines: Line[] = [{ product_id: p.id, amount: 1, discount: { type: 'percent', value: 7 } }];
    const priced = expected([p], lines, null, false);
    // 1234 − 86 = 1148 net, + 230 tax = 1378 → 1380 in cash.
    expect(priced.total_cents).toBe(1378);
    const mismatch = await sell({ items: lines, payments: [{ method: 'cash', amount_cents: 1378 }] });
    expect(mismatch.body).toMatchObject({ error: 'payment_mismatch', details: [{ payments_cents: 1378, due_cents: 1380 }] });
    const res = await sell({ items: lines, payments: [{ method: 'cash', amount_cents: 1380, tendered_cents: 2000 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      subtotal_cents: 1234,
      discount_cents: 86,
      tax_cents: 230,
      total_cents: 1378,
      rounding_cents: 2,
      due_cents: 1380,
      payments: [{ method: 'cash', amount_cents: 1380, tendered_cents: 2000, change_cents: 620 }],
    });
    await shop({ prices_include_tax: true, cash_rounding_cents: 1 });
  });

  it('a parked order is priced when created; completing adds only the tenders and the rounding', async () => {
    const p = await product(1000, standard);
    const parked = await t.api.post(
      '/orders',
      { items: [{ product_id: p.id, amount: 2, discount: { type: 'amount', value: 100 } }], discount: { type: 'percent', value: 5 } },
      token(cashier),
    );
    expect(parked.status, JSON.stringify(parked.body)).toBe(201);
    expect(parked.body).toMatchObject({ status: 'open', subtotal_cents: 2000, discount_cents: 195, total_cents: 1805, due_cents: 1805 });
    // The price changes before the customer pays: the parked sale keeps the price it was given.
    expect((await t.api.patch(`/products/${p.id}`, { price_cents: 1500 }, token(manager))).status).toBe(200);
    await shop({ cash_rounding_cents: 10 });
    const done = await t.api.post(
      `/orders/${parked.body.id}/complete`,
      { payments: [{ method: 'cash', amount_cents: 1810 }] },
      token(cashier),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      subtotal_cents: 2000,
      discount_cents: 195,
      tax_cents: parked.body.tax_cents,
      taxes: parked.body.taxes,
      total_cents: 1805,
      rounding_cents: 5,
      due_cents: 1810,
    });
    await shop({ cash_rounding_cents: 1 });
  });

  it('the X and Z reports of a session with two rates and a discount', async () => {
    const register = await t.api.post('/registers', { name: uniqueName('Till ') }, token(manager));
    const { sessionId: own } = await openDrawer(t.api, cashier, { registerId: register.body.id });
    const a = await product(1190, standard);
    const b = await product(1070, reduced);
    const sales = [
      {
        items: [
          { product_id: a.id, amount: 2 },
          { product_id: b.id, amount: 1 },
        ],
        discount: { type: 'percent', value: 10 },
      },
      { items: [{ product_id: b.id, amount: 3, discount: { type: 'amount', value: 210 } }] },
    ];
    const placed: OrderDto[] = [];
    for (const sale of sales) {
      const res = await sell({ ...sale, register_id: register.body.id });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      placed.push(res.body);
    }
    const sum = (key: 'subtotal_cents' | 'discount_cents' | 'tax_cents' | 'total_cents') =>
      placed.reduce((total, order) => total + order[key], 0);
    const perRate = (rateBp: number, key: 'taxable_cents' | 'tax_cents') =>
      placed.flatMap((order) => order.taxes).reduce((total, tax) => total + (tax.rate_bp === rateBp ? tax[key] : 0), 0);
    const expectedReport = {
      sales: {
        count: 2,
        subtotal_cents: sum('subtotal_cents'),
        discount_cents: sum('discount_cents'),
        tax_cents: sum('tax_cents'),
        total_cents: sum('total_cents'),
      },
      taxes: [
        { rate_bp: 700, taxable_cents: perRate(700, 'taxable_cents'), tax_cents: perRate(700, 'tax_cents') },
        { rate_bp: 2000, taxable_cents: perRate(2000, 'taxable_cents'), tax_cents: perRate(2000, 'tax_cents') },
      ],
    };
    // Worked by hand: 2380 + 1070 = 3450, 10 % off = 345 spread 238/107, 1070 × 3 − 210 = 3000.
    expect(expectedReport.sales).toEqual({ count: 2, subtotal_cents: 6660, discount_cents: 555, tax_cents: 357 + 259, total_cents: 6105 });
    expect(expectedReport.taxes).toEqual([
      { rate_bp: 700, taxable_cents: 963 + 3000, tax_cents: 63 + 196 },
      { rate_bp: 2000, taxable_cents: 2142, tax_cents: 357 },
    ]);
    const x = await t.api.get(`/cash-sessions/${own}/report`, token(cashier));
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    expect(x.body).toMatchObject(expectedReport);
    const closed = await t.api.post(`/cash-sessions/${own}/close`, { counted_cash_cents: 0 }, token(cashier));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const z = await t.api.get(`/cash-sessions/${own}/report`, token(cashier));
    expect(z.body).toMatchObject(expectedReport);
    expect(z.body.sales).toEqual(x.body.sales);
    expect(z.body.taxes).toEqual(x.body.taxes);
  });

  it('GET /orders/export.csv: the sales lines of a range of shop dates, formula-safe, for managers (and orders.exportCsv)', async () => {
    const a = await product(1999, standard, '=HYPERLINK("http://x") mug');
    const b = await product(500, standard);
    const c = await product(300, null);
    const res = await sell(
      {
        items: [
          { product_id: a.id, amount: 1 },
          { product_id: b.id, amount: 3 },
          { product_id: c.id, amount: 1 },
        ],
        discount: { type: 'amount', value: 99 },
        payments: [{ method: 'card', amount_cents: 3700 }],
      },
      manager,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const order = res.body;
    const timeZone = (await t.api.get('/shop', token(owner))).body.time_zone as string;
    const today = shopDate(Date.now(), timeZone);
    const csv = await t.api.get(`/orders/export.csv?from=${today}&to=${today}`, token(manager));
    expect(csv.status, String(csv.body)).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'receipt_no,completed_at,cashier,product_id,product,amount,unit_price_cents,gross_cents,discount_cents,net_cents,tax_name,rate_bp,tax_cents',
    );
    const mine = lines.filter((line) => line.startsWith(`${order.receipt_no},`));
    expect(mine).toHaveLength(3);
    expect(mine[0]).toContain(`,"'=HYPERLINK(""http://x"") mug",1,1999,1999,`);
    // The line taxes of a rate add up to the sale's tax at it.
    const taxCells = mine.map((line) => line.split(',').at(-1));
    expect(taxCells[2]).toBe('');
    expect(Number(taxCells[0]) + Number(taxCells[1])).toBe(order.tax_cents);
    const cells = mine.map((line) => line.split(',').slice(-7, -3).map(Number));
    expect(cells.map(([, gross, discount, net]) => [gross, discount, net])).toEqual(
      order.items.map((item: { line_total_cents: number; discount_cents: number; net_line_cents: number }) => [
        item.line_total_cents,
        item.discount_cents,
        item.net_line_cents,
      ]),
    );

    expect((await t.api.get(`/orders/export.csv?from=2000-01-01&to=2000-01-02`, token(manager))).body).toBe(`${lines[0]}\r\n`);
    expect((await t.api.get(`/orders/export.csv?from=${today}&to=${today}`, token(cashier))).status).toBe(403);
    expect((await t.api.get(`/orders/export.csv?from=${today}&to=2000-01-01`, token(manager))).status).toBe(400);
    expect((await t.api.get(`/orders/export.csv`, token(manager))).status).toBe(400);

    const client = await signedInTrpcClient(t.core.url, manager.username, manager.password);
    const viaTrpc = await client.orders.exportCsv.query({ from: today, to: today });
    expect(viaTrpc.csv).toBe(csv.body);
  });

  it('tRPC orders.create takes the same discounts and approval', async () => {
    const client = await signedInTrpcClient(t.core.url, cashier.username, cashier.password);
    const p = await product(800, reduced);
    const order = await client.orders.create.mutate({
      items: [{ product_id: p.id, amount: 2, discount: { type: 'percent', value: 25 } }],
      approval: { username: manager.username, pin: MANAGER_PIN },
      complete: true,
    });
    expect(order).toMatchObject({ subtotal_cents: 1600, discount_cents: 400, total_cents: 1200, discount_approved_by: manager.id });
    expect(order.items[0]).toMatchObject({ discount: { type: 'percent', value: 25 }, discount_cents: 400, net_line_cents: 1200 });
    expect(sessionId).toBeGreaterThan(0);
  });
});
