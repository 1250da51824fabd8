import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../electron/core/errors';
import { amountDue } from '../../shared/cash-rounding';
import type { CreateOrderInput, OrderDto, PaymentInput } from '../../shared/schemas/orders';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/**
 * API-SELLING.md, "Completing allocates receipt_no": one gap-free sequence for the shop, taken
 * inside the transaction that completes, so a refused sale leaves no gap and two tills never
 * share a number. The orders' group commit makes every sale of a batch a savepoint of one
 * transaction: the test fires sales from 16 clients at once so that batches mix good and refused
 * sales, then reads the database file back through a second, read-only connection.
 */

/** A small deterministic generator, so that a failure can be replayed with its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.RECEIPT_SEED ?? Date.now() % 1_000_000);
const CLIENTS = 16;
const ROUNDS = 8;
const ROUNDING_STEP = 5;

interface Product {
  id: number;
  price: number;
  stock: number;
}

type Intent = 'pay' | 'mismatch' | 'dark';

interface Attempt {
  client: number;
  intent: Intent;
  registerId: number;
  lines: { product_id: number; amount: number }[];
  status: number;
  body: { error?: string; details?: unknown[] } & Partial<OrderDto>;
}

/** Payments for a sale of `total`: one way or another of paying exactly, or (mismatch) a few cents off. */
function tendersFor(total: number, random: () => number, intent: Intent): PaymentInput[] {
  const roll = random();
  if (intent === 'mismatch') {
    const off = 1 + Math.floor(random() * 40);
    return [{ method: 'card', amount_cents: random() < 0.5 || total <= off ? total + off : total - off }];
  }
  if (roll < 0.35) {
    const due = amountDue(total, ['cash'], ROUNDING_STEP).dueCents;
    return [{ method: 'cash', amount_cents: due, tendered_cents: due + Math.floor(random() * 3) * 500 }];
  }
  if (roll < 0.6) return [{ method: 'card', amount_cents: total, reference: `AUTH-${Math.floor(random() * 1e6)}` }];
  if (roll < 0.7) return [{ method: 'other', amount_cents: total }];
  const cash = 1 + Math.floor(random() * (total - 1));
  return [
    { method: 'cash', amount_cents: cash, tendered_cents: cash + Math.floor(random() * 200) },
    { method: 'card', amount_cents: total - cash },
  ];
}

describe('receipt numbers: gap-free and unique across two tills, 16 clients and refused sales', () => {
  let t: TestCore;
  let db: Database.Database;
  let owner: SignedIn;
  let manager: SignedIn;
  const cashiers: SignedIn[] = [];
  const tills: { registerId: number; sessionId: number }[] = [];
  let darkRegister: number;
  const products: Product[] = [];

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    // Each cashier signed in on their own, a few at a time (the password hashing queue is bounded).
    for (let i = 0; i < CLIENTS; i += 4) {
      cashiers.push(...(await Promise.all(Array.from({ length: 4 }, () => createSignedInUser(t.api, manager, 'cashier')))));
    }
    tills.push(await openDrawer(t.api, manager, { floatCents: 10_000 }));
    const second = await t.api.post('/registers', { name: 'Second till' }, { token: manager.access });
    expect(second.status).toBe(201);
    tills.push(await openDrawer(t.api, manager, { registerId: second.body.id, floatCents: 5_000 }));
    const dark = await t.api.post('/registers', { name: 'Closed till' }, { token: manager.access });
    darkRegister = dark.body.id;
    expect((await t.api.patch('/shop', { cash_rounding_cents: ROUNDING_STEP }, { token: owner.access })).status).toBe(200);
    // Two scarce products the clients fight over, two that never run out.
    for (const [price, stock] of [
      [125, 6],
      [1003, 9],
      [99, 100_000],
      [2_48, 100_000],
    ] as const) {
      const sku = uniqueName('RN').toUpperCase();
      const res = await t.api.post('/products', { sku, name: sku, price_cents: price, stock }, { token: manager.access });
      expect(res.status).toBe(201);
      products.push({ id: res.body.id, price, stock });
    }
    db = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await t.stop();
  });

  const lastReceiptNo = () => Number(db.prepare('SELECT coalesce(max(last_no), 0) FROM receipt_sequences').pluck().get());

  it(
    'numbers the 201s 1…N with no gap and no duplicate; every payment in its till’s session; refusals leave no trace',
    { timeout: 60_000 },
    async () => {
      const context = `seed ${SEED} (replay with RECEIPT_SEED=${SEED})`;
      const attempts: Attempt[] = [];
      const randoms = cashiers.map((_, i) => mulberry32(SEED * 31 + i));

      const saleOf = (client: number): { intent: Intent; registerId: number; body: CreateOrderInput } => {
        const random = randoms[client] ?? Math.random;
        const roll = random();
        const intent: Intent = roll < 0.2 ? 'mismatch' : roll < 0.25 ? 'dark' : 'pay';
        const till = tills[client % tills.length];
        if (!till) throw new Error('no till');
        const registerId = intent === 'dark' ? darkRegister : till.registerId;
        // The scarce products are in few sales, so that most sales go through once they run out.
        const lines = products
          .filter((p) => random() < (p.stock < 100 ? 0.15 : 0.6))
          .map((p) => ({ product_id: p.id, amount: 1 + Math.floor(random() * 3) }));
        if (lines.length === 0) lines.push({ product_id: products[2 + Math.floor(random() * 2)]?.id ?? 0, amount: 1 });
        const total = lines.reduce((sum, l) => sum + (products.find((p) => p.id === l.product_id)?.price ?? 0) * l.amount, 0);
        return {
          intent,
          registerId,
          body: { items: lines, complete: true, register_id: registerId, payments: tendersFor(total, random, intent) },
        };
      };

      const started = Date.now();
      for (let round = 0; round < ROUNDS; round++) {
        // Every client fires two sales at once, all clients together: the group commit batches them.
        await Promise.all(
          cashiers.flatMap((cashier, client) =>
            [0, 1].map(async () => {
              const sale = saleOf(client);
              const res = await t.api.post('/orders', sale.body, { token: cashier.access });
              attempts.push({
                client,
                intent: sale.intent,
                registerId: sale.registerId,
                lines: sale.body.items,
                status: res.status,
                body: res.body,
              });
            }),
          ),
        );
      }
      expect(Date.now() - started, context).toBeLessThan(30_000);

      // Every answer is one the contract allows for what was sent.
      for (const a of attempts) {
        const allowed =
          a.intent === 'dark'
            ? [[409, 'no_open_session']]
            : a.intent === 'mismatch'
              ? [
                  [400, 'payment_mismatch'],
                  [400, 'insufficient_stock'],
                ]
              : [
                  [201, undefined],
                  [400, 'insufficient_stock'],
                ];
        expect(allowed, `${context}: ${JSON.stringify(a)}`).toContainEqual([a.status, a.body.error]);
      }
      const sold = attempts.filter((a) => a.status === 201);
      const refused = attempts.filter((a) => a.status !== 201);
      // The run must have mixed all three refusals with sales, or it proves little.
      expect(new Set(refused.map((a) => a.body.error)), context).toEqual(
        new Set(['payment_mismatch', 'insufficient_stock', 'no_open_session']),
      );
      expect(sold.length, context).toBeGreaterThan(attempts.length / 3);

      // 1…N, no gap, no duplicate; the counter stands at N.
      const n = sold.length;
      const numbers = sold.map((a) => a.body.receipt_no).sort((x, y) => (x ?? 0) - (y ?? 0));
      expect(numbers, context).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(lastReceiptNo(), context).toBe(n);
      expect(db.prepare('SELECT receipt_no FROM orders WHERE receipt_no IS NOT NULL ORDER BY receipt_no').pluck().all(), context).toEqual(
        numbers,
      );

      // Each sale is on its register's session, and so is every one of its payments.
      const sessionOf = new Map(tills.map((till) => [till.registerId, till.sessionId]));
      for (const a of sold) {
        const row = db.prepare('SELECT register_id, cash_session_id, due_cents, status FROM orders WHERE id = ?').get(a.body.id) as {
          register_id: number;
          cash_session_id: number;
          due_cents: number;
          status: string;
        };
        expect(row, context).toEqual({
          register_id: a.registerId,
          cash_session_id: sessionOf.get(a.registerId),
          due_cents: a.body.due_cents,
          status: 'completed',
        });
        const payments = db.prepare('SELECT cash_session_id, amount_cents FROM payments WHERE order_id = ?').all(a.body.id) as {
          cash_session_id: number;
          amount_cents: number;
        }[];
        expect(payments.length, context).toBe(a.body.payments?.length);
        expect(new Set(payments.map((p) => p.cash_session_id)), context).toEqual(new Set([row.cash_session_id]));
        expect(
          payments.reduce((sum, p) => sum + p.amount_cents, 0),
          context,
        ).toBe(row.due_cents);
      }

      // The refused sales left nothing: no order, no line, no payment, no stock movement.
      const soldIds = sold.map((a) => a.body.id ?? 0).sort((x, y) => x - y);
      expect(db.prepare('SELECT id FROM orders ORDER BY id').pluck().all(), context).toEqual(soldIds);
      expect(Number(db.prepare('SELECT count(*) FROM payments').pluck().get()), context).toBe(
        sold.reduce((sum, a) => sum + (a.body.payments?.length ?? 0), 0),
      );
      const lines = sold.reduce((sum, a) => sum + a.lines.length, 0);
      expect(Number(db.prepare("SELECT count(*) FROM stock_movements WHERE reason = 'sale'").pluck().get()), context).toBe(lines);
      expect(Number(db.prepare('SELECT count(*) FROM order_items').pluck().get()), context).toBe(lines);
      for (const product of products) {
        const taken = sold.flatMap((a) => a.lines).reduce((sum, l) => sum + (l.product_id === product.id ? l.amount : 0), 0);
        expect(db.prepare('SELECT stock FROM products WHERE id = ?').pluck().get(product.id), context).toBe(product.stock - taken);
      }

      // Each till's report counts its own sales and the receipt range is theirs.
      for (const till of tills) {
        const mine = sold.filter((a) => a.registerId === till.registerId);
        const report = await t.api.get(`/cash-sessions/${till.sessionId}/report`, { token: manager.access });
        expect(report.status).toBe(200);
        expect(report.body.sales.count, context).toBe(mine.length);
        const mineNumbers = mine.map((a) => a.body.receipt_no ?? 0);
        expect([report.body.first_receipt_no, report.body.last_receipt_no], context).toEqual([
          Math.min(...mineNumbers),
          Math.max(...mineNumbers),
        ]);
        const cash = mine.flatMap((a) => a.body.payments ?? []).reduce((sum, p) => sum + (p.method === 'cash' ? p.amount_cents : 0), 0);
        expect(report.body.cash.expected_cents, context).toBe(report.body.cash.opening_float_cents + cash);
      }
    },
  );

  it('a sale refused in the middle of one batch takes no number: the ones after it go on from the one before', async () => {
    // Queued in one turn of the event loop, these are one batch (one transaction, a savepoint each).
    const cashier = cashiers[0];
    if (!cashier) throw new Error('no cashier');
    const actor = await t.core.services.auth.authenticate(cashier.access);
    const plentiful = products[2];
    const scarce = products[0];
    if (!plentiful || !scarce) throw new Error('no products');
    const price = plentiful.price;
    const line = [{ product_id: plentiful.id, amount: 1 }];
    const card = (amount: number): PaymentInput[] => [{ method: 'card', amount_cents: amount }];
    const start = lastReceiptNo();
    const idsBefore = Number(db.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get());
    const inputs: { input: CreateOrderInput; refused?: string }[] = [
      { input: { items: line, complete: true, payments: card(price) } },
      { input: { items: line, complete: true, payments: card(price + 1) }, refused: 'payment_mismatch' },
      { input: { items: line, complete: true, payments: card(price) } },
      {
        input: { items: [{ product_id: scarce.id, amount: 10_000 }], complete: true, payments: card(scarce.price * 10_000) },
        refused: 'insufficient_stock',
      },
      { input: { items: line, complete: true, register_id: darkRegister }, refused: 'no_open_session' },
      { input: { items: line } },
      { input: { items: line, complete: true, payments: card(price - 1) }, refused: 'payment_mismatch' },
      {
        input: {
          items: line,
          complete: true,
          payments: [{ method: 'cash', amount_cents: amountDue(price, ['cash'], ROUNDING_STEP).dueCents }],
        },
      },
    ];
    const outcomes = await Promise.allSettled(inputs.map(({ input }) => t.core.services.orders.create(actor, input)));

    const expectedNumbers: (number | null)[] = [];
    let next = start;
    for (const [i, { input, refused }] of inputs.entries()) {
      const outcome = outcomes[i];
      if (refused) {
        expect(outcome?.status, `sale ${i}`).toBe('rejected');
        expect(outcome?.status === 'rejected' && outcome.reason instanceof DomainError ? outcome.reason.error : outcome, `sale ${i}`).toBe(
          refused,
        );
        continue;
      }
      expect(outcome?.status, `sale ${i}`).toBe('fulfilled');
      expectedNumbers.push(input.complete ? ++next : null);
    }
    const placed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.body as OrderDto] : []));
    // In the order they were queued: consecutive ids and consecutive numbers, open orders unnumbered.
    expect(placed.map((o) => o.receipt_no)).toEqual(expectedNumbers);
    expect(placed.map((o) => o.id)).toEqual(placed.map((_, i) => idsBefore + 1 + i));
    expect(lastReceiptNo()).toBe(next);
  });
});
