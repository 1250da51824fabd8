/** The five fixed roles of docs/contract/API.md: keys, ids and display names never change. */
export const ROLE_KEYS = ['super_admin', 'manager', 'attendant', 'cashier', 'customer'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const ROLE_IDS = {
  super_admin: 1,
  manager: 2,
  attendant: 3,
  cashier: 4,
  customer: 5,
} as const satisfies Record<RoleKey, number>;

export const ROLE_NAMES = {
  super_admin: 'Super Admin',
  manager: 'Manager',
  attendant: 'Attendant',
  cashier: 'Cashier',
  customer: 'Customer',
} as const satisfies Record<RoleKey, string>;

/*
 * The role groups below say who can be what (a worker, a manager, staff): data about the
 * accounts. Who may do what is shared/permissions.ts.
 */

/** Roles that have a manager: the ones a manager creates and keeps as workers. */
export const WORKER_ROLES = ['attendant', 'cashier'] as const satisfies readonly RoleKey[];

/** Roles that may have workers (`manager_id` points at one of these). */
export const MANAGER_ROLES = ['super_admin', 'manager'] as const satisfies readonly RoleKey[];

/** Staff are everyone but self-registered customers. */
export const STAFF_ROLES = ['super_admin', 'manager', 'attendant', 'cashier'] as const satisfies readonly RoleKey[];

export function isRoleKey(value: string): value is RoleKey {
  return (ROLE_KEYS as readonly string[]).includes(value);
}

export function roleKeyById(id: number): RoleKey {
  const key = ROLE_KEYS.find((k) => ROLE_IDS[k] === id);
  if (!key) throw new Error(`unknown role id ${id}`);
  return key;
}

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
