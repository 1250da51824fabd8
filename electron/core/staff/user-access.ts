import type { DbOrTx } from '../../../db/client';
import type { UserRow } from '../../../db/schema';
import { isOneOf, WORKER_ROLES } from '../../../shared/roles';
import type { Actor } from '../actor';
import { forbidden, notFound } from '../errors';
import { findUserById, roleOfUser } from './user-queries';

/** read: see the record; update: PATCH it; manage: delete, unlock, assign a role. */
export type UserAction = 'read' | 'update' | 'manage';

export function isOwnWorker(actor: Actor, target: UserRow): boolean {
  return target.managerId === actor.user.id && isOneOf(WORKER_ROLES, roleOfUser(target));
}

/**
 * The permission table of API.md for one user record. A role that may never take the action
 * gets 403; a record outside the actor's reach answers 404, as if it did not exist.
 */
export function loadReachableUser(db: DbOrTx, actor: Actor, targetId: number, action: UserAction): UserRow {
  const mayManage = actor.role === 'super_admin' || actor.role === 'manager';
  if (action === 'manage' && !mayManage) throw forbidden();
  const target = findUserById(db, targetId);
  if (!target || target.deletedAt !== null) throw notFound('User');
  const isSelf = target.id === actor.user.id;

  if (action === 'manage' && isSelf) throw forbidden('You cannot do this to your own account.');
  if (actor.role === 'super_admin') return target;
  if (isSelf) return target;
  if (actor.role === 'manager' && isOwnWorker(actor, target)) return target;
  throw notFound('User');
}

/** The fields a PATCH may touch, by who is asking about whom. */
export function patchableFields(actor: Actor, target: UserRow): ReadonlySet<string> {
  const contact = ['first_name', 'last_name', 'email', 'phone'];
  if (actor.role === 'super_admin') {
    return target.id === actor.user.id ? new Set([...contact, 'manager_id']) : new Set([...contact, 'is_active', 'manager_id', 'password']);
  }
  if (actor.role === 'manager' && target.id !== actor.user.id) return new Set([...contact, 'is_active', 'password']);
  return new Set(contact);
}
