import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import type { SwitchRosterEntry } from '../../shared/schemas/pins';
import { addDays, shopDate } from '../../shared/shop-date';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/*
 * The quick-switch roster (docs/api.md, "Staff PINs and approvals"): who is on shift, shown at
 * the till before anyone signs in. The shop is in Berlin; the planned cases go through the
 * service with a chosen `now` (January: Berlin is UTC+1), the device rule over HTTP and tRPC.
 */
describe('the quick-switch roster', () => {
  const ZONE = 'Europe/Berlin';
  const DAY = '2031-01-15';
  const NOW = Date.parse(`${DAY}T03:00:00+01:00`);
  let t: TestCore;
  let owner: SignedIn;
  let manager: SignedIn;
  const people: Record<string, SignedIn> = {};
  const token = (user: SignedIn) => ({ token: user.access });
  const roster = (now?: number) => t.core.services.switchRoster({ kind: 'trusted' }, now);
  const ids = (items: SwitchRosterEntry[]) => items.map((entry) => entry.id);
  const person = (key: string): SignedIn => {
    const user = people[key];
    if (!user) throw new Error(`no ${key}`);
    return user;
  };

  async function plan(worker: SignedIn, date: string, start: string, end: string) {
    const res = await t.api.put(`/users/${worker.id}/working-times/${date}`, { start_time: start, end_time: end }, token(manager));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    expect((await t.api.patch('/shop', { time_zone: ZONE }, token(owner))).status).toBe(200);
    manager = await createSignedInUser(t.api, owner, 'manager', { first_name: 'Mona', last_name: 'Manning' });
    const staff = [
      ['today', 'cashier', 'Bea', 'Baker'],
      ['todayToo', 'attendant', 'Ada', 'Zorn'],
      ['todayThree', 'cashier', 'Ada', 'Abel'],
      ['nightRunning', 'cashier', 'Cleo', 'Night'],
      ['nightOver', 'cashier', 'Dora', 'Done'],
      ['yesterdayDay', 'attendant', 'Eve', 'Early'],
      ['tomorrow', 'cashier', 'Fay', 'Later'],
      ['deactivated', 'cashier', 'Gus', 'Gone'],
      ['clockedIn', 'attendant', 'Hal', 'Inside'],
      ['todayReal', 'cashier', 'Ivy', 'Now'],
    ] as const;
    const created = await Promise.all(
      staff.map(([, role, first_name, last_name]) => createSignedInUser(t.api, manager, role, { first_name, last_name })),
    );
    staff.forEach(([key], index) => {
      const user = created[index];
      if (user) people[key] = user;
    });
    await plan(person('today'), DAY, '09:00', '17:00');
    await plan(person('todayToo'), DAY, '12:00', '20:00');
    await plan(person('todayThree'), DAY, '10:00', '18:00');
    await plan(person('nightRunning'), addDays(DAY, -1), '22:00', '06:00');
    await plan(person('nightOver'), addDays(DAY, -1), '20:00', '02:00');
    await plan(person('yesterdayDay'), addDays(DAY, -1), '08:00', '16:00');
    await plan(person('tomorrow'), addDays(DAY, 1), '09:00', '17:00');
    await plan(person('deactivated'), DAY, '09:00', '17:00');
    await plan(person('todayReal'), shopDate(Date.now(), ZONE), '00:00', '23:59');
    const off = await t.api.patch(`/users/${person('deactivated').id}`, { is_active: false }, token(manager));
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect((await t.api.post('/me/clock-in', {}, token(person('clockedIn')))).status).toBe(201);
    expect((await t.api.put('/me/pin', { password: person('today').password, pin: '2580' }, token(person('today')))).status).toBe(204);
    const username = uniqueName('cust');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
  }, 90_000);
  afterAll(() => t.stop());

  it('lists who is planned today and who is still on last night’s shift, with the planned times, by first and last name', () => {
    const { items } = roster(NOW);
    const byId = new Map(items.map((entry) => [entry.id, entry]));
    expect(byId.get(person('today').id)).toEqual({
      id: person('today').id,
      username: person('today').username,
      first_name: 'Bea',
      last_name: 'Baker',
      role: 'cashier',
      has_pin: true,
      planned: { start_time: '09:00', end_time: '17:00' },
      clocked_in: false,
    });
    expect(byId.get(person('todayToo').id)).toMatchObject({ role: 'attendant', has_pin: false, planned: { start_time: '12:00' } });
    expect(byId.get(person('nightRunning').id)).toMatchObject({ planned: { start_time: '22:00', end_time: '06:00' }, clocked_in: false });
    expect(ids(items)).toEqual([
      person('todayThree').id,
      person('todayToo').id,
      person('today').id,
      person('nightRunning').id,
      person('clockedIn').id,
    ]);
  });

  it('lists who is clocked in without a plan (planned null, clocked_in true)', () => {
    const entry = roster(NOW).items.find((item) => item.id === person('clockedIn').id);
    expect(entry).toMatchObject({ first_name: 'Hal', planned: null, clocked_in: true });
  });

  it('leaves out other days, a finished overnight shift, the deactivated, customers and staff off shift', () => {
    const listed = ids(roster(NOW).items);
    for (const key of ['nightOver', 'yesterdayDay', 'tomorrow', 'deactivated']) expect(listed, key).not.toContain(person(key).id);
    expect(listed).not.toContain(owner.id);
    expect(listed).not.toContain(manager.id);
    // At 07:00 last night's shift is over.
    expect(ids(roster(NOW + 4 * 3_600_000).items)).not.toContain(person('nightRunning').id);
  });

  it('GET /auth/pin-roster needs no token from loopback, and the desktop window’s tRPC gives the same list', async () => {
    const res = await t.api.get('/auth/pin-roster');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body)).toEqual(['items']);
    const listed = ids(res.body.items);
    expect(listed).toEqual(expect.arrayContaining([person('todayReal').id, person('clockedIn').id]));
    expect(JSON.stringify(res.body)).not.toMatch(/pin_hash|pinHash|\$2[aby]\$|2580/);

    const caller = appRouter.createCaller({
      services: t.core.services,
      session: createMemorySession(t.core.services),
      fromLoopback: true,
      clientKey: 'window:roster',
    });
    expect(await caller.auth.switchRoster()).toEqual(res.body);
  });

  it('a terminal with its register’s device token sees the roster; a wrong token or another computer is 403 forbidden', async () => {
    const register = await t.api.post('/registers', { name: uniqueName('Till ') }, token(manager));
    expect(register.status, JSON.stringify(register.body)).toBe(201);
    const issued = await t.api.post(`/registers/${register.body.id}/device-token`, {}, token(manager));
    const deviceToken: string = issued.body.device_token;
    const withToken = await t.api.get('/auth/pin-roster', { headers: { 'x-device-token': deviceToken } });
    expect(withToken.status, JSON.stringify(withToken.body)).toBe(200);
    expect(ids(withToken.body.items)).toContain(person('clockedIn').id);

    for (const wrong of ['not-a-device-token', '']) {
      const refused = await t.api.get('/auth/pin-roster', { headers: { 'x-device-token': wrong } });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('forbidden');
    }
    expect(() => t.core.services.switchRoster({ kind: 'untrusted' })).toThrow(expect.objectContaining({ error: 'forbidden' }));
    const elsewhere = appRouter.createCaller({
      services: t.core.services,
      session: createMemorySession(t.core.services),
      fromLoopback: false,
      clientKey: 'web:elsewhere',
    });
    await expect(elsewhere.auth.switchRoster()).rejects.toMatchObject({ cause: { error: 'forbidden' } });
  });
});
