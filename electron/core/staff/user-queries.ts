import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { users, type UserRow } from '../../../db/schema';
import { roleKeyById, ROLE_NAMES, type RoleKey } from '../../../shared/roles';
import type { UserDto } from '../../../shared/schemas/users';

export function findUserById(db: DbOrTx, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Usernames are unique ignoring case; the expression index makes this a point lookup. */
export function findUserByUsername(db: DbOrTx, username: string): UserRow | undefined {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .get();
}

export function countUsers(db: DbOrTx): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0
  );
}

export function roleOfUser(user: UserRow): RoleKey {
  return roleKeyById(user.roleId);
}

export function roleDisplayName(user: UserRow): string {
  return ROLE_NAMES[roleOfUser(user)];
}

export function toUserDto(user: UserRow): UserDto {
  return {
    id: user.id,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    phone: user.phone,
    role: roleOfUser(user),
    is_active: user.isActive && user.deletedAt === null,
    is_locked: user.lockedAt !== null,
    has_pin: user.pinHash !== null,
    manager_id: user.managerId,
    created_at: new Date(user.createdAt).toISOString(),
  };
}
