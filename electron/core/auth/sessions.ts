import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { refreshFamilies, refreshTokens, revokedAccessTokens } from '../../../db/schema';
import { DomainError } from '../errors';
import { TOKEN_TTL_SECONDS, type TokenSigner } from './tokens';

export interface TokenPair {
  access: string;
  refresh: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

export type RevokeReason = 'logout' | 'reuse' | 'password_changed' | 'password_set' | 'deactivated' | 'deleted' | 'reset';

/**
 * Sign-ins as refresh-token families. Rotation keeps the family; presenting a rotated token
 * again means it was stolen or replayed, so the whole family dies (`token_reused`).
 */
export function createSessionStore(db: Db, signer: TokenSigner) {
  async function issuePair(
    userId: number,
    role: string,
    familyId: string,
    now: number,
  ): Promise<TokenPair & { refreshJti: string; refreshExpiresAt: number }> {
    const access = await signer.sign('access', { userId, sessionId: familyId, role }, now);
    const refresh = await signer.sign('refresh', { userId, sessionId: familyId }, now);
    return {
      access: access.token,
      refresh: refresh.token,
      expiresIn: TOKEN_TTL_SECONDS.access,
      refreshJti: refresh.jti,
      refreshExpiresAt: refresh.expiresAt,
    };
  }

  // Read on every authenticated request: prepared once, not rebuilt per call.
  const familyState = db
    .select({ revokedAt: refreshFamilies.revokedAt })
    .from(refreshFamilies)
    .where(eq(refreshFamilies.id, sql.placeholder('id')))
    .prepare();
  const revokedJti = db
    .select({ jti: revokedAccessTokens.jti })
    .from(revokedAccessTokens)
    .where(eq(revokedAccessTokens.jti, sql.placeholder('jti')))
    .prepare();

  function isFamilyLive(familyId: string): boolean {
    const family = familyState.get({ id: familyId });
    return family !== undefined && family.revokedAt === null;
  }

  return {
    /** Starts a new sign-in for the user and returns its first token pair. */
    async start(userId: number, role: string, now = Date.now()): Promise<TokenPair> {
      const familyId = randomUUID();
      const pair = await issuePair(userId, role, familyId, now);
      db.transaction((tx) => {
        tx.insert(refreshFamilies)
          .values({ id: familyId, userId, createdAt: now, lastUsedAt: now, expiresAt: pair.refreshExpiresAt })
          .run();
        tx.insert(refreshTokens).values({ jti: pair.refreshJti, familyId, issuedAt: now, expiresAt: pair.refreshExpiresAt }).run();
      });
      return { access: pair.access, refresh: pair.refresh, expiresIn: pair.expiresIn };
    },

    /**
     * Trades a refresh token for a new pair. `roleOf` re-reads the account, so a deactivated
     * user cannot refresh. Revocation on reuse is committed before the error is thrown.
     */
    async rotate(refreshToken: string, roleOf: (userId: number) => string, now = Date.now()): Promise<TokenPair> {
      const claims = await signer.verify('refresh', refreshToken);
      // A dead session says only that; it must not reveal the state of the account behind it.
      if (!isFamilyLive(claims.sessionId)) throw new DomainError('token_revoked', 'This session has been ended.');
      const role = roleOf(claims.userId);
      const next = await issuePair(claims.userId, role, claims.sessionId, now);
      const outcome = db.transaction((tx) => {
        const stored = tx.select().from(refreshTokens).where(eq(refreshTokens.jti, claims.jti)).get();
        const family = tx.select().from(refreshFamilies).where(eq(refreshFamilies.id, claims.sessionId)).get();
        if (!stored || !family || stored.familyId !== family.id || family.userId !== claims.userId) return 'token_invalid' as const;
        if (family.revokedAt !== null) return 'token_revoked' as const;
        if (stored.rotatedAt !== null) {
          revokeFamily(tx, family.id, 'reuse', now);
          return 'token_reused' as const;
        }
        tx.update(refreshTokens).set({ rotatedAt: now }).where(eq(refreshTokens.jti, stored.jti)).run();
        tx.insert(refreshTokens)
          .values({ jti: next.refreshJti, familyId: family.id, issuedAt: now, expiresAt: next.refreshExpiresAt })
          .run();
        tx.update(refreshFamilies)
          .set({ lastUsedAt: now, expiresAt: next.refreshExpiresAt })
          .where(eq(refreshFamilies.id, family.id))
          .run();
        return 'ok' as const;
      });
      if (outcome === 'token_reused') {
        throw new DomainError('token_reused', 'This refresh token was already used; the session has been ended.');
      }
      if (outcome === 'token_revoked') throw new DomainError('token_revoked', 'This session has been ended.');
      if (outcome === 'token_invalid') throw new DomainError('token_invalid', 'The token is not valid.');
      return { access: next.access, refresh: next.refresh, expiresIn: next.expiresIn };
    },

    /** The family a refresh token belongs to, after checking its signature and owner. */
    async familyOfRefreshToken(refreshToken: string, userId: number): Promise<string> {
      const claims = await signer.verify('refresh', refreshToken);
      if (claims.userId !== userId) throw new DomainError('token_invalid', 'The refresh token belongs to another account.');
      return claims.sessionId;
    },

    isFamilyLive,

    isAccessTokenRevoked(jti: string): boolean {
      return revokedJti.get({ jti }) !== undefined;
    },

    /** Drops what can no longer matter: expired revocations and dead families' tokens. */
    purgeExpired(now = Date.now()): void {
      db.delete(revokedAccessTokens).where(lt(revokedAccessTokens.expiresAt, now)).run();
      db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, now)).run();
    },
  };
}

export function revokeFamily(db: DbOrTx, familyId: string, reason: RevokeReason, now: number): void {
  db.update(refreshFamilies)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(refreshFamilies.id, familyId), isNull(refreshFamilies.revokedAt)))
    .run();
}

/** Ends every sign-in of the user, or every one but `keepFamilyId`. */
export function revokeUserSessions(db: DbOrTx, userId: number, reason: RevokeReason, now: number, keepFamilyId?: string): void {
  const conditions = [eq(refreshFamilies.userId, userId), isNull(refreshFamilies.revokedAt)];
  if (keepFamilyId) conditions.push(ne(refreshFamilies.id, keepFamilyId));
  db.update(refreshFamilies)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(...conditions))
    .run();
}

export function revokeAccessToken(db: DbOrTx, jti: string, expiresAt: number): void {
  db.insert(revokedAccessTokens).values({ jti, expiresAt }).onConflictDoNothing().run();
}

export type SessionStore = ReturnType<typeof createSessionStore>;
