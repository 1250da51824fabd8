import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleKey } from '../../shared/roles';
import type { ApiClient } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

const NOT_FOUND_USER = { error: 'not_found', message: 'No User matches the given query.' };
const USER_KEYS = [
  'created_at',
  'email',
  'first_name',
  'has_pin',
  'id',
  'is_active',
  'is_locked',
  'last_name',
  'manager_id',
  'phone',
  'role',
  'username',
];
const WORKING_TIME_KEYS = ['created_by', 'created_date', 'date', 'end_time', 'id', 'start_time'];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A shop date (the shop computer's calendar, which is this process's), `days` from today. */
function shopDay(days = 0): string {
  const now = new Date();
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

function tmpPassword(role: RoleKey): string {
  return `Tmp-${PASSWORDS[role]}`;
}

/** Creates an account (never signed in) and returns its user object. */
async function createUser(api: ApiClient, creator: SignedIn, role: RoleKey, extra: Record<string, unknown> = {}) {
  const res = await api.post(
    '/users',
    { username: uniqueName(role.slice(0, 4)), password: tmpPassword(role), first_name: 'Test', last_name: role, role, ...extra },
    { token: creator.access },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; username: string; [key: string]: unknown };
}

async function registerCustomer(api: ApiClient, extra: Record<string, unknown> = {}): Promise<SignedIn> {
  const username = uniqueName('cust');
  const res = await api.post('/auth/register', { username, password: PASSWORDS.customer, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return signIn(api, username, PASSWORDS.customer);
}

interface Page {
  items: any[];
  link: string | null;
  url: string;
}

/**
 * Reads a list and follows `Link: <…>; rel="next"` as a client would (the target resolved
 * against the request URL), page by page until there is no Link.
 */
async function readAllPages(t: TestCore, path: string, token: string): Promise<Page[]> {
  const pages: Page[] = [];
  let url = `${t.core.url}/api/v1${path}`;
  for (let guard = 0; guard < 50; guard++) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, `${url}: ${await res.clone().text()}`).toBe(200);
    const items = (await res.json()) as any[];
    const link = res.headers.get('link');
    pages.push({ items, link, url });
    if (link === null) return pages;
    const next = /<([^>]+)>\s*;\s*rel="next"/.exec(link);
    expect(next, `Link header without rel="next": ${link}`).not.toBeNull();
    const target = next?.[1] ?? '';
    expect(target).toMatch(/[?&]cursor=[^&]+/);
    url = new URL(target, url).toString();
  }
  throw new Error(`more than 50 pages from ${path}`);
}

const idsOf = (items: { id: number }[]) => items.map((u) => u.id);

describe('GET /users: filters and cursor pages', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;
  let m2: SignedIn;
  const tag = uniqueName('z').toLowerCase();
  let quentin: { id: number; username: string };
  let ursula: { id: number; username: string };
  let idle: { id: number; username: string };
  let othersWorker: { id: number; username: string };
  let customer: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    m1 = await createSignedInUser(t.api, owner, 'manager');
    m2 = await createSignedInUser(t.api, owner, 'manager');
    quentin = await createUser(t.api, m1, 'cashier', {
      username: `qcash_${tag}`,
      first_name: 'Quentinus',
      last_name: 'Marlowe',
      email: `quill.${tag}@example.com`,
      phone: '+49 170-555 0101',
    });
    ursula = await createUser(t.api, m1, 'attendant', {
      first_name: 'Ursula',
      last_name: 'Vandermeer',
      email: `ursa.${tag}@example.com`,
      phone: '0171 888 2020',
    });
    idle = await createUser(t.api, m1, 'cashier', { first_name: 'Ida', last_name: 'Idle' });
    expect((await t.api.patch(`/users/${idle.id}`, { is_active: false }, { token: m1.access })).status).toBe(200);
    othersWorker = await createUser(t.api, m2, 'cashier', { first_name: 'Otto', last_name: 'Marlowe' });
    customer = await registerCustomer(t.api, { first_name: 'Cora', last_name: 'Buyer', phone: '+1 555 303 4040' });
  });
  afterAll(() => t.stop());

  it('?role= lists only that role', async () => {
    const cashiers = await t.api.get('/users?role=cashier&limit=200', { token: owner.access });
    expect(cashiers.status).toBe(200);
    expect(cashiers.body.every((u: { role: string }) => u.role === 'cashier')).toBe(true);
    expect(idsOf(cashiers.body)).toEqual(expect.arrayContaining([quentin.id, idle.id, othersWorker.id]));
    expect(idsOf(cashiers.body)).not.toContain(ursula.id);

    const attendants = await t.api.get('/users?role=attendant&limit=200', { token: owner.access });
    expect(idsOf(attendants.body)).toEqual([ursula.id]);
    const managers = await t.api.get('/users?role=manager', { token: owner.access });
    expect(idsOf(managers.body).sort()).toEqual([m1.id, m2.id].sort());
    const customers = await t.api.get('/users?role=customer', { token: owner.access });
    expect(idsOf(customers.body)).toEqual([customer.id]);
    for (const u of [...cashiers.body, ...attendants.body]) expect(Object.keys(u).sort()).toEqual(USER_KEYS);
  });

  it('?is_active= splits active from deactivated accounts', async () => {
    const inactive = await t.api.get('/users?is_active=false&limit=200', { token: owner.access });
    expect(inactive.status).toBe(200);
    expect(idsOf(inactive.body)).toEqual([idle.id]);
    expect(inactive.body[0].is_active).toBe(false);
    const active = await t.api.get('/users?is_active=true&limit=200', { token: owner.access });
    expect(active.body.every((u: { is_active: boolean }) => u.is_active)).toBe(true);
    expect(idsOf(active.body)).toEqual(
      expect.arrayContaining([owner.id, m1.id, m2.id, quentin.id, ursula.id, othersWorker.id, customer.id]),
    );
    expect(idsOf(active.body)).not.toContain(idle.id);
  });

  it('?q= searches username, first and last name, email and phone', async () => {
    const cases: [string, number[]][] = [
      [`qcash_${tag}`, [quentin.id]], // username
      ['Quentinus', [quentin.id]], // first name
      ['Vandermeer', [ursula.id]], // last name
      [`ursa.${tag}@`, [ursula.id]], // email
      ['1705550101', [quentin.id]], // phone (stored without spaces and dashes)
      ['3034040', [customer.id]], // a customer's phone
      ['Marlowe', [quentin.id, othersWorker.id]],
      ['no-such-person-anywhere', []],
    ];
    for (const [q, expected] of cases) {
      const res = await t.api.get(`/users?q=${encodeURIComponent(q)}&limit=200`, { token: owner.access });
      expect(res.status, q).toBe(200);
      expect(idsOf(res.body).sort(), `q=${q}`).toEqual([...expected].sort());
    }
    const combined = await t.api.get('/users?q=Marlowe&role=cashier&is_active=true', { token: owner.access });
    expect(idsOf(combined.body).sort()).toEqual([quentin.id, othersWorker.id].sort());
  });

  it('refuses bad filters and limits outside 1–200 with 400', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'role=janitor', 'is_active=maybe', 'cursor=not-a-cursor']) {
      const res = await t.api.get(`/users?${query}`, { token: owner.access });
      expect(res.status, query).toBe(400);
      expect(res.body.error, query).toBe('validation_failed');
    }
    expect((await t.api.get('/users?limit=200', { token: owner.access })).status).toBe(200);
    expect((await t.api.get('/users?limit=1', { token: owner.access })).status).toBe(200);
  });

  it('pages with limit=2: Link rel="next" with a cursor, following it gives the next page, no duplicates, none on the last page', async () => {
    const surname = `Pagina${tag}`;
    const created: number[] = [];
    for (let i = 0; i < 5; i++) created.push((await createUser(t.api, owner, 'cashier', { last_name: surname })).id);

    const pages = await readAllPages(t, `/users?q=${surname}&limit=2`, owner.access);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages[0]?.link).toMatch(/^<[^>]*[?&]cursor=[^>]+>; rel="next"$/);
    expect(pages[1]?.link).not.toBeNull();
    expect(pages[2]?.link).toBeNull();
    const seen = pages.flatMap((p) => idsOf(p.items));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...created].sort());
    // The filters travel with the cursor.
    for (const page of pages) for (const u of page.items) expect(u.last_name).toBe(surname);

    // Exactly one page's worth: no Link (no empty second page).
    const exact = await readAllPages(t, `/users?q=${surname}&limit=5`, owner.access);
    expect(exact).toHaveLength(1);
    expect(exact[0]?.items).toHaveLength(5);
    expect(exact[0]?.link).toBeNull();
  });

  it('a manager’s list holds only themself and their own workers, whatever the filter', async () => {
    const all = await readAllPages(t, '/users?limit=2', m1.access);
    const ids = all.flatMap((p) => idsOf(p.items));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([m1.id, quentin.id, ursula.id, idle.id].sort());
    const marlowe = await t.api.get('/users?q=Marlowe', { token: m1.access });
    expect(idsOf(marlowe.body)).toEqual([quentin.id]);
    const managers = await t.api.get('/users?role=manager', { token: m1.access });
    expect(idsOf(managers.body)).toEqual([m1.id]);
    expect(idsOf((await t.api.get('/users?role=customer', { token: m1.access })).body)).toEqual([]);
    const m2List = await t.api.get('/users', { token: m2.access });
    expect(idsOf(m2List.body).sort()).toEqual([m2.id, othersWorker.id].sort());
  });
});

describe('DELETE /users/{id}: deactivates and hides', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    m1 = await createSignedInUser(t.api, owner, 'manager');
  });
  afterAll(() => t.stop());

  it('a manager deletes their worker: 204, then 404 everywhere, gone from lists, sessions ended, login 403 account_inactive', async () => {
    const email = `${uniqueName('gone')}@example.com`;
    const worker = await createSignedInUser(t.api, m1, 'cashier', { email, phone: '+44 20 7946 0999' });
    const bystander = await createSignedInUser(t.api, m1, 'cashier');
    expect((await t.api.get('/me', { token: worker.access })).status).toBe(200);

    const res = await t.api.delete(`/users/${worker.id}`, { token: m1.access });
    expect(res.status).toBe(204);
    expect(res.body).toBe('');

    for (const who of [m1, owner]) {
      const read = await t.api.get(`/users/${worker.id}`, { token: who.access });
      expect(read.status).toBe(404);
      expect(read.body).toEqual(NOT_FOUND_USER);
    }
    const after: [string, () => Promise<{ status: number; body: any }>][] = [
      ['PATCH', () => t.api.patch(`/users/${worker.id}`, { first_name: 'Back' }, { token: owner.access })],
      ['DELETE again', () => t.api.delete(`/users/${worker.id}`, { token: owner.access })],
      ['unlock', () => t.api.post(`/users/${worker.id}/unlock`, {}, { token: owner.access })],
      ['role', () => t.api.post(`/users/${worker.id}/role`, { role: 'attendant' }, { token: owner.access })],
      ['GET working-times', () => t.api.get(`/users/${worker.id}/working-times`, { token: owner.access })],
      [
        'PUT working-times',
        () =>
          t.api.put(`/users/${worker.id}/working-times/${shopDay(1)}`, { start_time: '09:00', end_time: '17:00' }, { token: m1.access }),
      ],
    ];
    for (const [what, call] of after) {
      const r = await call();
      expect(r.status, what).toBe(404);
      expect(r.body, what).toEqual(NOT_FOUND_USER);
    }

    // Absent from every list, the inactive filter included.
    for (const query of [`q=${worker.username}`, `q=${worker.username}&is_active=false`, 'is_active=false', 'limit=200']) {
      const list = await t.api.get(`/users?${query}`, { token: owner.access });
      expect(idsOf(list.body), query).not.toContain(worker.id);
    }
    const mine = await t.api.get('/users', { token: m1.access });
    expect(idsOf(mine.body)).toContain(bystander.id);
    expect(idsOf(mine.body)).not.toContain(worker.id);
    const profile = await t.api.get('/me', { token: m1.access });
    expect(profile.body.workers.map((w: { id: number }) => w.id)).not.toContain(worker.id);

    // The username (in any case), the email and the phone stay taken.
    for (const username of [worker.username, worker.username.toUpperCase()]) {
      const reg = await t.api.post('/auth/register', { username, password: PASSWORDS.customer });
      expect(reg.status, username).toBe(400);
      expect(reg.body.error).toBe('validation_failed');
      expect(reg.body.fields.username).toEqual(['A user with that username already exists.']);
      const create = await t.api.post(
        '/users',
        { username, password: tmpPassword('cashier'), first_name: 'A', last_name: 'B', role: 'cashier' },
        { token: m1.access },
      );
      expect(create.status, username).toBe(400);
      expect(create.body.fields.username).toEqual(['A user with that username already exists.']);
    }
    const sameEmail = await t.api.post('/auth/register', { username: uniqueName('cust'), password: PASSWORDS.customer, email });
    expect(sameEmail.status).toBe(400);
    expect(sameEmail.body.fields).toHaveProperty('email');

    // Their sign-ins have ended.
    const me = await t.api.get('/me', { token: worker.access });
    expect(me.status).toBe(401);
    expect(['token_revoked', 'account_inactive', 'unauthenticated']).toContain(me.body.error);
    const refresh = await t.api.post('/auth/refresh', { refresh: worker.refresh });
    expect(refresh.status).toBe(401);
    // … and they cannot sign in again, even with the right password.
    const login = await t.api.post('/auth/login', { username: worker.username, password: worker.password });
    expect(login.status).toBe(403);
    expect(login.body.error).toBe('account_inactive');
    expect(login.body).not.toHaveProperty('access');

    // The bystander is untouched.
    expect((await t.api.get('/me', { token: bystander.access })).status).toBe(200);
  });

  it('the Super Admin deletes a customer and a manager; a deleted manager’s token stops at once', async () => {
    const customer = await registerCustomer(t.api);
    expect((await t.api.delete(`/users/${customer.id}`, { token: owner.access })).status).toBe(204);
    expect((await t.api.post('/auth/login', { username: customer.username, password: customer.password })).body.error).toBe(
      'account_inactive',
    );
    expect((await t.api.get(`/users/${customer.id}`, { token: customer.access })).status).toBe(401);

    const manager = await createSignedInUser(t.api, owner, 'manager');
    expect((await t.api.delete(`/users/${manager.id}`, { token: owner.access })).status).toBe(204);
    expect((await t.api.get('/users', { token: manager.access })).status).toBe(401);
  });
});

describe('a deleted manager', () => {
  let t: TestCore;
  let owner: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  // docs/api.md: a deleted user is hidden ("answers 404 everywhere"), and a worker's manager
  // "must be an active manager or the Super Admin"; a manager who stops being one has no workers.
  it('is no longer their workers’ manager: GET /me shows manager null, manager_id is null', async () => {
    const manager = await createSignedInUser(t.api, owner, 'manager', { first_name: 'Gone', last_name: 'Boss' });
    const worker = await createSignedInUser(t.api, manager, 'cashier');
    expect((await t.api.get('/me', { token: worker.access })).body.manager).toEqual({
      id: manager.id,
      first_name: 'Gone',
      last_name: 'Boss',
    });
    expect((await t.api.delete(`/users/${manager.id}`, { token: owner.access })).status).toBe(204);
    expect((await t.api.get(`/users/${manager.id}`, { token: owner.access })).status).toBe(404);

    const me = await t.api.get('/me', { token: worker.access });
    expect(me.status).toBe(200);
    expect.soft(me.body.manager, 'GET /me of a worker must not show a deleted (hidden) manager').toBeNull();
    expect.soft(me.body.manager_id, 'GET /me manager_id must not point at a deleted account').toBeNull();
    const seen = await t.api.get(`/users/${worker.id}`, { token: owner.access });
    expect.soft(seen.body.manager_id, 'GET /users/{id} manager_id must not point at a deleted account').toBeNull();
  });
});

describe('POST /users/{id}/role', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    m1 = await createSignedInUser(t.api, owner, 'manager');
  });
  afterAll(() => t.stop());

  it('a manager gives their worker the attendant or cashier role; the worker keeps their manager and the change applies at once', async () => {
    const worker = await createSignedInUser(t.api, m1, 'cashier');
    const res = await t.api.post(`/users/${worker.id}/role`, { role: 'attendant' }, { token: m1.access });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(USER_KEYS);
    expect(res.body).toMatchObject({ id: worker.id, role: 'attendant', manager_id: m1.id });
    expect((await t.api.get('/me', { token: worker.access })).body.role).toBe('attendant');
    const back = await t.api.post(`/users/${worker.id}/role`, { role: 'cashier' }, { token: m1.access });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ role: 'cashier', manager_id: m1.id });
  });

  it('a manager may not give the manager, Super Admin or customer role: 403, nothing changes', async () => {
    const worker = await createUser(t.api, m1, 'cashier');
    for (const role of ['manager', 'super_admin', 'customer']) {
      const res = await t.api.post(`/users/${worker.id}/role`, { role }, { token: m1.access });
      expect(res.status, role).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
    expect((await t.api.get(`/users/${worker.id}`, { token: owner.access })).body).toMatchObject({ role: 'cashier', manager_id: m1.id });
  });

  it('POST /users/{id}/unlock needs no body (docs/contract/API.md lists none; the route declares it optional)', async () => {
    const worker = await createUser(t.api, m1, 'cashier');
    const bare = await t.api.post(`/users/${worker.id}/unlock`, undefined, { token: m1.access });
    expect(bare.status, JSON.stringify(bare.body)).toBe(200);
    expect(bare.body).toMatchObject({ id: worker.id, is_locked: false });
    const empty = await t.api.post(`/users/${worker.id}/unlock`, {}, { token: m1.access });
    expect(empty.status).toBe(200);
  });

  it('refuses an unknown role or a missing body with 400', async () => {
    const worker = await createUser(t.api, m1, 'cashier');
    for (const body of [{ role: 'janitor' }, {}, { role: 'cashier', extra: 1 }]) {
      const res = await t.api.post(`/users/${worker.id}/role`, body, { token: owner.access });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
    }
  });

  it('nobody changes their own role: 403', async () => {
    for (const who of [owner, m1]) {
      const res = await t.api.post(`/users/${who.id}/role`, { role: 'cashier' }, { token: who.access });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
  });

  it('demoting a manager unassigns their workers (manager_id null) and takes the manager’s rights at once', async () => {
    const manager = await createSignedInUser(t.api, owner, 'manager');
    const w1 = await createUser(t.api, manager, 'cashier');
    const w2 = await createUser(t.api, manager, 'attendant');
    expect((await t.api.get('/users', { token: manager.access })).status).toBe(200);

    const res = await t.api.post(`/users/${manager.id}/role`, { role: 'cashier' }, { token: owner.access });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: manager.id, role: 'cashier', manager_id: null });
    for (const w of [w1, w2]) {
      const seen = await t.api.get(`/users/${w.id}`, { token: owner.access });
      expect(seen.body.manager_id, `worker ${w.id}`).toBeNull();
    }
    // The old token's `role` claim says manager; the account says cashier.
    const list = await t.api.get('/users', { token: manager.access });
    expect(list.status).toBe(403);
    expect((await t.api.get(`/users/${w1.id}`, { token: manager.access })).status).toBe(404);
    const me = await t.api.get('/me', { token: manager.access });
    expect(me.body).toMatchObject({ role: 'cashier', manager: null });
    expect(me.body).not.toHaveProperty('workers');
  });

  it('promoting a worker to manager drops their manager; their old manager loses them', async () => {
    const worker = await createUser(t.api, m1, 'cashier');
    const res = await t.api.post(`/users/${worker.id}/role`, { role: 'manager' }, { token: owner.access });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'manager', manager_id: null });
    expect((await t.api.get(`/users/${worker.id}`, { token: m1.access })).status).toBe(404);
    expect(idsOf((await t.api.get('/users', { token: m1.access })).body)).not.toContain(worker.id);
  });
});

describe('GET /me', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;
  let m2: SignedIn;
  let worker: SignedIn;
  let peer: SignedIn;
  let othersWorker: SignedIn;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    m1 = await createSignedInUser(t.api, owner, 'manager', { first_name: 'Mona', last_name: 'Manning' });
    m2 = await createSignedInUser(t.api, owner, 'manager');
    worker = await createSignedInUser(t.api, m1, 'cashier', { first_name: 'Wanda', last_name: 'Worker' });
    peer = await createSignedInUser(t.api, m1, 'attendant', { first_name: 'Peter', last_name: 'Peer' });
    othersWorker = await createSignedInUser(t.api, m2, 'cashier');
    const put = async (who: SignedIn, by: SignedIn, days: number, start = '09:00', end = '17:00') => {
      const res = await t.api.put(
        `/users/${who.id}/working-times/${shopDay(days)}`,
        { start_time: start, end_time: end },
        { token: by.access },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    for (const days of [-30, -8, -7, 0, 28, 29, 60]) await put(worker, m1, days);
    await put(peer, m1, 1, '22:00', '06:00');
    await put(othersWorker, m2, 1);
  });
  afterAll(() => t.stop());

  it('a worker: their user object, their manager {id, first_name, last_name}, and shifts of the last 7 and the next 28 days only', async () => {
    const res = await t.api.get('/me', { token: worker.access });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([...USER_KEYS, 'manager', 'working_times'].sort());
    expect(res.body).toMatchObject({
      id: worker.id,
      username: worker.username,
      first_name: 'Wanda',
      last_name: 'Worker',
      role: 'cashier',
      is_active: true,
      is_locked: false,
      manager_id: m1.id,
    });
    expect(res.body.created_at).toMatch(ISO_UTC);
    expect(res.body.manager).toEqual({ id: m1.id, first_name: 'Mona', last_name: 'Manning' });
    expect(res.body.working_times.map((w: { date: string }) => w.date)).toEqual([shopDay(-7), shopDay(0), shopDay(28)]);
    for (const entry of res.body.working_times) {
      expect(Object.keys(entry).sort()).toEqual(WORKING_TIME_KEYS);
      expect(entry).toMatchObject({ start_time: '09:00', end_time: '17:00', created_by: m1.id });
      expect(entry.created_date).toMatch(ISO_UTC);
    }
  });

  it('a manager: their user object and their workers (only theirs), each with shifts', async () => {
    const res = await t.api.get('/me', { token: m1.access });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: m1.id, role: 'manager', first_name: 'Mona', last_name: 'Manning', manager_id: null });
    for (const key of USER_KEYS) expect(res.body).toHaveProperty(key);
    const workers = res.body.workers as { id: number; working_times: { date: string }[] }[];
    expect(workers.map((w) => w.id).sort()).toEqual([worker.id, peer.id].sort());
    for (const w of workers) expect(Object.keys(w).sort()).toEqual(['first_name', 'id', 'last_name', 'username', 'working_times']);
    const wanda = workers.find((w) => w.id === worker.id);
    expect(wanda).toMatchObject({ username: worker.username, first_name: 'Wanda', last_name: 'Worker' });
    expect(wanda?.working_times.map((s) => s.date)).toEqual([shopDay(-7), shopDay(0), shopDay(28)]);
    const peterShifts = workers.find((w) => w.id === peer.id)?.working_times;
    expect(peterShifts).toHaveLength(1);
    expect(peterShifts?.[0]).toMatchObject({ date: shopDay(1), start_time: '22:00', end_time: '06:00', created_by: m1.id });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
  });

  it('a worker without a manager sees manager: null; a manager without workers sees an empty list', async () => {
    const loner = await createSignedInUser(t.api, owner, 'attendant');
    const res = await t.api.get('/me', { token: loner.access });
    expect(res.body).toMatchObject({ id: loner.id, manager_id: null, manager: null, working_times: [] });
    const fresh = await createSignedInUser(t.api, owner, 'manager');
    expect((await t.api.get('/me', { token: fresh.access })).body).toMatchObject({ id: fresh.id, workers: [] });
  });

  it('the Super Admin with workers sees them like a manager', async () => {
    const own = await createUser(t.api, owner, 'cashier', { manager_id: owner.id });
    const res = await t.api.get('/me', { token: owner.access });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: owner.id, role: 'super_admin' });
    expect(res.body.workers.map((w: { id: number }) => w.id)).toEqual([own.id]);
  });

  it('needs a sign-in', async () => {
    const res = await t.api.get('/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');
  });
});

describe('working times', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;
  let m2: SignedIn;
  let worker: SignedIn;
  const started = Date.now();

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    m1 = await createSignedInUser(t.api, owner, 'manager');
    m2 = await createSignedInUser(t.api, owner, 'manager');
    worker = await createSignedInUser(t.api, m1, 'cashier');
  });
  afterAll(() => t.stop());

  const put = (who: number, date: string, body: unknown, token: string) =>
    t.api.put(`/users/${who}/working-times/${date}`, body, { token });

  it('PUT sets a day: 200 entry made by the manager; PUT again replaces it (one entry for the day)', async () => {
    const day = '2030-05-06';
    const first = await put(worker.id, day, { start_time: '09:00', end_time: '17:30' }, m1.access);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(WORKING_TIME_KEYS);
    expect(first.body).toMatchObject({ date: day, start_time: '09:00', end_time: '17:30', created_by: m1.id });
    expect(typeof first.body.id).toBe('number');
    expect(first.body.created_date).toMatch(ISO_UTC);

    const second = await put(worker.id, day, { start_time: '12:00', end_time: '20:00' }, m1.access);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ date: day, start_time: '12:00', end_time: '20:00', created_by: m1.id });

    const listed = await t.api.get(`/users/${worker.id}/working-times?from=${day}&to=${day}`, { token: m1.access });
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ date: day, start_time: '12:00', end_time: '20:00' });

    // The worker reads their own times too.
    const own = await t.api.get(`/users/${worker.id}/working-times?from=${day}&to=${day}`, { token: worker.access });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(listed.body);
  });

  it('the Super Admin sets times too, and is then the creator', async () => {
    const res = await put(worker.id, '2030-05-07', { start_time: '08:00', end_time: '12:00' }, owner.access);
    expect(res.status).toBe(200);
    expect(res.body.created_by).toBe(owner.id);
  });

  it('accepts an overnight shift 22:00 → 06:00', async () => {
    const res = await put(worker.id, '2030-05-08', { start_time: '22:00', end_time: '06:00' }, m1.access);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: '2030-05-08', start_time: '22:00', end_time: '06:00' });
  });

  it('refuses equal times, bad clock times, impossible dates and bad bodies with 400', async () => {
    const bad: [string, unknown][] = [
      ['2030-05-09', { start_time: '09:00', end_time: '09:00' }],
      ['2030-05-09', { start_time: '25:00', end_time: '06:00' }],
      ['2030-05-09', { start_time: '09:00', end_time: '17:60' }],
      ['2030-05-09', { start_time: '9:00', end_time: '17:00' }],
      ['2030-05-09', { start_time: '09:00' }],
      ['2030-05-09', { start_time: '09:00', end_time: '17:00', note: 'x' }],
      ['2026-02-30', { start_time: '09:00', end_time: '17:00' }],
      ['2026-13-01', { start_time: '09:00', end_time: '17:00' }],
      ['20260301', { start_time: '09:00', end_time: '17:00' }],
    ];
    for (const [date, body] of bad) {
      const res = await put(worker.id, date, body, m1.access);
      const what = `${date} ${JSON.stringify(body)}`;
      expect(res.status, what).toBe(400);
      expect(res.body.error, what).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}).length, what).toBeGreaterThan(0);
    }
    const equal = await put(worker.id, '2030-05-09', { start_time: '09:00', end_time: '09:00' }, m1.access);
    expect(equal.body.fields).toHaveProperty('end_time');
    const hour25 = await put(worker.id, '2030-05-09', { start_time: '25:00', end_time: '06:00' }, m1.access);
    expect(hour25.body.fields).toHaveProperty('start_time');
    const listed = await t.api.get(`/users/${worker.id}/working-times?from=2030-05-09&to=2030-05-09`, { token: m1.access });
    expect(listed.body).toEqual([]);
  });

  it('another manager gets 404 for my worker, and nothing is written', async () => {
    const res = await put(worker.id, '2030-05-10', { start_time: '09:00', end_time: '17:00' }, m2.access);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(NOT_FOUND_USER);
    const read = await t.api.get(`/users/${worker.id}/working-times`, { token: m2.access });
    expect(read.status).toBe(404);
    expect(read.body).toEqual(NOT_FOUND_USER);
    expect((await t.api.get(`/users/${worker.id}/working-times?from=2030-05-10&to=2030-05-10`, { token: m1.access })).body).toEqual([]);
  });

  it('a cashier may not set even their own times: 403', async () => {
    const res = await put(worker.id, '2030-05-11', { start_time: '09:00', end_time: '17:00' }, worker.access);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
    expect((await t.api.get(`/users/${worker.id}/working-times?from=2030-05-11&to=2030-05-11`, { token: m1.access })).body).toEqual([]);
  });

  it('GET ?from=&to= is inclusive at both ends; to before from is 400', async () => {
    for (const day of ['2030-06-01', '2030-06-02', '2030-06-03', '2030-06-04']) {
      expect((await put(worker.id, day, { start_time: '10:00', end_time: '18:00' }, m1.access)).status).toBe(200);
    }
    const middle = await t.api.get(`/users/${worker.id}/working-times?from=2030-06-02&to=2030-06-03`, { token: m1.access });
    expect(middle.status).toBe(200);
    expect(middle.body.map((w: { date: string }) => w.date)).toEqual(['2030-06-02', '2030-06-03']);
    for (const entry of middle.body) expect(Object.keys(entry).sort()).toEqual(WORKING_TIME_KEYS);
    const one = await t.api.get(`/users/${worker.id}/working-times?from=2030-06-04&to=2030-06-04`, { token: m1.access });
    expect(one.body.map((w: { date: string }) => w.date)).toEqual(['2030-06-04']);
    const all = await t.api.get(`/users/${worker.id}/working-times?from=2030-06-01&to=2030-06-30`, { token: owner.access });
    expect(all.body.map((w: { date: string }) => w.date)).toEqual(['2030-06-01', '2030-06-02', '2030-06-03', '2030-06-04']);

    const backwards = await t.api.get(`/users/${worker.id}/working-times?from=2030-06-03&to=2030-06-02`, { token: m1.access });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toBe('validation_failed');
    const badDate = await t.api.get(`/users/${worker.id}/working-times?from=2030-02-30`, { token: m1.access });
    expect(badDate.status).toBe(400);
  });

  it('every change is in the audit log: who, when, before and after', async () => {
    const day = '2030-07-01';
    await put(worker.id, day, { start_time: '09:00', end_time: '17:00' }, m1.access);
    await put(worker.id, day, { start_time: '14:00', end_time: '22:00' }, m1.access);
    const res = await t.api.get(`/audit-log?user_id=${worker.id}&action=working_time&limit=200`, { token: owner.access });
    expect(res.status).toBe(200);
    const forDay = (res.body as any[]).filter((e) => (e.after as { date?: string } | null)?.date === day);
    expect(forDay).toHaveLength(2);
    const [changed, set] = forDay; // newest first
    expect(set).toMatchObject({
      action: 'working_time.set',
      target_type: 'user',
      target_id: worker.id,
      actor: { id: m1.id, username: m1.username },
      before: null,
    });
    expect(set.after).toMatchObject({ date: day, start_time: '09:00', end_time: '17:00', created_by: m1.id });
    expect(changed).toMatchObject({ action: 'working_time.changed', actor: { id: m1.id } });
    expect(changed.before).toMatchObject({ date: day, start_time: '09:00', end_time: '17:00' });
    expect(changed.after).toMatchObject({ date: day, start_time: '14:00', end_time: '22:00' });
    for (const entry of forDay) {
      expect(entry.created_at).toMatch(ISO_UTC);
      const at = Date.parse(entry.created_at);
      expect(at).toBeGreaterThanOrEqual(started - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });
});

describe('GET /audit-log', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;
  let m2: SignedIn;
  let c1: SignedIn;
  let c2: SignedIn;
  let customer: SignedIn;
  const started = Date.now();

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    m1 = await createSignedInUser(t.api, owner, 'manager');
    m2 = await createSignedInUser(t.api, owner, 'manager');
    c1 = await createSignedInUser(t.api, m1, 'cashier');
    c2 = await createSignedInUser(t.api, m2, 'cashier');
    customer = await registerCustomer(t.api);
    for (const day of ['2030-01-01', '2030-01-02', '2030-01-03']) {
      expect(
        (await t.api.put(`/users/${c1.id}/working-times/${day}`, { start_time: '09:00', end_time: '17:00' }, { token: m1.access })).status,
      ).toBe(200);
    }
    expect(
      (await t.api.put(`/users/${c1.id}/working-times/2030-01-01`, { start_time: '10:00', end_time: '18:00' }, { token: m1.access }))
        .status,
    ).toBe(200);
    expect(
      (await t.api.put(`/users/${c2.id}/working-times/2030-01-01`, { start_time: '09:00', end_time: '17:00' }, { token: m2.access }))
        .status,
    ).toBe(200);
    expect((await t.api.patch(`/users/${m2.id}`, { first_name: 'Renamed' }, { token: owner.access })).status).toBe(200);
  });
  afterAll(() => t.stop());

  it('records every change to a user with actor, time, before and after', async () => {
    const target = await createUser(t.api, m1, 'cashier', { first_name: 'Audra' });
    expect((await t.api.patch(`/users/${target.id}`, { first_name: 'Audrey' }, { token: m1.access })).status).toBe(200);
    expect((await t.api.post(`/users/${target.id}/unlock`, {}, { token: m1.access })).status).toBe(200);
    expect((await t.api.post(`/users/${target.id}/role`, { role: 'attendant' }, { token: owner.access })).status).toBe(200);
    expect((await t.api.delete(`/users/${target.id}`, { token: m1.access })).status).toBe(204);

    const res = await t.api.get(`/audit-log?user_id=${target.id}`, { token: owner.access });
    expect(res.status).toBe(200);
    const byAction = new Map((res.body as any[]).map((e) => [e.action, e]));
    expect([...byAction.keys()].sort()).toEqual(['user.created', 'user.deleted', 'user.role_assigned', 'user.unlocked', 'user.updated']);
    expect(byAction.get('user.created')).toMatchObject({
      actor: { id: m1.id },
      before: null,
      after: { id: target.id, first_name: 'Audra', role: 'cashier' },
    });
    expect(byAction.get('user.updated')).toMatchObject({
      actor: { id: m1.id },
      before: { first_name: 'Audra' },
      after: { first_name: 'Audrey' },
    });
    expect(byAction.get('user.role_assigned')).toMatchObject({
      actor: { id: owner.id },
      before: { role: 'cashier' },
      after: { role: 'attendant' },
    });
    expect(byAction.get('user.deleted')).toMatchObject({ actor: { id: m1.id }, before: { is_active: true }, after: { is_active: false } });
    expect(byAction.get('user.unlocked')?.actor.id).toBe(m1.id);
    for (const entry of res.body) {
      expect(entry).toMatchObject({ target_type: 'user', target_id: target.id });
      expect(entry.created_at).toMatch(ISO_UTC);
      expect(Date.parse(entry.created_at)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(entry.created_at)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(JSON.stringify(entry)).not.toMatch(/password_?hash|\$2[aby]\$/i);
    }
  });

  it('the Super Admin sees everything', async () => {
    const res = await t.api.get('/audit-log?limit=200', { token: owner.access });
    expect(res.status).toBe(200);
    const entries = res.body as any[];
    const actors = new Set(entries.map((e) => e.actor?.id));
    for (const id of [owner.id, m1.id, m2.id]) expect(actors.has(id), `actor ${id}`).toBe(true);
    const targets = new Set(entries.map((e) => e.target_id));
    for (const id of [m1.id, m2.id, c1.id, c2.id, customer.id]) expect(targets.has(id), `target ${id}`).toBe(true);
  });

  it('a manager sees only entries about their own workers', async () => {
    const mine = await t.api.get('/audit-log?limit=200', { token: m1.access });
    expect(mine.status).toBe(200);
    const entries = mine.body as any[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.target_id === c1.id && e.action.startsWith('working_time.'))).toHaveLength(4);
    const m1Workers = new Set(idsOf((await t.api.get('/users?limit=200', { token: m1.access })).body).filter((id) => id !== m1.id));
    // Deleted workers of m1 (from the test above) are still theirs to audit.
    for (const e of entries) {
      expect(e.target_type, JSON.stringify(e)).toBe('user');
      expect([m2.id, c2.id, owner.id, customer.id, m1.id], JSON.stringify(e)).not.toContain(e.target_id);
    }
    expect(entries.some((e) => m1Workers.has(e.target_id))).toBe(true);
    const aboutOthers = await t.api.get(`/audit-log?user_id=${c2.id}`, { token: m1.access });
    expect(
      aboutOthers.status === 404 || (aboutOthers.status === 200 && aboutOthers.body.length === 0),
      JSON.stringify(aboutOthers.body),
    ).toBe(true);

    const theirs = await t.api.get('/audit-log?limit=200', { token: m2.access });
    for (const e of theirs.body as any[]) expect([c1.id, m1.id, m2.id, owner.id], JSON.stringify(e)).not.toContain(e.target_id);
    expect((theirs.body as any[]).some((e) => e.target_id === c2.id)).toBe(true);
  });

  it('a cashier or a customer: 403; no sign-in: 401', async () => {
    for (const who of [c1, customer]) {
      const res = await t.api.get('/audit-log', { token: who.access });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
    expect((await t.api.get('/audit-log')).status).toBe(401);
  });

  it('filters by action (exact or prefix), actor_id, user_id and from/to', async () => {
    const prefix = await t.api.get('/audit-log?action=working_time&limit=200', { token: owner.access });
    expect(prefix.status).toBe(200);
    expect(prefix.body.length).toBe(5);
    for (const e of prefix.body) expect(e.action).toMatch(/^working_time\./);
    const exact = await t.api.get('/audit-log?action=working_time.changed&limit=200', { token: owner.access });
    expect(exact.body.map((e: { action: string }) => e.action)).toEqual(['working_time.changed']);
    const users = await t.api.get('/audit-log?action=user&limit=200', { token: owner.access });
    expect(users.body.length).toBeGreaterThan(0);
    for (const e of users.body) expect(e.action).toMatch(/^user\./);

    const byActor = await t.api.get(`/audit-log?actor_id=${m2.id}&limit=200`, { token: owner.access });
    expect(byActor.body.length).toBeGreaterThan(0);
    for (const e of byActor.body) expect(e.actor?.id).toBe(m2.id);
    expect(byActor.body.some((e: { target_id: number }) => e.target_id === c2.id)).toBe(true);

    const byUser = await t.api.get(`/audit-log?user_id=${c1.id}&limit=200`, { token: owner.access });
    expect(byUser.body.length).toBeGreaterThanOrEqual(5);
    for (const e of byUser.body) expect(e).toMatchObject({ target_type: 'user', target_id: c1.id });

    const combined = await t.api.get(`/audit-log?actor_id=${m1.id}&user_id=${c1.id}&action=working_time.set`, { token: owner.access });
    expect(combined.body).toHaveLength(3);

    const today = await t.api.get(`/audit-log?from=${shopDay(0)}&to=${shopDay(0)}&limit=200`, { token: owner.access });
    const everything = await t.api.get('/audit-log?limit=200', { token: owner.access });
    expect(today.body.length).toBe(everything.body.length);
    expect((await t.api.get(`/audit-log?from=${shopDay(1)}`, { token: owner.access })).body).toEqual([]);
    expect((await t.api.get(`/audit-log?to=${shopDay(-1)}`, { token: owner.access })).body).toEqual([]);
    for (const query of ['from=2026-02-30', 'actor_id=abc', 'limit=0', 'limit=201']) {
      expect((await t.api.get(`/audit-log?${query}`, { token: owner.access })).status, query).toBe(400);
    }
  });

  it('pages newest first with Link rel="next"; no duplicates; the last page has no Link', async () => {
    const whole = await t.api.get('/audit-log?limit=200', { token: owner.access });
    const pages = await readAllPages(t, '/audit-log?limit=2', owner.access);
    expect(pages.length).toBe(Math.ceil(whole.body.length / 2));
    expect(pages.slice(0, -1).every((p) => p.items.length === 2 && p.link !== null)).toBe(true);
    expect(pages.at(-1)?.link).toBeNull();
    const ids = pages.flatMap((p) => idsOf(p.items));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(idsOf(whole.body));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const filtered = await readAllPages(t, `/audit-log?action=working_time&limit=2`, owner.access);
    expect(filtered.map((p) => p.items.length)).toEqual([2, 2, 1]);
    for (const p of filtered) for (const e of p.items) expect(e.action).toMatch(/^working_time\./);
  });
});
