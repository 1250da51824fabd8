import { expect } from 'vitest';
import type { RoleKey } from '../../shared/roles';
import type { ApiClient } from './api-client';
import { PASSWORDS } from './test-core';

export interface SignedIn {
  id: number;
  username: string;
  password: string;
  access: string;
  refresh: string;
}

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** First-run setup of the owner, then a sign-in. */
export async function setupOwner(api: ApiClient, username = 'owner'): Promise<SignedIn> {
  const setup = await api.post('/setup', { username, password: PASSWORDS.super_admin, first_name: 'Olga', last_name: 'Owner' });
  expect(setup.status, JSON.stringify(setup.body)).toBe(201);
  return signIn(api, username, PASSWORDS.super_admin);
}

export async function signIn(api: ApiClient, username: string, password: string): Promise<SignedIn> {
  const res = await api.post('/auth/login', { username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: res.body.user.id, username, password, access: res.body.access, refresh: res.body.refresh };
}

/**
 * Creates a staff account as `creator` with a temporary password, then signs the new user in
 * the way a person would: login → 403 code 4 → change the password with the change token.
 */
export async function createSignedInUser(
  api: ApiClient,
  creator: SignedIn,
  role: RoleKey,
  extra: Record<string, unknown> = {},
): Promise<SignedIn> {
  const username = uniqueName(role.slice(0, 4));
  const temporary = `Tmp-${PASSWORDS[role]}`;
  const created = await api.post(
    '/users',
    { username, password: temporary, first_name: 'Test', last_name: role, role, ...extra },
    { token: creator.access },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const first = await api.post('/auth/login', { username, password: temporary });
  expect(first.status, JSON.stringify(first.body)).toBe(403);
  const changed = await api.post(
    '/auth/password/change',
    { old_password: temporary, new_password: PASSWORDS[role] },
    { token: first.body.change_token },
  );
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  return signIn(api, username, PASSWORDS[role]);
}

/**
 * Opens a cash session on a register (the default when none is named) as `user`, as a cashier
 * does before the first sale of the day. Answers the register's and the session's ids.
 */
export async function openDrawer(
  api: ApiClient,
  user: Pick<SignedIn, 'access'>,
  options: { registerId?: number; floatCents?: number } = {},
): Promise<{ registerId: number; sessionId: number }> {
  let registerId = options.registerId;
  if (registerId === undefined) {
    const registers = await api.get('/registers', { token: user.access });
    expect(registers.status, JSON.stringify(registers.body)).toBe(200);
    registerId = (registers.body as { id: number; is_default: boolean }[]).find((r) => r.is_default)?.id;
    if (registerId === undefined) throw new Error('the shop has no default register');
  }
  const opened = await api.post(
    '/cash-sessions',
    { register_id: registerId, opening_float_cents: options.floatCents ?? 0 },
    { token: user.access },
  );
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return { registerId, sessionId: opened.body.id };
}
