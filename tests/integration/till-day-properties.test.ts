import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentInput } from '../../shared/schemas/orders';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * Random days at the till over the real API: sales with random tenders (some deliberately not
 * adding up), parked orders completed or cancelled later, cash in and out, closes with a random
 * count and a new session after each. After every step, against a model of the drawer:
 *  - every completed sale's payments add up to its due_cents (and open or cancelled orders have none);
 *  - the open session's expected cash = float + cash amounts of its sales + in − out;
 *  - the receipt numbers of all completed sales are exactly 1…N;
 *  - every closed session's Z report is what it was at its close;
 *  - a refused step wrote nothing.
 * Time-bounded; fast-check prints the seed and the shrunk day on failure (replay: TILL_SEED=…).
 */

type Method = PaymentInput['method'];
type Shape = readonly Method[];
interface TenderPlan {
  shape: Shape;
  /** Where a split cuts the amount due, as a fraction. */
  cut: number;
  /** Extra cash handed over (change). */
  change: number;
  /** Cents the payments are off by (0: they add up). */
  off: number;
}
type Lines = { product: number; amount: number }[];
type Step =
  | { kind: 'sale'; lines: Lines; tender: TenderPlan }
  | { kind: 'park'; lines: Lines }
  | { kind: 'completeParked'; pick: number; tender: TenderPlan }
  | { kind: 'cancelParked'; pick: number }
  | { kind: 'movement'; type: 'in' | 'out'; amount: number }
  | { kind: 'close'; countedDelta: number; nextFloat: number };

const PRICES = [101, 1003, 249, 1999, 37];
const SHAPES: Shape[] = [['cash'], ['card'], ['other'], ['cash', 'card'], ['cash', 'other'], ['card', 'other'], ['cash', 'cash']];

const linesArb: fc.Arbitrary<Lines> = fc.array(
  fc.record({ product: fc.integer({ min: 0, max: PRICES.length - 1 }), amount: fc.integer({ min: 1, max: 4 }) }),
  { minLength: 1, maxLength: 3 },
);
const tenderArb: fc.Arbitrary<TenderPlan> = fc.record({
  shape: fc.constantFrom(...SHAPES),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  change: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000 })),
  off: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0) },
  ),
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sale' as const), lines: linesArb, tender: tenderArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('park' as const), lines: linesArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('completeParked' as const), pick: fc.nat(), tender: tenderArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelParked' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('movement' as const),
      type: fc.constantFrom('in' as const, 'out' as const),
      amount: fc.integer({ min: 1, max: 20_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      countedDelta: fc.integer({ min: -3_000, max: 3_000 }),
      nextFloat: fc.integer({ min: 0, max: 50_000 }),
    }),
  },
);
const dayArb = fc.record({
  step: fc.constantFrom(1 as const, 5 as const, 10 as const),
  float: fc.integer({ min: 0, max: 50_000 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 14 }),
});

/** The model's amount due: the total, or (all cash) to the nearest step, halves up (totals are positive). */
const modelDue = (total: number, shape: Shape, step: number) =>
  shape.every((m) => m === 'cash') ? Math.floor((total + step / 2) / step) * step : total;

/** Payments for the plan: exact shares of `due`, the last one `off` cents out. */
function paymentsFor(due: number, plan: TenderPlan): PaymentInput[] {
  const first = plan.shape.length === 1 ? due : Math.min(due - 1, Math.max(1, Math.floor(due * plan.cut)));
  const amounts = plan.shape.length === 1 ? [due] : [first, due - first];
  const lastIndex = amounts.length - 1;
  const last = amounts[lastIndex] ?? 0;
  // Off by `off`, but never to a payment of zero or less (that is a validation error, not a mismatch).
  amounts[lastIndex] = last + plan.off > 0 ? last + plan.off : last + Math.abs(plan.off);
  return plan.shape.map((method, i) => {
    const amount = amounts[i] ?? 0;
    return method === 'cash' ? { method, amount_cents: amount, tendered_cents: amount + plan.change } : { method, amount_cents: amount };
  });
}

interface Drawer {
  registerId: number;
  sessionId: number;
  expected: number;
  tenders: Map<Method, { count: number; amount_cents: number }>;
}

describe('a till’s days as a property: tenders, parked orders, cash, closes and receipt numbers', () => {
  let t: TestCore;
  let db: Database.Database;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  const productIds: number[] = [];
  /** Every closed session's Z report as it was at its close, across all runs. */
  const zReports = new Map<number, unknown>();

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    for (const price of PRICES) {
      const sku = uniqueName('TD').toUpperCase();
      const res = await t.api.post('/products', { sku, name: sku, price_cents: price, stock: 1_000_000 }, { token: manager.access });
      expect(res.status).toBe(201);
      productIds.push(res.body.id);
    }
    db = new Database(join(t.dataDir, 'shopdesk.db'), { readonly: true, fileMustExist: true });
  }, 60_000);
  afterAll(async () => {
    db?.close();
    await t.stop();
  });

  const scalar = (sql: string, ...params: unknown[]) =>
    Number(
      db
        .prepare(sql)
        .pluck()
        .get(...params),
    );
  const footprint = () => ({
    orders: scalar('SELECT count(*) FROM orders'),
    completed: scalar("SELECT count(*) FROM orders WHERE status = 'completed'"),
    payments: scalar('SELECT count(*) FROM payments'),
    movements: scalar('SELECT count(*) FROM stock_movements'),
    cash: scalar('SELECT count(*) FROM cash_movements'),
    receiptNo: scalar('SELECT coalesce(max(last_no), 0) FROM receipt_sequences'),
  });

  const itemsOf = (lines: Lines) => lines.map((l) => ({ product_id: productIds[l.product] ?? 0, amount: l.amount }));
  const totalOf = (lines: Lines) => lines.reduce((sum, l) => sum + (PRICES[l.product] ?? 0) * l.amount, 0);

  async function openSession(registerId: number, float: number): Promise<Drawer> {
    const res = await t.api.post('/cash-sessions', { register_id: registerId, opening_float_cents: float }, { token: cashier.access });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { registerId, sessionId: res.body.id, expected: float, tenders: new Map() };
  }

  /** The payments were taken in the drawer's session: the model follows them. */
  function takeIn(drawer: Drawer, payments: PaymentInput[]): void {
    for (const p of payments) {
      const line = drawer.tenders.get(p.method) ?? { count: 0, amount_cents: 0 };
      drawer.tenders.set(p.method, { count: line.count + 1, amount_cents: line.amount_cents + p.amount_cents });
      if (p.method === 'cash') drawer.expected += p.amount_cents;
    }
  }

  /** Answers whether the sale went through; a mismatch must be refused with the contract's details. */
  function expectTendered(
    res: { status: number; body: { error?: string; details?: unknown; due_cents?: number; rounding_cents?: number } },
    total: number,
    payments: PaymentInput[],
    plan: TenderPlan,
    step: number,
    okStatus: number,
  ): boolean {
    const due = modelDue(total, plan.shape, step);
    const paid = payments.reduce((sum, p) => sum + p.amount_cents, 0);
    if (plan.off !== 0) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ error: 'payment_mismatch', details: [{ payments_cents: paid, due_cents: due }] });
      return false;
    }
    expect(res.status, JSON.stringify(res.body)).toBe(okStatus);
    expect(res.body).toMatchObject({ due_cents: due, rounding_cents: due - total });
    return true;
  }

  async function expectInvariants(drawer: Drawer, completedBefore: number, completedHere: number): Promise<void> {
    // Every completed sale paid exactly; nothing else paid at all.
    expect(
      scalar(`SELECT count(*) FROM orders o WHERE o.status = 'completed'
                AND o.due_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE order_id = o.id)`),
    ).toBe(0);
    expect(scalar("SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.status <> 'completed'")).toBe(0);
    expect(scalar('SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE order_id IS NOT NULL')).toBe(
      scalar("SELECT coalesce(sum(due_cents), 0) FROM orders WHERE status = 'completed'"),
    );
    // Receipt numbers 1…N over all completed sales; nothing else numbered.
    const numbers = db.prepare("SELECT receipt_no FROM orders WHERE status = 'completed' ORDER BY receipt_no").pluck().all();
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers).toHaveLength(completedBefore + completedHere);
    expect(scalar("SELECT count(*) FROM orders WHERE status <> 'completed' AND receipt_no IS NOT NULL")).toBe(0);
    // The open session as the model has it.
    const report = await t.api.get(`/cash-sessions/${drawer.sessionId}/report`, { token: manager.access });
    expect(report.status).toBe(200);
    expect(report.body.session.expected_cash_cents).toBe(drawer.expected);
    expect(report.body.cash.expected_cents).toBe(drawer.expected);
    const tenders = [...drawer.tenders.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([method, line]) => ({ method, ...line }));
    expect(report.body.tenders).toEqual(tenders);
    // Closed sessions never change.
    for (const [sessionId, z] of zReports) {
      expect((await t.api.get(`/cash-sessions/${sessionId}/report`, { token: manager.access })).body, `Z report of ${sessionId}`).toEqual(
        z,
      );
    }
  }

  it('holds over random days (bounded in time; the seed is printed on failure)', async () => {
    const property = fc.asyncProperty(dayArb, async (day) => {
      expect((await t.api.patch('/shop', { cash_rounding_cents: day.step }, { token: owner.access })).status).toBe(200);
      // A register of its own per day, so a failed run leaves no open drawer behind for the next.
      const register = await t.api.post('/registers', { name: uniqueName('Day ') }, { token: manager.access });
      expect(register.status).toBe(201);
      let drawer = await openSession(register.body.id, day.float);
      const parked: { id: number; total: number }[] = [];
      const completedBefore = scalar("SELECT count(*) FROM orders WHERE status = 'completed'");
      let completedHere = 0;

      for (const step of day.steps) {
        const before = footprint();
        let refused = false;
        if (step.kind === 'sale') {
          const total = totalOf(step.lines);
          const payments = paymentsFor(modelDue(total, step.tender.shape, day.step), step.tender);
          const res = await t.api.post(
            '/orders',
            { items: itemsOf(step.lines), complete: true, payments, register_id: drawer.registerId },
            { token: cashier.access },
          );
          if (expectTendered(res, total, payments, step.tender, day.step, 201)) {
            expect(res.body).toMatchObject({ cash_session_id: drawer.sessionId, receipt_no: completedBefore + completedHere + 1 });
            takeIn(drawer, payments);
            completedHere++;
          } else refused = true;
        } else if (step.kind === 'park') {
          const res = await t.api.post('/orders', { items: itemsOf(step.lines) }, { token: cashier.access });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          expect(res.body).toMatchObject({ status: 'open', receipt_no: null, payments: [] });
          parked.push({ id: res.body.id, total: totalOf(step.lines) });
        } else if (step.kind === 'completeParked' || step.kind === 'cancelParked') {
          const index = step.pick % Math.max(parked.length, 1);
          const order = parked[index];
          if (!order) continue;
          if (step.kind === 'cancelParked') {
            const res = await t.api.post(`/orders/${order.id}/cancel`, {}, { token: cashier.access });
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            parked.splice(index, 1);
          } else {
            const payments = paymentsFor(modelDue(order.total, step.tender.shape, day.step), step.tender);
            const res = await t.api.post(
              `/orders/${order.id}/complete`,
              { payments, register_id: drawer.registerId },
              { token: cashier.access },
            );
            if (expectTendered(res, order.total, payments, step.tender, day.step, 200)) {
              expect(res.body).toMatchObject({ status: 'completed', cash_session_id: drawer.sessionId });
              takeIn(drawer, payments);
              completedHere++;
              parked.splice(index, 1);
            } else refused = true;
          }
        } else if (step.kind === 'movement') {
          const res = await t.api.post(
            `/cash-sessions/${drawer.sessionId}/movements`,
            { type: step.type, amount_cents: step.amount, reason: 'property test' },
            { token: cashier.access },
          );
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          drawer.expected += step.type === 'in' ? step.amount : -step.amount;
        } else {
          const counted = Math.max(0, drawer.expected + step.countedDelta);
          const closed = await t.api.post(
            `/cash-sessions/${drawer.sessionId}/close`,
            { counted_cash_cents: counted },
            { token: manager.access },
          );
          expect(closed.status, JSON.stringify(closed.body)).toBe(200);
          expect(closed.body).toMatchObject({ expected_cash_cents: drawer.expected, variance_cents: counted - drawer.expected });
          const z = await t.api.get(`/cash-sessions/${drawer.sessionId}/report`, { token: manager.access });
          expect(z.body.cash.expected_cents).toBe(drawer.expected);
          zReports.set(drawer.sessionId, z.body);
          // Between the close and the next float the register cannot sell.
          const idle = footprint();
          const refusedSale = await t.api.post(
            '/orders',
            { items: itemsOf([{ product: 0, amount: 1 }]), complete: true, register_id: drawer.registerId },
            { token: cashier.access },
          );
          expect(refusedSale.status).toBe(409);
          expect(refusedSale.body.error).toBe('no_open_session');
          expect(footprint()).toEqual(idle);
          drawer = await openSession(drawer.registerId, step.nextFloat);
        }
        if (refused) expect(footprint(), `${step.kind} was refused`).toEqual(before);
        await expectInvariants(drawer, completedBefore, completedHere);
      }
      // Leave the day's drawer closed and its report frozen like the others.
      const last = await t.api.post(`/cash-sessions/${drawer.sessionId}/close`, { counted_cash_cents: 0 }, { token: manager.access });
      expect(last.status).toBe(200);
      zReports.set(drawer.sessionId, (await t.api.get(`/cash-sessions/${drawer.sessionId}/report`, { token: manager.access })).body);
    });
    const seed = process.env.TILL_SEED === undefined ? undefined : Number(process.env.TILL_SEED);
    await fc.assert(property, { numRuns: 15, interruptAfterTimeLimit: 25_000, seed });
  }, 60_000);
});
