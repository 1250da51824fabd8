import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { users } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { ROLE_IDS } from '../../../shared/roles';
import type { UserDto } from '../../../shared/schemas/users';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../errors';
import { assertPasswordMeetsPolicy } from '../roles/policy';
import { ensureDefaultRegister } from '../shop/default-register';
import { assertUnique } from '../staff/uniqueness';
import { insertUser } from '../staff/insert-user';
import { toUserDto } from '../staff/user-queries';
import type { RateLimit } from '../rate-limit';
import type { PasswordHasher } from './password-hasher';

interface RegistrationDeps {
  db: Db;
  hasher: PasswordHasher;
  policyOf(roleId: number): PasswordPolicy;
  isRegistrationOpen(): boolean;
  registrationLimit: RateLimit;
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

/** Any Super Admin row, active or not: a deactivated owner does not reopen first-run setup. */
function hasSuperAdmin(db: DbOrTx): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.roleId, ROLE_IDS.super_admin)).limit(1).get() !== undefined;
}

const alreadyInitialized = () => new DomainError('already_initialized', 'ShopDesk is already set up; sign in instead.');
const notSetUp = () =>
  new DomainError('invalid_state', 'ShopDesk is not set up yet: the owner must finish first-run setup before customers can register.');

/** Self-registration of customers, and the first-run creation of the owner. */
export function createRegistrationService({ db, hasher, policyOf, isRegistrationOpen, registrationLimit }: RegistrationDeps) {
  return {
    /** `clientKey` (the client address) counts towards the per-address limit; none: unlimited. */
    async register(input: RegisterInput, clientKey?: string, now = Date.now()): Promise<UserDto> {
      // Before the owner exists, an early account must not be able to block or race the setup.
      if (!hasSuperAdmin(db)) throw notSetUp();
      if (!isRegistrationOpen()) throw new DomainError('registration_disabled', 'Self-registration is switched off in this shop.');
      return registrationLimit.run(clientKey, async () => {
        assertUnique(db, input);
        assertPasswordMeetsPolicy(policyOf(ROLE_IDS.customer), input.password, 'password');
        const passwordHash = await hasher.hash(input.password);
        return db.transaction((tx) => {
          assertUnique(tx, input);
          const user = insertUser(tx, { ...input, role: 'customer', passwordHash }, now);
          recordAudit(tx, {
            actorId: user.id,
            action: 'user.registered',
            targetType: 'user',
            targetId: user.id,
            after: toUserDto(user),
            now,
          });
          return toUserDto(user);
        });
      });
    },

    /** Set up means the owner exists: other accounts (say, from an older version) do not count. */
    isInitialized(): boolean {
      return hasSuperAdmin(db);
    },

    /** Creates the Super Admin (and the default register, when there is none); only while no owner exists, and only from this computer. */
    async setup(input: SetupInput, fromLoopback: boolean, now = Date.now()): Promise<UserDto> {
      if (hasSuperAdmin(db)) throw alreadyInitialized();
      if (!fromLoopback) throw new DomainError('forbidden', 'First-run setup is only allowed from the shop computer itself.');
      assertUnique(db, input);
      assertPasswordMeetsPolicy(policyOf(ROLE_IDS.super_admin), input.password, 'password');
      const passwordHash = await hasher.hash(input.password);
      return db.transaction((tx) => {
        // Checked again inside the write: two set-ups racing must not make two owners.
        if (hasSuperAdmin(tx)) throw alreadyInitialized();
        assertUnique(tx, input);
        const user = insertUser(tx, { ...input, role: 'super_admin', passwordHash }, now);
        ensureDefaultRegister(tx, now);
        recordAudit(tx, {
          actorId: user.id,
          action: 'setup.owner_created',
          targetType: 'user',
          targetId: user.id,
          after: toUserDto(user),
          now,
        });
        return toUserDto(user);
      });
    },
  };
}
