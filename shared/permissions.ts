import type { RoleKey } from './roles';

/**
 * How far a grant reaches over records:
 * - `any`: every record; `others`: every record but the actor's own account;
 * - `self`: the actor's own account; `own`: what the actor owns (their orders);
 * - `own_workers`: the actor's workers; `self_and_own_workers`: both of those.
 */
export type Reach = 'any' | 'others' | 'self' | 'own' | 'own_workers' | 'self_and_own_workers';

/**
 * One cell of the table. `false`: the role may never (403). `true`: it may (nothing to reach
 * for). A `Reach`: it may, for records within it; a record outside answers 404 as if it did
 * not exist (docs/contract/API.md, Roles), except the actor's own account, which is refused with 403.
 */
type Grant = boolean | Reach;

/** How a record relates to the one asking about it. */
export type Relation = 'self' | 'own_worker' | 'own' | 'other';

/** Which relations each reach covers. */
const REACH_COVERS = {
  any: ['self', 'own_worker', 'own', 'other'],
  others: ['own_worker', 'own', 'other'],
  self: ['self'],
  own: ['own'],
  own_workers: ['own_worker'],
  self_and_own_workers: ['self', 'own_worker'],
} as const satisfies Record<Reach, readonly Relation[]>;

/**
 * THE permission table: every action the core enforces × every role, from the Roles table of
 * docs/contract/API.md plus the actions beyond it. Services check it (electron/core/permissions.ts), the UI
 * reads it to show or hide, the permission tests derive their expectations from it. Rules a
 * cell cannot hold stay in the services: a customer has no working times; a manager's new
 * accounts and role changes keep to the worker roles (attendant, cashier).
 */
export const PERMISSIONS = {
  // Users. A manager creates attendants and cashiers, who become their own workers.
  'users.create': { super_admin: 'any', manager: 'own_workers', attendant: false, cashier: false, customer: false },
  'users.list': { super_admin: 'any', manager: 'self_and_own_workers', attendant: false, cashier: false, customer: false },
  'users.read': { super_admin: 'any', manager: 'self_and_own_workers', attendant: 'self', cashier: 'self', customer: 'self' },
  /** PATCH names, email, phone. */
  'users.update': { super_admin: 'any', manager: 'self_and_own_workers', attendant: 'self', cashier: 'self', customer: 'self' },
  /** PATCH `manager_id`. */
  'users.set_manager': { super_admin: 'any', manager: false, attendant: false, cashier: false, customer: false },
  /** PATCH `is_active`. */
  'users.set_active': { super_admin: 'others', manager: 'own_workers', attendant: false, cashier: false, customer: false },
  /** PATCH `password` (a temporary one; one's own goes through /auth/password/change). */
  'users.set_password': { super_admin: 'others', manager: 'own_workers', attendant: false, cashier: false, customer: false },
  'users.delete': { super_admin: 'others', manager: 'own_workers', attendant: false, cashier: false, customer: false },
  'users.unlock': { super_admin: 'others', manager: 'own_workers', attendant: false, cashier: false, customer: false },
  /** DELETE /users/{id}/pin: whoever may edit the account, its owner included (API-SELLING.md). */
  'users.clear_pin': { super_admin: 'any', manager: 'self_and_own_workers', attendant: 'self', cashier: 'self', customer: false },
  /** PUT /me/pin: staff set their own PIN (for the quick switch and approvals); customers have none. */
  'pins.set_own': { super_admin: true, manager: true, attendant: true, cashier: true, customer: false },
  /** Within `own_workers` only the worker roles may be given: a worker stays a worker. */
  'users.assign_role': { super_admin: 'others', manager: 'own_workers', attendant: false, cashier: false, customer: false },

  // Working times: reading follows "read user"; planning covers any staff, or one's own workers.
  'working_times.read': { super_admin: 'any', manager: 'self_and_own_workers', attendant: 'self', cashier: 'self', customer: 'self' },
  'working_times.plan': { super_admin: 'any', manager: 'own_workers', attendant: false, cashier: false, customer: false },

  // Clock-in (API-SELLING.md): staff clock themselves; reading follows "read user" for staff;
  // the lists, the timesheet export and corrections are the manager's (their workers) or the owner's.
  'time_clock.use': { super_admin: true, manager: true, attendant: true, cashier: true, customer: false },
  'time_entries.read': { super_admin: 'any', manager: 'self_and_own_workers', attendant: 'self', cashier: 'self', customer: false },
  /** `GET /time-entries` and its CSV timesheet. */
  'time_entries.list': { super_admin: 'any', manager: 'own_workers', attendant: false, cashier: false, customer: false },
  'time_entries.correct': { super_admin: 'any', manager: 'own_workers', attendant: false, cashier: false, customer: false },

  // Role settings (password policies).
  'role_settings.read': { super_admin: true, manager: true, attendant: true, cashier: true, customer: true },
  'role_settings.update': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },

  // Catalog. `write`: create, change, deactivate, adjust stock.
  'products.read': { super_admin: true, manager: true, attendant: true, cashier: true, customer: true },
  'products.write': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  'products.import': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  'products.export': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  /** Print barcode labels of products (name, price, barcode) on a sheet or a label printer. */
  'products.labels': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  // The stock ledger (API-SELLING.md): a product's movements, goods receipts, what to reorder.
  'stock.read': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  'stock.receive': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },

  // Orders: one's own, or everyone's; customers never complete one.
  'orders.create': { super_admin: true, manager: true, attendant: true, cashier: true, customer: true },
  'orders.read': { super_admin: 'any', manager: 'any', attendant: 'own', cashier: 'own', customer: 'own' },
  /**
   * Read any completed sale, whoever sold it: find it by its receipt number, see its refunds,
   * refund (with approval) or reprint it. A receipt is a paper the customer holds, numbered
   * 1, 2, 3 …; open orders stay their owner's (docs/api.md, "Orders").
   */
  'orders.read_sales': { super_admin: true, manager: true, attendant: true, cashier: true, customer: false },
  'orders.complete': { super_admin: 'any', manager: 'any', attendant: 'own', cashier: 'own', customer: false },
  'orders.cancel': { super_admin: 'any', manager: 'any', attendant: 'own', cashier: 'own', customer: 'own' },
  /** Approve with one's PIN a discount beyond the creator's `max_discount_percent` (API-SELLING.md, Discounts). */
  'orders.approve_discount': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  // Refunds (API-SELLING.md): staff refund, but only a manager alone; a cashier or attendant
  // needs a manager's approval (403 `approval_required`). Reading follows reading the order
  // (`mayReadOrder`): refunds are of completed sales.
  'refunds.create': { super_admin: true, manager: true, attendant: true, cashier: true, customer: false },
  /** Refund without anyone's approval, and approve another's refund with one's PIN. */
  'refunds.approve': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  /** `GET /orders/export.csv`: the accountant's sales lines. */
  'orders.export': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  'sales_stats.read': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },

  // Audit log: every entry, or the entries about one's own workers.
  'audit.read': { super_admin: 'any', manager: 'own_workers', attendant: false, cashier: false, customer: false },

  // The shop's settings, and the outbox (where unsent PINs can be read).
  'notify_settings.read': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'notify_settings.update': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'notify.send_test': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'outbox.read': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'network_settings.read': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'network_settings.update': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  /** Self-registration, and how long customers' open orders hold stock. */
  'customer_settings.read': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'customer_settings.update': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  // Backups (API-SELLING.md, "Backups"): the list, a backup now, and the schedule's settings.
  // Restoring is never an action of the network: the desktop app or the command line only.
  'backups.read': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'backups.create': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  'backups.configure': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },
  /** The shop's own settings (API-SELLING.md): everyone signed in reads them, the till needs them. */
  'shop.read': { super_admin: true, manager: true, attendant: true, cashier: true, customer: true },
  'shop.update': { super_admin: true, manager: false, attendant: false, cashier: false, customer: false },

  // The till (API-SELLING.md, "Registers and cash sessions"): staff work drawers, managers set up registers.
  'registers.read': { super_admin: true, manager: true, attendant: true, cashier: true, customer: false },
  'registers.manage': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  'cash_sessions.open': { super_admin: true, manager: true, attendant: true, cashier: true, customer: false },
  /** Read, report on, move cash in or out of, and close: every session, or those one opened. */
  'cash_sessions.work': { super_admin: 'any', manager: 'any', attendant: 'own', cashier: 'own', customer: false },
  /** Close a drawer whose variance exceeds `variance_approval_cents`; others get 403 `approval_required`. */
  'cash_sessions.close_beyond_variance': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },

  // Tax rates (API-SELLING.md): everyone signed in reads them (the till and the webstore show
  // prices with their tax); managers add, rename and (de)activate them.
  'tax_rates.read': { super_admin: true, manager: true, attendant: true, cashier: true, customer: true },
  'tax_rates.manage': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },

  // Printers (API-SELLING.md, "Receipts and printers"): managers set them up and watch the print
  // queue; staff print the receipts they may read (the order's own read check).
  'printers.manage': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
  /** `GET /print-jobs` and a manual retry of a job. */
  'print_jobs.read': { super_admin: true, manager: true, attendant: false, cashier: false, customer: false },
} as const satisfies Record<string, Record<RoleKey, Grant>>;

export type PermissionAction = keyof typeof PERMISSIONS;

function grantOf(role: RoleKey, action: PermissionAction): Grant {
  return PERMISSIONS[action][role];
}

/** May `role` ever take `action` (on at least some record)? */
export function can(role: RoleKey, action: PermissionAction): boolean {
  return grantOf(role, action) !== false;
}

/** How far `role` reaches with `action`: null when never, `any` for a plain yes. */
export function reachOf(role: RoleKey, action: PermissionAction): Reach | null {
  const grant = grantOf(role, action);
  if (grant === false) return null;
  return grant === true ? 'any' : grant;
}

/**
 * May `role` read an order (and its refunds) that is its own or another's, in this state? Within
 * `orders.read`'s reach, or a completed sale for the roles that read sales.
 */
export function mayReadOrder(role: RoleKey, relation: 'own' | 'other', completed: boolean): boolean {
  return reachCovers(reachOf(role, 'orders.read'), relation) || (completed && can(role, 'orders.read_sales'));
}

export function reachCovers(reach: Reach | null, relation: Relation): boolean {
  if (reach === null) return false;
  const covered: readonly Relation[] = REACH_COVERS[reach];
  return covered.includes(relation);
}
