import { DEFAULT_POLICIES } from '../shared/password-policy';
import { DEFAULT_MAX_DISCOUNT_PERCENT } from '../shared/role-discounts';
import { ROLE_IDS, ROLE_KEYS, ROLE_NAMES } from '../shared/roles';
import type { Db } from './client';
import { roles } from './schema';

/** Inserts the five fixed roles with their default policies and discount limits; keeps any edited row as it is. */
export function seedRoles(db: Db, now: number): void {
  db.transaction((tx) => {
    for (const key of ROLE_KEYS) {
      const p = DEFAULT_POLICIES[key];
      tx.insert(roles)
        .values({
          id: ROLE_IDS[key],
          key,
          name: ROLE_NAMES[key],
          minimumCharacters: p.minimum_characters,
          containUpperCase: p.contain_upper_case,
          containLowerCase: p.contain_lower_case,
          containSpecialCase: p.contain_special_case,
          containNumber: p.contain_number,
          passwordExpiration: p.password_expiration,
          maxFailedAttempts: p.max_failed_attempts,
          maxDiscountPercent: DEFAULT_MAX_DISCOUNT_PERCENT[key],
          updatedAt: now,
        })
        .onConflictDoNothing()
        .run();
    }
  });
}
