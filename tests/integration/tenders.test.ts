import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInTrpcClient, trpcErrorOf } from '../helpers/trpc-client';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md, "Tenders and completing a sale" and "Cash rounding", over HTTP against the real
 * core: payments add up to the amount due or nothing is written, change is worked out, every
 * completion lands in its register's open session and takes the next gap-free receipt number.
 * What was written is read back through a second, read-only connection to the database file.
 */

type Payment = { method: 'cash' | 'card' | 'other'; amount_cents: number; tendered_cents?: number; reference?: string | null };
type Line = { product_id: number; amount: number };

describe('tenders and completing a sale', () => {
  let t: TestCore;
  let db: Database.Database;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let mainRegister: number;
  let mainSession: number;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    ({ registerId: mainRegister, sessionId: mainSession } = await openDrawer(t.api, cashier, { floatCents: 10_000 }));
    db = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
  }, 60_000);
  afterAll(async () => {
    db.close();
    await t.stop();
  });

  const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  const lastReceiptNo = () => Number(db.prepare(`SELECT coalesce(max(last_no), 0) FROM receipt_sequences`).pluck().get());

  /** Everything a sale writes; a refused one must leave all of it as it was. */
  function footprint() {
    return {
      orders: count('orders'),
      items: count('order_items'),
      payments: count('payments'),
      movements: count('stock_movements'),
      audit: count('audit_log'),
      receiptNo: lastReceiptNo(),
      stock: db.prepare('SELECT id, stock FROM products ORDER BY id').all(),
    };
  }

  async function product(priceCents: number, stock = 100): Promise<number> {
    const sku = uniqueName('TN').toUpperCase();
    const res = await t.api.post('/products', { sku, name: `Item ${sku}`, price_cents: priceCents, stock }, { token: manager.access });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function register(): Promise<number> {
    const res = await t.api.post('/registers', { name: uniqueName('Till ') }, { token: manager.access });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  const sell = (items: Line[], payments?: Payment[], extra: Record<string, unknown> = {}, user = cashier) =>
    t.api.post('/orders', { items, complete: true, ...(payments ? { payments } : {}), ...extra }, { token: user.access });

  const park = (items: Line[], user = cashier) => t.api.post('/orders', { items }, { token: user.access });

  const complete = (orderId: number, body: Record<string, unknown>, user = cashier) =>
    t.api.post(`/orders/${orderId}/complete`, body, { token: user.access });

  async function setRounding(step: 1 | 5 | 10): Promise<void> {
    const res = await t.api.patch('/shop', { cash_rounding_cents: step }, { token: owner.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  it('a split tender (cash and card) is stored with the change, in the register’s open session, numbered', async () => {
    const tea = await product(1250);
    const before = lastReceiptNo();
    const res = await sell(
      [{ product_id: tea, amount: 2 }],
      [
        { method: 'cash', amount_cents: 1000, tendered_cents: 2000 },
        { method: 'card', amount_cents: 1500, reference: 'AUTH-77' },
      ],
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'completed',
      total_cents: 2500,
      due_cents: 2500,
      rounding_cents: 0,
      receipt_no: before + 1,
      register_id: mainRegister,
      cash_session_id: mainSession,
      completed_by: cashier.id,
      payments: [
        { method: 'cash', amount_cents: 1000, tendered_cents: 2000, change_cents: 1000, reference: null },
        { method: 'card', amount_cents: 1500, tendered_cents: 1500, change_cents: 0, reference: 'AUTH-77' },
      ],
    });
    const read = await t.api.get(`/orders/${res.body.id}`, { token: cashier.access });
    expect(read.body).toEqual(res.body);
    expect(db.prepare('SELECT DISTINCT cash_session_id FROM payments WHERE order_id = ?').pluck().all(res.body.id)).toEqual([mainSession]);
  });

  it('cash tendered above its amount gives change; cash without tendered_cents is tendered exactly', async () => {
    const bread = await product(380);
    const res = await sell([{ product_id: bread, amount: 1 }], [{ method: 'cash', amount_cents: 380, tendered_cents: 500 }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.payments).toEqual([{ method: 'cash', amount_cents: 380, tendered_cents: 500, change_cents: 120, reference: null }]);
    const exact = await sell([{ product_id: bread, amount: 1 }], [{ method: 'cash', amount_cents: 380 }]);
    expect(exact.body.payments).toEqual([{ method: 'cash', amount_cents: 380, tendered_cents: 380, change_cents: 0, reference: null }]);
  });

  it('refuses tenders that cannot be: cash tendered below its amount, a card or other tendered differently', async () => {
    const cheese = await product(900);
    const before = footprint();
    const cases: [Payment[], string][] = [
      [[{ method: 'cash', amount_cents: 900, tendered_cents: 899 }], 'payments.0.tendered_cents'],
      [[{ method: 'card', amount_cents: 900, tendered_cents: 1000 }], 'payments.0.tendered_cents'],
      [
        [
          { method: 'card', amount_cents: 400 },
          { method: 'other', amount_cents: 500, tendered_cents: 400 },
        ],
        'payments.1.tendered_cents',
      ],
      [[{ method: 'cash', amount_cents: 0 }], 'payments.0.amount_cents'],
      [[{ method: 'cash', amount_cents: -900 }], 'payments.0.amount_cents'],
    ];
    for (const [payments, field] of cases) {
      const res = await sell([{ product_id: cheese, amount: 1 }], payments);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    expect(footprint()).toEqual(before);
  });

  it('payments that do not add up are 400 payment_mismatch and write nothing: the next good sale takes the next number', async () => {
    const scarce = await product(1000, 3);
    const good = await sell([{ product_id: scarce, amount: 1 }], [{ method: 'card', amount_cents: 1000 }]);
    expect(good.status).toBe(201);
    const before = footprint();
    for (const payments of [
      [{ method: 'card', amount_cents: 999 }],
      [{ method: 'cash', amount_cents: 1500, tendered_cents: 2000 }],
      [
        { method: 'cash', amount_cents: 500 },
        { method: 'card', amount_cents: 501 },
      ],
    ] satisfies Payment[][]) {
      const res = await sell([{ product_id: scarce, amount: 1 }], payments);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      const paid = payments.reduce((sum, p) => sum + p.amount_cents, 0);
      expect(res.body).toMatchObject({ error: 'payment_mismatch', details: [{ payments_cents: paid, due_cents: 1000 }] });
      expect(typeof res.body.message).toBe('string');
    }
    expect(footprint()).toEqual(before);
    const next = await sell([{ product_id: scarce, amount: 2 }], [{ method: 'card', amount_cents: 2000 }]);
    expect(next.status).toBe(201);
    expect(next.body.receipt_no).toBe(good.body.receipt_no + 1);
  });

  it('`payments: []` is 400, and so are payments without `complete: true`; neither writes anything', async () => {
    const jam = await product(450);
    const parked = await park([{ product_id: jam, amount: 1 }]);
    const refusals = [
      () => sell([{ product_id: jam, amount: 1 }], []),
      () =>
        t.api.post(
          '/orders',
          { items: [{ product_id: jam, amount: 1 }], payments: [{ method: 'card', amount_cents: 450 }] },
          { token: cashier.access },
        ),
      () =>
        t.api.post(
          '/orders',
          { items: [{ product_id: jam, amount: 1 }], complete: false, payments: [{ method: 'card', amount_cents: 450 }] },
          { token: cashier.access },
        ),
      () => complete(parked.body.id, { payments: [] }),
    ];
    const before = footprint();
    for (const refusal of refusals) {
      const res = await refusal();
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(Object.keys(res.body.fields)).toContain('payments');
    }
    expect(footprint()).toEqual(before);
    expect((await t.api.get(`/orders/${parked.body.id}`, { token: cashier.access })).body.status).toBe('open');

    // register_id, unlike payments, is read only when the sale completes: an open order ignores it.
    const ignored = await t.api.post(
      '/orders',
      { items: [{ product_id: jam, amount: 1 }], register_id: 999_999 },
      { token: cashier.access },
    );
    expect(ignored.status, JSON.stringify(ignored.body)).toBe(201);
    expect(ignored.body).toMatchObject({ status: 'open', register_id: null, cash_session_id: null });
  });

  it('a part-1 completion without payments is paid by one `other` payment of the total', async () => {
    const soap = await product(275);
    const direct = await sell([{ product_id: soap, amount: 2 }]);
    expect(direct.status).toBe(201);
    expect(direct.body).toMatchObject({ due_cents: 550, register_id: mainRegister, cash_session_id: mainSession });
    expect(direct.body.payments).toEqual([{ method: 'other', amount_cents: 550, tendered_cents: 550, change_cents: 0, reference: null }]);
    const parked = await park([{ product_id: soap, amount: 1 }]);
    const later = await complete(parked.body.id, {});
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(later.body.payments).toEqual([{ method: 'other', amount_cents: 275, tendered_cents: 275, change_cents: 0, reference: null }]);
    expect(later.body.receipt_no).toBe(direct.body.receipt_no + 1);
    // An empty body, as a part-1 client sends it.
    const bare = await park([{ product_id: soap, amount: 1 }]);
    const noBody = await t.api.post(`/orders/${bare.body.id}/complete`, undefined, { token: cashier.access });
    expect(noBody.status, JSON.stringify(noBody.body)).toBe(200);
    expect(noBody.body.payments).toHaveLength(1);
  });

  it('a retried sale (same Idempotency-Key) answers the first sale again and takes no second number', async () => {
    const rice = await product(310);
    const body = {
      items: [{ product_id: rice, amount: 1 }],
      complete: true,
      payments: [{ method: 'cash', amount_cents: 310, tendered_cents: 500 }],
    };
    const key = { 'Idempotency-Key': uniqueName('sale-') };
    const first = await t.api.post('/orders', body, { token: cashier.access, headers: key });
    expect(first.status).toBe(201);
    const before = footprint();
    const again = await t.api.post('/orders', body, { token: cashier.access, headers: key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(footprint()).toEqual(before);
    // The same key with other payments is another request: refused, nothing written.
    const changed = await t.api.post(
      '/orders',
      { ...body, payments: [{ method: 'card', amount_cents: 310 }] },
      { token: cashier.access, headers: key },
    );
    expect(changed.status).toBe(400);
    expect(footprint()).toEqual(before);
  });

  it('a sale of nothing to pay (free items) completes without payments; with payments it cannot be tendered', async () => {
    const sample = await product(0);
    const free = await sell([{ product_id: sample, amount: 1 }]);
    expect(free.status, JSON.stringify(free.body)).toBe(201);
    expect(free.body).toMatchObject({ total_cents: 0, due_cents: 0 });
    expect(free.body.payments).toEqual([{ method: 'other', amount_cents: 0, tendered_cents: 0, change_cents: 0, reference: null }]);
    const tendered = await sell([{ product_id: sample, amount: 1 }], [{ method: 'cash', amount_cents: 1 }]);
    expect(tendered.body).toMatchObject({ error: 'payment_mismatch', details: [{ payments_cents: 1, due_cents: 0 }] });
  });

  it('no open session on the register is 409 no_open_session, for both ways of completing, and writes nothing', async () => {
    const dark = await register();
    const milk = await product(130);
    const parked = await park([{ product_id: milk, amount: 1 }]);
    expect(parked.status).toBe(201);
    const before = footprint();
    const direct = await sell([{ product_id: milk, amount: 1 }], [{ method: 'cash', amount_cents: 130 }], { register_id: dark });
    expect(direct.status, JSON.stringify(direct.body)).toBe(409);
    expect(direct.body.error).toBe('no_open_session');
    const later = await complete(parked.body.id, { register_id: dark, payments: [{ method: 'card', amount_cents: 130 }] });
    expect(later.status).toBe(409);
    expect(later.body.error).toBe('no_open_session');
    expect(footprint()).toEqual(before);
    expect((await t.api.get(`/orders/${parked.body.id}`, { token: cashier.access })).body).toMatchObject({
      status: 'open',
      receipt_no: null,
      register_id: null,
      cash_session_id: null,
      payments: [],
    });

    // A part-1 completion uses the default register: moved to the dark one, it cannot sell.
    expect((await t.api.patch(`/registers/${dark}`, { is_default: true }, { token: manager.access })).status).toBe(200);
    try {
      const moved = footprint();
      const part1 = await sell([{ product_id: milk, amount: 1 }]);
      expect(part1.status).toBe(409);
      expect(part1.body.error).toBe('no_open_session');
      expect((await complete(parked.body.id, {})).body.error).toBe('no_open_session');
      expect(footprint()).toEqual(moved);
    } finally {
      expect((await t.api.patch(`/registers/${mainRegister}`, { is_default: true }, { token: manager.access })).status).toBe(200);
    }
  });

  it('an unknown register_id is 400 naming register_id, for both ways of completing', async () => {
    const salt = await product(99);
    const parked = await park([{ product_id: salt, amount: 1 }]);
    const before = footprint();
    const direct = await sell([{ product_id: salt, amount: 1 }], undefined, { register_id: 999_999 });
    expect(direct.status).toBe(400);
    expect(direct.body).toMatchObject({ error: 'validation_failed', fields: { register_id: expect.any(Array) } });
    const later = await complete(parked.body.id, { register_id: 999_999 });
    expect(later.status).toBe(400);
    expect(later.body).toMatchObject({ error: 'validation_failed', fields: { register_id: expect.any(Array) } });
    expect(footprint()).toEqual(before);
  });

  it('an open order (a customer’s) needs no session and is completed later on another register, in that register’s session', async () => {
    const other = await register();
    const customer = await createSignedInUser(t.api, owner, 'customer');
    const honey = await product(640);
    // Placed while the other register's drawer is still closed.
    const parked = await park([{ product_id: honey, amount: 1 }], customer);
    expect(parked.status, JSON.stringify(parked.body)).toBe(201);
    expect(parked.body).toMatchObject({ status: 'open', receipt_no: null, register_id: null, cash_session_id: null, payments: [] });
    const { sessionId } = await openDrawer(t.api, manager, { registerId: other, floatCents: 2_000 });
    const done = await complete(
      parked.body.id,
      { register_id: other, payments: [{ method: 'cash', amount_cents: 640, tendered_cents: 1000 }] },
      manager,
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      register_id: other,
      cash_session_id: sessionId,
      completed_by: manager.id,
      user_id: customer.id,
      payments: [{ method: 'cash', amount_cents: 640, tendered_cents: 1000, change_cents: 360 }],
    });
    expect(db.prepare('SELECT DISTINCT cash_session_id FROM payments WHERE order_id = ?').pluck().all(parked.body.id)).toEqual([sessionId]);
    const session = await t.api.get(`/cash-sessions/${sessionId}`, { token: manager.access });
    expect(session.body.expected_cash_cents).toBe(2_640);
    // The main register's session did not see it.
    expect(
      db.prepare('SELECT count(*) FROM payments WHERE order_id = ? AND cash_session_id = ?').pluck().get(parked.body.id, mainSession),
    ).toBe(0);
    // Completing twice is refused and changes nothing.
    const before = footprint();
    expect((await complete(parked.body.id, { register_id: other }, manager)).status).toBe(409);
    expect(footprint()).toEqual(before);
  });

  it('a cashier’s parked sale is completed on another register than the one in use when it was parked', async () => {
    const other = await register();
    const { sessionId } = await openDrawer(t.api, cashier, { registerId: other, floatCents: 0 });
    const pears = await product(120);
    const parked = await park([{ product_id: pears, amount: 3 }]);
    const done = await complete(parked.body.id, { register_id: other, payments: [{ method: 'card', amount_cents: 360 }] });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ register_id: other, cash_session_id: sessionId, completed_by: cashier.id });
  });

  it('a closed session refuses sales with 409 no_open_session', async () => {
    const closing = await register();
    const { sessionId } = await openDrawer(t.api, cashier, { registerId: closing, floatCents: 0 });
    const closed = await t.api.post(`/cash-sessions/${sessionId}/close`, { counted_cash_cents: 0 }, { token: cashier.access });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const figs = await product(500);
    const before = footprint();
    const res = await sell([{ product_id: figs, amount: 1 }], [{ method: 'cash', amount_cents: 500 }], { register_id: closing });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('no_open_session');
    expect(footprint()).toEqual(before);
  });

  describe('cash rounding at a step of 5', () => {
    beforeAll(() => setRounding(5));
    afterAll(() => setRounding(1));

    it('a wholly cash sale is due its total rounded; a card, other or split sale is due the total', async () => {
      const down = await product(1002);
      const up = await product(1003);
      const cashDown = await sell([{ product_id: down, amount: 1 }], [{ method: 'cash', amount_cents: 1000, tendered_cents: 2000 }]);
      expect(cashDown.status, JSON.stringify(cashDown.body)).toBe(201);
      expect(cashDown.body).toMatchObject({ total_cents: 1002, due_cents: 1000, rounding_cents: -2 });
      expect(cashDown.body.payments[0]).toMatchObject({ amount_cents: 1000, change_cents: 1000 });

      const cashUp = await sell([{ product_id: up, amount: 1 }], [{ method: 'cash', amount_cents: 1005 }]);
      expect(cashUp.body).toMatchObject({ total_cents: 1003, due_cents: 1005, rounding_cents: 2 });
      const twoCash = await sell(
        [{ product_id: up, amount: 1 }],
        [
          { method: 'cash', amount_cents: 1000 },
          { method: 'cash', amount_cents: 5 },
        ],
      );
      expect(twoCash.body).toMatchObject({ due_cents: 1005, rounding_cents: 2 });

      // Cash of the unrounded total is a mismatch: the coins do not exist.
      const unrounded = await sell([{ product_id: down, amount: 1 }], [{ method: 'cash', amount_cents: 1002 }]);
      expect(unrounded.status).toBe(400);
      expect(unrounded.body).toMatchObject({ error: 'payment_mismatch', details: [{ payments_cents: 1002, due_cents: 1000 }] });

      const card = await sell([{ product_id: up, amount: 1 }], [{ method: 'card', amount_cents: 1003 }]);
      expect(card.body).toMatchObject({ due_cents: 1003, rounding_cents: 0 });
      const split = await sell(
        [{ product_id: up, amount: 1 }],
        [
          { method: 'cash', amount_cents: 500 },
          { method: 'card', amount_cents: 503 },
        ],
      );
      expect(split.body).toMatchObject({ due_cents: 1003, rounding_cents: 0 });
      const roundedSplit = await sell(
        [{ product_id: up, amount: 1 }],
        [
          { method: 'cash', amount_cents: 500 },
          { method: 'card', amount_cents: 505 },
        ],
      );
      expect(roundedSplit.body).toMatchObject({ error: 'payment_mismatch', details: [{ payments_cents: 1005, due_cents: 1003 }] });
      const part1 = await sell([{ product_id: up, amount: 1 }]);
      expect(part1.body).toMatchObject({ due_cents: 1003, rounding_cents: 0 });
    });

    it('an open order is not rounded until it completes in cash', async () => {
      const up = await product(1003);
      const parked = await park([{ product_id: up, amount: 1 }]);
      expect(parked.body).toMatchObject({ due_cents: 1003, rounding_cents: 0 });
      const done = await complete(parked.body.id, { payments: [{ method: 'cash', amount_cents: 1005 }] });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ total_cents: 1003, due_cents: 1005, rounding_cents: 2 });
    });
  });

  it('the session’s report shows the tenders, cashiers, first and last receipt numbers, and expected cash = float + cash amounts', async () => {
    const till = await register();
    const second = await createSignedInUser(t.api, manager, 'cashier');
    const { sessionId } = await openDrawer(t.api, cashier, { registerId: till, floatCents: 5_000 });
    const wine = await product(1000);
    const nuts = await product(700);
    const sales = [
      await sell([{ product_id: wine, amount: 1 }], [{ method: 'cash', amount_cents: 1000, tendered_cents: 2000 }], { register_id: till }),
      await sell([{ product_id: nuts, amount: 1 }], [{ method: 'card', amount_cents: 700 }], { register_id: till }, second),
      await sell(
        [{ product_id: nuts, amount: 1 }],
        [
          { method: 'cash', amount_cents: 500, tendered_cents: 1000 },
          { method: 'other', amount_cents: 200, reference: 'voucher 12' },
        ],
        { register_id: till },
        second,
      ),
    ];
    for (const sale of sales) expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    // A sale on another register does not belong to this report.
    expect((await sell([{ product_id: wine, amount: 1 }], [{ method: 'cash', amount_cents: 1000 }])).status).toBe(201);

    const report = await t.api.get(`/cash-sessions/${sessionId}/report`, { token: manager.access });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const numbers = sales.map((s) => s.body.receipt_no as number);
    expect(report.body).toMatchObject({
      session: { id: sessionId, status: 'open', expected_cash_cents: 6_500 },
      sales: { count: 3, subtotal_cents: 2_400, total_cents: 2_400 },
      tenders: [
        { method: 'card', count: 1, amount_cents: 700 },
        { method: 'cash', count: 2, amount_cents: 1_500 },
        { method: 'other', count: 1, amount_cents: 200 },
      ],
      cash: { opening_float_cents: 5_000, sales_cents: 1_500, refunds_cents: 0, in_cents: 0, out_cents: 0, expected_cents: 6_500 },
      cashiers: [
        { user_id: cashier.id, name: 'Test cashier', count: 1, total_cents: 1_000 },
        { user_id: second.id, name: 'Test cashier', count: 2, total_cents: 1_400 },
      ].sort((a, b) => a.user_id - b.user_id),
      first_receipt_no: Math.min(...numbers),
      last_receipt_no: Math.max(...numbers),
    });
    expect(report.body.tenders).toHaveLength(3);
    expect(report.body.cashiers).toHaveLength(2);
  });

  it('over tRPC: orders.create and orders.complete take payments, and a mismatch is the same error', async () => {
    const client = await signedInTrpcClient(t.core.url, cashier.username, cashier.password);
    const oil = await product(850);
    const sold = await client.orders.create.mutate({
      items: [{ product_id: oil, amount: 1 }],
      complete: true,
      payments: [{ method: 'cash', amount_cents: 850, tendered_cents: 1000 }],
    });
    expect(sold).toMatchObject({ status: 'completed', register_id: mainRegister, cash_session_id: mainSession, due_cents: 850 });
    expect(sold.payments).toEqual([{ method: 'cash', amount_cents: 850, tendered_cents: 1000, change_cents: 150, reference: null }]);

    const parked = await client.orders.create.mutate({ items: [{ product_id: oil, amount: 2 }] });
    const before = footprint();
    expect(
      await trpcErrorOf(client.orders.complete.mutate({ id: parked.id, payments: [{ method: 'card', amount_cents: 1 }] })),
    ).toMatchObject({ error: 'payment_mismatch', details: [{ payments_cents: 1, due_cents: 1700 }] });
    expect(footprint()).toEqual(before);
    const done = await client.orders.complete.mutate({
      id: parked.id,
      payments: [
        { method: 'card', amount_cents: 1000, reference: 'T-1' },
        { method: 'cash', amount_cents: 700, tendered_cents: 700 },
      ],
    });
    expect(done).toMatchObject({ status: 'completed', receipt_no: sold.receipt_no === null ? -1 : sold.receipt_no + 1 });
    expect(done.payments.map((p) => [p.method, p.amount_cents, p.change_cents])).toEqual([
      ['card', 1000, 0],
      ['cash', 700, 0],
    ]);
  });
});
