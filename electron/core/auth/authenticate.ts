import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { DomainError } from '../errors';
import type { Actor } from '../actor';
import { roleOfUser } from '../staff/user-queries';
import type { SessionStore } from './sessions';
import { decodeProtectedHeader } from 'jose';
import { TOKEN_TYPES, type TokenKind, type TokenSigner, type VerifiedToken } from './tokens';

function tokenKindOf(token: string): TokenKind | undefined {
  try {
    const { typ } = decodeProtectedHeader(token);
    return (Object.keys(TOKEN_TYPES) as TokenKind[]).find((k) => TOKEN_TYPES[k] === typ);
  } catch {
    throw new DomainError('token_invalid', 'The token is not valid.');
  }
}

/** The holder of a short-lived change token: may only change their own password. */
export interface PasswordChanger {
  userId: number;
  tokenId: string;
  tokenExpiresAt: number;
  /** The sign-in to keep when the password changes; none for a change token. */
  sessionId: string | null;
}

/**
 * Turns a presented token into an Actor, re-reading the account on every request so that a
 * role change, deactivation or revoked session takes effect at once.
 */
export function createAuthenticator(db: Db, signer: TokenSigner, sessions: SessionStore) {
  const userById = db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare();

  function loadActiveUser(claims: VerifiedToken) {
    const user = userById.get({ id: claims.userId });
    if (!user || user.deletedAt !== null) throw new DomainError('token_revoked', 'This session has been ended.');
    if (!user.isActive) throw new DomainError('account_inactive', 'This account is inactive.');
    return user;
  }

  /**
   * The account and its sign-in, read in one read transaction: one snapshot for the three reads,
   * and one WAL read lock taken instead of three (half the reads' time, bench/README.md).
   * better-sqlite3's transaction function nests as a savepoint, should a caller already be in one.
   */
  const readAccount = db.$client.transaction((claims: VerifiedToken) => {
    if (sessions.isAccessTokenRevoked(claims.jti) || !sessions.isFamilyLive(claims.sessionId)) {
      throw new DomainError('token_revoked', 'This session has been ended.');
    }
    return loadActiveUser(claims);
  });

  async function authenticate(accessToken: string): Promise<Actor> {
    const claims = await signer.verify('access', accessToken);
    const user = readAccount(claims);
    return { user, role: roleOfUser(user), sessionId: claims.sessionId, tokenId: claims.jti, tokenExpiresAt: claims.expiresAt };
  }

  return {
    authenticate,

    /** For `/auth/password/change`: an access token, or the change token of a code-4 login. */
    async authenticateForPasswordChange(token: string): Promise<PasswordChanger> {
      if (tokenKindOf(token) === 'change') {
        const change = await signer.verify('change', token);
        if (sessions.isAccessTokenRevoked(change.jti)) throw new DomainError('token_revoked', 'This token was already used.');
        loadActiveUser(change);
        return { userId: change.userId, tokenId: change.jti, tokenExpiresAt: change.expiresAt, sessionId: null };
      }
      const actor = await authenticate(token);
      return passwordChangerOf(actor);
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

/** A signed-in user changing their own password: the sign-in whose token the change spends. */
export function passwordChangerOf(actor: Actor): PasswordChanger {
  return { userId: actor.user.id, tokenId: actor.tokenId, tokenExpiresAt: actor.tokenExpiresAt, sessionId: actor.sessionId };
}
