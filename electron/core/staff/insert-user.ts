import type { DbOrTx } from '../../../db/client';
import { users, type UserRow } from '../../../db/schema';
import { ROLE_IDS, type RoleKey } from '../../../shared/roles';

export interface NewUser {
  username: string;
  first_name?: string;
  last_name?: string;
  email?: string | null;
  phone?: string | null;
  role: RoleKey;
  managerId?: number | null;
  passwordHash: string;
  /** A password someone else chose is temporary: it must be changed at the first sign-in. */
  mustChangePassword?: boolean;
}

/** The one way a user row is born; callers check uniqueness, policy and permissions first. */
export function insertUser(tx: DbOrTx, user: NewUser, now: number): UserRow {
  return tx
    .insert(users)
    .values({
      username: user.username,
      firstName: user.first_name ?? '',
      lastName: user.last_name ?? '',
      email: user.email ?? null,
      phone: user.phone ?? null,
      passwordHash: user.passwordHash,
      roleId: ROLE_IDS[user.role],
      managerId: user.managerId ?? null,
      mustChangePassword: user.mustChangePassword ?? false,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}
