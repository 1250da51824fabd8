import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUser, openDrawer, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * "The Z report of a closed session is identical forever" (issue 11): the report is kept as it
 * stood at the close, so renaming the cashier, the product or the register later changes nothing
 * on it, while the X report of an open session follows the live rows.
 */
describe('a closed session’s Z report', () => {
  let t: TestCore;
  let owner: SignedIn;
  let cashier: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    cashier = await createSignedInUser(t.api, owner, 'cashier');
  }, 60_000);
  afterAll(() => t.stop());

  it('stays the same after the cashier, the product and the register are renamed', async () => {
    const product = await t.api.post(
      '/products',
      { sku: uniqueName('ZR').toUpperCase(), name: 'Lemonade', price_cents: 250, stock: 10 },
      { token: owner.access },
    );
    const { registerId, sessionId } = await openDrawer(t.api, cashier, { floatCents: 1_000 });
    const sale = await t.api.post(
      '/orders',
      {
        items: [{ product_id: product.body.id, amount: 2 }],
        complete: true,
        register_id: registerId,
        payments: [{ method: 'cash', amount_cents: 500, tendered_cents: 1_000 }],
      },
      { token: cashier.access },
    );
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    const closed = await t.api.post(`/cash-sessions/${sessionId}/close`, { counted_cash_cents: 1_500 }, { token: cashier.access });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const atClose = await t.api.get(`/cash-sessions/${sessionId}/report`, { token: owner.access });
    expect(atClose.body.cashiers).toEqual([{ user_id: cashier.id, name: 'Test cashier', count: 1, total_cents: 500 }]);
    expect(atClose.body.cash.expected_cents).toBe(1_500);

    const renamed = await t.api.patch(`/users/${cashier.id}`, { first_name: 'Renamed' }, { token: owner.access });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    await t.api.patch(`/products/${product.body.id}`, { name: 'Orangeade' }, { token: owner.access });
    await t.api.patch(`/registers/${registerId}`, { name: 'Front till' }, { token: owner.access });

    const later = await t.api.get(`/cash-sessions/${sessionId}/report`, { token: owner.access });
    expect(later.status).toBe(200);
    expect(later.body).toEqual(atClose.body);

    // The next session's X report names the cashier as they are called now.
    const next = await openDrawer(t.api, cashier, { registerId });
    await t.api.post(
      '/orders',
      { items: [{ product_id: product.body.id, amount: 1 }], complete: true, register_id: registerId },
      { token: cashier.access },
    );
    const running = await t.api.get(`/cash-sessions/${next.sessionId}/report`, { token: owner.access });
    expect(running.body.cashiers[0].name).toBe('Renamed cashier');
  });
});
