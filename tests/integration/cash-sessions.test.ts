import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySession } from '../../electron/trpc/memory-session';
import { appRouter } from '../../electron/trpc/root';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/*
 * API-SELLING.md, "Registers and cash sessions", over HTTP against the real core: registers and
 * their one default, one open drawer per register, movements, the close with its expected cash
 * and variance (and the manager's approval beyond the shop's limit), who sees which session,
 * and the X/Z report from the session's own rows.
 */

const token = (user: SignedIn) => ({ token: user.access });

interface SaleRows {
  sessionId: number;
  registerId: number;
  userId: number;
  receiptNo: number;
  subtotal: number;
  tax: number;
  taxRateId: number;
  payments: { method: 'cash' | 'card'; amount: number; tendered: number }[];
}

/** What a sale is paid with over HTTP (API-SELLING.md, "Tenders and completing a sale"). */
type Tender = { method: 'cash'; amount_cents: number; tendered_cents: number } | { method: 'card' | 'other'; amount_cents: number };

/**
 * The till does not tax sales yet, and nothing real writes a sale into a closed session: those
 * rows are written as the till will write them, with receipt numbers far above the shop's
 * sequence (the unique index on orders.receipt_no) so real sales never collide with them.
 */
function writeSale(db: Database.Database, sale: SaleRows): number {
  const now = Date.now();
  const total = sale.subtotal;
  const order = db
    .prepare(
      `INSERT INTO orders (user_id, status, total_cents, created_at, completed_at, receipt_no, register_id, cash_session_id,
        subtotal_cents, discount_cents, tax_cents, due_cents, completed_by)
       VALUES (?, 'completed', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id`,
    )
    .get(sale.userId, total, now, now, sale.receiptNo, sale.registerId, sale.sessionId, sale.subtotal, sale.tax, total, sale.userId) as {
    id: number;
  };
  db.prepare(
    `INSERT INTO order_taxes (order_id, tax_rate_id, name, rate_bp, taxable_cents, tax_cents) VALUES (?, ?, 'VAT', 2000, ?, ?)`,
  ).run(order.id, sale.taxRateId, total - sale.tax, sale.tax);
  for (const p of sale.payments) {
    db.prepare(
      `INSERT INTO payments (order_id, method, amount_cents, tendered_cents, change_cents, cash_session_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(order.id, p.method, p.amount, p.tendered, p.tendered - p.amount, sale.sessionId, now);
  }
  return order.id;
}

/**
 * Refunds come in a later issue: their rows are written as the till will write them (refunds
 * have their own receipt_no column; the numbers used here are far above the sequence too).
 * `tax` is left out for a refund of an untaxed sale.
 */
function writeCashRefund(
  db: Database.Database,
  r: {
    orderId: number;
    sessionId: number;
    registerId: number;
    userId: number;
    receiptNo: number;
    total: number;
    tax?: { cents: number; taxRateId: number };
  },
): void {
  const now = Date.now();
  const refund = db
    .prepare(
      `INSERT INTO refunds (order_id, receipt_no, register_id, cash_session_id, total_cents, tax_cents, reason, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'damaged', ?, ?) RETURNING id`,
    )
    .get(r.orderId, r.receiptNo, r.registerId, r.sessionId, r.total, r.tax?.cents ?? 0, r.userId, now) as { id: number };
  if (r.tax)
    db.prepare(
      `INSERT INTO refund_taxes (refund_id, tax_rate_id, name, rate_bp, taxable_cents, tax_cents) VALUES (?, ?, 'VAT', 2000, ?, ?)`,
    ).run(refund.id, r.tax.taxRateId, r.total - r.tax.cents, r.tax.cents);
  db.prepare(
    `INSERT INTO payments (refund_id, method, amount_cents, tendered_cents, change_cents, cash_session_id, created_at)
     VALUES (?, 'cash', ?, ?, 0, ?, ?)`,
  ).run(refund.id, r.total, r.total, r.sessionId, now);
}

describe('registers and cash sessions', () => {
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  let cashier: SignedIn;
  let cashier2: SignedIn;
  let attendant: SignedIn;
  let db: Database.Database;
  let taxRateId: number;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    manager = await createSignedInUser(t.api, owner, 'manager');
    [cashier, cashier2, attendant] = await Promise.all([
      createSignedInUser(t.api, manager, 'cashier'),
      createSignedInUser(t.api, manager, 'cashier'),
      createSignedInUser(t.api, manager, 'attendant'),
    ]);
    db = new Database(join(t.dataDir, 'shopdesk.db'), { fileMustExist: true });
    const now = Date.now();
    taxRateId = (
      db
        .prepare(`INSERT INTO tax_rates (name, rate_bp, is_active, created_at, updated_at) VALUES ('VAT', 2000, 1, ?, ?) RETURNING id`)
        .get(now, now) as { id: number }
    ).id;
  }, 60_000);
  afterAll(async () => {
    db.close();
    await t.stop();
  });

  async function newRegister(name = uniqueName('Till ')): Promise<number> {
    const res = await t.api.post('/registers', { name }, token(manager));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  /** A real sale over HTTP of one product priced at `totalCents`, completed on the register. */
  async function sell(
    user: SignedIn,
    registerId: number,
    totalCents: number,
    payments: Tender[],
  ): Promise<{ id: number; receipt_no: number }> {
    const sku = uniqueName('CS').toUpperCase();
    const product = await t.api.post('/products', { sku, name: `Sold ${sku}`, price_cents: totalCents, stock: 1 }, token(manager));
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const res = await t.api.post(
      '/orders',
      { items: [{ product_id: product.body.id, amount: 1 }], complete: true, register_id: registerId, payments },
      token(user),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', register_id: registerId, completed_by: user.id, receipt_no: expect.any(Number) });
    return res.body;
  }

  async function open(user: SignedIn, registerId: number, float = 10_000): Promise<number> {
    const res = await t.api.post('/cash-sessions', { register_id: registerId, opening_float_cents: float }, token(user));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  it('lists "Main till" as the default, creates registers for managers only, and moves the default in one step', async () => {
    const list = await t.api.get('/registers', token(cashier));
    expect(list.status).toBe(200);
    expect(list.body).toEqual([{ id: expect.any(Number), name: 'Main till', is_default: true, open_session_id: null, printer_id: null }]);
    const mainId = list.body[0].id;

    expect((await t.api.post('/registers', { name: 'Cashier till' }, token(cashier))).body.error).toBe('forbidden');
    const created = await t.api.post('/registers', { name: '  Back counter ' }, token(manager));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: 'Back counter',
      is_default: false,
      open_session_id: null,
      printer_id: null,
    });

    const moved = await t.api.patch(`/registers/${created.body.id}`, { is_default: true }, token(manager));
    expect(moved.status).toBe(200);
    expect(moved.body.is_default).toBe(true);
    const after = await t.api.get('/registers', token(manager));
    expect(after.body.filter((r: { is_default: boolean }) => r.is_default).map((r: { id: number }) => r.id)).toEqual([created.body.id]);

    const refused = await t.api.patch(`/registers/${created.body.id}`, { is_default: false }, token(manager));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('validation_failed');
    expect(Object.keys(refused.body.fields)).toEqual(['is_default']);

    const back = await t.api.patch(`/registers/${mainId}`, { is_default: true, name: 'Main till' }, token(manager));
    expect(back.body).toMatchObject({ id: mainId, is_default: true });
    expect((await t.api.patch('/registers/999999', { name: 'Ghost' }, token(manager))).status).toBe(404);

    const audit = await t.api.get('/audit-log?limit=200', token(owner));
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['register.created', 'register.updated']));
  });

  it('opens one session per register (409 session_open), and names an unknown register', async () => {
    const registerId = await newRegister();
    const res = await t.api.post('/cash-sessions', { register_id: registerId, opening_float_cents: 5_000 }, token(cashier));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      register_id: registerId,
      status: 'open',
      opened_by: cashier.id,
      opened_at: expect.any(String),
      opening_float_cents: 5_000,
      expected_cash_cents: 5_000,
      closed_by: null,
      closed_at: null,
      counted_cash_cents: null,
      variance_cents: null,
      note: null,
    });
    const second = await t.api.post('/cash-sessions', { register_id: registerId, opening_float_cents: 0 }, token(cashier2));
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('session_open');
    const registers = await t.api.get('/registers', token(cashier));
    expect(registers.body.find((r: { id: number }) => r.id === registerId).open_session_id).toBe(res.body.id);

    const unknown = await t.api.post('/cash-sessions', { register_id: 999_999, opening_float_cents: 0 }, token(cashier));
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.fields)).toEqual(['register_id']);
    const negative = await t.api.post('/cash-sessions', { register_id: registerId, opening_float_cents: -1 }, token(cashier));
    expect(negative.status).toBe(400);
  });

  it('records movements, closes with the expected cash and variance, and then refuses both (409 invalid_state)', async () => {
    const registerId = await newRegister();
    const id = await open(cashier, registerId, 10_000);
    const topUp = await t.api.post(
      `/cash-sessions/${id}/movements`,
      { type: 'in', amount_cents: 2_000, reason: 'Float top-up' },
      token(cashier),
    );
    expect(topUp.status).toBe(201);
    expect(topUp.body).toEqual({
      id: expect.any(Number),
      cash_session_id: id,
      type: 'in',
      amount_cents: 2_000,
      reason: 'Float top-up',
      user_id: cashier.id,
      created_at: expect.any(String),
    });
    expect(
      (await t.api.post(`/cash-sessions/${id}/movements`, { type: 'out', amount_cents: 5_000, reason: 'Safe drop' }, token(cashier)))
        .status,
    ).toBe(201);
    for (const bad of [
      { type: 'in', amount_cents: 0, reason: 'zero' },
      { type: 'in', amount_cents: 100, reason: '' },
      { type: 'in', amount_cents: 100, reason: 'x'.repeat(201) },
      { type: 'sideways', amount_cents: 100, reason: 'no' },
    ]) {
      expect((await t.api.post(`/cash-sessions/${id}/movements`, bad, token(cashier))).status).toBe(400);
    }

    // A cash sale of 12.00 paid with 20.00 (change 8.00), a card sale, and a cash refund of 3.00.
    const cashSale = await sell(cashier, registerId, 1_200, [{ method: 'cash', amount_cents: 1_200, tendered_cents: 2_000 }]);
    const cardSale = await sell(cashier, registerId, 600, [{ method: 'card', amount_cents: 600 }]);
    expect(cardSale.receipt_no).toBe(cashSale.receipt_no + 1);
    expect(
      db.prepare('SELECT method, amount_cents, tendered_cents, change_cents FROM payments WHERE cash_session_id = ? ORDER BY id').all(id),
    ).toEqual([
      { method: 'cash', amount_cents: 1_200, tendered_cents: 2_000, change_cents: 800 },
      { method: 'card', amount_cents: 600, tendered_cents: 600, change_cents: 0 },
    ]);
    writeCashRefund(db, { orderId: cashSale.id, sessionId: id, registerId, userId: cashier.id, receiptNo: 900_003, total: 300 });

    // 10,000 + 1,200 − 300 + 2,000 − 5,000
    const expected = 7_900;
    expect((await t.api.get(`/cash-sessions/${id}`, token(cashier))).body.expected_cash_cents).toBe(expected);

    const closed = await t.api.post(`/cash-sessions/${id}/close`, { counted_cash_cents: 7_850, note: 'Short a coin roll' }, token(cashier));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closed_by: cashier.id,
      counted_cash_cents: 7_850,
      expected_cash_cents: expected,
      variance_cents: -50,
      note: 'Short a coin roll',
    });
    expect(closed.body.closed_at).toEqual(expect.any(String));

    const again = await t.api.post(`/cash-sessions/${id}/close`, { counted_cash_cents: 7_900 }, token(cashier));
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('invalid_state');
    const late = await t.api.post(`/cash-sessions/${id}/movements`, { type: 'in', amount_cents: 100, reason: 'late' }, token(cashier));
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('invalid_state');
    // Its register sells nothing more until a drawer is opened again.
    const orders = Number(db.prepare('SELECT count(*) FROM orders').pluck().get());
    const product = await t.api.post(
      '/products',
      { sku: uniqueName('CS').toUpperCase(), name: 'Late', price_cents: 100, stock: 1 },
      token(manager),
    );
    const closedTill = await t.api.post(
      '/orders',
      {
        items: [{ product_id: product.body.id, amount: 1 }],
        complete: true,
        register_id: registerId,
        payments: [{ method: 'cash', amount_cents: 100 }],
      },
      token(cashier),
    );
    expect(closedTill.status, JSON.stringify(closedTill.body)).toBe(409);
    expect(closedTill.body.error).toBe('no_open_session');
    expect(Number(db.prepare('SELECT count(*) FROM orders').pluck().get())).toBe(orders);

    // Frozen: a row that appears later (a repair, a bug) does not move a closed session's expected cash.
    writeSale(db, {
      sessionId: id,
      registerId,
      userId: cashier.id,
      receiptNo: 900_004,
      subtotal: 100,
      tax: 0,
      taxRateId,
      payments: [{ method: 'cash', amount: 100, tendered: 100 }],
    });
    expect((await t.api.get(`/cash-sessions/${id}`, token(cashier))).body.expected_cash_cents).toBe(expected);
    db.prepare('DELETE FROM payments WHERE order_id = (SELECT id FROM orders WHERE receipt_no = 900004)').run();
    db.prepare('DELETE FROM order_taxes WHERE order_id = (SELECT id FROM orders WHERE receipt_no = 900004)').run();
    db.prepare('DELETE FROM orders WHERE receipt_no = 900004').run();

    const audit = await t.api.get('/audit-log?limit=200', token(owner));
    expect(audit.body.map((e: { action: string }) => e.action)).toContain('cash_session.closed');
  });

  it('needs a manager to close beyond the variance limit: 403 approval_required for a cashier or attendant', async () => {
    const registerId = await newRegister();
    const id = await open(cashier, registerId, 10_000);
    // The shop's default limit is 500 cents: 501 over is beyond it, 500 is not.
    const refused = await t.api.post(`/cash-sessions/${id}/close`, { counted_cash_cents: 10_501 }, token(cashier));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('approval_required');
    expect((await t.api.get(`/cash-sessions/${id}`, token(cashier))).body.status).toBe('open');

    const attendantRegister = await newRegister();
    const attendantSession = await open(attendant, attendantRegister, 0);
    const short = await t.api.post(`/cash-sessions/${attendantSession}/close`, { counted_cash_cents: 0 }, token(attendant));
    expect(short.status).toBe(200);
    const other = await open(attendant, attendantRegister, 1_000);
    expect((await t.api.post(`/cash-sessions/${other}/close`, { counted_cash_cents: 400 }, token(attendant))).body.error).toBe(
      'approval_required',
    );

    const byManager = await t.api.post(`/cash-sessions/${id}/close`, { counted_cash_cents: 10_501 }, token(manager));
    expect(byManager.status).toBe(200);
    expect(byManager.body).toMatchObject({ status: 'closed', closed_by: manager.id, variance_cents: 501, expected_cash_cents: 10_000 });

    const atLimit = await open(cashier, registerId, 1_000);
    expect((await t.api.post(`/cash-sessions/${atLimit}/close`, { counted_cash_cents: 500 }, token(cashier))).status).toBe(200);
  });

  it('lets managers see every session and other staff only the ones they opened (another’s is 404)', async () => {
    const registerId = await newRegister();
    const mine = await open(cashier2, registerId, 0);
    const notFound = { error: 'not_found', message: 'No CashSession matches the given query.' };
    for (const path of [`/cash-sessions/${mine}`, `/cash-sessions/${mine}/report`]) {
      const res = await t.api.get(path, token(cashier));
      expect(res.status).toBe(404);
      expect(res.body).toEqual(notFound);
    }
    const move = await t.api.post(`/cash-sessions/${mine}/movements`, { type: 'in', amount_cents: 1, reason: 'x' }, token(cashier));
    expect(move.status).toBe(404);
    expect((await t.api.post(`/cash-sessions/${mine}/close`, { counted_cash_cents: 0 }, token(attendant))).status).toBe(404);
    expect((await t.api.get(`/cash-sessions/${mine}`, token(manager))).status).toBe(200);

    const cashierList = await t.api.get('/cash-sessions?limit=200', token(cashier));
    expect(cashierList.status).toBe(200);
    expect(cashierList.body.length).toBeGreaterThan(0);
    expect(cashierList.body.every((s: { opened_by: number }) => s.opened_by === cashier.id)).toBe(true);
    const managerList = await t.api.get(`/cash-sessions?register_id=${registerId}&status=open`, token(manager));
    expect(managerList.body.map((s: { id: number }) => s.id)).toEqual([mine]);
    const today = await t.api.get('/cash-sessions?status=closed&limit=1', token(owner));
    expect(today.body).toHaveLength(1);
    expect(today.headers.get('link')).toMatch(/rel="next"/);
    const future = await t.api.get('/cash-sessions?from=2999-01-01', token(owner));
    expect(future.body).toEqual([]);
    expect((await t.api.get('/cash-sessions', token(await customer()))).status).toBe(403);
  });

  async function customer(): Promise<SignedIn> {
    const username = uniqueName('cust');
    const res = await t.api.post('/auth/register', { username, password: PASSWORDS.customer });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return signIn(t.api, username, PASSWORDS.customer);
  }

  it('reports from the session’s own rows (X while open, Z once closed), and a Z report never changes', async () => {
    const registerId = await newRegister();
    const id = await open(cashier, registerId, 5_000);
    const empty = await t.api.get(`/cash-sessions/${id}/report`, token(cashier));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      session: expect.objectContaining({ id, status: 'open' }),
      sales: { count: 0, subtotal_cents: 0, discount_cents: 0, tax_cents: 0, total_cents: 0 },
      refunds: { count: 0, total_cents: 0, tax_cents: 0 },
      taxes: [],
      tenders: [],
      refund_tenders: [],
      cash: { opening_float_cents: 5_000, sales_cents: 0, refunds_cents: 0, in_cents: 0, out_cents: 0, expected_cents: 5_000 },
      cashiers: [],
      first_receipt_no: null,
      last_receipt_no: null,
    });

    // A real sale of 12.00, split: 7.00 cash (10.00 tendered) and 5.00 by card.
    const split = await sell(cashier, registerId, 1_200, [
      { method: 'cash', amount_cents: 700, tendered_cents: 1_000 },
      { method: 'card', amount_cents: 500 },
    ]);
    // A taxed sale of 12.00 by card (20 % included: 2.00), and a cash refund of half of it.
    const taxedId = writeSale(db, {
      sessionId: id,
      registerId,
      userId: cashier.id,
      receiptNo: 800_001,
      subtotal: 1_200,
      tax: 200,
      taxRateId,
      payments: [{ method: 'card', amount: 1_200, tendered: 1_200 }],
    });
    writeCashRefund(db, {
      orderId: taxedId,
      sessionId: id,
      registerId,
      userId: cashier.id,
      receiptNo: 800_002,
      total: 600,
      tax: { cents: 100, taxRateId },
    });
    await t.api.post(`/cash-sessions/${id}/movements`, { type: 'out', amount_cents: 100, reason: 'Stamps' }, token(cashier));

    const x = await t.api.get(`/cash-sessions/${id}/report`, token(cashier));
    expect(x.body).toEqual({
      session: expect.objectContaining({ id, status: 'open', expected_cash_cents: 5_000 }),
      sales: { count: 2, subtotal_cents: 2_400, discount_cents: 0, tax_cents: 200, total_cents: 2_400 },
      refunds: { count: 1, total_cents: 600, tax_cents: 100 },
      // 1,000 taxable sold, 500 of it refunded.
      taxes: [{ rate_bp: 2000, taxable_cents: 500, tax_cents: 100 }],
      tenders: [
        { method: 'card', count: 2, amount_cents: 1_700 },
        { method: 'cash', count: 1, amount_cents: 700 },
      ],
      refund_tenders: [{ method: 'cash', count: 1, amount_cents: 600 }],
      // 5,000 + 700 − 600 − 100
      cash: { opening_float_cents: 5_000, sales_cents: 700, refunds_cents: 600, in_cents: 0, out_cents: 100, expected_cents: 5_000 },
      cashiers: [{ user_id: cashier.id, name: 'Test cashier', count: 2, total_cents: 2_400 }],
      first_receipt_no: split.receipt_no,
      last_receipt_no: 800_002,
    });

    await t.api.post(`/cash-sessions/${id}/close`, { counted_cash_cents: 5_000 }, token(cashier));
    const z = await t.api.get(`/cash-sessions/${id}/report`, token(cashier));
    expect(z.body.session).toMatchObject({ status: 'closed', variance_cents: 0 });
    expect({ ...z.body, session: undefined }).toEqual({ ...x.body, session: undefined });

    // More activity elsewhere: another register's session, its sales and movements, the same day.
    const otherRegister = await newRegister();
    const elsewhere = await open(cashier, otherRegister, 1_000);
    const other = await sell(cashier, otherRegister, 900, [{ method: 'cash', amount_cents: 900, tendered_cents: 900 }]);
    expect(other.receipt_no).toBe(split.receipt_no + 1);
    await t.api.post(`/cash-sessions/${elsewhere}/movements`, { type: 'in', amount_cents: 250, reason: 'Float top-up' }, token(cashier));
    expect((await t.api.get(`/cash-sessions/${id}/report`, token(manager))).body).toEqual(z.body);
  });

  it('serves the same rules over tRPC', async () => {
    const session = createMemorySession(t.core.services);
    const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: 'window:cash' });
    await caller.auth.login({ username: cashier.username, password: cashier.password });
    const registerId = await newRegister();
    const opened = await caller.cashSessions.open({ register_id: registerId, opening_float_cents: 2_500 });
    expect(opened).toMatchObject({ register_id: registerId, status: 'open', opened_by: cashier.id, expected_cash_cents: 2_500 });
    await expect(caller.cashSessions.open({ register_id: registerId, opening_float_cents: 0 })).rejects.toMatchObject({
      cause: { error: 'session_open' },
    });
  });
});
