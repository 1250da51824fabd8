import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOKEN_TTL_SECONDS } from '../core/auth/tokens';
import type { Services } from '../core/create-services';
import { DomainError } from '../core/errors';
import { clearSessionCookies, COOKIE_ACCESS, setSessionCookies } from '../http/credentials';
import type { PendingPasswordChange, UiSession } from '../trpc/ui-session';

const COOKIE_CHANGE = 'sd_change';
const TRPC_PATH = '/trpc';

/**
 * Headless web mode: the browser's sign-in is the cookie session of docs/contract/API.md. An expired access
 * token surfaces as `token_expired`; the page then renews it at `/api/v1/auth/refresh` (the only
 * path the refresh cookie is sent to) and retries.
 */
export function createCookieSession(services: Services, request: FastifyRequest, reply: FastifyReply): UiSession {
  return {
    async currentActor() {
      const access = request.cookies[COOKIE_ACCESS];
      if (!access) return null;
      try {
        return await services.auth.authenticate(access);
      } catch (error) {
        if (error instanceof DomainError && error.error === 'token_expired') throw error;
        if (error instanceof DomainError) return null;
        throw error;
      }
    },
    signIn(pair) {
      setSessionCookies(request, reply, pair, true);
    },
    async signOut(actor) {
      await services.auth.logout(actor, null);
      clearSessionCookies(reply);
    },
    holdPasswordChange(pending: PendingPasswordChange) {
      reply.setCookie(COOKIE_CHANGE, JSON.stringify(pending), {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: TRPC_PATH,
        maxAge: TOKEN_TTL_SECONDS.change,
      });
    },
    pendingPasswordChange() {
      const raw = request.cookies[COOKIE_CHANGE];
      if (!raw) return null;
      try {
        const parsed = JSON.parse(raw) as Partial<PendingPasswordChange>;
        return typeof parsed.username === 'string' && typeof parsed.changeToken === 'string'
          ? { username: parsed.username, changeToken: parsed.changeToken }
          : null;
      } catch {
        return null;
      }
    },
    clearPasswordChange() {
      if (request.cookies[COOKIE_CHANGE]) reply.clearCookie(COOKIE_CHANGE, { path: TRPC_PATH });
    },
  };
}
