import type { Db } from '../../../db/client';
import type { PasswordPolicy } from '../../../shared/password-policy';
import type { RoleKey } from '../../../shared/roles';
import type { Actor } from '../actor';
import { findUserById, roleOfUser } from '../staff/user-queries';
import { DomainError } from '../errors';
import { createAuthenticator } from './authenticate';
import type { FailureThrottle } from './login-throttle';
import { createLoginService } from './login';
import { createForcedChangeService } from './forced-change';
import type { RateLimit } from '../rate-limit';
import type { PasswordHasher } from './password-hasher';
import type { PasswordGuessGuard } from './password-guesses';
import { createPasswordChangeService } from './password-change';
import { createRegistrationService } from './registration';
import { createSessionStore, revokeAccessToken, revokeFamily, type TokenPair } from './sessions';
import type { TokenSigner } from './tokens';

export interface AuthDeps {
  db: Db;
  hasher: PasswordHasher;
  signer: TokenSigner;
  throttle: FailureThrottle;
  /** Wrong current passwords per account (password change). */
  guesses: PasswordGuessGuard;
  policyOf(roleId: number): PasswordPolicy;
  isRegistrationOpen(): boolean;
  /** New customer accounts per client address. */
  registrationLimit: RateLimit;
}

/** Everything about proving who you are: sign-in, sessions, registration, own password. */
export function createAuthService(deps: AuthDeps) {
  const sessions = createSessionStore(deps.db, deps.signer);
  const authenticator = createAuthenticator(deps.db, deps.signer, sessions);

  function activeRoleOf(userId: number): string {
    const user = findUserById(deps.db, userId);
    if (!user || user.deletedAt !== null) throw new DomainError('token_revoked', 'This session has been ended.');
    if (!user.isActive) throw new DomainError('account_inactive', 'This account is inactive.');
    return roleOfUser(user);
  }

  const login = createLoginService({ ...deps, sessions });
  const passwordChange = createPasswordChangeService(deps);

  return {
    login: login.login,
    /** The sign-in door with another secret (electron/core/pins/pin-login.ts). */
    signInWithSecret: login.signInWith,
    ...passwordChange,
    ...createForcedChangeService({
      authenticateForPasswordChange: authenticator.authenticateForPasswordChange,
      changePassword: passwordChange.changePassword,
      signInAfterChange: login.signInAfterChange,
    }),
    ...createRegistrationService(deps),
    authenticate: authenticator.authenticate,
    authenticateForPasswordChange: authenticator.authenticateForPasswordChange,

    /** Who a pending change token belongs to, for the forced-change screen; null when it is dead. */
    async describePasswordChange(changeToken: string): Promise<{ username: string; role: RoleKey } | null> {
      try {
        const who = await authenticator.authenticateForPasswordChange(changeToken);
        const user = findUserById(deps.db, who.userId);
        return user ? { username: user.username, role: roleOfUser(user) } : null;
      } catch (error) {
        if (error instanceof DomainError) return null;
        throw error;
      }
    },

    refresh(refreshToken: string): Promise<TokenPair> {
      return sessions.rotate(refreshToken, activeRoleOf);
    },

    /** Ends the sign-in of the refresh token and kills the presented access token at once. */
    async logout(actor: Actor, refreshToken: string | null, now = Date.now()): Promise<void> {
      // An expired (or absent) refresh token has nothing left to revoke; the access token still dies.
      const familyId =
        refreshToken === null
          ? actor.sessionId
          : await sessions.familyOfRefreshToken(refreshToken, actor.user.id).catch((error: unknown) => {
              if (error instanceof DomainError && error.error === 'token_expired') return actor.sessionId;
              throw error;
            });
      deps.db.transaction((tx) => {
        revokeFamily(tx, familyId, 'logout', now);
        revokeFamily(tx, actor.sessionId, 'logout', now);
        revokeAccessToken(tx, actor.tokenId, actor.tokenExpiresAt);
      });
    },

    purgeExpiredTokens: sessions.purgeExpired,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
