import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * The drawer's books as a property, over random days on one register: after every step the
 * session's expected cash is float + cash taken for sales (amounts, not tendered) − cash paid
 * back for refunds + in − out; a close freezes it, variance = counted − expected, and nothing that
 * happens afterwards (a new session on the same register, more cash there) changes the closed
 * session or its Z report. Sales, refunds (of a real card sale, paid back by cash or card),
 * movements and closes go over HTTP, so the books are checked against what the till really writes.
 */

type Step =
  | { kind: 'movement'; type: 'in' | 'out'; amount: number }
  | { kind: 'sale'; method: 'cash' | 'card' | 'other'; amount: number; change: number }
  | { kind: 'refund'; method: 'cash' | 'card'; amount: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('movement' as const),
    type: fc.constantFrom('in' as const, 'out' as const),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({
    kind: fc.constant('sale' as const),
    method: fc.constantFrom('cash' as const, 'card' as const, 'other' as const),
    amount: fc.integer({ min: 1, max: 20_000 }),
    change: fc.integer({ min: 0, max: 5_000 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    method: fc.constantFrom('cash' as const, 'card' as const),
    amount: fc.integer({ min: 1, max: 10_000 }),
  }),
);

const dayArb = fc.record({
  float: fc.integer({ min: 0, max: 100_000 }),
  steps: fc.array(stepArb, { maxLength: 12 }),
  countedDelta: fc.integer({ min: -2_000, max: 2_000 }),
  later: fc.array(stepArb, { maxLength: 4 }),
});

describe('cash sessions: expected cash, variance and the frozen Z report over random days', () => {
  let t: TestCore;
  let manager: SignedIn;
  /** Any amount is a basket of pounds (100 cents) and pennies (1 cent). */
  let pound: number;
  let penny: number;

  beforeAll(async () => {
    t = await startTestCore();
    const owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    const product = async (price_cents: number) => {
      const sku = uniqueName('PROP').toUpperCase();
      const res = await t.api.post('/products', { sku, name: `Coin ${sku}`, price_cents, stock: 10_000_000 }, { token: manager.access });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    };
    pound = await product(100);
    penny = await product(1);
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  /** A real sale of `amount` cents on the register, paid by one payment; answers the order. */
  async function sell(registerId: number, sessionId: number, method: 'cash' | 'card' | 'other', amount: number, change = 0) {
    const items = [
      { product_id: pound, amount: Math.floor(amount / 100) },
      { product_id: penny, amount: amount % 100 },
    ].filter((line) => line.amount > 0);
    const payment =
      method === 'cash' ? { method, amount_cents: amount, tendered_cents: amount + change } : { method, amount_cents: amount };
    const res = await t.api.post(
      '/orders',
      { items, complete: true, register_id: registerId, payments: [payment] },
      { token: manager.access },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'completed',
      total_cents: amount,
      due_cents: amount,
      register_id: registerId,
      cash_session_id: sessionId,
      payments: [{ method, amount_cents: amount, tendered_cents: amount + change, change_cents: change }],
    });
    return res.body as { id: number; receipt_no: number; items: { order_item_id: number; amount: number }[] };
  }

  /** Writes one step into the session; returns what it adds to the drawer's expected cash. */
  async function apply(registerId: number, sessionId: number, step: Step): Promise<number> {
    if (step.kind === 'movement') {
      const res = await t.api.post(
        `/cash-sessions/${sessionId}/movements`,
        { type: step.type, amount_cents: step.amount, reason: 'property test' },
        { token: manager.access },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return step.type === 'in' ? step.amount : -step.amount;
    }
    if (step.kind === 'sale') {
      await sell(registerId, sessionId, step.method, step.amount, step.method === 'cash' ? step.change : 0);
      // The change went back to the customer: only the amount stays in the drawer.
      return step.method === 'cash' ? step.amount : 0;
    }
    // What is refunded was sold first (by card, so the sale itself adds no cash), then refunded
    // whole over HTTP from the same drawer (untaxed, rounding 1: the refund is the amount).
    const order = await sell(registerId, sessionId, 'card', step.amount);
    const refund = await t.api.post(
      `/orders/${order.id}/refunds`,
      {
        items: order.items.map((item) => ({ order_item_id: item.order_item_id, amount: item.amount, restock: true })),
        payments: [{ method: step.method, amount_cents: step.amount }],
        reason: 'property test',
        register_id: registerId,
      },
      { token: manager.access },
    );
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect(refund.body).toMatchObject({ total_cents: step.amount, cash_session_id: sessionId });
    return step.method === 'cash' ? -step.amount : 0;
  }

  async function expectedOf(sessionId: number): Promise<number> {
    const res = await t.api.get(`/cash-sessions/${sessionId}`, { token: manager.access });
    expect(res.status).toBe(200);
    return res.body.expected_cash_cents;
  }

  it('holds for every day fast-check makes up (the seed is printed on failure)', async () => {
    await fc.assert(
      fc.asyncProperty(dayArb, async (day) => {
        // A register of its own per day, so a failed run leaves no open drawer behind for the next.
        const register = await t.api.post('/registers', { name: uniqueName('Till ') }, { token: manager.access });
        expect(register.status).toBe(201);
        const registerId: number = register.body.id;
        const opened = await t.api.post(
          '/cash-sessions',
          { register_id: registerId, opening_float_cents: day.float },
          { token: manager.access },
        );
        expect(opened.status, JSON.stringify(opened.body)).toBe(201);
        const sessionId: number = opened.body.id;
        let expected = day.float;
        expect(await expectedOf(sessionId)).toBe(expected);
        for (const step of day.steps) {
          expected += await apply(registerId, sessionId, step);
          expect(await expectedOf(sessionId)).toBe(expected);
        }

        const counted = Math.max(0, expected + day.countedDelta);
        const closed = await t.api.post(`/cash-sessions/${sessionId}/close`, { counted_cash_cents: counted }, { token: manager.access });
        expect(closed.status, JSON.stringify(closed.body)).toBe(200);
        expect(closed.body).toMatchObject({
          status: 'closed',
          expected_cash_cents: expected,
          counted_cash_cents: counted,
          variance_cents: counted - expected,
        });

        const report = await t.api.get(`/cash-sessions/${sessionId}/report`, { token: manager.access });
        expect(report.status).toBe(200);
        const cash = report.body.cash;
        expect(cash.expected_cents).toBe(expected);
        expect(cash.opening_float_cents + cash.sales_cents - cash.refunds_cents + cash.in_cents - cash.out_cents).toBe(expected);
        // Every sale and refund of the day is in the report, each sale with its one payment.
        const sales = day.steps.filter((s) => s.kind !== 'movement').length;
        const refunds = day.steps.filter((s) => s.kind === 'refund').length;
        expect(report.body.sales.count).toBe(sales);
        expect(report.body.refunds.count).toBe(refunds);
        const tendered = (report.body.tenders as { count: number }[]).reduce((sum, tender) => sum + tender.count, 0);
        expect(tendered).toBe(sales);

        // A new drawer on the same register, with more cash: the closed one never changes.
        const next = await t.api.post('/cash-sessions', { register_id: registerId, opening_float_cents: 0 }, { token: manager.access });
        expect(next.status).toBe(201);
        for (const step of day.later) await apply(registerId, next.body.id, step);
        expect((await t.api.get(`/cash-sessions/${sessionId}/report`, { token: manager.access })).body).toEqual(report.body);
        const after = await t.api.post(`/cash-sessions/${next.body.id}/close`, { counted_cash_cents: 0 }, { token: manager.access });
        expect(after.status).toBe(200);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
