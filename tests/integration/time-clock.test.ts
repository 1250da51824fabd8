import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/core/actor';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import type { TimeEntryDto } from '../../shared/schemas/time-entries';
import { shopDate } from '../../shared/shop-date';
import { createSignedInUser, setupOwner, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/*
 * Clock-in and clock-out (API-SELLING.md, Clock-in; docs/api.md): over HTTP, with the shop in
 * Berlin. Entries at chosen instants go through the service with an injected `now`, then are read
 * back over HTTP. January: Berlin is UTC+1 all month.
 */
describe('clock-in, clock-out and time entries', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;
  let m2: SignedIn;
  let a1: SignedIn;
  let c2: SignedIn;
  let customer: SignedIn;
  const auth = (user: SignedIn) => ({ token: user.access });
  const actorOf = (user: SignedIn): Promise<Actor> => t.core.services.auth.authenticate(user.access);
  const at = (local: string) => Date.parse(`${local}+01:00`);

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    const zone = await t.api.patch('/shop', { time_zone: 'Europe/Berlin' }, auth(owner));
    expect(zone.status, JSON.stringify(zone.body)).toBe(200);
    [m1, m2] = await Promise.all([createSignedInUser(t.api, owner, 'manager'), createSignedInUser(t.api, owner, 'manager')]);
    [a1, c2] = await Promise.all([createSignedInUser(t.api, m1, 'attendant'), createSignedInUser(t.api, m2, 'cashier')]);
    const username = uniqueName('cust');
    expect((await t.api.post('/auth/register', { username, password: PASSWORDS.customer })).status).toBe(201);
    const login = await t.api.post('/auth/login', { username, password: PASSWORDS.customer });
    customer = { id: login.body.user.id, username, password: PASSWORDS.customer, access: login.body.access, refresh: login.body.refresh };
  }, 60_000);
  afterAll(() => t.stop());

  async function plan(manager: SignedIn, worker: SignedIn, date: string, start: string, end: string) {
    const res = await t.api.put(`/users/${worker.id}/working-times/${date}`, { start_time: start, end_time: end }, auth(manager));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  /** One finished entry at chosen instants, as the worker's own clock-in and clock-out. */
  async function worked(worker: SignedIn, clockIn: number, clockOut: number): Promise<TimeEntryDto> {
    const actor = await actorOf(worker);
    t.core.services.timeClock.clockIn(actor, clockIn);
    return t.core.services.timeClock.clockOut(actor, clockOut);
  }

  it('clocks in (201) and out (200); twice either way is 409 invalid_state; customers are refused', async () => {
    const clockedIn = await t.api.post('/me/clock-in', {}, auth(c2));
    expect(clockedIn.status, JSON.stringify(clockedIn.body)).toBe(201);
    expect(clockedIn.body).toMatchObject({ user_id: c2.id, clock_out: null, worked_minutes: null, planned: null });
    const again = await t.api.post('/me/clock-in', {}, auth(c2));
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('invalid_state');

    const out = await t.api.post('/me/clock-out', {}, auth(c2));
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.id).toBe(clockedIn.body.id);
    expect(out.body.worked_minutes).toBe(0);
    expect(Date.parse(out.body.clock_out)).toBeGreaterThanOrEqual(Date.parse(out.body.clock_in));
    const outAgain = await t.api.post('/me/clock-out', {}, auth(c2));
    expect(outAgain.status).toBe(409);
    expect(outAgain.body.error).toBe('invalid_state');

    for (const path of ['/me/clock-in', '/me/clock-out']) {
      const refused = await t.api.post(path, {}, auth(customer));
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('forbidden');
    }
  });

  it('clocks in and out with no body at all, as a terminal button would', async () => {
    const clockedIn = await t.api.post('/me/clock-in', undefined, auth(c2));
    expect(clockedIn.status, JSON.stringify(clockedIn.body)).toBe(201);
    const out = await t.api.post('/me/clock-out', undefined, auth(c2));
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect(out.body.id).toBe(clockedIn.body.id);
  });

  it('lets only one of two simultaneous clock-ins through', async () => {
    const [first, second] = await Promise.all([t.api.post('/me/clock-in', {}, auth(m2)), t.api.post('/me/clock-in', {}, auth(m2))]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect((await t.api.post('/me/clock-out', {}, auth(m2))).status).toBe(200);
  });

  it('attaches the planned shift of the clock-in’s shop date, overnight included, and floors worked minutes', async () => {
    await plan(m1, a1, '2026-01-15', '22:00', '06:00');
    await plan(m1, a1, '2026-01-16', '09:00', '17:00');
    await plan(m1, a1, '2026-01-17', '10:00', '18:00');
    // 21:58:30 to 06:05:29 the next morning: 8 h 6 min 59 s.
    const overnight = await worked(a1, at('2026-01-15T21:58:30'), at('2026-01-16T06:05:29'));
    expect(overnight).toMatchObject({
      date: '2026-01-15',
      worked_minutes: 486,
      planned: { date: '2026-01-15', start_time: '22:00', end_time: '06:00', planned_minutes: 480 },
    });
    // 00:30 in Berlin is still the 16th in UTC: the shop's date counts.
    const early = await worked(a1, at('2026-01-17T00:30:00'), at('2026-01-17T00:59:59.999'));
    expect(early).toMatchObject({ date: '2026-01-17', worked_minutes: 29, planned: { date: '2026-01-17', planned_minutes: 480 } });

    const day15 = await t.api.get(`/users/${a1.id}/time-entries?from=2026-01-15&to=2026-01-15`, auth(a1));
    expect(day15.status, JSON.stringify(day15.body)).toBe(200);
    expect(day15.body).toEqual([overnight]);
    // The overnight entry belongs to the 15th, not to the morning it ended on.
    const day16 = await t.api.get(`/users/${a1.id}/time-entries?from=2026-01-16&to=2026-01-16`, auth(m1));
    expect(day16.body).toEqual([]);
    const both = await t.api.get(`/users/${a1.id}/time-entries?from=2026-01-15&to=2026-01-17`, auth(owner));
    expect((both.body as TimeEntryDto[]).map((e) => e.id)).toEqual([overnight.id, early.id]);
  });

  it('keeps entries to their reach: self, own manager and the Super Admin', async () => {
    const entry = await worked(c2, at('2026-01-20T09:00:00'), at('2026-01-20T12:00:00'));
    const range = 'from=2026-01-20&to=2026-01-20';
    expect((await t.api.get(`/users/${c2.id}/time-entries?${range}`, auth(c2))).body).toEqual([entry]);
    expect((await t.api.get(`/users/${c2.id}/time-entries?${range}`, auth(m2))).body).toEqual([entry]);
    expect((await t.api.get(`/users/${c2.id}/time-entries?${range}`, auth(owner))).body).toEqual([entry]);
    const otherManager = await t.api.get(`/users/${c2.id}/time-entries?${range}`, auth(m1));
    expect(otherManager.status).toBe(404);
    expect(otherManager.body.error).toBe('not_found');
    expect((await t.api.get(`/users/${c2.id}/time-entries?${range}`, auth(a1))).status).toBe(404);

    // The lists: a manager's workers only, the Super Admin everyone; workers have none.
    const wide = 'from=2026-01-01&to=2026-01-31';
    const mine = await t.api.get(`/time-entries?${wide}`, auth(m1));
    expect(mine.status).toBe(200);
    expect(new Set((mine.body as TimeEntryDto[]).map((e) => e.user_id))).toEqual(new Set([a1.id]));
    const all = await t.api.get(`/time-entries?${wide}`, auth(owner));
    expect(new Set((all.body as TimeEntryDto[]).map((e) => e.user_id))).toEqual(new Set([a1.id, c2.id]));
    const clockIns = (all.body as TimeEntryDto[]).map((e) => e.clock_in);
    expect(clockIns).toEqual([...clockIns].sort());
    expect((await t.api.get(`/time-entries?${wide}&user_id=${c2.id}`, auth(m1))).status).toBe(404);
    expect((await t.api.get(`/time-entries?${wide}&user_id=${c2.id}`, auth(m2))).body).toEqual([entry]);
    expect((await t.api.get(`/time-entries?${wide}`, auth(a1))).status).toBe(403);
    const backwards = await t.api.get('/time-entries?from=2026-01-31&to=2026-01-01', auth(owner));
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields).toHaveProperty('to');
  });

  it('defaults the range to this month up to today', async () => {
    const today = await t.api.get(`/users/${c2.id}/time-entries`, auth(c2));
    expect(today.status).toBe(200);
    // The entry clocked in over HTTP in the first test, today; none of January's.
    expect((today.body as TimeEntryDto[]).every((e) => !e.date.startsWith('2026-01-'))).toBe(true);
    expect((today.body as TimeEntryDto[]).length).toBeGreaterThanOrEqual(1);
  });

  it('lets the worker’s manager correct an entry with a reason, audited; others are refused', async () => {
    const entry = await worked(a1, at('2026-01-22T08:00:00'), at('2026-01-22T09:00:00'));
    const url = `/time-entries/${entry.id}`;
    const fixedOut = new Date(at('2026-01-22T16:30:00')).toISOString();

    const noReason = await t.api.patch(url, { clock_out: fixedOut }, auth(m1));
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toHaveProperty('reason');
    const longReason = await t.api.patch(url, { clock_out: fixedOut, reason: 'x'.repeat(201) }, auth(m1));
    expect(longReason.status).toBe(400);
    const reopen = await t.api.patch(url, { clock_out: null, reason: 'Reopen' }, auth(m1));
    expect(reopen.status).toBe(400);
    const backwards = await t.api.patch(url, { clock_out: new Date(at('2026-01-22T07:00:00')).toISOString(), reason: 'Typo' }, auth(m1));
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields).toHaveProperty('clock_out');
    // The 15th's overnight entry ends at 06:05 on the 16th: moving this one onto it is refused.
    const overlapping = await t.api.patch(
      url,
      { clock_in: new Date(at('2026-01-16T05:00:00')).toISOString(), reason: 'Wrong day' },
      auth(m1),
    );
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.fields).toHaveProperty('clock_in');

    const otherManager = await t.api.patch(url, { clock_out: fixedOut, reason: 'Forgot to clock out' }, auth(m2));
    expect(otherManager.status).toBe(404);
    expect(otherManager.body).toEqual({ error: 'not_found', message: 'No TimeEntry matches the given query.' });
    expect((await t.api.patch(url, { clock_out: fixedOut, reason: 'Mine' }, auth(a1))).status).toBe(403);

    const fixed = await t.api.patch(url, { clock_out: fixedOut, reason: ' Forgot to clock out ' }, auth(m1));
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ id: entry.id, clock_out: fixedOut, worked_minutes: 510 });

    const log = await t.api.get('/audit-log?action=time_entry.corrected', auth(m1));
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const [audited] = log.body as { actor: { id: number }; target_id: number; before: unknown; after: unknown }[];
    expect(audited).toMatchObject({
      actor: { id: m1.id },
      target_id: a1.id,
      before: { id: entry.id, clock_out: entry.clock_out, worked_minutes: 60 },
      after: { id: entry.id, clock_out: fixedOut, worked_minutes: 510, reason: 'Forgot to clock out' },
    });

    const byOwner = await t.api.patch(
      url,
      { clock_in: new Date(at('2026-01-22T08:15:00')).toISOString(), reason: 'Came late' },
      auth(owner),
    );
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.worked_minutes).toBe(495);
    expect((await t.api.patch('/time-entries/999999', { clock_out: fixedOut, reason: 'x' }, auth(owner))).status).toBe(404);
  });

  it('exports a CSV timesheet per person and day, safe to open in a spreadsheet', async () => {
    // A name a spreadsheet would run as a formula.
    const renamed = await t.api.patch(`/users/${a1.id}`, { first_name: '=HYPERLINK("http://x")' }, auth(m1));
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    await plan(m1, a1, '2026-01-23', '09:00', '17:00');
    // 2 h 0 min 30 s and 1 h: 180 whole minutes.
    await worked(a1, at('2026-01-16T10:00:00'), at('2026-01-16T12:00:30'));
    await worked(a1, at('2026-01-16T13:00:00'), at('2026-01-16T14:00:00'));

    const res = await t.api.get('/time-entries/export.csv?from=2026-01-15&to=2026-01-23', auth(m1));
    expect(res.status, String(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = String(res.body).trimEnd().split('\r\n');
    expect(lines[0]).toBe('date,user_id,username,name,planned_start,planned_end,planned_minutes,worked_minutes,entries,times');
    const name = `"'=HYPERLINK(""http://x"") attendant"`;
    const row = (cells: string) => `${cells.split('|')[0]},${a1.id},${a1.username},${name},${cells.split('|')[1]}`;
    expect(lines.slice(1)).toEqual([
      row('2026-01-15|22:00,06:00,480,486,1,21:58-06:05'),
      row('2026-01-16|09:00,17:00,480,180,2,10:00-12:00 13:00-14:00'),
      row('2026-01-17|10:00,18:00,480,29,1,00:30-00:59'),
      row('2026-01-22|,,0,495,1,08:15-16:30'),
      // Planned, not worked: an absence payroll sees.
      row('2026-01-23|09:00,17:00,480,0,0,'),
    ]);
    // Another manager's export holds none of M1's workers.
    const other = await t.api.get('/time-entries/export.csv?from=2026-01-15&to=2026-01-23', auth(m2));
    expect(String(other.body)).not.toContain(a1.username);
    expect((await t.api.get('/time-entries/export.csv', auth(a1))).status).toBe(403);
  });
  it('GET /me/clock (and timeClock.current): the open entry, null before and after, with today’s planned shift', async () => {
    const worker = await createSignedInUser(t.api, m1, 'cashier');
    const today = shopDate(Date.now(), 'Europe/Berlin');
    const before = await t.api.get('/me/clock', auth(worker));
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toEqual({ entry: null, planned_today: null });

    await plan(m1, worker, today, '09:00', '17:00');
    const planned = await t.api.get('/me/clock', auth(worker));
    expect(planned.body).toEqual({ entry: null, planned_today: { start_time: '09:00', end_time: '17:00', planned_minutes: 480 } });

    const clockedIn = await t.api.post('/me/clock-in', {}, auth(worker));
    expect(clockedIn.status).toBe(201);
    const during = await t.api.get('/me/clock', auth(worker));
    expect(during.body.entry).toEqual(clockedIn.body);
    expect(during.body.entry.planned).toMatchObject({ date: today, start_time: '09:00' });
    expect(during.body.planned_today).toMatchObject({ start_time: '09:00', end_time: '17:00' });

    const caller = appRouter.createCaller({
      services: t.core.services,
      session: createMemorySession(t.core.services),
      fromLoopback: true,
      clientKey: 'window:clock',
    });
    await caller.auth.login({ username: worker.username, password: worker.password });
    expect(await caller.timeClock.current()).toEqual(during.body);

    expect((await t.api.post('/me/clock-out', {}, auth(worker))).status).toBe(200);
    const after = await t.api.get('/me/clock', auth(worker));
    expect(after.body.entry).toBeNull();

    const refused = await t.api.get('/me/clock', auth(customer));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');
    expect((await t.api.get('/me/clock')).status).toBe(401);
  });

  it('the open entry is the current one even when it was clocked in yesterday', async () => {
    const worker = await createSignedInUser(t.api, m1, 'attendant');
    const actor = await actorOf(worker);
    await plan(m1, worker, '2026-02-03', '22:00', '06:00');
    const entry = t.core.services.timeClock.clockIn(actor, at('2026-02-03T22:05:00'));
    const status = t.core.services.timeClock.current(actor, at('2026-02-04T03:00:00'));
    expect(status.entry).toEqual(entry);
    expect(status.entry?.planned).toMatchObject({ date: '2026-02-03', start_time: '22:00', end_time: '06:00' });
    expect(status.planned_today).toBeNull();
  });
});
