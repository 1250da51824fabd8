import type { RoleKey } from './roles';

/**
 * The largest discount share of a sale (discount ÷ subtotal, in percent) each role may give
 * without a manager's approval, until the Super Admin changes it (API-SELLING.md, Discounts).
 */
export const DEFAULT_MAX_DISCOUNT_PERCENT = {
  super_admin: 100,
  manager: 100,
  attendant: 10,
  cashier: 10,
  customer: 0,
} as const satisfies Record<RoleKey, number>;
