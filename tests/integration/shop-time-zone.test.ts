import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopDate } from '../../shared/shop-date';
import { createSignedInUser, openDrawer, setupOwner, type SignedIn } from '../helpers/scenarios';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * API-SELLING.md, "Shop settings": "Shop dates and reports use the time zone." The shop's
 * `time_zone` decides which day a sale near midnight belongs to, for `GET /orders?from=&to=`,
 * the dashboard and the cash sessions, and a PATCH of it takes effect at the next call.
 */

// 22:30 UTC on Sunday 29 March 2026: 00:30 on the 30th in Berlin (summer time began that
// night), still 18:30 on the 29th in New York, 04:00 on the 30th in Kolkata.
const NEAR_MIDNIGHT = Date.UTC(2026, 2, 29, 22, 30);
// Berlin's midnight that began the 29th (still winter time, +01:00).
const BERLIN_START_OF_29TH = Date.UTC(2026, 2, 28, 23, 0);

describe('the shop’s time zone', () => {
  let t: TestCore;
  let owner: SignedIn;
  let cashier: SignedIn;
  const ids = { nearMidnight: 0, startOf29th: 0 };

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    const manager = await createSignedInUser(t.api, owner, 'manager');
    cashier = await createSignedInUser(t.api, manager, 'cashier');
    await openDrawer(t.api, cashier);
    const product = await t.api.post(
      '/products',
      { name: 'Late milk', sku: 'LATE-1', price_cents: 150, stock: 10 },
      { token: owner.access },
    );
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const actor = await t.core.services.auth.authenticate(cashier.access);
    // Sales at chosen instants: the service takes the clock as an argument.
    for (const [name, when] of [
      ['nearMidnight', NEAR_MIDNIGHT],
      ['startOf29th', BERLIN_START_OF_29TH],
    ] as const) {
      const placed = await t.core.services.orders.create(
        actor,
        { items: [{ product_id: product.body.id, amount: 1 }], complete: true },
        {},
        when,
      );
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      ids[name] = (placed.body as { id: number }).id;
    }
  }, 60_000);
  afterAll(() => t.stop());

  const setZone = async (time_zone: string) => {
    const res = await t.api.patch('/shop', { time_zone }, { token: owner.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.time_zone).toBe(time_zone);
  };
  const ordersOn = async (from: string, to = from): Promise<number[]> => {
    const res = await t.api.get(`/orders?user_id=${cashier.id}&limit=200&from=${from}&to=${to}`, { token: owner.access });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as { id: number }[]).map((o) => o.id).sort((a, b) => a - b);
  };

  it('puts a sale near midnight on the shop date of the zone the owner sets', async () => {
    await setZone('Europe/Berlin');
    expect(await ordersOn('2026-03-30')).toEqual([ids.nearMidnight]);
    expect(await ordersOn('2026-03-29')).toEqual([ids.startOf29th]);
    expect(await ordersOn('2026-03-28')).toEqual([]);

    await setZone('America/New_York');
    expect(await ordersOn('2026-03-30')).toEqual([]);
    expect(await ordersOn('2026-03-29')).toEqual([ids.nearMidnight]);
    // 23:00 UTC on the 28th is 19:00 there.
    expect(await ordersOn('2026-03-28')).toEqual([ids.startOf29th]);

    await setZone('Asia/Kolkata');
    expect(await ordersOn('2026-03-30')).toEqual([ids.nearMidnight]);
    expect(await ordersOn('2026-03-29', '2026-03-30')).toEqual([ids.nearMidnight, ids.startOf29th].sort((a, b) => a - b));

    await setZone('UTC');
    expect(await ordersOn('2026-03-29')).toEqual([ids.nearMidnight]);
    expect(await ordersOn('2026-03-28')).toEqual([ids.startOf29th]);
  });

  it('counts the dashboard’s days and hours in the shop’s zone', async () => {
    const actor = await t.core.services.auth.authenticate(owner.access);
    const morningAfter = new Date(Date.UTC(2026, 2, 30, 8, 0));
    const dayOf = (summary: ReturnType<typeof t.core.services.salesStats.summary>, date: string) =>
      summary.last_30_days.find((d) => d.date === date);

    await setZone('Europe/Berlin');
    const berlin = t.core.services.salesStats.summary(actor, morningAfter);
    expect(berlin.today.orders).toBe(1);
    expect(berlin.today.by_hour[0]).toEqual({ hour: 0, orders: 1, total_cents: 150 });
    expect(dayOf(berlin, '2026-03-29')).toEqual({ date: '2026-03-29', orders: 1, total_cents: 150 });
    expect(berlin.last_30_days.at(-1)).toEqual({ date: '2026-03-30', orders: 1, total_cents: 150 });

    await setZone('America/New_York');
    const newYork = t.core.services.salesStats.summary(actor, morningAfter);
    expect(newYork.today).toMatchObject({ orders: 0, total_cents: 0 });
    expect(dayOf(newYork, '2026-03-29')).toEqual({ date: '2026-03-29', orders: 1, total_cents: 150 });
    expect(dayOf(newYork, '2026-03-28')).toEqual({ date: '2026-03-28', orders: 1, total_cents: 150 });
    expect(newYork.by_cashier).toEqual([expect.objectContaining({ user_id: cashier.id, orders: 2, total_cents: 300 })]);
  });

  it('lists cash sessions by the shop date of their opening in the zone', async () => {
    const sessions = await t.api.get('/cash-sessions?limit=1', { token: owner.access });
    const session = (sessions.body as { id: number; opened_at: string }[])[0];
    if (!session) throw new Error('no cash session');
    const opened = Date.parse(session.opened_at);
    // 25 hours apart: the same instant is on different dates there, whenever the test runs.
    const ahead = 'Pacific/Kiritimati';
    const behind = 'Pacific/Pago_Pago';
    const on = async (date: string) => {
      const res = await t.api.get(`/cash-sessions?from=${date}&to=${date}`, { token: owner.access });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body as { id: number }[]).map((s) => s.id);
    };
    await setZone(ahead);
    expect(await on(shopDate(opened, ahead))).toEqual([session.id]);
    expect(await on(shopDate(opened, behind))).toEqual([]);
    await setZone(behind);
    expect(await on(shopDate(opened, behind))).toEqual([session.id]);
    expect(await on(shopDate(opened, ahead))).toEqual([]);
  });
});
