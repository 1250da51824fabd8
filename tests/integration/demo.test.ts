import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, seedDemoShop } from '../../electron/core/demo/seed-demo';
import { signIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

describe('the demo shop (npm run serve -- --demo)', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
  });
  afterAll(() => t.stop());

  it('fills an empty shop with staff, shifts, a catalog and a month of sales, and only once', async () => {
    expect(await seedDemoShop(t.core.services)).toBe(true);
    expect(await seedDemoShop(t.core.services)).toBe(false);

    const owner = await signIn(t.api, 'owner', DEMO_PASSWORDS.super_admin);
    const staff = await t.api.get('/users?limit=200', { token: owner.access });
    expect(staff.body.map((u: { role: string }) => u.role).sort()).toEqual([
      'attendant',
      'attendant',
      'cashier',
      'cashier',
      'cashier',
      'customer',
      'manager',
      'manager',
      'super_admin',
    ]);

    const maria = await signIn(t.api, 'maria', DEMO_PASSWORDS.manager);
    const me = await t.api.get('/me', { token: maria.access });
    expect(me.body.workers.map((w: { username: string }) => w.username).sort()).toEqual(['anna', 'carl', 'chloe']);
    expect(me.body.workers.every((w: { working_times: unknown[] }) => w.working_times.length > 0)).toBe(true);

    const products = await t.api.get('/products?limit=200', { token: owner.access });
    expect(products.body.length).toBeGreaterThanOrEqual(20);
    const orders = await t.api.get('/orders?status=completed&limit=200', { token: owner.access });
    expect(orders.body.length).toBeGreaterThan(30);

    // Two tills; every past day of the main till closed with its Z report, today's drawers open.
    const registers = await t.api.get('/registers', { token: owner.access });
    expect(registers.body.map((r: { name: string }) => r.name).sort()).toEqual(['Express till', 'Main till']);
    expect(registers.body.every((r: { open_session_id: number | null }) => r.open_session_id !== null)).toBe(true);
    const main = registers.body.find((r: { is_default: boolean }) => r.is_default);
    const closed = await t.api.get(`/cash-sessions?register_id=${main.id}&status=closed&limit=100`, { token: maria.access });
    expect(closed.body.length).toBe(29);
    const reports = await Promise.all(
      closed.body.map((s: { id: number }) => t.api.get(`/cash-sessions/${s.id}/report`, { token: maria.access })),
    );
    for (const { body: z } of reports) {
      const cash = z.cash;
      expect(cash.expected_cents).toBe(cash.opening_float_cents + cash.sales_cents - cash.refunds_cents + cash.in_cents - cash.out_cents);
      expect(z.session.variance_cents).toBe(z.session.counted_cash_cents - cash.expected_cents);
    }
    expect(reports.some(({ body: z }) => z.session.variance_cents !== 0)).toBe(true);
    expect(
      orders.body.every((o: { receipt_no: number | null; payments: unknown[] }) => o.receipt_no !== null && o.payments.length > 0),
    ).toBe(true);

    // Every demo account signs in at once, without a forced change.
    const carl = await signIn(t.api, 'carl', DEMO_PASSWORDS.cashier);
    expect(carl.access).toBeTruthy();
  });
});
