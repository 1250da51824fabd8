import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/create-services';
import { createSignedInUser, openDrawer, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { signedInTrpcClient } from '../helpers/trpc-client';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md "Refunds" over HTTP against the real core: sold lines given back by the floor
 * rule, taxes on the refund's own lines, money paid back from the open drawer, the shared
 * receipt sequence, restock or damaged, approvals, and a line never refunded beyond the sale
 * (two refunds of the last unit at once included). What was written is read back through a
 * second, read-only connection.
 */

type Payment = { method: 'cash' | 'card' | 'other'; amount_cents: number; tendered_cents?: number };
interface RefundLine {
  order_item_id: number;
  amount: number;
  restock: boolean;
}

describe('refunds', () => {
  let t: TestCore;
  let db: Database.Database;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let sessionId: number;
  let standardRate: number;
  const MANAGER_PIN = '2580';
  const CASHIER_PIN = '1357';
  const token = (user: SignedIn) => ({ token: user.access });

  async function shop(settings: Record<string, unknown>): Promise<void> {
    const res = await t.api.patch('/shop', settings, token(owner));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async function product(priceCents: number, taxRateId: number | null, stock = 100): Promise<number> {
    const sku = uniqueName('RF').toUpperCase();
    const res = await t.api.post(
      '/products',
      { sku, name: `Item ${sku}`, price_cents: priceCents, stock, tax_rate_id: taxRateId },
      token(manager),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  /** A completed sale paid by card (no rounding): answers the order. */
  async function sale(items: { product_id: number; amount: number }[], extra: Record<string, unknown> = {}) {
    const open = await t.api.post('/orders', { items, ...extra }, token(manager));
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    const paid = await t.api.post(
      `/orders/${open.body.id}/complete`,
      { payments: [{ method: 'card', amount_cents: open.body.total_cents }] },
      token(manager),
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    return paid.body;
  }

  const refund = (orderId: number, body: Record<string, unknown>, user = manager, headers: Record<string, string> = {}) =>
    t.api.post(`/orders/${orderId}/refunds`, { reason: 'Customer returned it', ...body }, { ...token(user), headers });

  /** A refund whose payment is what pricing will ask: card for the given amount. */
  const byCard = (orderId: number, items: RefundLine[], cents: number, user = manager) =>
    refund(orderId, { items, payments: cents === 0 ? [] : [{ method: 'card', amount_cents: cents }] }, user);

  const stockOf = (productId: number) => Number(db.prepare('SELECT stock FROM products WHERE id = ?').pluck().get(productId));
  const lastReceiptNo = () => Number(db.prepare('SELECT coalesce(max(last_no), 0) FROM receipt_sequences').pluck().get());

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    expect((await t.api.put('/me/pin', { password: manager.password, pin: MANAGER_PIN }, token(manager))).status).toBe(204);
    expect((await t.api.put('/me/pin', { password: cashier.password, pin: CASHIER_PIN }, token(cashier))).status).toBe(204);
    const rate = await t.api.post('/tax-rates', { name: 'Standard', rate_bp: 2000 }, token(manager));
    expect(rate.status, JSON.stringify(rate.body)).toBe(201);
    standardRate = rate.body.id;
    ({ sessionId } = await openDrawer(t.api, manager, { floatCents: 50_000 }));
    db = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  }, 90_000);
  afterAll(async () => {
    db.close();
    await t.stop();
  });

  it('1 of 3 units gives back floor(net × 1/3); the rest gives back exactly what is left', async () => {
    await shop({ prices_include_tax: true, cash_rounding_cents: 1 });
    const p = await product(1000, standardRate);
    // An order discount of 1.00 over 3 × 10.00: net 29.00, not a multiple of 3.
    const order = await sale([{ product_id: p, amount: 3 }], { discount: { type: 'amount', value: 100 } });
    const item = order.items[0];
    expect(item.net_line_cents).toBe(2900);
    const first = await byCard(order.id, [{ order_item_id: item.order_item_id, amount: 1, restock: true }], 966);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.items[0].net_line_cents).toBe(966);
    expect(first.body.total_cents).toBe(966);
    // Gross prices: the tax is inside the total, extracted on the refund's own lines.
    expect(first.body.tax_cents).toBe(Math.round((966 * 2000) / 12000));
    const rest = await byCard(order.id, [{ order_item_id: item.order_item_id, amount: 2, restock: true }], 2900 - 966);
    expect(rest.status, JSON.stringify(rest.body)).toBe(201);
    expect(first.body.total_cents + rest.body.total_cents).toBe(order.total_cents);
    expect(first.body.tax_cents + rest.body.tax_cents).toBe(order.tax_cents);
    const after = await t.api.get(`/orders/${order.id}`, token(manager));
    expect(after.body.items[0].refunded_amount).toBe(3);
    expect(after.body.refunded_cents).toBe(order.total_cents);
    const list = await t.api.get(`/orders/${order.id}/refunds`, token(manager));
    expect(list.status).toBe(200);
    expect(list.body.map((r: { id: number }) => r.id)).toEqual([first.body.id, rest.body.id]);
    const one = await t.api.get(`/refunds/${rest.body.id}`, token(manager));
    expect(one.body).toEqual(rest.body);
  });

  for (const pricesIncludeTax of [true, false]) {
    it(`${pricesIncludeTax ? 'gross' : 'net'} prices: refunding every unit returns exactly what was paid, tax included`, async () => {
      await shop({ prices_include_tax: pricesIncludeTax, cash_rounding_cents: 1 });
      const reduced = await t.api.post('/tax-rates', { name: uniqueName('Reduced '), rate_bp: 700 }, token(manager));
      const a = await product(1999, standardRate);
      const b = await product(349, reduced.body.id);
      const c = await product(500, null);
      const order = await sale(
        [
          { product_id: a, amount: 2 },
          { product_id: b, amount: 3 },
          { product_id: c, amount: 1 },
        ],
        { discount: { type: 'percent', value: 7 } },
      );
      // Partial refunds first (rounded each on its own), then the rest: the sum is the sale.
      const [ia, ib, ic] = order.items;
      const steps: RefundLine[][] = [
        [{ order_item_id: ib.order_item_id, amount: 1, restock: true }],
        [
          { order_item_id: ia.order_item_id, amount: 1, restock: true },
          { order_item_id: ib.order_item_id, amount: 1, restock: false },
        ],
        [
          { order_item_id: ia.order_item_id, amount: 1, restock: true },
          { order_item_id: ib.order_item_id, amount: 1, restock: true },
          { order_item_id: ic.order_item_id, amount: 1, restock: true },
        ],
      ];
      let total = 0;
      let tax = 0;
      for (const items of steps) {
        // Ask with a wrong amount: the mismatch tells what is due, then pay exactly that.
        const probe = await byCard(order.id, items, 1);
        expect(probe.status, JSON.stringify(probe.body)).toBe(400);
        expect(probe.body.error).toBe('payment_mismatch');
        const due = probe.body.details[0].due_cents as number;
        const res = await byCard(order.id, items, due);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.total_cents).toBe(due);
        expect(res.body.taxes.reduce((s: number, e: { tax_cents: number }) => s + e.tax_cents, 0)).toBe(res.body.tax_cents);
        const net = res.body.items.reduce((s: number, i: { net_line_cents: number }) => s + i.net_line_cents, 0);
        expect(res.body.total_cents).toBe(pricesIncludeTax ? net : net + res.body.tax_cents);
        total += res.body.total_cents;
        tax += res.body.tax_cents;
      }
      expect(total).toBe(order.total_cents);
      expect(tax).toBe(order.tax_cents);
      // Every unit is back: nothing more to refund.
      const more = await byCard(order.id, [{ order_item_id: ic.order_item_id, amount: 1, restock: true }], 500);
      expect(more.status).toBe(400);
      expect(more.body.error).toBe('refund_exceeds_sale');
    });
  }

  it('a refund priced when the sale was net stays net after the shop switches to gross prices', async () => {
    await shop({ prices_include_tax: false, cash_rounding_cents: 1 });
    const p = await product(1000, standardRate);
    const order = await sale([{ product_id: p, amount: 1 }]);
    expect(order.total_cents).toBe(1200);
    await shop({ prices_include_tax: true });
    const res = await byCard(order.id, [{ order_item_id: order.items[0].order_item_id, amount: 1, restock: true }], 1200);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.tax_cents).toBe(200);
  });

  it('restock: true puts units back with a refund movement; false (damaged) changes no stock', async () => {
    await shop({ prices_include_tax: true, cash_rounding_cents: 1 });
    const p = await product(250, null, 10);
    const order = await sale([{ product_id: p, amount: 4 }]);
    expect(stockOf(p)).toBe(6);
    const item = order.items[0].order_item_id;
    const back = await byCard(order.id, [{ order_item_id: item, amount: 2, restock: true }], 500);
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(stockOf(p)).toBe(8);
    const movement = db
      .prepare("SELECT delta, reason, ref_type, ref_id FROM stock_movements WHERE product_id = ? AND reason = 'refund'")
      .all(p);
    expect(movement).toEqual([{ delta: 2, reason: 'refund', ref_type: 'refund', ref_id: back.body.id }]);
    const damaged = await byCard(order.id, [{ order_item_id: item, amount: 1, restock: false }], 250);
    expect(damaged.status, JSON.stringify(damaged.body)).toBe(201);
    expect(damaged.body.items[0].restock).toBe(false);
    expect(stockOf(p)).toBe(8);
    const sum = Number(db.prepare('SELECT sum(delta) FROM stock_movements WHERE product_id = ?').pluck().get(p));
    expect(sum).toBe(8);
  });

  it('takes the next receipt number of the sequence it shares with sales', async () => {
    const p = await product(300, null);
    const order = await sale([{ product_id: p, amount: 2 }]);
    const res = await byCard(order.id, [{ order_item_id: order.items[0].order_item_id, amount: 1, restock: true }], 300);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.receipt_no).toBe(order.receipt_no + 1);
    const next = await sale([{ product_id: p, amount: 1 }]);
    expect(next.receipt_no).toBe(res.body.receipt_no + 1);
    // A refused refund leaves no gap.
    const before = lastReceiptNo();
    const refused = await byCard(next.id, [{ order_item_id: next.items[0].order_item_id, amount: 1, restock: true }], 1);
    expect(refused.status).toBe(400);
    expect(lastReceiptNo()).toBe(before);
  });

  it('a cash refund is rounded on its own total, lowers expected cash and is in the X report', async () => {
    await shop({ prices_include_tax: true, cash_rounding_cents: 5 });
    const p = await product(1003, null);
    const order = await sale([{ product_id: p, amount: 1 }]);
    const before = await t.api.get(`/cash-sessions/${sessionId}/report`, token(manager));
    const res = await refund(order.id, {
      items: [{ order_item_id: order.items[0].order_item_id, amount: 1, restock: true }],
      payments: [{ method: 'cash', amount_cents: 1005, tendered_cents: 1005 }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.total_cents).toBe(1003);
    expect(res.body.rounding_cents).toBe(2);
    expect(res.body.cash_session_id).toBe(sessionId);
    expect(res.body.payments).toEqual([{ method: 'cash', amount_cents: 1005, tendered_cents: 1005, change_cents: 0, reference: null }]);
    const after = await t.api.get(`/cash-sessions/${sessionId}/report`, token(manager));
    expect(after.body.cash.expected_cents).toBe(before.body.cash.expected_cents - 1005);
    expect(after.body.cash.refunds_cents).toBe(before.body.cash.refunds_cents + 1005);
    expect(after.body.refunds.count).toBe(before.body.refunds.count + 1);
    expect(after.body.refunds.total_cents).toBe(before.body.refunds.total_cents + 1003);
    const cashLine = (report: { refund_tenders: { method: string; count: number; amount_cents: number }[] }) =>
      report.refund_tenders.find((line) => line.method === 'cash') ?? { count: 0, amount_cents: 0 };
    expect(cashLine(after.body).count).toBe(cashLine(before.body).count + 1);
    expect(cashLine(after.body).amount_cents).toBe(cashLine(before.body).amount_cents + 1005);
    expect(after.body.last_receipt_no).toBe(res.body.receipt_no);
    const session = await t.api.get(`/cash-sessions/${sessionId}`, token(manager));
    expect(session.body.expected_cash_cents).toBe(after.body.cash.expected_cents);
    await shop({ cash_rounding_cents: 1 });
  });

  it('a cashier needs a manager’s approval: none 403, a manager’s PIN 201 with both in the audit, a cashier’s PIN 403', async () => {
    const p = await product(400, null);
    const order = await sale([{ product_id: p, amount: 3 }]);
    const line = [{ order_item_id: order.items[0].order_item_id, amount: 1, restock: true }];
    const payments: Payment[] = [{ method: 'card', amount_cents: 400 }];
    const alone = await refund(order.id, { items: line, payments }, cashier);
    expect(alone.status, JSON.stringify(alone.body)).toBe(403);
    expect(alone.body.error).toBe('approval_required');
    const byPeer = await refund(order.id, { items: line, payments, approval: { username: cashier.username, pin: CASHIER_PIN } }, cashier);
    expect(byPeer.status, JSON.stringify(byPeer.body)).toBe(403);
    expect(byPeer.body.error).toBe('approval_invalid');
    const wrongPin = await refund(order.id, { items: line, payments, approval: { username: manager.username, pin: '9753' } }, cashier);
    expect(wrongPin.status).toBe(403);
    expect(wrongPin.body.error).toBe('approval_invalid');
    const approved = await refund(order.id, { items: line, payments, approval: { username: manager.username, pin: MANAGER_PIN } }, cashier);
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect(approved.body.created_by).toBe(cashier.id);
    expect(approved.body.approved_by).toBe(manager.id);
    const audit = db
      .prepare("SELECT actor_id, after FROM audit_log WHERE action = 'refund.created' AND target_id = ?")
      .get(approved.body.id) as { actor_id: number; after: string };
    expect(audit.actor_id).toBe(cashier.id);
    expect(JSON.parse(audit.after)).toMatchObject({ order_id: order.id, approved_by: manager.id, approved_by_username: manager.username });
    // Nothing was refunded by the refused attempts.
    const after = await t.api.get(`/orders/${order.id}`, token(manager));
    expect(after.body.items[0].refunded_amount).toBe(1);
  });

  it('a cashier finds, reads and refunds a colleague’s sale by its receipt number; open orders and the list stay their owners’', async () => {
    const p = await product(300, null);
    const sold = await sale([{ product_id: p, amount: 2 }]);
    const parked = await t.api.post('/orders', { items: [{ product_id: p, amount: 1 }] }, token(manager));
    expect(parked.status, JSON.stringify(parked.body)).toBe(201);

    const found = await t.api.get(`/orders?receipt_no=${sold.receipt_no}`, token(cashier));
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.map((o: { id: number }) => o.id)).toEqual([sold.id]);
    expect((await t.api.get(`/orders/${sold.id}`, token(cashier))).body.receipt_no).toBe(sold.receipt_no);
    // The colleague's parked cart is not the cashier's to see, and the plain list is their own.
    expect((await t.api.get(`/orders/${parked.body.id}`, token(cashier))).status).toBe(404);
    expect((await t.api.get(`/orders/${parked.body.id}/refunds`, token(cashier))).status).toBe(404);
    const ownList = await t.api.get('/orders?limit=100', token(cashier));
    expect(ownList.body.filter((o: { user_id: number }) => o.user_id !== cashier.id)).toEqual([]);

    const line = [{ order_item_id: sold.items[0].order_item_id, amount: 1, restock: true }];
    const approved = await refund(
      sold.id,
      { items: line, payments: [{ method: 'card', amount_cents: 300 }], approval: { username: manager.username, pin: MANAGER_PIN } },
      cashier,
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    const listed = await t.api.get(`/orders/${sold.id}/refunds`, token(cashier));
    expect(listed.body.map((r: { id: number }) => r.id)).toEqual([approved.body.id]);
    expect((await t.api.get(`/refunds/${approved.body.id}`, token(cashier))).status).toBe(200);

    // A customer finds no one else's sale, by number or by id.
    const username = uniqueName('cust');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    const customer = await signIn(t.api, username, PASSWORDS.customer);
    expect((await t.api.get(`/orders?receipt_no=${sold.receipt_no}`, token(customer))).body).toEqual([]);
    expect((await t.api.get(`/orders/${sold.id}`, token(customer))).status).toBe(404);
    expect((await t.api.get(`/refunds/${approved.body.id}`, token(customer))).status).toBe(404);
  });

  it('over-refunds are 400 refund_exceeds_sale naming each line; foreign lines 400 validation_failed', async () => {
    const p = await product(100, null);
    const q = await product(200, null);
    const order = await sale([
      { product_id: p, amount: 2 },
      { product_id: q, amount: 1 },
    ]);
    const [a, b] = order.items;
    const res = await byCard(
      order.id,
      [
        { order_item_id: a.order_item_id, amount: 3, restock: true },
        { order_item_id: b.order_item_id, amount: 2, restock: true },
      ],
      200,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toBe('refund_exceeds_sale');
    expect(res.body.details).toEqual([
      { order_item_id: a.order_item_id, requested: 3, refundable: 2 },
      { order_item_id: b.order_item_id, requested: 2, refundable: 1 },
    ]);
    const other = await sale([{ product_id: p, amount: 1 }]);
    const foreign = await byCard(
      order.id,
      [
        { order_item_id: a.order_item_id, amount: 1, restock: true },
        { order_item_id: other.items[0].order_item_id, amount: 1, restock: true },
      ],
      200,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toBe('validation_failed');
    expect(Object.keys(foreign.body.fields)).toEqual(['items.1.order_item_id']);
    const twice = await byCard(
      order.id,
      [
        { order_item_id: a.order_item_id, amount: 1, restock: true },
        { order_item_id: a.order_item_id, amount: 1, restock: false },
      ],
      200,
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error).toBe('validation_failed');
    const noReason = await refund(order.id, {
      items: [{ order_item_id: a.order_item_id, amount: 1, restock: true }],
      payments: [{ method: 'card', amount_cents: 100 }],
      reason: '',
    });
    expect(noReason.status).toBe(400);
  });

  it('two refunds of the last unit at once: exactly one 201, the other 400 refund_exceeds_sale', async () => {
    const p = await product(700, standardRate, 5);
    const order = await sale([{ product_id: p, amount: 1 }]);
    const line = [{ order_item_id: order.items[0].order_item_id, amount: 1, restock: true }];
    const answers = await Promise.all([byCard(order.id, line, 700), byCard(order.id, line, 700)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses, JSON.stringify(answers.map((a) => a.body))).toEqual([201, 400]);
    expect(answers.find((a) => a.status === 400)?.body.error).toBe('refund_exceeds_sale');
    expect(Number(db.prepare('SELECT count(*) FROM refunds WHERE order_id = ?').pluck().get(order.id))).toBe(1);
    expect(stockOf(p)).toBe(5);
    // Approved by PIN: both wait for bcrypt after their first look at the sale, then race.
    const again = await sale([{ product_id: p, amount: 1 }]);
    const approval = { username: manager.username, pin: MANAGER_PIN };
    const body = {
      items: [{ order_item_id: again.items[0].order_item_id, amount: 1, restock: true }],
      payments: [{ method: 'card', amount_cents: 700 }],
      approval,
    };
    const raced = await Promise.all([refund(again.id, body, cashier), refund(again.id, body, cashier)]);
    expect(raced.map((a) => a.status).sort(), JSON.stringify(raced.map((a) => a.body))).toEqual([201, 400]);
    expect(Number(db.prepare('SELECT refunded_amount FROM order_items WHERE id = ?').pluck().get(again.items[0].order_item_id))).toBe(1);
  });

  it('refusals: an open order 409, an unknown order 404, no open session 409, a customer 403', async () => {
    const p = await product(100, null);
    const open = await t.api.post('/orders', { items: [{ product_id: p, amount: 1 }] }, token(manager));
    const line = [{ order_item_id: open.body.items[0].order_item_id, amount: 1, restock: true }];
    const ofOpen = await byCard(open.body.id, line, 100);
    expect(ofOpen.status).toBe(409);
    expect(ofOpen.body.error).toBe('invalid_state');
    const unknown = await byCard(999_999, line, 100);
    expect(unknown.status).toBe(404);

    const sold = await sale([{ product_id: p, amount: 1 }]);
    const till = await t.api.post('/registers', { name: uniqueName('Back till ') }, token(manager));
    const noSession = await refund(sold.id, {
      items: [{ order_item_id: sold.items[0].order_item_id, amount: 1, restock: true }],
      payments: [{ method: 'cash', amount_cents: 100 }],
      register_id: till.body.id,
    });
    expect(noSession.status, JSON.stringify(noSession.body)).toBe(409);
    expect(noSession.body.error).toBe('no_open_session');

    const username = uniqueName('cust');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    const customer = await signIn(t.api, username, PASSWORDS.customer);
    const asCustomer = await refund(
      sold.id,
      {
        items: [{ order_item_id: sold.items[0].order_item_id, amount: 1, restock: true }],
        payments: [{ method: 'card', amount_cents: 100 }],
      },
      customer,
    );
    expect(asCustomer.status).toBe(403);
    expect(asCustomer.body.error).toBe('forbidden');
  });

  it('an Idempotency-Key replay answers the same refund and refunds once', async () => {
    const p = await product(150, null);
    const order = await sale([{ product_id: p, amount: 3 }]);
    const body = {
      items: [{ order_item_id: order.items[0].order_item_id, amount: 1, restock: true }],
      payments: [{ method: 'card', amount_cents: 150 }],
    };
    const key = uniqueName('refund-key-');
    const first = await refund(order.id, body, manager, { 'idempotency-key': key });
    const again = await refund(order.id, body, manager, { 'idempotency-key': key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(Number(db.prepare('SELECT count(*) FROM refunds WHERE order_id = ?').pluck().get(order.id))).toBe(1);
    const other = await refund(order.id, { ...body, reason: 'Another reason' }, manager, { 'idempotency-key': key });
    expect(other.status).toBe(400);
  });

  it('tRPC refunds.create and refunds.listForOrder are the same core', async () => {
    const client = await signedInTrpcClient(t.core.url, manager.username, manager.password);
    const p = await product(220, null);
    const order = await sale([{ product_id: p, amount: 1 }]);
    const created = await client.refunds.create.mutate({
      id: order.id,
      refund: {
        items: [{ order_item_id: order.items[0].order_item_id, amount: 1, restock: true }],
        payments: [{ method: 'other', amount_cents: 220 }],
        reason: 'Wrong size',
      },
    });
    expect(created.total_cents).toBe(220);
    const listed = await client.refunds.listForOrder.query({ id: order.id });
    expect(listed).toEqual([created]);
  });
});
