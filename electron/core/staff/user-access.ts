import type { DbOrTx } from '../../../db/client';
import type { UserRow } from '../../../db/schema';
import { reachCovers, reachOf, type PermissionAction, type Relation } from '../../../shared/permissions';
import { isOneOf, WORKER_ROLES } from '../../../shared/roles';
import type { Actor } from '../actor';
import { forbidden, notFound } from '../errors';
import { requirePermission } from '../permissions';
import { findUserById, roleOfUser } from './user-queries';

/** The actions of the permission table that are about one user record. */
export type UserAction = Extract<PermissionAction, `users.${string}` | `working_times.${string}` | `time_entries.${string}`>;

export function isOwnWorker(actor: Actor, target: UserRow): boolean {
  return target.managerId === actor.user.id && isOneOf(WORKER_ROLES, roleOfUser(target));
}

function relationOf(actor: Actor, target: UserRow): Relation {
  if (target.id === actor.user.id) return 'self';
  return isOwnWorker(actor, target) ? 'own_worker' : 'other';
}

/**
 * The permission table (shared/permissions.ts) for one user record. A role that may never take
 * the action gets 403; a record outside the actor's reach answers 404, as if it did not exist;
 * one's own account outside the reach is refused (403): it exists, and the actor knows it.
 */
export function loadReachableUser(
  db: DbOrTx,
  actor: Actor,
  targetId: number,
  action: UserAction,
  selfRefusal = 'You cannot do this to your own account.',
): UserRow {
  const reach = requirePermission(actor, action);
  const target = findUserById(db, targetId);
  if (!target || target.deletedAt !== null) throw notFound('User');
  const relation = relationOf(actor, target);
  if (reachCovers(reach, relation)) return target;
  if (relation === 'self') throw forbidden(selfRefusal);
  throw notFound('User');
}

/**
 * The actor as the database has them now. Called inside a write transaction after an await
 * (bcrypt): a caller demoted, deactivated or deleted meanwhile must not finish the write.
 */
export function refreshActor(db: DbOrTx, actor: Actor): Actor {
  const user = findUserById(db, actor.user.id);
  if (!user || user.deletedAt !== null || !user.isActive) throw forbidden('Your account changed meanwhile. Sign in again.');
  return { ...actor, user, role: roleOfUser(user) };
}

/** Which permission each PATCH field needs over its record. */
const FIELD_PERMISSIONS = {
  first_name: 'users.update',
  last_name: 'users.update',
  email: 'users.update',
  phone: 'users.update',
  manager_id: 'users.set_manager',
  is_active: 'users.set_active',
  password: 'users.set_password',
} as const satisfies Record<string, UserAction>;

/** The fields a PATCH may touch, by who is asking about whom. */
export function patchableFields(actor: Actor, target: UserRow): ReadonlySet<string> {
  const relation = relationOf(actor, target);
  return new Set(
    Object.entries(FIELD_PERMISSIONS)
      .filter(([, action]) => reachCovers(reachOf(actor.role, action), relation))
      .map(([field]) => field),
  );
}
