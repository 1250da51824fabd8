import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { roles } from '../../../db/schema';
import type { RoleKey } from '../../../shared/roles';

/**
 * A role's `max_discount_percent`, read at every sale on a statement prepared once: the Super
 * Admin may change it while the shop runs, and the next sale keeps to the new limit.
 */
export function prepareDiscountLimit(db: Db) {
  const limitOfRole = db
    .select({ maxDiscountPercent: roles.maxDiscountPercent })
    .from(roles)
    .where(eq(roles.key, sql.placeholder('key')))
    .prepare();
  // A role without a row (never, once seeded) gives no discount on its own.
  return (role: RoleKey): number => limitOfRole.get({ key: role })?.maxDiscountPercent ?? 0;
}
