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

    // Every demo account signs in at once, without a forced change.
    const carl = await signIn(t.api, 'carl', DEMO_PASSWORDS.cashier);
    expect(carl.access).toBeTruthy();
  });
});
