import type { DbOrTx } from '../../../db/client';
import { isOneOf, MANAGER_ROLES, WORKER_ROLES, type RoleKey } from '../../../shared/roles';
import { invalidField } from '../errors';
import { findUserById, roleOfUser } from './user-queries';

/** A worker's manager must be a live manager (or the Super Admin); only workers have one. */
export function assertValidManager(db: DbOrTx, workerRole: RoleKey, managerId: number | null, workerId?: number): void {
  if (managerId === null) return;
  if (!isOneOf(WORKER_ROLES, workerRole)) {
    throw invalidField('manager_id', 'Only attendants and cashiers have a manager.');
  }
  const manager = findUserById(db, managerId);
  if (
    !manager ||
    manager.deletedAt !== null ||
    !manager.isActive ||
    !isOneOf(MANAGER_ROLES, roleOfUser(manager)) ||
    manager.id === workerId
  ) {
    throw invalidField('manager_id', 'Choose an active manager.');
  }
}
