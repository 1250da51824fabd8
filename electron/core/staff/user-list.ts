import { and, asc, eq, gt, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Reach } from '../../../shared/permissions';
import { ROLE_IDS } from '../../../shared/roles';
import type { ListUsersQuery, UserDto } from '../../../shared/schemas/users';
import type { Actor } from '../actor';
import { decodeCursor, takePage } from '../pagination';
import { likeLiteral } from '../sql-like';
import { toUserDto } from './user-queries';

export interface UserPage {
  items: UserDto[];
  nextCursor: string | null;
}

/** The accounts within the actor's `users.list` reach (only workers have a `manager_id`). */
function withinReach(actor: Actor, reach: Reach): SQL | undefined {
  switch (reach) {
    case 'any':
      return undefined;
    case 'others':
      return ne(users.id, actor.user.id);
    case 'own_workers':
      return eq(users.managerId, actor.user.id);
    case 'self_and_own_workers':
      return or(eq(users.id, actor.user.id), eq(users.managerId, actor.user.id));
    case 'self':
    case 'own':
      return eq(users.id, actor.user.id);
  }
}

/** Keyset pagination by id: a page costs the same at row 10 and at row 1,000,000. */
export function listUsers(db: Db, actor: Actor, reach: Reach, query: ListUsersQuery): UserPage {
  const conditions: (SQL | undefined)[] = [isNull(users.deletedAt), withinReach(actor, reach)];
  if (query.role) conditions.push(eq(users.roleId, ROLE_IDS[query.role]));
  if (query.is_active !== undefined) conditions.push(eq(users.isActive, query.is_active));
  if (query.q) {
    const q = query.q;
    const match = (column: SQL | AnySQLiteColumn) => likeLiteral(column, '%', q, '%');
    conditions.push(
      or(
        match(users.username),
        match(users.firstName),
        match(users.lastName),
        match(users.email),
        match(users.phone),
        match(sql`${users.firstName} || ' ' || ${users.lastName}`),
      ),
    );
  }
  const after = decodeCursor(query.cursor);
  if (after !== null) conditions.push(gt(users.id, after));
  const rows = db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.id))
    .limit(query.limit + 1)
    .all();
  const { page, nextCursor } = takePage(rows, query.limit, (r) => r.id);
  return { items: page.map(toUserDto), nextCursor };
}
