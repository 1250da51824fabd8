import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { users, type UserRow } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { isOneOf, MANAGER_ROLES, ROLE_IDS, WORKER_ROLES, type RoleKey } from '../../../shared/roles';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput, UserDto } from '../../../shared/schemas/users';
import { reachOf } from '../../../shared/permissions';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import type { PasswordGuessGuard } from '../auth/password-guesses';
import type { PasswordHasher } from '../auth/password-hasher';
import { revokeUserSessions } from '../auth/sessions';
import { forbidden, invalidField } from '../errors';
import { requirePermission } from '../permissions';
import { assertPasswordMeetsPolicy } from '../roles/policy';
import { insertUser } from './insert-user';
import { assertValidManager } from './manager-link';
import { assertUnique } from './uniqueness';
import { loadReachableUser, patchableFields, refreshActor } from './user-access';
import { listUsers, type UserPage } from './user-list';
import { roleOfUser, toUserDto } from './user-queries';

interface UsersDeps {
  db: Db;
  hasher: PasswordHasher;
  policyOf(roleId: number): PasswordPolicy;
  /** Wrong current passwords (own email or phone change) spend the account's guess budget. */
  guesses: PasswordGuessGuard;
}

const FIELD_COLUMNS = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone: 'phone',
  is_active: 'isActive',
  manager_id: 'managerId',
} as const satisfies Partial<Record<keyof UpdateUserInput, keyof UserRow>>;

/** Not fields of the account: the unchanged username seed 002 sends, the proof of who asks. */
const NOT_CHANGES = new Set(['username', 'current_password']);

/** Someone who is no longer a manager (demoted or deleted) has no workers left. */
function unassignWorkers(tx: DbOrTx, managerId: number, now: number): void {
  tx.update(users).set({ managerId: null, updatedAt: now }).where(eq(users.managerId, managerId)).run();
}

/** Who the new account's manager is, or why the actor may not create it. */
function managerForNewUser(actor: Actor, input: CreateUserInput): number | null {
  const reach = requirePermission(actor, 'users.create');
  const asked = input.manager_id ?? null;
  if (reach === 'any') return asked;
  // A narrower reach creates the actor's own workers only.
  if (!isOneOf(WORKER_ROLES, input.role)) throw forbidden('Managers can create attendants and cashiers only.');
  if (asked !== null && asked !== actor.user.id) {
    throw invalidField('manager_id', 'A manager’s new staff are always their own workers.');
  }
  return actor.user.id;
}

/** The fields a PATCH changes, once it is clear the actor may change every one of them. */
function assertPatchAllowed(actor: Actor, target: UserRow, input: UpdateUserInput): string[] {
  if (input.username !== undefined && input.username !== target.username) {
    throw invalidField('username', 'The username cannot be changed.');
  }
  const asked = Object.entries(input)
    .filter(([k, v]) => !NOT_CHANGES.has(k) && v !== undefined)
    .map(([k]) => k);
  if (target.id === actor.user.id && asked.includes('password')) {
    throw invalidField('password', 'Change your own password with /auth/password/change.');
  }
  const allowed = patchableFields(actor, target);
  const refused = asked.filter((k) => !allowed.has(k));
  if (refused.length > 0) throw forbidden(`You may not change: ${refused.join(', ')}.`);
  return asked;
}

/** The PIN reset goes to the email or phone: changing one's own needs the current password. */
function changesOwnResetChannel(actor: Actor, target: UserRow, input: UpdateUserInput): boolean {
  if (target.id !== actor.user.id) return false;
  return (input.email !== undefined && input.email !== target.email) || (input.phone !== undefined && input.phone !== target.phone);
}

/**
 * Staff accounts: who may create, change, lock out and remove whom (docs/contract/API.md, Users). Who may
 * act on whom is checked again inside every write transaction, after any bcrypt await.
 */
export function createUsersService({ db, hasher, policyOf, guesses }: UsersDeps) {
  function audit(actor: Actor, action: string, target: number, before?: unknown, after?: unknown, now = Date.now(), tx: DbOrTx = db) {
    recordAudit(tx, { actorId: actor.user.id, action, targetType: 'user', targetId: target, before, after, now });
  }

  return {
    async create(actor: Actor, input: CreateUserInput, now = Date.now()): Promise<UserDto> {
      const managerId = managerForNewUser(actor, input);
      assertValidManager(db, input.role, managerId);
      assertUnique(db, input);
      assertPasswordMeetsPolicy(policyOf(ROLE_IDS[input.role]), input.password, 'password');
      const passwordHash = await hasher.hash(input.password);
      return db.transaction((tx) => {
        const current = refreshActor(tx, actor);
        const managerNow = managerForNewUser(current, input);
        assertUnique(tx, input);
        assertValidManager(tx, input.role, managerNow);
        const user = insertUser(tx, { ...input, managerId: managerNow, passwordHash, mustChangePassword: true }, now);
        audit(current, 'user.created', user.id, undefined, toUserDto(user), now, tx);
        return toUserDto(user);
      });
    },

    get(actor: Actor, id: number): UserDto {
      return toUserDto(loadReachableUser(db, actor, id, 'users.read'));
    },

    list(actor: Actor, query: ListUsersQuery): UserPage {
      return listUsers(db, actor, requirePermission(actor, 'users.list'), query);
    },

    async update(actor: Actor, id: number, input: UpdateUserInput, now = Date.now()): Promise<UserDto> {
      const target = loadReachableUser(db, actor, id, 'users.update');
      const asked = assertPatchAllowed(actor, target, input);
      if (asked.length === 0) return toUserDto(target);
      if (input.manager_id !== undefined) assertValidManager(db, roleOfUser(target), input.manager_id, target.id);
      assertUnique(db, { email: input.email, phone: input.phone }, target.id);
      if (input.password !== undefined) assertPasswordMeetsPolicy(policyOf(target.roleId), input.password, 'password');
      const provesSelf = changesOwnResetChannel(actor, target, input);
      if (provesSelf) {
        if (input.current_password === undefined) throw invalidField('current_password', 'This field is required.');
        await guesses.assertCurrentPassword(target, input.current_password, 'current_password');
      }
      const passwordHash = input.password === undefined ? undefined : await hasher.hash(input.password);

      return db.transaction((tx) => {
        const current = refreshActor(tx, actor);
        const before = loadReachableUser(tx, current, id, 'users.update');
        assertPatchAllowed(current, before, input);
        // The password proved above must still be the account's: not changed meanwhile.
        if (provesSelf && before.passwordHash !== target.passwordHash) throw invalidField('current_password', 'Wrong password.');
        if (input.manager_id !== undefined) assertValidManager(tx, roleOfUser(before), input.manager_id, before.id);
        assertUnique(tx, { email: input.email, phone: input.phone }, before.id);
        const changes: Partial<typeof users.$inferInsert> = { updatedAt: now };
        for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
          const value = input[field as keyof typeof FIELD_COLUMNS];
          if (value !== undefined) Object.assign(changes, { [column]: value });
        }
        if (passwordHash) Object.assign(changes, { passwordHash, passwordChangedAt: now, mustChangePassword: true });
        const after = tx.update(users).set(changes).where(eq(users.id, before.id)).returning().get();
        if (passwordHash) revokeUserSessions(tx, before.id, 'password_set', now);
        if (input.is_active === false && before.isActive) revokeUserSessions(tx, before.id, 'deactivated', now);
        const action = passwordHash ? 'user.password_set' : 'user.updated';
        audit(current, action, before.id, toUserDto(before), toUserDto(after), now, tx);
        return toUserDto(after);
      });
    },

    remove(actor: Actor, id: number, now = Date.now()): void {
      db.transaction((tx) => {
        const current = refreshActor(tx, actor);
        const target = loadReachableUser(tx, current, id, 'users.delete');
        const after = tx
          .update(users)
          .set({ isActive: false, deletedAt: now, updatedAt: now })
          .where(eq(users.id, target.id))
          .returning()
          .get();
        unassignWorkers(tx, target.id, now);
        revokeUserSessions(tx, target.id, 'deleted', now);
        audit(current, 'user.deleted', target.id, toUserDto(target), toUserDto(after), now, tx);
      });
    },

    unlock(actor: Actor, id: number, now = Date.now()): UserDto {
      return db.transaction((tx) => {
        const current = refreshActor(tx, actor);
        const target = loadReachableUser(tx, current, id, 'users.unlock');
        const after = tx
          .update(users)
          .set({ lockedAt: null, failedAttempts: 0, updatedAt: now })
          .where(eq(users.id, target.id))
          .returning()
          .get();
        audit(current, 'user.unlocked', target.id, toUserDto(target), toUserDto(after), now, tx);
        return toUserDto(after);
      });
    },

    assignRole(actor: Actor, id: number, role: RoleKey, now = Date.now()): UserDto {
      return db.transaction((tx) => {
        const current = refreshActor(tx, actor);
        const target = loadReachableUser(tx, current, id, 'users.assign_role');
        // Within `own_workers` the target stays a worker: only the worker roles may be given.
        const keepsWorkers = reachOf(current.role, 'users.assign_role') === 'own_workers';
        if (keepsWorkers && !isOneOf(WORKER_ROLES, role)) throw forbidden('Managers can assign the attendant and cashier roles only.');
        const keepsManager = isOneOf(WORKER_ROLES, role);
        const after = tx
          .update(users)
          .set({ roleId: ROLE_IDS[role], managerId: keepsManager ? target.managerId : null, updatedAt: now })
          .where(eq(users.id, target.id))
          .returning()
          .get();
        if (!isOneOf(MANAGER_ROLES, role)) unassignWorkers(tx, target.id, now);
        audit(current, 'user.role_assigned', target.id, toUserDto(target), toUserDto(after), now, tx);
        return toUserDto(after);
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
