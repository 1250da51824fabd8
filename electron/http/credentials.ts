import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOKEN_TTL_SECONDS } from '../core/auth/tokens';
import { DomainError } from '../core/errors';

export const COOKIE_ACCESS = 'sd_access';
export const COOKIE_REFRESH = 'sd_refresh';
export const COOKIE_CSRF = 'sd_csrf';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export type AuthMode = 'header' | 'cookie';

export interface PresentedToken {
  token: string;
  mode: AuthMode;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The access token of a request: `Authorization: Bearer …`, else the `sd_access` cookie. */
export function presentedAccessToken(request: FastifyRequest): PresentedToken | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('unauthenticated', 'Send the access token as "Authorization: Bearer <token>".');
    return { token: match[1], mode: 'header' };
  }
  const cookie = request.cookies[COOKIE_ACCESS];
  return cookie ? { token: cookie, mode: 'cookie' } : null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cookies ride along on any request the browser makes, so an unsafe request that relies on
 * them must also prove it came from our page: the readable `sd_csrf` cookie echoed in a header.
 */
export function assertCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const expected = request.cookies[COOKIE_CSRF];
  const given = request.headers['x-csrf-token'];
  if (!expected || typeof given !== 'string' || !sameText(expected, given)) {
    throw new DomainError('forbidden', 'CSRF check failed: send the X-CSRF-Token header equal to the sd_csrf cookie.');
  }
}

export function wantsCookieMode(request: FastifyRequest): boolean {
  return String(request.headers['x-auth-mode'] ?? '').toLowerCase() === 'cookie';
}

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

// The access cookie outlives its token on purpose: an expired token then reaches the server and
// answers `token_expired` (the page refreshes) instead of silently vanishing.
const COOKIE_MAX_AGE = TOKEN_TTL_SECONDS.refresh;

/** Sets the access and refresh cookies; a new sign-in (`withCsrf`) also gets a fresh CSRF token. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: { access: string; refresh: string },
  withCsrf: boolean,
): void {
  const secure = isHttps(request);
  reply.setCookie(COOKIE_ACCESS, tokens.access, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: COOKIE_MAX_AGE });
  reply.setCookie(COOKIE_REFRESH, tokens.refresh, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: REFRESH_COOKIE_PATH,
    maxAge: COOKIE_MAX_AGE,
  });
  if (withCsrf) {
    const csrf = randomBytes(32).toString('base64url');
    reply.setCookie(COOKIE_CSRF, csrf, { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge: COOKIE_MAX_AGE });
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** From this computer itself (first-run set-up is allowed only from here). */
export function isFromLoopback(request: FastifyRequest): boolean {
  return LOOPBACK.has(request.socket.remoteAddress ?? '');
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(COOKIE_ACCESS, { path: '/' });
  reply.clearCookie(COOKIE_REFRESH, { path: REFRESH_COOKIE_PATH });
  reply.clearCookie(COOKIE_CSRF, { path: '/' });
}
