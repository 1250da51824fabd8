import type { Db } from '../../../db/client';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { ROLE_IDS } from '../../../shared/roles';
import type { UserDto } from '../../../shared/schemas/users';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../errors';
import { assertPasswordMeetsPolicy } from '../roles/policy';
import { assertUnique } from '../staff/uniqueness';
import { insertUser } from '../staff/insert-user';
import { countUsers, toUserDto } from '../staff/user-queries';
import type { PasswordHasher } from './password-hasher';

interface RegistrationDeps {
  db: Db;
  hasher: PasswordHasher;
  policyOf(roleId: number): PasswordPolicy;
  isRegistrationOpen(): boolean;
}

export interface RegisterInput {
  username: string;
  password: string;
  email?: string | null;
  first_name?: string;
  last_name?: string;
  phone?: string | null;
}

export interface SetupInput {
  username: string;
  password: string;
  first_name: string;
  last_name: string;
  email?: string | null;
}

const alreadyInitialized = () => new DomainError('already_initialized', 'ShopDesk is already set up; sign in instead.');

/** Self-registration of customers, and the first-run creation of the owner. */
export function createRegistrationService({ db, hasher, policyOf, isRegistrationOpen }: RegistrationDeps) {
  return {
    async register(input: RegisterInput, now = Date.now()): Promise<UserDto> {
      if (!isRegistrationOpen()) throw new DomainError('registration_disabled', 'Self-registration is switched off in this shop.');
      assertUnique(db, input);
      assertPasswordMeetsPolicy(policyOf(ROLE_IDS.customer), input.password, 'password');
      const passwordHash = await hasher.hash(input.password);
      return db.transaction((tx) => {
        assertUnique(tx, input);
        const user = insertUser(tx, { ...input, role: 'customer', passwordHash }, now);
        recordAudit(tx, { actorId: user.id, action: 'user.registered', targetType: 'user', targetId: user.id, after: toUserDto(user), now });
        return toUserDto(user);
      });
    },

    isInitialized(): boolean {
      return countUsers(db) > 0;
    },

    /** Creates the Super Admin; only while no user exists, and only from this computer. */
    async setup(input: SetupInput, fromLoopback: boolean, now = Date.now()): Promise<UserDto> {
      if (countUsers(db) > 0) throw alreadyInitialized();
      if (!fromLoopback) throw new DomainError('forbidden', 'First-run setup is only allowed from the shop computer itself.');
      assertPasswordMeetsPolicy(policyOf(ROLE_IDS.super_admin), input.password, 'password');
      const passwordHash = await hasher.hash(input.password);
      return db.transaction((tx) => {
        // Checked again inside the write: two set-ups racing must not make two owners.
        if (countUsers(tx) > 0) throw alreadyInitialized();
        const user = insertUser(tx, { ...input, role: 'super_admin', passwordHash }, now);
        recordAudit(tx, { actorId: user.id, action: 'setup.owner_created', targetType: 'user', targetId: user.id, after: toUserDto(user), now });
        return toUserDto(user);
      });
    },
  };
}
