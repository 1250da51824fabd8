import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { users, type UserRow } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { isOneOf, MANAGER_ROLES, ROLE_IDS, WORKER_ROLES, type RoleKey } from '../../../shared/roles';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput, UserDto } from '../../../shared/schemas/users';
import { requireRole, type Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import type { PasswordHasher } from '../auth/password-hasher';
import { revokeUserSessions } from '../auth/sessions';
import { forbidden, invalidField } from '../errors';
import { assertPasswordMeetsPolicy } from '../roles/policy';
import { insertUser } from './insert-user';
import { assertValidManager } from './manager-link';
import { assertUnique } from './uniqueness';
import { loadReachableUser, patchableFields } from './user-access';
import { listUsers, type UserPage } from './user-list';
import { findUserById, roleOfUser, toUserDto } from './user-queries';

interface UsersDeps {
  db: Db;
  hasher: PasswordHasher;
  policyOf(roleId: number): PasswordPolicy;
}

const FIELD_COLUMNS = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone: 'phone',
  is_active: 'isActive',
  manager_id: 'managerId',
} as const satisfies Partial<Record<keyof UpdateUserInput, keyof UserRow>>;

/** Someone who is no longer a manager (demoted or deleted) has no workers left. */
function unassignWorkers(tx: DbOrTx, managerId: number, now: number): void {
  tx.update(users).set({ managerId: null, updatedAt: now }).where(eq(users.managerId, managerId)).run();
}

/** Staff accounts: who may create, change, lock out and remove whom (API.md, Users). */
export function createUsersService({ db, hasher, policyOf }: UsersDeps) {
  function audit(actor: Actor, action: string, target: number, before?: unknown, after?: unknown, now = Date.now(), tx: DbOrTx = db) {
    recordAudit(tx, { actorId: actor.user.id, action, targetType: 'user', targetId: target, before, after, now });
  }

  return {
    async create(actor: Actor, input: CreateUserInput, now = Date.now()): Promise<UserDto> {
      requireRole(actor, ['super_admin', 'manager']);
      let managerId = input.manager_id ?? null;
      if (actor.role === 'manager') {
        if (!isOneOf(WORKER_ROLES, input.role)) throw forbidden('Managers can create attendants and cashiers only.');
        if (managerId !== null && managerId !== actor.user.id) {
          throw invalidField('manager_id', 'A manager’s new staff are always their own workers.');
        }
        managerId = actor.user.id;
      }
      assertValidManager(db, input.role, managerId);
      assertUnique(db, input);
      assertPasswordMeetsPolicy(policyOf(ROLE_IDS[input.role]), input.password, 'password');
      const passwordHash = await hasher.hash(input.password);
      return db.transaction((tx) => {
        assertUnique(tx, input);
        assertValidManager(tx, input.role, managerId);
        const user = insertUser(tx, { ...input, managerId, passwordHash, mustChangePassword: true }, now);
        audit(actor, 'user.created', user.id, undefined, toUserDto(user), now, tx);
        return toUserDto(user);
      });
    },

    get(actor: Actor, id: number): UserDto {
      return toUserDto(loadReachableUser(db, actor, id, 'read'));
    },

    list(actor: Actor, query: ListUsersQuery): UserPage {
      requireRole(actor, ['super_admin', 'manager']);
      return listUsers(db, actor, query);
    },

    async update(actor: Actor, id: number, input: UpdateUserInput, now = Date.now()): Promise<UserDto> {
      const target = loadReachableUser(db, actor, id, 'update');
      if (input.username !== undefined && input.username !== target.username) {
        throw invalidField('username', 'The username cannot be changed.');
      }
      const allowed = patchableFields(actor, target);
      const asked = Object.entries(input).filter(([k, v]) => k !== 'username' && v !== undefined).map(([k]) => k);
      if (target.id === actor.user.id && asked.includes('password')) {
        throw invalidField('password', 'Change your own password with /auth/password/change.');
      }
      const refused = asked.filter((k) => !allowed.has(k));
      if (refused.length > 0) throw forbidden(`You may not change: ${refused.join(', ')}.`);
      if (asked.length === 0) return toUserDto(target);
      if (input.manager_id !== undefined) assertValidManager(db, roleOfUser(target), input.manager_id, target.id);
      assertUnique(db, { email: input.email, phone: input.phone }, target.id);
      if (input.password !== undefined) assertPasswordMeetsPolicy(policyOf(target.roleId), input.password, 'password');
      const passwordHash = input.password === undefined ? undefined : await hasher.hash(input.password);

      return db.transaction((tx) => {
        const before = findUserById(tx, target.id);
        if (!before || before.deletedAt !== null) throw invalidField('id', 'The user was removed meanwhile.');
        assertUnique(tx, { email: input.email, phone: input.phone }, target.id);
        const changes: Partial<typeof users.$inferInsert> = { updatedAt: now };
        for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
          const value = input[field as keyof typeof FIELD_COLUMNS];
          if (value !== undefined) Object.assign(changes, { [column]: value });
        }
        if (passwordHash) Object.assign(changes, { passwordHash, passwordChangedAt: now, mustChangePassword: true });
        const after = tx.update(users).set(changes).where(eq(users.id, target.id)).returning().get();
        if (passwordHash) revokeUserSessions(tx, target.id, 'password_set', now);
        if (input.is_active === false && before.isActive) revokeUserSessions(tx, target.id, 'deactivated', now);
        const action = passwordHash ? 'user.password_set' : 'user.updated';
        audit(actor, action, target.id, toUserDto(before), toUserDto(after), now, tx);
        return toUserDto(after);
      });
    },

    remove(actor: Actor, id: number, now = Date.now()): void {
      const target = loadReachableUser(db, actor, id, 'manage');
      db.transaction((tx) => {
        const after = tx.update(users).set({ isActive: false, deletedAt: now, updatedAt: now }).where(eq(users.id, target.id)).returning().get();
        unassignWorkers(tx, target.id, now);
        revokeUserSessions(tx, target.id, 'deleted', now);
        audit(actor, 'user.deleted', target.id, toUserDto(target), toUserDto(after), now, tx);
      });
    },

    unlock(actor: Actor, id: number, now = Date.now()): UserDto {
      const target = loadReachableUser(db, actor, id, 'manage');
      return db.transaction((tx) => {
        const after = tx.update(users).set({ lockedAt: null, failedAttempts: 0, updatedAt: now }).where(eq(users.id, target.id)).returning().get();
        audit(actor, 'user.unlocked', target.id, toUserDto(target), toUserDto(after), now, tx);
        return toUserDto(after);
      });
    },

    assignRole(actor: Actor, id: number, role: RoleKey, now = Date.now()): UserDto {
      const target = loadReachableUser(db, actor, id, 'manage');
      if (actor.role === 'manager' && !isOneOf(WORKER_ROLES, role)) throw forbidden('Managers can assign the attendant and cashier roles only.');
      return db.transaction((tx) => {
        const keepsManager = isOneOf(WORKER_ROLES, role);
        const after = tx
          .update(users)
          .set({ roleId: ROLE_IDS[role], managerId: keepsManager ? target.managerId : null, updatedAt: now })
          .where(eq(users.id, target.id))
          .returning()
          .get();
        if (!isOneOf(MANAGER_ROLES, role)) unassignWorkers(tx, target.id, now);
        audit(actor, 'user.role_assigned', target.id, toUserDto(target), toUserDto(after), now, tx);
        return toUserDto(after);
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
