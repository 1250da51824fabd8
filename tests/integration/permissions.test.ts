import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleKey } from '../../shared/roles';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import type { ApiClient } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/*
 * The Roles permission table of API.md for the Users section, every endpoint × every role ×
 * every kind of target, written out as a table, and run twice: over REST and over tRPC.
 *
 * 'ok' = the action succeeds (REST: 201 for POST /users, 204 for DELETE, else 200);
 * 403 = the role may never take the action; 404 = the role may, but the record is out of reach
 * (API.md: "as if it did not exist"); '-' = the combination does not exist.
 */
type Cell = 'ok' | 400 | 403 | 404 | '-';
type Outcome = { cell: Cell | 401 | 409 | 423 | 500; status?: number; error?: string; message?: string; raw?: unknown };

const ROLES = ['super_admin', 'manager', 'attendant', 'cashier', 'customer'] as const satisfies readonly RoleKey[];
const TARGETS = ['self', 'own_worker', 'other_worker', 'other_manager', 'super_admin', 'customer'] as const;
type Target = (typeof TARGETS)[number] | 'none';

const TARGET_LABEL: Record<Target, string> = {
  none: '(no target)',
  self: 'self',
  own_worker: "M1's worker (own worker for M1, a peer for M1's workers)",
  other_worker: "M2's worker (another manager's worker)",
  other_manager: 'manager M2 (another manager)',
  super_admin: 'the Super Admin (another Super Admin when the actor is one)',
  customer: 'a customer (another one when the actor is one)',
};
/** For POST /users the "target" is the kind of account being created. */
const CREATE_LABEL: Partial<Record<Target, string>> = {
  own_worker: 'new cashier with manager_id M1',
  other_worker: 'new cashier with manager_id M2',
  other_manager: 'new manager',
  super_admin: 'new Super Admin',
  customer: 'new customer',
};

const ok = 'ok';
const x = '-';
/** Targets in the order of TARGETS: self, own worker, other's worker, other manager, Super Admin, customer. */
const EXPECTED = {
  // create user: super_admin any role; manager attendant/cashier, who become their workers
  // (docs/api.md: a manager_id other than their own is 400 fields.manager_id); others –.
  'POST /users': {
    super_admin: [x, ok, ok, ok, ok, ok],
    manager: [x, ok, 400, 403, 403, 403],
    attendant: [x, 403, 403, 403, 403, 403],
    cashier: [x, 403, 403, 403, 403, 403],
    customer: [x, 403, 403, 403, 403, 403],
  },
  // list users: all / self and own workers / – / –
  'GET /users': { super_admin: [ok], manager: [ok], attendant: [403], cashier: [403], customer: [403] },
  // read user: any / self, own workers / self / self
  'GET /users/{id}': {
    super_admin: [ok, ok, ok, ok, ok, ok],
    manager: [ok, ok, 404, 404, 404, 404],
    attendant: [ok, 404, 404, 404, 404, 404],
    cashier: [ok, 404, 404, 404, 404, 404],
    customer: [ok, 404, 404, 404, 404, 404],
  },
  // update user (a name): any / self, own workers / self / self
  'PATCH /users/{id}': {
    super_admin: [ok, ok, ok, ok, ok, ok],
    manager: [ok, ok, 404, 404, 404, 404],
    attendant: [ok, 404, 404, 404, 404, 404],
    cashier: [ok, 404, 404, 404, 404, 404],
    customer: [ok, 404, 404, 404, 404, 404],
  },
  // delete / unlock / assign role: any but self / own workers / – / –  (own account: 403, docs/api.md)
  'DELETE /users/{id}': {
    super_admin: [403, ok, ok, ok, ok, ok],
    manager: [403, ok, 404, 404, 404, 404],
    attendant: [403, 403, 403, 403, 403, 403],
    cashier: [403, 403, 403, 403, 403, 403],
    customer: [403, 403, 403, 403, 403, 403],
  },
  'POST /users/{id}/unlock': {
    super_admin: [403, ok, ok, ok, ok, ok],
    manager: [403, ok, 404, 404, 404, 404],
    attendant: [403, 403, 403, 403, 403, 403],
    cashier: [403, 403, 403, 403, 403, 403],
    customer: [403, 403, 403, 403, 403, 403],
  },
  'POST /users/{id}/role': {
    super_admin: [403, ok, ok, ok, ok, ok],
    manager: [403, ok, 404, 404, 404, 404],
    attendant: [403, 403, 403, 403, 403, 403],
    cashier: [403, 403, 403, 403, 403, 403],
    customer: [403, 403, 403, 403, 403, 403],
  },
  'GET /me': { super_admin: [ok], manager: [ok], attendant: [ok], cashier: [ok], customer: [ok] },
  // reading working times follows "read user"
  'GET /users/{id}/working-times': {
    super_admin: [ok, ok, ok, ok, ok, ok],
    manager: [ok, ok, 404, 404, 404, 404],
    attendant: [ok, 404, 404, 404, 404, 404],
    cashier: [ok, 404, 404, 404, 404, 404],
    customer: [ok, 404, 404, 404, 404, 404],
  },
  // set working times: any staff / own workers / – / –. A customer is no staff (404 even for
  // the Super Admin); a manager's own times are not theirs to plan (403, like the own-account rules).
  'PUT /users/{id}/working-times/{date}': {
    super_admin: [ok, ok, ok, ok, ok, 404],
    manager: [403, ok, 404, 404, 404, 404],
    attendant: [403, 403, 403, 403, 403, 403],
    cashier: [403, 403, 403, 403, 403, 403],
    customer: [403, 403, 403, 403, 403, 403],
  },
} as const satisfies Record<string, Record<RoleKey, readonly Cell[]>>;
type EndpointName = keyof typeof EXPECTED;

const NOT_FOUND_USER = { error: 'not_found', message: 'No User matches the given query.' };

/** Who the rows point at: ids, or for POST /users the body of the account to create. */
interface RowInput {
  actor: SignedIn;
  targetId: number;
  createBody: Record<string, unknown>;
}

type Caller = ReturnType<typeof appRouter.createCaller>;

interface Endpoint {
  name: EndpointName;
  targets: readonly Target[];
  /** Destructive rows get throwaway targets (and a throwaway actor for `self`). */
  destructive: boolean;
  okStatus: number;
  rest(api: ApiClient, row: RowInput): Promise<{ status: number; body: any }>;
  trpc(caller: Caller, row: RowInput): Promise<unknown>;
}

const WORK_DAY = '2030-01-15';
const USER_TARGETS = TARGETS;

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /users',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 201,
    rest: (api, r) => api.post('/users', r.createBody, { token: r.actor.access }),
    trpc: (c, r) => c.users.create(r.createBody as Parameters<Caller['users']['create']>[0]),
  },
  {
    name: 'GET /users',
    targets: ['none'],
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get('/users', { token: r.actor.access }),
    trpc: (c) => c.users.list({ limit: 50 }),
  },
  {
    name: 'GET /users/{id}',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get(`/users/${r.targetId}`, { token: r.actor.access }),
    trpc: (c, r) => c.users.get({ id: r.targetId }),
  },
  {
    name: 'PATCH /users/{id}',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.patch(`/users/${r.targetId}`, { last_name: 'Same' }, { token: r.actor.access }),
    trpc: (c, r) => c.users.update({ id: r.targetId, changes: { last_name: 'Same' } }),
  },
  {
    name: 'DELETE /users/{id}',
    targets: USER_TARGETS,
    destructive: true,
    okStatus: 204,
    rest: (api, r) => api.delete(`/users/${r.targetId}`, { token: r.actor.access }),
    trpc: (c, r) => c.users.remove({ id: r.targetId }),
  },
  {
    name: 'POST /users/{id}/unlock',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.post(`/users/${r.targetId}/unlock`, {}, { token: r.actor.access }),
    trpc: (c, r) => c.users.unlock({ id: r.targetId }),
  },
  {
    name: 'POST /users/{id}/role',
    targets: USER_TARGETS,
    destructive: true,
    okStatus: 200,
    rest: (api, r) => api.post(`/users/${r.targetId}/role`, { role: 'attendant' }, { token: r.actor.access }),
    trpc: (c, r) => c.users.assignRole({ id: r.targetId, role: 'attendant' }),
  },
  {
    name: 'GET /me',
    targets: ['none'],
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get('/me', { token: r.actor.access }),
    trpc: (c) => c.profile.me(),
  },
  {
    name: 'GET /users/{id}/working-times',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get(`/users/${r.targetId}/working-times`, { token: r.actor.access }),
    trpc: (c, r) => c.shifts.list({ userId: r.targetId }),
  },
  {
    name: 'PUT /users/{id}/working-times/{date}',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.put(`/users/${r.targetId}/working-times/${WORK_DAY}`, { start_time: '09:00', end_time: '17:00' }, { token: r.actor.access }),
    trpc: (c, r) => c.shifts.set({ userId: r.targetId, date: WORK_DAY, times: { start_time: '09:00', end_time: '17:00' } }),
  },
];

function expectedCell(endpoint: Endpoint, role: RoleKey, target: Target): Cell {
  const cells: readonly Cell[] = EXPECTED[endpoint.name][role];
  return target === 'none' ? (cells[0] ?? x) : (cells[TARGETS.indexOf(target)] ?? x);
}

function labelOf(endpoint: Endpoint, target: Target): string {
  return endpoint.name === 'POST /users' ? (CREATE_LABEL[target] ?? target) : TARGET_LABEL[target];
}

/** Checks one outcome against its cell; returns a line for the failure list, or null. */
function mismatch(adapter: string, role: RoleKey, endpoint: Endpoint, target: Target, want: Cell, got: Outcome): string | null {
  const where = `[${adapter}] role=${role} endpoint="${endpoint.name}" target=${labelOf(endpoint, target)}`;
  const gotText = `${got.status ?? got.cell}${got.error ? ` ${got.error}` : ''}${got.message ? ` "${got.message}"` : ''}`;
  if (got.cell !== want) return `${where}: expected ${want === 'ok' ? `2xx (${endpoint.okStatus})` : want}, got ${gotText}`;
  if (want === 'ok' && got.status !== undefined && got.status !== endpoint.okStatus) return `${where}: expected ${endpoint.okStatus}, got ${got.status}`;
  if (want === 404 && (got.error !== NOT_FOUND_USER.error || got.message !== NOT_FOUND_USER.message)) {
    return `${where}: a 404 must read ${JSON.stringify(NOT_FOUND_USER)}, got ${JSON.stringify(got.raw)}`;
  }
  if (want === 403 && got.error !== 'forbidden') return `${where}: a 403 must be "forbidden", got ${JSON.stringify(got.raw)}`;
  return null;
}

function restOutcome(res: { status: number; body: any }): Outcome {
  const cell = res.status >= 200 && res.status < 300 ? 'ok' : (res.status as Outcome['cell']);
  const body = res.body as { error?: string; message?: string } | undefined;
  return { cell, status: res.status, error: body?.error, message: body?.message, raw: res.body };
}

const CODE_STATUS: Record<string, Outcome['cell']> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

async function trpcOutcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return { cell: 'ok' };
  } catch (error) {
    const e = error as { code?: string; message?: string; cause?: { status?: number; error?: string; message?: string } };
    if (typeof e.code !== 'string') throw error;
    const status = e.cause?.status;
    const cell = (status ?? CODE_STATUS[e.code] ?? 500) as Outcome['cell'];
    const raw = { code: e.code, cause: e.cause ? { error: e.cause.error, message: e.cause.message } : undefined };
    return { cell, status: typeof cell === 'number' ? cell : undefined, error: e.cause?.error, message: e.cause?.message, raw };
  }
}

async function registerCustomer(api: ApiClient): Promise<SignedIn> {
  const username = uniqueName('cust');
  const res = await api.post('/auth/register', { username, password: PASSWORDS.customer });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return signIn(api, username, PASSWORDS.customer);
}

async function createUser(api: ApiClient, creator: SignedIn, role: RoleKey, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await api.post('/users', { username: uniqueName(role.slice(0, 4)), password: `Tmp-${PASSWORDS[role]}`, first_name: 'Throw', last_name: 'Away', role, ...extra }, { token: creator.access });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

describe('the Users permission table, over REST and over tRPC', () => {
  let t: TestCore;
  let owner: SignedIn;
  let m1: SignedIn;
  let m2: SignedIn;
  let a1: SignedIn;
  let c1: SignedIn;
  let c2: SignedIn;
  let cu: SignedIn;
  let cu2: SignedIn;
  let sa2: number;
  let actors: Record<RoleKey, SignedIn>;

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    [m1, m2] = await Promise.all([createSignedInUser(t.api, owner, 'manager'), createSignedInUser(t.api, owner, 'manager')]);
    [a1, c1, c2, cu, cu2] = await Promise.all([
      createSignedInUser(t.api, m1, 'attendant'),
      createSignedInUser(t.api, m1, 'cashier'),
      createSignedInUser(t.api, m2, 'cashier'),
      registerCustomer(t.api),
      registerCustomer(t.api),
    ]);
    sa2 = await createUser(t.api, owner, 'super_admin');
    actors = { super_admin: owner, manager: m1, attendant: a1, cashier: c1, customer: cu };
  }, 60_000);
  afterAll(() => t.stop());

  /** The world's users, as seen from one actor. */
  function worldTarget(actor: SignedIn, target: Exclude<Target, 'none'>): number {
    switch (target) {
      case 'self':
        return actor.id;
      case 'own_worker':
        return actor.id === c1.id ? a1.id : c1.id;
      case 'other_worker':
        return c2.id;
      case 'other_manager':
        return m2.id;
      case 'super_admin':
        return actor.id === owner.id ? sa2 : owner.id;
      case 'customer':
        return actor.id === cu.id ? cu2.id : cu.id;
    }
  }

  /** A throwaway target of the same kind (or, for `self`, a throwaway actor of the same role). */
  async function freshRow(role: RoleKey, target: Exclude<Target, 'none'>): Promise<{ actor: SignedIn; targetId: number }> {
    const actor = actors[role];
    switch (target) {
      case 'self': {
        const fresh =
          role === 'customer'
            ? await registerCustomer(t.api)
            : await createSignedInUser(t.api, role === 'attendant' || role === 'cashier' ? m1 : owner, role);
        return { actor: fresh, targetId: fresh.id };
      }
      case 'own_worker':
        return { actor, targetId: await createUser(t.api, m1, 'cashier') };
      case 'other_worker':
        return { actor, targetId: await createUser(t.api, m2, 'cashier') };
      case 'other_manager':
        return { actor, targetId: await createUser(t.api, owner, 'manager') };
      case 'super_admin':
        return { actor, targetId: await createUser(t.api, owner, 'super_admin') };
      case 'customer':
        return { actor, targetId: (await registerCustomer(t.api)).id };
    }
  }

  function createBodyFor(target: Target): Record<string, unknown> {
    const role: RoleKey =
      target === 'other_manager' ? 'manager' : target === 'super_admin' ? 'super_admin' : target === 'customer' ? 'customer' : 'cashier';
    const body: Record<string, unknown> = { username: uniqueName('new'), password: `Tmp-${PASSWORDS[role]}`, first_name: 'New', last_name: 'Account', role };
    if (target === 'own_worker') body.manager_id = m1.id;
    if (target === 'other_worker') body.manager_id = m2.id;
    return body;
  }

  /** After a destructive row: did the target change exactly when it was allowed to? */
  async function effectMismatch(adapter: string, row: Row & { input: RowInput }): Promise<string | null> {
    if (!row.endpoint.destructive || row.target === 'none') return null;
    const seen = await t.api.get(`/users/${row.input.targetId}`, { token: owner.access });
    const before: RoleKey =
      row.target === 'self' ? row.role
        : row.target === 'other_manager' ? 'manager'
          : row.target === 'super_admin' ? 'super_admin'
            : row.target === 'customer' ? 'customer'
              : 'cashier';
    const allowed = row.want === ok;
    const want =
      row.endpoint.name === 'DELETE /users/{id}'
        ? (allowed ? 'gone (404)' : `present as ${before}`)
        : `present as ${allowed ? 'attendant' : before}`;
    const got = seen.status === 404 ? 'gone (404)' : `present as ${seen.body.role}`;
    return want === got ? null : `[${adapter}] role=${row.role} endpoint="${row.endpoint.name}" target=${labelOf(row.endpoint, row.target)}: afterwards the target should be ${want}, but it is ${got}`;
  }

  interface Row {
    role: RoleKey;
    endpoint: Endpoint;
    target: Target;
    want: Cell;
  }

  function allRows(): Row[] {
    const rows: Row[] = [];
    for (const endpoint of ENDPOINTS) {
      for (const role of ROLES) {
        for (const target of endpoint.targets) {
          const want = expectedCell(endpoint, role, target);
          if (want !== x) rows.push({ role, endpoint, target, want });
        }
      }
    }
    return rows;
  }

  /** Resolves every row's actor and target; destructive rows get fresh users, made in parallel. */
  async function resolveRows(): Promise<(Row & { input: RowInput })[]> {
    return Promise.all(
      allRows().map(async (row) => {
        const base =
          row.target === 'none'
            ? { actor: actors[row.role], targetId: 0 }
            : row.endpoint.destructive
              ? await freshRow(row.role, row.target)
              : { actor: actors[row.role], targetId: worldTarget(actors[row.role], row.target) };
        return { ...row, input: { ...base, createBody: createBodyFor(row.target) } };
      }),
    );
  }

  it('the table itself covers every endpoint × role × target of the Users section', () => {
    const rows = allRows();
    expect(new Set(rows.map((r) => r.endpoint.name)).size).toBe(10);
    // 8 endpoints with 6 targets (POST /users has 5), 2 without a target: 5 roles each.
    expect(rows.length).toBe(5 * (7 * 6 + 5 + 2));
  });

  it('REST enforces the table', async () => {
    const rows = await resolveRows();
    const failures: string[] = [];
    for (const row of rows) {
      const res = await row.endpoint.rest(t.api, row.input);
      const line = mismatch('REST', row.role, row.endpoint, row.target, row.want, restOutcome(res));
      if (line) failures.push(line);
      const effect = await effectMismatch('REST', row);
      if (effect) failures.push(effect);
    }
    expect(failures, `${failures.length} of ${rows.length} rows broke:\n${failures.join('\n')}`).toEqual([]);
  }, 180_000);

  it('tRPC (desktop memory session) enforces the same table', async () => {
    const rows = await resolveRows();
    const callers = new Map<number, Caller>();
    async function callerFor(user: SignedIn): Promise<Caller> {
      const known = callers.get(user.id);
      if (known) return known;
      const session = createMemorySession(t.core.services);
      const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: `window:${user.id}` });
      await caller.auth.login({ username: user.username, password: user.password });
      callers.set(user.id, caller);
      return caller;
    }
    const failures: string[] = [];
    for (const row of rows) {
      const caller = await callerFor(row.input.actor);
      const outcome = await trpcOutcome(() => row.endpoint.trpc(caller, row.input));
      const line = mismatch('tRPC', row.role, row.endpoint, row.target, row.want, outcome);
      if (line) failures.push(line);
      const effect = await effectMismatch('tRPC', row);
      if (effect) failures.push(effect);
    }
    expect(failures, `${failures.length} of ${rows.length} rows broke:\n${failures.join('\n')}`).toEqual([]);
  }, 180_000);
});
