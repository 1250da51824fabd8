import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { DomainError } from '../errors';
import { createVerifiedTokenCache } from './verified-token-cache';

export const TOKEN_ISSUER = 'shopdesk';
export const TOKEN_AUDIENCE = 'shopdesk-api';
const ALGORITHM = 'HS256';

/** Each kind has its own `typ`, so one can never stand in for another. */
export const TOKEN_TYPES = { access: 'at+jwt', refresh: 'rt+jwt', change: 'ct+jwt' } as const;
export type TokenKind = keyof typeof TOKEN_TYPES;

export const TOKEN_TTL_SECONDS = { access: 15 * 60, refresh: 7 * 24 * 3600, change: 5 * 60 } as const;

export interface IssuedToken {
  token: string;
  jti: string;
  expiresAt: number;
}

export interface VerifiedToken {
  userId: number;
  jti: string;
  sessionId: string;
  expiresAt: number;
}

export interface TokenSigner {
  sign(kind: TokenKind, subject: { userId: number; sessionId: string; role?: string }, now?: number): Promise<IssuedToken>;
  verify(kind: TokenKind, token: string): Promise<VerifiedToken>;
}

export function createTokenSigner(secret: Uint8Array): TokenSigner {
  const verifiedAccessTokens = createVerifiedTokenCache<VerifiedToken>();
  return {
    async sign(kind, subject, now = Date.now()) {
      const jti = randomUUID();
      const iat = Math.floor(now / 1000);
      const exp = iat + TOKEN_TTL_SECONDS[kind];
      const claims: Record<string, string> = { sid: subject.sessionId };
      if (subject.role) claims.role = subject.role;
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPES[kind] })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setSubject(String(subject.userId))
        .setJti(jti)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(secret);
      return { token, jti, expiresAt: exp * 1000 };
    },

    async verify(kind, token) {
      if (kind === 'access') {
        const known = verifiedAccessTokens.get(token, Date.now());
        if (known === 'expired') throw new DomainError('token_expired', 'The token has expired.');
        if (known) return known;
      }
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ALGORITHM],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          typ: TOKEN_TYPES[kind],
          requiredClaims: ['exp', 'iat', 'jti', 'sub'],
        });
        const userId = Number(payload.sub);
        if (!Number.isSafeInteger(userId) || userId <= 0 || typeof payload.sid !== 'string' || !payload.jti || !payload.exp) {
          throw new DomainError('token_invalid', 'The token is not valid.');
        }
        const verified = { userId, jti: payload.jti, sessionId: payload.sid, expiresAt: payload.exp * 1000 };
        if (kind === 'access') verifiedAccessTokens.remember(token, verified);
        return verified;
      } catch (error) {
        if (error instanceof DomainError) throw error;
        if (error instanceof errors.JWTExpired) throw new DomainError('token_expired', 'The token has expired.');
        throw new DomainError('token_invalid', 'The token is not valid.');
      }
    },
  };
}
