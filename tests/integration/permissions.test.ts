import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, mayReadOrder, PERMISSIONS, reachCovers, reachOf, type PermissionAction, type Relation } from '../../shared/permissions';
import type { RoleKey } from '../../shared/roles';
import { appRouter } from '../../electron/trpc/root';
import { createMemorySession } from '../../electron/trpc/memory-session';
import type { ApiClient, ApiResponse } from '../helpers/api-client';
import { createSignedInUser, openDrawer, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/*
 * The permission table (shared/permissions.ts) against the real core, over REST and over tRPC.
 * The expected cells are derived from that same table: a role without the action gets 403; a
 * role with it succeeds on records within its reach and gets 404 outside it (docs/contract/API.md: "as if it
 * did not exist"), except on its own account (403). The few rules a cell cannot hold are
 * written out below, each with its reason.
 *
 * 'ok' = the action succeeds (REST: 201 for POST /users, 204 for DELETE, else 200);
 * 403 = the role may never take the action; 404 = the role may, but the record is out of reach;
 * '-' = the combination does not exist.
 */
type Cell = 'ok' | 400 | 403 | 404 | '-';
type Outcome = { cell: Cell | 401 | 409 | 423 | 500; status?: number; error?: string; message?: string; raw?: unknown };

const ROLES = ['super_admin', 'manager', 'attendant', 'cashier', 'customer'] as const satisfies readonly RoleKey[];
const TARGETS = ['self', 'own_worker', 'other_worker', 'other_manager', 'super_admin', 'customer'] as const;
type UserTarget = (typeof TARGETS)[number];
type Target = UserTarget | 'none';

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

/**
 * How a target relates to the actor of `role`. The actors are the owner, manager M1, M1's
 * attendant and cashier, and a customer: only M1 has workers, and to M1's workers another of
 * M1's workers is a peer.
 */
function relationOf(role: RoleKey, target: UserTarget): Relation {
  if (target === 'self') return 'self';
  return target === 'own_worker' && role === 'manager' ? 'own_worker' : 'other';
}

/** The cell the table gives a record action. */
function recordCell(action: PermissionAction, role: RoleKey, relation: Relation): Cell {
  const reach = reachOf(role, action);
  if (reach === null) return 403;
  if (reachCovers(reach, relation)) return ok;
  // One's own account is refused; any other record out of reach does not exist.
  return relation === 'self' ? 403 : 404;
}

/**
 * POST /users: the table says who may create and how far (any role, or one's own workers); the
 * "target" is the account asked for. Hand-written, as docs/api.md says: within `own_workers`
 * another manager's `manager_id` is 400 `fields.manager_id`, and a role that is no worker 403.
 */
function createCell(role: RoleKey, target: UserTarget): Cell {
  const reach = reachOf(role, 'users.create');
  if (reach === null) return 403;
  if (reach === 'any') return ok;
  if (target === 'own_worker') return ok;
  return target === 'other_worker' ? 400 : 403;
}

/** Who the rows point at: ids, or for POST /users the body of the account to create. */
interface RowInput {
  actor: SignedIn;
  targetId: number;
  /** The kind of account the target is (for a password that meets its policy). */
  targetRole: RoleKey;
  /** The target's manager now: PATCHing it back is a change that changes nothing. */
  targetManagerId: number | null;
  createBody: Record<string, unknown>;
}

type Caller = ReturnType<typeof appRouter.createCaller>;

interface Endpoint {
  name: string;
  /** The table's action; null for what every signed-in user may do. */
  action: PermissionAction | null;
  targets: readonly Target[];
  /** Destructive rows get throwaway targets (and a throwaway actor for `self`). */
  destructive: boolean;
  /** What an allowed row does to its target, checked afterwards. */
  effect?: 'deleted' | 'made_attendant';
  okStatus: number;
  rest(api: ApiClient, row: RowInput): Promise<ApiResponse>;
  trpc(caller: Caller, row: RowInput): Promise<unknown>;
}

const WORK_DAY = '2030-01-15';
const USER_TARGETS = TARGETS;
const NEW_ACCOUNT_TARGETS = TARGETS.filter((target) => target !== 'self');

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /users',
    action: 'users.create',
    targets: NEW_ACCOUNT_TARGETS,
    destructive: false,
    okStatus: 201,
    rest: (api, r) => api.post('/users', r.createBody, { token: r.actor.access }),
    trpc: (c, r) => c.users.create(r.createBody as Parameters<Caller['users']['create']>[0]),
  },
  {
    name: 'GET /users',
    action: 'users.list',
    targets: ['none'],
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get('/users', { token: r.actor.access }),
    trpc: (c) => c.users.list({ limit: 50 }),
  },
  {
    name: 'GET /users/{id}',
    action: 'users.read',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get(`/users/${r.targetId}`, { token: r.actor.access }),
    trpc: (c, r) => c.users.get({ id: r.targetId }),
  },
  {
    name: 'PATCH /users/{id}',
    action: 'users.update',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.patch(`/users/${r.targetId}`, { last_name: 'Same' }, { token: r.actor.access }),
    trpc: (c, r) => c.users.update({ id: r.targetId, changes: { last_name: 'Same' } }),
  },
  {
    name: 'PATCH /users/{id} manager_id',
    action: 'users.set_manager',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.patch(`/users/${r.targetId}`, { manager_id: r.targetManagerId }, { token: r.actor.access }),
    trpc: (c, r) => c.users.update({ id: r.targetId, changes: { manager_id: r.targetManagerId } }),
  },
  {
    name: 'PATCH /users/{id} is_active',
    action: 'users.set_active',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.patch(`/users/${r.targetId}`, { is_active: true }, { token: r.actor.access }),
    trpc: (c, r) => c.users.update({ id: r.targetId, changes: { is_active: true } }),
  },
  {
    name: 'PATCH /users/{id} password',
    action: 'users.set_password',
    targets: USER_TARGETS,
    // A set password ends the target's sign-ins: never one of the actors'.
    destructive: true,
    okStatus: 200,
    rest: (api, r) => api.patch(`/users/${r.targetId}`, { password: `New-${PASSWORDS[r.targetRole]}` }, { token: r.actor.access }),
    trpc: (c, r) => c.users.update({ id: r.targetId, changes: { password: `New-${PASSWORDS[r.targetRole]}` } }),
  },
  {
    name: 'DELETE /users/{id}',
    action: 'users.delete',
    targets: USER_TARGETS,
    destructive: true,
    effect: 'deleted',
    okStatus: 204,
    rest: (api, r) => api.delete(`/users/${r.targetId}`, { token: r.actor.access }),
    trpc: (c, r) => c.users.remove({ id: r.targetId }),
  },
  {
    name: 'POST /users/{id}/unlock',
    action: 'users.unlock',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.post(`/users/${r.targetId}/unlock`, {}, { token: r.actor.access }),
    trpc: (c, r) => c.users.unlock({ id: r.targetId }),
  },
  {
    name: 'POST /users/{id}/role',
    action: 'users.assign_role',
    targets: USER_TARGETS,
    destructive: true,
    effect: 'made_attendant',
    okStatus: 200,
    rest: (api, r) => api.post(`/users/${r.targetId}/role`, { role: 'attendant' }, { token: r.actor.access }),
    trpc: (c, r) => c.users.assignRole({ id: r.targetId, role: 'attendant' }),
  },
  {
    name: 'GET /me',
    action: null,
    targets: ['none'],
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get('/me', { token: r.actor.access }),
    trpc: (c) => c.profile.me(),
  },
  {
    name: 'GET /users/{id}/working-times',
    action: 'working_times.read',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get(`/users/${r.targetId}/working-times`, { token: r.actor.access }),
    trpc: (c, r) => c.shifts.list({ userId: r.targetId }),
  },
  {
    name: 'PUT /users/{id}/working-times/{date}',
    action: 'working_times.plan',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) =>
      api.put(`/users/${r.targetId}/working-times/${WORK_DAY}`, { start_time: '09:00', end_time: '17:00' }, { token: r.actor.access }),
    trpc: (c, r) => c.shifts.set({ userId: r.targetId, date: WORK_DAY, times: { start_time: '09:00', end_time: '17:00' } }),
  },
  {
    name: 'DELETE /users/{id}/working-times/{date}',
    action: 'working_times.plan',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 204,
    rest: (api, r) => api.delete(`/users/${r.targetId}/working-times/${WORK_DAY}`, { token: r.actor.access }),
    trpc: (c, r) => c.shifts.clear({ userId: r.targetId, date: WORK_DAY }),
  },
  {
    name: 'GET /users/{id}/time-entries',
    action: 'time_entries.read',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 200,
    rest: (api, r) => api.get(`/users/${r.targetId}/time-entries`, { token: r.actor.access }),
    trpc: (c, r) => c.timeClock.listForUser({ userId: r.targetId }),
  },
  {
    // No world user has a PIN here: clearing an absent one is a 204 that changes nothing.
    name: 'DELETE /users/{id}/pin',
    action: 'users.clear_pin',
    targets: USER_TARGETS,
    destructive: false,
    okStatus: 204,
    rest: (api, r) => api.delete(`/users/${r.targetId}/pin`, { token: r.actor.access }),
    trpc: (c, r) => c.users.clearPin({ id: r.targetId }),
  },
];

/**
 * PATCH fields with a permission of their own: the record is reached with `users.update` first
 * (outside it: 404), then the field needs its own reach (outside it: 403 naming the field).
 * Hand-written: one's own password is 400, it goes through /auth/password/change (docs/api.md).
 */
function fieldCell(action: PermissionAction, role: RoleKey, target: UserTarget): Cell {
  const relation = relationOf(role, target);
  const record = recordCell('users.update', role, relation);
  if (record !== ok) return record;
  if (action === 'users.set_password' && relation === 'self') return 400;
  return reachCovers(reachOf(role, action), relation) ? ok : 403;
}
const FIELD_ACTIONS = new Set<PermissionAction>(['users.set_manager', 'users.set_active', 'users.set_password']);

/** Working times are for staff: a customer is 404 even to the Super Admin, who plans any account. */
const STAFF_ONLY = new Set(['PUT /users/{id}/working-times/{date}', 'DELETE /users/{id}/working-times/{date}']);

function expectedCell(endpoint: Endpoint, role: RoleKey, target: Target): Cell {
  if (!endpoint.targets.includes(target)) return x;
  if (endpoint.action === null) return ok;
  if (target === 'none') return can(role, endpoint.action) ? ok : 403;
  if (endpoint.action === 'users.create') return createCell(role, target);
  if (FIELD_ACTIONS.has(endpoint.action)) return fieldCell(endpoint.action, role, target);
  const cell = recordCell(endpoint.action, role, relationOf(role, target));
  return STAFF_ONLY.has(endpoint.name) && target === 'customer' && cell === ok ? 404 : cell;
}

function labelOf(endpoint: Endpoint, target: Target): string {
  return endpoint.name === 'POST /users' ? (CREATE_LABEL[target] ?? target) : TARGET_LABEL[target];
}

type NotFoundModel = 'User' | 'Product' | 'Order' | 'Register' | 'CashSession' | 'TimeEntry' | 'TaxRate' | 'Refund';

/** Checks one outcome against its cell; returns a line for the failure list, or null. */
function mismatch(where: string, want: Cell, got: Outcome, okStatus: number, model: NotFoundModel, refusal = 'forbidden'): string | null {
  const gotText = `${got.status ?? got.cell}${got.error ? ` ${got.error}` : ''}${got.message ? ` "${got.message}"` : ''}`;
  if (got.cell !== want) return `${where}: expected ${want === 'ok' ? `2xx (${okStatus})` : want}, got ${gotText}`;
  if (want === 'ok' && got.status !== undefined && got.status !== okStatus) return `${where}: expected ${okStatus}, got ${got.status}`;
  const notFound = { error: 'not_found', message: `No ${model} matches the given query.` };
  if (want === 404 && (got.error !== notFound.error || got.message !== notFound.message)) {
    return `${where}: a 404 must read ${JSON.stringify(notFound)}, got ${JSON.stringify(got.raw)}`;
  }
  if (want === 403 && got.error !== refusal) return `${where}: a 403 must be "${refusal}", got ${JSON.stringify(got.raw)}`;
  return null;
}

function restOutcome(res: ApiResponse): Outcome {
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
  const res = await api.post(
    '/users',
    { username: uniqueName(role.slice(0, 4)), password: `Tmp-${PASSWORDS[role]}`, first_name: 'Throw', last_name: 'Away', role, ...extra },
    { token: creator.access },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** The shop both suites run in: the owner, managers M1 and M2, M1's attendant and cashier, M2's cashier, two customers. */
interface World {
  owner: SignedIn;
  m1: SignedIn;
  m2: SignedIn;
  a1: SignedIn;
  c1: SignedIn;
  c2: SignedIn;
  cu: SignedIn;
  cu2: SignedIn;
  /** One actor per role: the owner, M1, M1's attendant, M1's cashier, a customer. */
  actors: Record<RoleKey, SignedIn>;
}

async function buildWorld(api: ApiClient): Promise<World> {
  const owner = await setupOwner(api);
  const [m1, m2] = await Promise.all([createSignedInUser(api, owner, 'manager'), createSignedInUser(api, owner, 'manager')]);
  const [a1, c1, c2, cu, cu2] = await Promise.all([
    createSignedInUser(api, m1, 'attendant'),
    createSignedInUser(api, m1, 'cashier'),
    createSignedInUser(api, m2, 'cashier'),
    registerCustomer(api),
    registerCustomer(api),
  ]);
  return { owner, m1, m2, a1, c1, c2, cu, cu2, actors: { super_admin: owner, manager: m1, attendant: a1, cashier: c1, customer: cu } };
}

/** A desktop (memory-session) tRPC caller per user, signed in once. */
function trpcCallers(t: TestCore): (user: SignedIn) => Promise<Caller> {
  const callers = new Map<number, Caller>();
  return async (user) => {
    const known = callers.get(user.id);
    if (known) return known;
    const session = createMemorySession(t.core.services);
    const caller = appRouter.createCaller({ services: t.core.services, session, fromLoopback: true, clientKey: `window:${user.id}` });
    await caller.auth.login({ username: user.username, password: user.password });
    callers.set(user.id, caller);
    return caller;
  };
}

describe('the Users permission table, over REST and over tRPC', () => {
  let t: TestCore;
  let w: World;
  let sa2: number;

  beforeAll(async () => {
    // Every destructive row registers a fresh customer, all from 127.0.0.1.
    // Every row signs fresh people in (first sign-ins with a temporary password are refused on
    // purpose): the per-address failure throttle is measured elsewhere, not by this table.
    t = await startTestCore({
      registrationLimit: { points: 1_000, windowSeconds: 3_600 },
      loginThrottle: { failures: 100_000, windowSeconds: 300 },
    });
    w = await buildWorld(t.api);
    sa2 = await createUser(t.api, w.owner, 'super_admin');
  }, 60_000);
  afterAll(() => t.stop());

  /** The world's users, as seen from one actor. */
  function worldTarget(actor: SignedIn, target: UserTarget): number {
    switch (target) {
      case 'self':
        return actor.id;
      case 'own_worker':
        return actor.id === w.c1.id ? w.a1.id : w.c1.id;
      case 'other_worker':
        return w.c2.id;
      case 'other_manager':
        return w.m2.id;
      case 'super_admin':
        return actor.id === w.owner.id ? sa2 : w.owner.id;
      case 'customer':
        return actor.id === w.cu.id ? w.cu2.id : w.cu.id;
    }
  }

  /** A throwaway target of the same kind (or, for `self`, a throwaway actor of the same role). */
  async function freshRow(role: RoleKey, target: UserTarget): Promise<{ actor: SignedIn; targetId: number }> {
    const actor = w.actors[role];
    switch (target) {
      case 'self': {
        const fresh =
          role === 'customer'
            ? await registerCustomer(t.api)
            : await createSignedInUser(t.api, role === 'attendant' || role === 'cashier' ? w.m1 : w.owner, role);
        return { actor: fresh, targetId: fresh.id };
      }
      case 'own_worker':
        return { actor, targetId: await createUser(t.api, w.m1, 'cashier') };
      case 'other_worker':
        return { actor, targetId: await createUser(t.api, w.m2, 'cashier') };
      case 'other_manager':
        return { actor, targetId: await createUser(t.api, w.owner, 'manager') };
      case 'super_admin':
        return { actor, targetId: await createUser(t.api, w.owner, 'super_admin') };
      case 'customer':
        return { actor, targetId: (await registerCustomer(t.api)).id };
    }
  }

  function roleOfTarget(role: RoleKey, target: UserTarget): RoleKey {
    switch (target) {
      case 'self':
        return role;
      case 'other_manager':
        return 'manager';
      case 'super_admin':
        return 'super_admin';
      case 'customer':
        return 'customer';
      case 'own_worker':
      case 'other_worker':
        return 'cashier';
    }
  }

  /** Fresh workers are made by M1 (own) and M2 (other), like the world's. */
  function managerOfTarget(role: RoleKey, target: UserTarget): number | null {
    if (target === 'own_worker') return w.m1.id;
    if (target === 'other_worker') return w.m2.id;
    return target === 'self' && (role === 'attendant' || role === 'cashier') ? w.m1.id : null;
  }

  function createBodyFor(target: Target): Record<string, unknown> {
    const role: RoleKey =
      target === 'other_manager' ? 'manager' : target === 'super_admin' ? 'super_admin' : target === 'customer' ? 'customer' : 'cashier';
    const body: Record<string, unknown> = {
      username: uniqueName('new'),
      password: `Tmp-${PASSWORDS[role]}`,
      first_name: 'New',
      last_name: 'Account',
      role,
    };
    if (target === 'own_worker') body.manager_id = w.m1.id;
    if (target === 'other_worker') body.manager_id = w.m2.id;
    return body;
  }

  function whereOf(adapter: string, row: Row): string {
    return `[${adapter}] role=${row.role} endpoint="${row.endpoint.name}" target=${labelOf(row.endpoint, row.target)}`;
  }

  /** After a destructive row: did the target change exactly when it was allowed to? */
  async function effectMismatch(adapter: string, row: Row & { input: RowInput }): Promise<string | null> {
    if (row.endpoint.effect === undefined || row.target === 'none') return null;
    const seen = await t.api.get(`/users/${row.input.targetId}`, { token: w.owner.access });
    const before = row.input.targetRole;
    const allowed = row.want === ok;
    const want =
      row.endpoint.effect === 'deleted'
        ? allowed
          ? 'gone (404)'
          : `present as ${before}`
        : `present as ${allowed ? 'attendant' : before}`;
    const got = seen.status === 404 ? 'gone (404)' : `present as ${seen.body.role}`;
    return want === got ? null : `${whereOf(adapter, row)}: afterwards the target should be ${want}, but it is ${got}`;
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
        const actor = w.actors[row.role];
        const base =
          row.target === 'none'
            ? { actor, targetId: 0 }
            : row.endpoint.destructive
              ? await freshRow(row.role, row.target)
              : { actor, targetId: worldTarget(actor, row.target) };
        const targetRole = row.target === 'none' ? row.role : roleOfTarget(row.role, row.target);
        const targetManagerId = row.target === 'none' ? null : managerOfTarget(row.role, row.target);
        return { ...row, input: { ...base, targetRole, targetManagerId, createBody: createBodyFor(row.target) } };
      }),
    );
  }

  it('covers every endpoint × role × target of the Users section', () => {
    const rows = allRows();
    expect(new Set(rows.map((r) => r.endpoint.name)).size).toBe(16);
    // 14 endpoints with 6 targets (POST /users has 5), 2 without a target: 5 roles each.
    expect(rows.length).toBe(5 * (13 * 6 + 5 + 2));
  });

  it('derives the cells of docs/contract/API.md’s Roles table from shared/permissions.ts', () => {
    // A few cells spelled out, so a wrong derivation cannot pass unnoticed.
    const cell = (name: string, role: RoleKey, target: Target) => {
      const endpoint = ENDPOINTS.find((e) => e.name === name);
      if (!endpoint) throw new Error(name);
      return expectedCell(endpoint, role, target);
    };
    expect(cell('GET /users/{id}', 'manager', 'own_worker')).toBe(ok);
    expect(cell('GET /users/{id}', 'manager', 'other_worker')).toBe(404);
    expect(cell('GET /users/{id}', 'cashier', 'own_worker')).toBe(404);
    expect(cell('DELETE /users/{id}', 'super_admin', 'self')).toBe(403);
    expect(cell('DELETE /users/{id}', 'attendant', 'self')).toBe(403);
    expect(cell('PUT /users/{id}/working-times/{date}', 'manager', 'self')).toBe(403);
    expect(cell('PUT /users/{id}/working-times/{date}', 'super_admin', 'customer')).toBe(404);
    expect(cell('POST /users', 'manager', 'other_worker')).toBe(400);
    expect(cell('POST /users', 'manager', 'other_manager')).toBe(403);
    expect(cell('GET /users', 'customer', 'none')).toBe(403);
    expect(cell('GET /users/{id}/time-entries', 'manager', 'own_worker')).toBe(ok);
    expect(cell('GET /users/{id}/time-entries', 'customer', 'self')).toBe(403);
    expect(cell('DELETE /users/{id}/pin', 'cashier', 'self')).toBe(ok);
    expect(cell('DELETE /users/{id}/pin', 'manager', 'own_worker')).toBe(ok);
    expect(cell('DELETE /users/{id}/pin', 'manager', 'other_worker')).toBe(404);
  });

  it('REST enforces the table', async () => {
    const rows = await resolveRows();
    const failures: string[] = [];
    for (const row of rows) {
      const res = await row.endpoint.rest(t.api, row.input);
      const line = mismatch(whereOf('REST', row), row.want, restOutcome(res), row.endpoint.okStatus, 'User');
      if (line) failures.push(line);
      const effect = await effectMismatch('REST', row);
      if (effect) failures.push(effect);
    }
    expect(failures, `${failures.length} of ${rows.length} rows broke:\n${failures.join('\n')}`).toEqual([]);
  }, 180_000);

  it('tRPC (desktop memory session) enforces the same table', async () => {
    const rows = await resolveRows();
    const callerFor = trpcCallers(t);
    const failures: string[] = [];
    for (const row of rows) {
      const caller = await callerFor(row.input.actor);
      const outcome = await trpcOutcome(() => row.endpoint.trpc(caller, row.input));
      const line = mismatch(whereOf('tRPC', row), row.want, outcome, row.endpoint.okStatus, 'User');
      if (line) failures.push(line);
      const effect = await effectMismatch('tRPC', row);
      if (effect) failures.push(effect);
    }
    expect(failures, `${failures.length} of ${rows.length} rows broke:\n${failures.join('\n')}`).toEqual([]);
  }, 180_000);
});

/*
 * Every other role-gated endpoint × every role, from the same table. Records with a reach are
 * orders: "own" is one the actor placed, "other" one M2's cashier placed. Products have no
 * reach (a role may or may not write the catalog). Endpoints that exist only in the UI's tRPC
 * (the dashboard, CSV import and export, the settings screens) run over tRPC alone.
 */
type RecordTarget = 'none' | 'own' | 'other';

interface Fixtures {
  productId: number;
  /** Someone who is none of the actors: M2's cashier. */
  otherUserId: number;
  customerMaxFailedAttempts: number;
  customerOrderExpiryHours: number;
  /** The one line of each completed sale made for a refund row (order id → order_item_id). */
  saleItems: Map<number, number>;
  /** The owner's PIN consent, for the rows of a cashier's approved refund. */
  approval: { username: string; pin: string };
}

interface GatedEndpoint {
  name: string;
  action: PermissionAction;
  targets: readonly RecordTarget[];
  okStatus: number;
  /** A record made fresh for each row (rows change their records); its id is the row's. */
  record?: 'product' | 'order' | 'sale' | 'refund' | 'register' | 'cash_session' | 'time_entry' | 'tax_rate';
  rest?(api: ApiClient, actor: SignedIn, id: number, fx: Fixtures): Promise<ApiResponse>;
  trpc?(caller: Caller, id: number, fx: Fixtures): Promise<unknown>;
  /** A cell the table cannot hold, over the derived one. */
  adjust?(derived: Cell): Cell;
  /** The error of a 403, when it is not `forbidden` (an approval the role lacks). */
  refusalOf?(role: RoleKey): string;
}

const NONE = ['none'] as const;
const OWN_AND_OTHER = ['own', 'other'] as const;
const token = (actor: SignedIn) => ({ token: actor.access });
const newProduct = () => ({ sku: uniqueName('SKU-'), name: 'Gated product', price_cents: 250, stock: 100 });
const oneOf = (fx: Fixtures) => [{ product_id: fx.productId, amount: 1 }];
const newRegister = () => ({ name: uniqueName('Till ') });
const newTaxRate = () => ({ name: uniqueName('Rate '), rate_bp: 1000 });
/** A refund of the one unit of a sale made for the row, paid back by card (the product costs 250). */
const refundOf = (id: number, fx: Fixtures, approval?: Fixtures['approval']) => ({
  items: [{ order_item_id: fx.saleItems.get(id) ?? 0, amount: 1, restock: true }],
  payments: [{ method: 'card' as const, amount_cents: 250 }],
  reason: 'Gated refund',
  ...(approval ? { approval } : {}),
});

const GATED: GatedEndpoint[] = [
  // Catalog.
  {
    name: 'GET /products',
    action: 'products.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/products', token(a)),
    trpc: (c) => c.catalog.list({ limit: 10 }),
  },
  {
    name: 'GET /products/{id}',
    action: 'products.read',
    targets: NONE,
    okStatus: 200,
    record: 'product',
    rest: (api, a, id) => api.get(`/products/${id}`, token(a)),
    trpc: (c, id) => c.catalog.get({ id }),
  },
  {
    name: 'POST /products',
    action: 'products.write',
    targets: NONE,
    okStatus: 201,
    rest: (api, a) => api.post('/products', newProduct(), token(a)),
    trpc: (c) => c.catalog.create(newProduct()),
  },
  {
    name: 'PATCH /products/{id}',
    action: 'products.write',
    targets: NONE,
    okStatus: 200,
    record: 'product',
    rest: (api, a, id) => api.patch(`/products/${id}`, { name: 'Renamed product' }, token(a)),
    trpc: (c, id) => c.catalog.update({ id, changes: { name: 'Renamed product' } }),
  },
  {
    name: 'DELETE /products/{id}',
    action: 'products.write',
    targets: NONE,
    okStatus: 204,
    record: 'product',
    rest: (api, a, id) => api.delete(`/products/${id}`, token(a)),
    trpc: (c, id) => c.catalog.remove({ id }),
  },
  {
    name: 'POST /products/{id}/stock-adjustments',
    action: 'products.write',
    targets: NONE,
    okStatus: 201,
    record: 'product',
    rest: (api, a, id) => api.post(`/products/${id}/stock-adjustments`, { delta: 1, reason: 'recount' }, token(a)),
    trpc: (c, id) => c.catalog.adjustStock({ id, delta: 1, reason: 'recount' }),
  },
  {
    name: 'tRPC catalog.importRows',
    action: 'products.import',
    targets: NONE,
    okStatus: 200,
    trpc: (c) => c.catalog.importRows({ rows: [{ line: 1, product: newProduct() }] }),
  },
  { name: 'tRPC catalog.exportAll', action: 'products.export', targets: NONE, okStatus: 200, trpc: (c) => c.catalog.exportAll() },
  // The stock ledger: history, goods receiving, the reorder list (managers).
  {
    name: 'GET /products/{id}/stock-movements',
    action: 'stock.read',
    targets: NONE,
    okStatus: 200,
    record: 'product',
    rest: (api, a, id) => api.get(`/products/${id}/stock-movements`, token(a)),
    trpc: (c, id) => c.stock.movements({ id, limit: 10 }),
  },
  {
    name: 'GET /products/low-stock',
    action: 'stock.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/products/low-stock', token(a)),
    trpc: (c) => c.stock.lowStock({ limit: 10 }),
  },
  {
    name: 'GET /stock-receipts',
    action: 'stock.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/stock-receipts', token(a)),
    trpc: (c) => c.stock.receipts({ limit: 10 }),
  },
  {
    name: 'POST /stock-receipts',
    action: 'stock.receive',
    targets: NONE,
    okStatus: 201,
    rest: (api, a, _id, fx) => api.post('/stock-receipts', { supplier: 'Gated supplier', items: oneOf(fx) }, token(a)),
    trpc: (c, _id, fx) => c.stock.receive({ supplier: 'Gated supplier', items: oneOf(fx) }),
  },
  // Barcode labels: the printable sheet of products (managers).
  {
    name: 'POST /labels',
    action: 'products.labels',
    targets: NONE,
    okStatus: 200,
    rest: (api, a, _id, fx) => api.post('/labels', { items: [{ product_id: fx.productId, copies: 1 }] }, token(a)),
    trpc: (c, _id, fx) => c.labels.sheet({ items: [{ product_id: fx.productId, copies: 1 }] }),
  },
  // Orders.
  {
    name: 'POST /orders',
    action: 'orders.create',
    targets: NONE,
    okStatus: 201,
    rest: (api, a, _id, fx) => api.post('/orders', { items: oneOf(fx) }, token(a)),
    trpc: (c, _id, fx) => c.orders.create({ items: oneOf(fx) }),
  },
  {
    name: 'POST /orders (complete: true)',
    action: 'orders.complete',
    targets: NONE,
    okStatus: 201,
    rest: (api, a, _id, fx) => api.post('/orders', { items: oneOf(fx), complete: true }, token(a)),
    trpc: (c, _id, fx) => c.orders.create({ items: oneOf(fx), complete: true }),
  },
  {
    name: 'GET /orders',
    action: 'orders.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/orders', token(a)),
    trpc: (c) => c.orders.list({ limit: 10 }),
  },
  {
    name: 'GET /orders?user_id={someone else}',
    action: 'orders.read',
    targets: ['other'],
    okStatus: 200,
    rest: (api, a, _id, fx) => api.get(`/orders?user_id=${fx.otherUserId}`, token(a)),
    trpc: (c, _id, fx) => c.orders.list({ limit: 10, user_id: fx.otherUserId }),
    // A filter, not a record: asking for others' orders outside one's reach is 403 (docs/api.md).
    adjust: (derived) => (derived === 404 ? 403 : derived),
  },
  {
    name: 'GET /orders/{id}',
    action: 'orders.read',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'order',
    rest: (api, a, id) => api.get(`/orders/${id}`, token(a)),
    trpc: (c, id) => c.orders.get({ id }),
  },
  {
    // A completed sale of M2's cashier: staff read every sale (docs/api.md, Orders).
    name: 'GET /orders/{id} (a completed sale)',
    action: 'orders.read_sales',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'sale',
    rest: (api, a, id) => api.get(`/orders/${id}`, token(a)),
    trpc: (c, id) => c.orders.get({ id }),
  },
  {
    name: 'POST /orders/{id}/complete',
    action: 'orders.complete',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'order',
    rest: (api, a, id) => api.post(`/orders/${id}/complete`, {}, token(a)),
    trpc: (c, id) => c.orders.complete({ id }),
  },
  {
    name: 'POST /orders/{id}/cancel',
    action: 'orders.cancel',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'order',
    rest: (api, a, id) => api.post(`/orders/${id}/cancel`, {}, token(a)),
    trpc: (c, id) => c.orders.cancel({ id }),
  },
  {
    // Half off: beyond the default limit of the roles that may not approve (attendant and cashier
    // 10 %, customer 0 %); managers and the Super Admin give it themselves (limit 100 %).
    name: 'POST /orders (a discount beyond the worker roles’ limit)',
    action: 'orders.approve_discount',
    targets: NONE,
    okStatus: 201,
    rest: (api, a, _id, fx) => api.post('/orders', { items: oneOf(fx), discount: { type: 'percent', value: 50 } }, token(a)),
    trpc: (c, _id, fx) => c.orders.create({ items: oneOf(fx), discount: { type: 'percent', value: 50 } }),
    refusalOf: () => 'approval_required',
  },
  {
    name: 'GET /orders/export.csv',
    action: 'orders.export',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/orders/export.csv?from=2030-01-01&to=2030-01-31', token(a)),
    trpc: (c) => c.orders.exportCsv({ from: '2030-01-01', to: '2030-01-31' }),
  },
  { name: 'tRPC orders.stats', action: 'sales_stats.read', targets: NONE, okStatus: 200, trpc: (c) => c.orders.stats() },
  // Refunds (API-SELLING.md): of any sale (M2's cashier's here); a manager alone, a cashier or
  // attendant with a manager's approval, a customer never.
  {
    name: 'POST /orders/{id}/refunds',
    action: 'refunds.approve',
    targets: NONE,
    okStatus: 201,
    record: 'sale',
    rest: (api, a, id, fx) => api.post(`/orders/${id}/refunds`, refundOf(id, fx), token(a)),
    trpc: (c, id, fx) => c.refunds.create({ id, refund: refundOf(id, fx) }),
    refusalOf: (role) => (can(role, 'refunds.create') ? 'approval_required' : 'forbidden'),
  },
  {
    name: 'POST /orders/{id}/refunds (with a manager’s approval)',
    action: 'refunds.create',
    targets: NONE,
    okStatus: 201,
    record: 'sale',
    rest: (api, a, id, fx) => api.post(`/orders/${id}/refunds`, refundOf(id, fx, fx.approval), token(a)),
    trpc: (c, id, fx) => c.refunds.create({ id, refund: refundOf(id, fx, fx.approval) }),
  },
  {
    name: 'GET /orders/{id}/refunds',
    action: 'orders.read',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'order',
    rest: (api, a, id) => api.get(`/orders/${id}/refunds`, token(a)),
    trpc: (c, id) => c.refunds.listForOrder({ id }),
  },
  {
    name: 'GET /orders/{id}/refunds (a completed sale)',
    action: 'orders.read',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'sale',
    rest: (api, a, id) => api.get(`/orders/${id}/refunds`, token(a)),
    trpc: (c, id) => c.refunds.listForOrder({ id }),
  },
  {
    name: 'GET /refunds/{id}',
    action: 'orders.read',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'refund',
    rest: (api, a, id) => api.get(`/refunds/${id}`, token(a)),
    trpc: (c, id) => c.refunds.get({ id }),
  },
  // Audit log, role settings, the planner's week.
  {
    name: 'GET /audit-log',
    action: 'audit.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/audit-log', token(a)),
    trpc: (c) => c.audit.list({ limit: 10 }),
  },
  {
    name: 'GET /roles/{key}/settings',
    action: 'role_settings.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/roles/customer/settings', token(a)),
  },
  {
    name: 'PATCH /roles/{key}/settings',
    action: 'role_settings.update',
    targets: NONE,
    okStatus: 200,
    // The value it has: allowed rows change nothing that other rows depend on.
    rest: (api, a, _id, fx) => api.patch('/roles/customer/settings', { max_failed_attempts: fx.customerMaxFailedAttempts }, token(a)),
    trpc: (c, _id, fx) => c.roles.updateSettings({ key: 'customer', settings: { max_failed_attempts: fx.customerMaxFailedAttempts } }),
  },
  {
    name: 'tRPC shifts.week',
    action: 'working_times.plan',
    targets: NONE,
    okStatus: 200,
    trpc: (c) => c.shifts.week({ weekStart: WORK_DAY }),
  },
  {
    name: 'tRPC shifts.copyPreviousWeek',
    action: 'working_times.plan',
    targets: NONE,
    okStatus: 200,
    trpc: (c) => c.shifts.copyPreviousWeek({ weekStart: WORK_DAY }),
  },
  // The shop's settings and the outbox.
  {
    name: 'tRPC notifications.settings',
    action: 'notify_settings.read',
    targets: NONE,
    okStatus: 200,
    trpc: (c) => c.notifications.settings(),
  },
  {
    name: 'tRPC notifications.updateSettings',
    action: 'notify_settings.update',
    targets: NONE,
    okStatus: 200,
    trpc: (c) => c.notifications.updateSettings({ mail_from: 'shop@example.test' }),
  },
  {
    name: 'tRPC notifications.sendTest',
    action: 'notify.send_test',
    targets: NONE,
    okStatus: 200,
    // No SMTP server in tests: the answer says so, without sending anything.
    trpc: (c) => c.notifications.sendTest({ channel: 'email', to: 'test@example.test' }),
  },
  { name: 'tRPC notifications.outbox', action: 'outbox.read', targets: NONE, okStatus: 200, trpc: (c) => c.notifications.outbox() },
  { name: 'tRPC network.settings', action: 'network_settings.read', targets: NONE, okStatus: 200, trpc: (c) => c.network.settings() },
  {
    name: 'tRPC network.updateSettings',
    action: 'network_settings.update',
    targets: NONE,
    okStatus: 200,
    // Plain HTTP, as it is: a change applies at the next start anyway.
    trpc: (c) => c.network.updateSettings({ tls_cert_path: '', tls_key_path: '' }),
  },
  { name: 'tRPC settings.customers', action: 'customer_settings.read', targets: NONE, okStatus: 200, trpc: (c) => c.settings.customers() },
  {
    name: 'tRPC settings.updateCustomers',
    action: 'customer_settings.update',
    targets: NONE,
    okStatus: 200,
    trpc: (c, _id, fx) => c.settings.updateCustomers({ customer_order_expiry_hours: fx.customerOrderExpiryHours }),
  },
  {
    name: 'GET /shop',
    action: 'shop.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/shop', token(a)),
    trpc: (c) => c.shop.get(),
  },
  {
    name: 'PATCH /shop',
    action: 'shop.update',
    targets: NONE,
    okStatus: 200,
    // The value it has: allowed rows change nothing that other rows depend on.
    rest: (api, a) => api.patch('/shop', { name: 'My shop' }, token(a)),
    trpc: (c) => c.shop.update({ name: 'My shop' }),
  },
  // The till: registers, and cash sessions (a fresh register and session per row, float 0).
  {
    name: 'GET /registers',
    action: 'registers.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/registers', token(a)),
    trpc: (c) => c.registers.list(),
  },
  {
    name: 'POST /registers',
    action: 'registers.manage',
    targets: NONE,
    okStatus: 201,
    rest: (api, a) => api.post('/registers', newRegister(), token(a)),
    trpc: (c) => c.registers.create(newRegister()),
  },
  {
    name: 'PATCH /registers/{id}',
    action: 'registers.manage',
    targets: NONE,
    okStatus: 200,
    record: 'register',
    rest: (api, a, id) => api.patch(`/registers/${id}`, { name: 'Renamed till' }, token(a)),
    trpc: (c, id) => c.registers.update({ id, changes: { name: 'Renamed till' } }),
  },
  {
    name: 'POST /cash-sessions',
    action: 'cash_sessions.open',
    targets: NONE,
    okStatus: 201,
    record: 'register',
    rest: (api, a, id) => api.post('/cash-sessions', { register_id: id, opening_float_cents: 0 }, token(a)),
    trpc: (c, id) => c.cashSessions.open({ register_id: id, opening_float_cents: 0 }),
  },
  {
    name: 'GET /cash-sessions',
    action: 'cash_sessions.work',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/cash-sessions', token(a)),
    trpc: (c) => c.cashSessions.list({ limit: 10 }),
  },
  {
    name: 'GET /cash-sessions/{id}',
    action: 'cash_sessions.work',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'cash_session',
    rest: (api, a, id) => api.get(`/cash-sessions/${id}`, token(a)),
    trpc: (c, id) => c.cashSessions.get({ id }),
  },
  {
    name: 'GET /cash-sessions/{id}/report',
    action: 'cash_sessions.work',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'cash_session',
    rest: (api, a, id) => api.get(`/cash-sessions/${id}/report`, token(a)),
    trpc: (c, id) => c.cashSessions.report({ id }),
  },
  {
    name: 'POST /cash-sessions/{id}/movements',
    action: 'cash_sessions.work',
    targets: OWN_AND_OTHER,
    okStatus: 201,
    record: 'cash_session',
    rest: (api, a, id) => api.post(`/cash-sessions/${id}/movements`, { type: 'in', amount_cents: 100, reason: 'Float top-up' }, token(a)),
    trpc: (c, id) => c.cashSessions.addMovement({ id, movement: { type: 'in', amount_cents: 100, reason: 'Float top-up' } }),
  },
  {
    name: 'POST /cash-sessions/{id}/close',
    action: 'cash_sessions.work',
    targets: OWN_AND_OTHER,
    okStatus: 200,
    record: 'cash_session',
    rest: (api, a, id) => api.post(`/cash-sessions/${id}/close`, { counted_cash_cents: 0 }, token(a)),
    trpc: (c, id) => c.cashSessions.close({ id, count: { counted_cash_cents: 0 } }),
  },
  {
    // The actor's own session, counted 100.00 over a float of 0: beyond the default 5.00.
    name: 'POST /cash-sessions/{id}/close (variance beyond the limit)',
    action: 'cash_sessions.close_beyond_variance',
    targets: NONE,
    okStatus: 200,
    record: 'cash_session',
    rest: (api, a, id) => api.post(`/cash-sessions/${id}/close`, { counted_cash_cents: 10_000 }, token(a)),
    trpc: (c, id) => c.cashSessions.close({ id, count: { counted_cash_cents: 10_000 } }),
    // A role that may close its drawer but not approve the difference needs a manager's approval.
    refusalOf: (role) => (can(role, 'cash_sessions.work') ? 'approval_required' : 'forbidden'),
  },
  // Tax rates (API-SELLING.md): everyone signed in reads them, managers manage them.
  {
    name: 'GET /tax-rates',
    action: 'tax_rates.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/tax-rates?include_inactive=true', token(a)),
    trpc: (c) => c.taxRates.list({ include_inactive: 'true' }),
  },
  {
    name: 'POST /tax-rates',
    action: 'tax_rates.manage',
    targets: NONE,
    okStatus: 201,
    rest: (api, a) => api.post('/tax-rates', newTaxRate(), token(a)),
    trpc: (c) => c.taxRates.create(newTaxRate()),
  },
  {
    name: 'PATCH /tax-rates/{id}',
    action: 'tax_rates.manage',
    targets: NONE,
    okStatus: 200,
    record: 'tax_rate',
    rest: (api, a, id) => api.patch(`/tax-rates/${id}`, { is_active: false }, token(a)),
    trpc: (c, id) => c.taxRates.update({ id, changes: { is_active: false } }),
  },
  // Printers and the print queue (API-SELLING.md, "Receipts and printers"): managers.
  {
    name: 'GET /printers',
    action: 'printers.manage',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/printers', token(a)),
    trpc: (c) => c.printing.list(),
  },
  {
    name: 'POST /printers',
    action: 'printers.manage',
    targets: NONE,
    okStatus: 201,
    rest: (api, a) => api.post('/printers', { name: uniqueName('Printer '), kind: 'browser' }, token(a)),
    trpc: (c) => c.printing.create({ name: uniqueName('Printer '), kind: 'browser' }),
  },
  {
    name: 'GET /print-jobs',
    action: 'print_jobs.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/print-jobs', token(a)),
    trpc: (c) => c.printing.jobs({}),
  },
  // Backups (API-SELLING.md, "Backups"): the Super Admin's; never a restore route.
  {
    name: 'GET /backups',
    action: 'backups.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/backups', token(a)),
    trpc: (c) => c.backups.list(),
  },
  {
    name: 'POST /backups',
    action: 'backups.create',
    targets: NONE,
    okStatus: 201,
    rest: (api, a) => api.post('/backups', undefined, token(a)),
    trpc: (c) => c.backups.create(),
  },
  {
    name: 'GET /backup-settings',
    action: 'backups.read',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/backup-settings', token(a)),
    trpc: (c) => c.backups.settings(),
  },
  {
    name: 'PATCH /backup-settings',
    action: 'backups.configure',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.patch('/backup-settings', { keep_daily: 14 }, token(a)),
    trpc: (c) => c.backups.updateSettings({ keep_daily: 14 }),
  },
  // Staff PINs (API-SELLING.md): one's own, with one's password; a register's device token.
  {
    name: 'PUT /me/pin',
    action: 'pins.set_own',
    targets: NONE,
    okStatus: 204,
    rest: (api, a) => api.put('/me/pin', { password: a.password, pin: '2580' }, token(a)),
    trpc: async (c) => c.profile.setPin({ password: PASSWORDS[(await c.profile.me()).role], pin: '2580' }),
  },
  {
    name: 'POST /registers/{id}/device-token',
    action: 'registers.manage',
    targets: NONE,
    okStatus: 201,
    record: 'register',
    rest: (api, a, id) => api.post(`/registers/${id}/device-token`, {}, token(a)),
    trpc: (c, id) => c.registers.issueDeviceToken({ id }),
  },
  // Clock-in: every role's clock-in row runs before the clock-out rows, so each actor is in when it clocks out.
  {
    name: 'POST /me/clock-in',
    action: 'time_clock.use',
    targets: NONE,
    okStatus: 201,
    rest: (api, a) => api.post('/me/clock-in', {}, token(a)),
    trpc: (c) => c.timeClock.clockIn(),
  },
  {
    name: 'POST /me/clock-out',
    action: 'time_clock.use',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.post('/me/clock-out', {}, token(a)),
    trpc: (c) => c.timeClock.clockOut(),
  },
  {
    name: 'GET /time-entries',
    action: 'time_entries.list',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/time-entries', token(a)),
    trpc: (c) => c.timeClock.list({}),
  },
  {
    name: 'GET /time-entries/export.csv',
    action: 'time_entries.list',
    targets: NONE,
    okStatus: 200,
    rest: (api, a) => api.get('/time-entries/export.csv', token(a)),
    trpc: (c) => c.timeClock.exportCsv({}),
  },
  {
    // An entry of M2's cashier, clocked just now: the correction runs it on to now.
    name: 'PATCH /time-entries/{id}',
    action: 'time_entries.correct',
    targets: ['other'],
    okStatus: 200,
    record: 'time_entry',
    rest: (api, a, id) =>
      api.patch(`/time-entries/${id}`, { clock_out: new Date().toISOString(), reason: 'Forgot to clock out' }, token(a)),
    trpc: (c, id) => c.timeClock.correct({ id, changes: { clock_out: new Date().toISOString(), reason: 'Forgot to clock out' } }),
  },
];

/** The actions whose records are orders read by `mayReadOrder`: a completed sale reaches further. */
const ORDER_READS = new Set<PermissionAction>(['orders.read', 'orders.read_sales']);

/** Reading an order: refused without `orders.read`, else readable or (out of reach) 404. */
function orderReadCell(endpoint: GatedEndpoint, role: RoleKey, target: 'own' | 'other'): Cell {
  if (!can(role, 'orders.read')) return 403;
  const completed = endpoint.record === 'sale' || endpoint.record === 'refund';
  return mayReadOrder(role, target, completed) ? ok : 404;
}

function expectedGatedCell(endpoint: GatedEndpoint, role: RoleKey, target: RecordTarget): Cell {
  const derived =
    target === 'none'
      ? can(role, endpoint.action)
        ? ok
        : 403
      : ORDER_READS.has(endpoint.action)
        ? orderReadCell(endpoint, role, target)
        : recordCell(endpoint.action, role, target === 'own' ? 'own' : 'other');
  return endpoint.adjust ? endpoint.adjust(derived) : derived;
}

describe('the other role-gated endpoints, from the same table', () => {
  let t: TestCore;
  let w: World;
  let fx: Fixtures;

  beforeAll(async () => {
    // Customers' orders pile up over the rows: lift the per-address limit and the caps.
    t = await startTestCore({
      customerOrders: { perAddress: { points: 1_000, windowSeconds: 3_600 }, caps: { maxOpenOrders: 1_000, maxOpenUnits: 100_000 } },
      loginThrottle: { failures: 100_000, windowSeconds: 300 },
    });
    w = await buildWorld(t.api);
    // The default till's drawer is open, so the rows that complete a sale measure the role, not the till.
    await openDrawer(t.api, w.owner);
    // The same PIN the PUT /me/pin rows set: the owner approves the cashiers' refund rows.
    expect((await t.api.put('/me/pin', { password: w.owner.password, pin: '2580' }, token(w.owner))).status).toBe(204);
    const product = await t.api.post('/products', { ...newProduct(), stock: 100_000 }, token(w.owner));
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const policy = await t.api.get('/roles/customer/settings', token(w.owner));
    const customers = await (await trpcCallers(t)(w.owner)).settings.customers();
    fx = {
      productId: product.body.id,
      otherUserId: w.c2.id,
      customerMaxFailedAttempts: policy.body.max_failed_attempts,
      customerOrderExpiryHours: customers.customer_order_expiry_hours,
      saleItems: new Map(),
      approval: { username: w.owner.username, pin: '2580' },
    };
  }, 60_000);
  afterAll(() => t.stop());

  interface GatedRow {
    role: RoleKey;
    endpoint: GatedEndpoint;
    target: RecordTarget;
    want: Cell;
  }

  function rows(adapter: 'rest' | 'trpc'): GatedRow[] {
    return GATED.filter((endpoint) => endpoint[adapter] !== undefined).flatMap((endpoint) =>
      ROLES.flatMap((role) =>
        endpoint.targets.map((target) => ({ role, endpoint, target, want: expectedGatedCell(endpoint, role, target) })),
      ),
    );
  }

  /** The row's record: a fresh product, or a fresh open order of the actor or of M2's cashier. */
  async function recordFor(row: GatedRow): Promise<number> {
    if (row.endpoint.record === 'product') {
      const res = await t.api.post('/products', newProduct(), token(w.owner));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    }
    if (row.endpoint.record === 'register' || row.endpoint.record === 'cash_session') {
      const register = await t.api.post('/registers', newRegister(), token(w.owner));
      expect(register.status, JSON.stringify(register.body)).toBe(201);
      if (row.endpoint.record === 'register') return register.body.id;
      // A customer has no drawer of its own: its "own" row uses the owner's, refused all the same.
      const opener = row.target === 'other' ? w.c2 : row.role === 'customer' ? w.owner : w.actors[row.role];
      const session = await t.api.post('/cash-sessions', { register_id: register.body.id, opening_float_cents: 0 }, token(opener));
      expect(session.status, JSON.stringify(session.body)).toBe(201);
      return session.body.id;
    }
    if (row.endpoint.record === 'tax_rate') {
      const rate = await t.api.post('/tax-rates', newTaxRate(), token(w.owner));
      expect(rate.status, JSON.stringify(rate.body)).toBe(201);
      return rate.body.id;
    }
    if (row.endpoint.record === 'time_entry') {
      expect((await t.api.post('/me/clock-in', {}, token(w.c2))).status).toBe(201);
      const entry = await t.api.post('/me/clock-out', {}, token(w.c2));
      expect(entry.status, JSON.stringify(entry.body)).toBe(200);
      return entry.body.id;
    }
    if (row.endpoint.record === 'sale' || row.endpoint.record === 'refund') {
      // Placed by the actor or M2's cashier, completed and (for `refund`) refunded by the owner.
      const placer = row.target === 'own' ? w.actors[row.role] : w.c2;
      const placed = await t.api.post('/orders', { items: oneOf(fx) }, token(placer));
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      const sold = await t.api.post(
        `/orders/${placed.body.id}/complete`,
        { payments: [{ method: 'card', amount_cents: 250 }] },
        token(w.owner),
      );
      expect(sold.status, JSON.stringify(sold.body)).toBe(200);
      fx.saleItems.set(sold.body.id, sold.body.items[0].order_item_id);
      if (row.endpoint.record === 'sale') return sold.body.id;
      const refund = await t.api.post(`/orders/${sold.body.id}/refunds`, refundOf(sold.body.id, fx), token(w.owner));
      expect(refund.status, JSON.stringify(refund.body)).toBe(201);
      return refund.body.id;
    }
    if (row.endpoint.record === 'order') {
      const placer = row.target === 'own' ? w.actors[row.role] : w.c2;
      const res = await t.api.post('/orders', { items: oneOf(fx) }, token(placer));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    }
    return 0;
  }

  const whereOf = (adapter: string, row: GatedRow) => `[${adapter}] role=${row.role} endpoint="${row.endpoint.name}" target=${row.target}`;
  const MODELS = {
    product: 'Product',
    order: 'Order',
    sale: 'Order',
    refund: 'Refund',
    register: 'Register',
    cash_session: 'CashSession',
    time_entry: 'TimeEntry',
    tax_rate: 'TaxRate',
  } as const;
  const modelOf = (endpoint: GatedEndpoint): NotFoundModel => MODELS[endpoint.record ?? 'order'];
  const refusalOf = (row: GatedRow) => row.endpoint.refusalOf?.(row.role);

  it('covers every action of shared/permissions.ts, with the Users section', () => {
    const exercised = new Set([...ENDPOINTS.map((e) => e.action), ...GATED.map((e) => e.action)]);
    expect(Object.keys(PERMISSIONS).filter((action) => !exercised.has(action as PermissionAction))).toEqual([]);
    // Every endpoint runs somewhere, and every REST one through REST.
    expect(GATED.filter((e) => !e.rest && !e.trpc)).toEqual([]);
    // 45 REST endpoints without a record (4 of them the stock ledger's, 2 refunds, 1 labels, 3 printers, 4 backups), 4 with an own
    // and an other order (one a completed sale), 3 with an own and an other order's refunds (one
    // of a completed sale), 4 with an own and an other cash session, 2 with someone else's record
    // (an id, a time entry).
    expect(rows('rest').length).toBe(5 * (45 + 11 * 2 + 2));
  });

  it('derives the cells of docs/contract/API.md’s Roles table (and docs/api.md) from shared/permissions.ts', () => {
    const cell = (name: string, role: RoleKey, target: RecordTarget) => {
      const endpoint = GATED.find((e) => e.name === name);
      if (!endpoint) throw new Error(name);
      return expectedGatedCell(endpoint, role, target);
    };
    expect(cell('POST /products', 'manager', 'none')).toBe(ok);
    expect(cell('POST /products', 'cashier', 'none')).toBe(403);
    expect(cell('POST /orders (complete: true)', 'customer', 'none')).toBe(403);
    expect(cell('GET /orders/{id}', 'cashier', 'other')).toBe(404);
    expect(cell('GET /orders/{id}', 'manager', 'other')).toBe(ok);
    expect(cell('GET /orders/{id} (a completed sale)', 'cashier', 'other')).toBe(ok);
    expect(cell('GET /orders/{id} (a completed sale)', 'customer', 'other')).toBe(404);
    expect(cell('GET /orders/{id} (a completed sale)', 'customer', 'own')).toBe(ok);
    expect(cell('GET /refunds/{id}', 'attendant', 'other')).toBe(ok);
    expect(cell('POST /orders/{id}/complete', 'customer', 'own')).toBe(403);
    expect(cell('POST /orders/{id}/cancel', 'customer', 'own')).toBe(ok);
    expect(cell('GET /orders?user_id={someone else}', 'attendant', 'other')).toBe(403);
    expect(cell('PATCH /roles/{key}/settings', 'manager', 'none')).toBe(403);
    expect(cell('GET /audit-log', 'manager', 'none')).toBe(ok);
    expect(cell('tRPC notifications.outbox', 'manager', 'none')).toBe(403);
    expect(cell('POST /cash-sessions', 'attendant', 'none')).toBe(ok);
    expect(cell('GET /cash-sessions/{id}', 'cashier', 'other')).toBe(404);
    expect(cell('GET /cash-sessions/{id}', 'manager', 'other')).toBe(ok);
    expect(cell('PATCH /registers/{id}', 'cashier', 'none')).toBe(403);
    expect(cell('GET /tax-rates', 'customer', 'none')).toBe(ok);
    expect(cell('POST /tax-rates', 'manager', 'none')).toBe(ok);
    expect(cell('POST /tax-rates', 'cashier', 'none')).toBe(403);
    expect(cell('PATCH /tax-rates/{id}', 'attendant', 'none')).toBe(403);
    expect(cell('POST /cash-sessions/{id}/close (variance beyond the limit)', 'cashier', 'none')).toBe(403);
    expect(cell('POST /me/clock-in', 'customer', 'none')).toBe(403);
    expect(cell('POST /orders/{id}/refunds', 'manager', 'none')).toBe(ok);
    expect(cell('POST /orders/{id}/refunds', 'cashier', 'none')).toBe(403);
    expect(cell('POST /orders/{id}/refunds (with a manager’s approval)', 'cashier', 'none')).toBe(ok);
    expect(cell('POST /orders/{id}/refunds (with a manager’s approval)', 'customer', 'none')).toBe(403);
    expect(cell('GET /refunds/{id}', 'cashier', 'other')).toBe(ok);
    expect(cell('PATCH /time-entries/{id}', 'manager', 'other')).toBe(404);
    expect(cell('PATCH /time-entries/{id}', 'super_admin', 'other')).toBe(ok);
  });

  it('REST enforces the table', async () => {
    const all = rows('rest');
    const failures: string[] = [];
    for (const row of all) {
      const id = await recordFor(row);
      const res = await row.endpoint.rest?.(t.api, w.actors[row.role], id, fx);
      if (!res) continue;
      const line = mismatch(whereOf('REST', row), row.want, restOutcome(res), row.endpoint.okStatus, modelOf(row.endpoint), refusalOf(row));
      if (line) failures.push(line);
    }
    expect(failures, `${failures.length} of ${all.length} rows broke:\n${failures.join('\n')}`).toEqual([]);
  }, 120_000);

  it('tRPC (desktop memory session) enforces the same table', async () => {
    const all = rows('trpc');
    const callerFor = trpcCallers(t);
    const failures: string[] = [];
    for (const row of all) {
      const id = await recordFor(row);
      const caller = await callerFor(w.actors[row.role]);
      const call = row.endpoint.trpc;
      if (!call) continue;
      const outcome = await trpcOutcome(() => call(caller, id, fx));
      // A tRPC success has no status code: the REST run checks those.
      const line = mismatch(whereOf('tRPC', row), row.want, outcome, row.endpoint.okStatus, modelOf(row.endpoint), refusalOf(row));
      if (line) failures.push(line);
    }
    expect(failures, `${failures.length} of ${all.length} rows broke:\n${failures.join('\n')}`).toEqual([]);
  }, 120_000);
});
