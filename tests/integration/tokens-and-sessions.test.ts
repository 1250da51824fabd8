import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../helpers/api-client';
import { createSignedInUser, setupOwner, signIn, uniqueName, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/* ------------------------------------------------------------------------------------------ *
 * Tokens and sessions over HTTP only (docs/contract/API.md: Conventions, Authentication, Auth).
 * Failure paths come first in every block; each test makes its own users so that no test
 * depends on another's leftovers.
 * ------------------------------------------------------------------------------------------ */

const USER_KEYS = [
  'created_at',
  'email',
  'first_name',
  'has_pin',
  'id',
  'is_active',
  'is_locked',
  'last_name',
  'manager_id',
  'phone',
  'role',
  'username',
];

function expectError(res: ApiResponse, status: number, error: string | readonly string[]) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type') ?? '').toContain('application/json');
  if (typeof error === 'string') expect(res.body.error, JSON.stringify(res.body)).toBe(error);
  else expect(error, JSON.stringify(res.body)).toContain(res.body.error);
  expect(typeof res.body.message).toBe('string');
  expect(res.body.message.length).toBeGreaterThan(0);
}

/** The three dot-separated parts of a JWT. */
function jwtParts(token: string): [string, string, string] {
  const parts = token.split('.');
  expect(parts).toHaveLength(3);
  return [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
}

const b64urlJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const fromB64urlJson = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** Replaces the character at `index` by another base64url character. */
function flipChar(text: string, index: number): string {
  const current = text.charAt(index);
  const replacement = current === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('tokens and sessions', () => {
  let t: TestCore;
  let owner: SignedIn;
  /** The real signing key of this install, as the core stores it (base64 text). */
  let realSecret: Uint8Array;

  const readOwn = (user: { id: number }, token: string) => t.api.get(`/users/${user.id}`, { token });

  beforeAll(async () => {
    t = await startTestCore();
    owner = await setupOwner(t.api);
    realSecret = new Uint8Array(Buffer.from(readFileSync(join(t.dataDir, 'jwt-secret.key'), 'utf8').trim(), 'base64'));
    expect(realSecret.length).toBeGreaterThanOrEqual(32);
  });
  afterAll(() => t.stop());

  // ---------------------------------------------------------------------------------------- 1
  describe('header mode', () => {
    it('a protected route refuses no credentials, a non-Bearer scheme and a non-JWT bearer', async () => {
      expectError(await t.api.get(`/users/${owner.id}`), 401, 'unauthenticated');
      expectError(
        await t.api.get(`/users/${owner.id}`, { headers: { authorization: `Basic ${Buffer.from('owner:x').toString('base64')}` } }),
        401,
        'unauthenticated',
      );
      expectError(await t.api.get(`/users/${owner.id}`, { headers: { authorization: 'Bearer' } }), 401, 'unauthenticated');
      expectError(await t.api.get(`/users/${owner.id}`, { token: 'not-a-jwt' }), 401, 'token_invalid');
      expectError(await t.api.get('/users', { token: 'a.b.c' }), 401, 'token_invalid');
    });

    it('login answers access, refresh, Bearer, 900 s, the role’s display name and a user without any hash; the access token opens a protected route', async () => {
      const manager = await createSignedInUser(t.api, owner, 'manager');
      const res = await t.api.post('/auth/login', { username: manager.username, password: PASSWORDS.manager });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(typeof res.body.access).toBe('string');
      expect(typeof res.body.refresh).toBe('string');
      expect(res.body.access).not.toBe(res.body.refresh);
      expect(res.body.token_type).toBe('Bearer');
      expect(res.body.expires_in).toBe(900);
      expect(res.body.role).toBe('Manager');
      expect(Object.keys(res.body.user).sort()).toEqual(USER_KEYS);
      expect(res.body.user).toMatchObject({
        id: manager.id,
        username: manager.username,
        role: 'manager',
        is_active: true,
        is_locked: false,
      });
      expect(JSON.stringify(res.body.user)).not.toMatch(/hash|\$2[aby]\$|password/i);
      expect(Object.keys(res.body).sort()).toEqual(['access', 'expires_in', 'refresh', 'role', 'token_type', 'user']);
      expect(res.headers.get('cache-control') ?? '').toContain('no-store');

      // The access token is the JWT docs/contract/API.md describes.
      const header = decodeProtectedHeader(res.body.access);
      expect(header.alg).toBe('HS256');
      const claims = decodeJwt(res.body.access);
      expect(claims).toMatchObject({ iss: 'shopdesk', aud: 'shopdesk-api', sub: String(manager.id), role: 'manager' });
      expect(typeof claims.jti).toBe('string');
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
      expect(JSON.stringify(claims)).not.toMatch(/hash|password/i);

      const own = await readOwn(manager, res.body.access);
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.id).toBe(manager.id);
      expect(JSON.stringify(own.body)).not.toMatch(/hash|password/i);

      const ownerLogin = await t.api.post('/auth/login', { username: owner.username, password: PASSWORDS.super_admin });
      expect(ownerLogin.status).toBe(200);
      expect(ownerLogin.body.role).toBe('Super Admin');
      expect(ownerLogin.body.user.role).toBe('super_admin');
    });
  });

  // ---------------------------------------------------------------------------------------- 2
  describe('refresh rotation', () => {
    it('refuses a missing, a garbage and an unknown-format refresh token', async () => {
      const missing = await t.api.post('/auth/refresh', {});
      expectError(missing, 400, 'validation_failed');
      expect(missing.body.fields?.refresh).toBeDefined();
      expectError(await t.api.post('/auth/refresh', { refresh: 'garbage' }), 401, 'token_invalid');
      expectError(await t.api.post('/auth/refresh', { refresh: 'x.y.z' }), 401, 'token_invalid');
    });

    it('a rotated refresh token used again is token_reused and ends the whole sign-in; another sign-in is unaffected', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const other = await signIn(t.api, cashier.username, PASSWORDS.cashier);

      const rotated = await t.api.post('/auth/refresh', { refresh: cashier.refresh });
      expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
      expect(typeof rotated.body.access).toBe('string');
      expect(typeof rotated.body.refresh).toBe('string');
      expect(rotated.body.access).not.toBe(cashier.access);
      expect(rotated.body.refresh).not.toBe(cashier.refresh);
      expect((await readOwn(cashier, rotated.body.access)).status).toBe(200);
      // Before the replay, the first access token of the sign-in still works.
      expect((await readOwn(cashier, cashier.access)).status).toBe(200);

      // The replay of the rotated token.
      expectError(await t.api.post('/auth/refresh', { refresh: cashier.refresh }), 401, 'token_reused');

      // The whole family is dead: both refresh tokens and every access token of it.
      expectError(await t.api.post('/auth/refresh', { refresh: rotated.body.refresh }), 401, [
        'token_revoked',
        'token_reused',
        'token_invalid',
      ]);
      expectError(await t.api.post('/auth/refresh', { refresh: cashier.refresh }), 401, ['token_revoked', 'token_reused', 'token_invalid']);
      expectError(await readOwn(cashier, cashier.access), 401, 'token_revoked');
      expectError(await readOwn(cashier, rotated.body.access), 401, 'token_revoked');

      // The other sign-in of the same user lives on, and can still rotate.
      expect((await readOwn(cashier, other.access)).status).toBe(200);
      const otherRotated = await t.api.post('/auth/refresh', { refresh: other.refresh });
      expect(otherRotated.status, JSON.stringify(otherRotated.body)).toBe(200);
      expect((await readOwn(cashier, otherRotated.body.access)).status).toBe(200);
    });

    it('each rotation gives a fresh pair that rotates again', async () => {
      const attendant = await createSignedInUser(t.api, owner, 'attendant');
      let refresh = attendant.refresh;
      const seen = new Set<string>([refresh]);
      for (let i = 0; i < 3; i++) {
        const res = await t.api.post('/auth/refresh', { refresh });
        expect(res.status, `rotation ${i}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(seen.has(res.body.refresh)).toBe(false);
        seen.add(res.body.refresh);
        refresh = res.body.refresh;
        expect((await readOwn(attendant, res.body.access)).status).toBe(200);
      }
    });
  });

  // ---------------------------------------------------------------------------------------- 3
  describe('logout', () => {
    it('refuses a logout without a Bearer token or without the refresh token', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      expectError(await t.api.post('/auth/logout', { refresh: cashier.refresh }), 401, 'unauthenticated');
      const noRefresh = await t.api.post('/auth/logout', {}, { token: cashier.access });
      expectError(noRefresh, 400, 'validation_failed');
      expect(noRefresh.body.fields?.refresh).toBeDefined();
      // Nothing was ended by the refused attempts.
      expect((await readOwn(cashier, cashier.access)).status).toBe(200);
    });

    it('cannot end another user’s sign-in by presenting their refresh token', async () => {
      const a = await createSignedInUser(t.api, owner, 'cashier');
      const b = await createSignedInUser(t.api, owner, 'cashier');
      const res = await t.api.post('/auth/logout', { refresh: b.refresh }, { token: a.access });
      expect(res.status, JSON.stringify(res.body)).toBe(401);
      expect((await readOwn(b, b.access)).status).toBe(200);
      expect((await t.api.post('/auth/refresh', { refresh: b.refresh })).status).toBe(200);
    });

    it('answers "Successfully logged out"; the presented access token and the refresh token stop working at once', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const other = await signIn(t.api, cashier.username, PASSWORDS.cashier);
      const res = await t.api.post('/auth/logout', { refresh: cashier.refresh }, { token: cashier.access });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ message: 'Successfully logged out' });

      expectError(await readOwn(cashier, cashier.access), 401, 'token_revoked');
      expectError(await t.api.post('/auth/refresh', { refresh: cashier.refresh }), 401, ['token_revoked', 'token_invalid']);
      // A second logout with the dead token is refused too.
      expect((await t.api.post('/auth/logout', { refresh: cashier.refresh }, { token: cashier.access })).status).toBe(401);

      // Only that sign-in ended.
      expect((await readOwn(cashier, other.access)).status).toBe(200);
    });

    it('a logout after a rotation ends the rotated pair too', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const rotated = await t.api.post('/auth/refresh', { refresh: cashier.refresh });
      expect(rotated.status).toBe(200);
      const res = await t.api.post('/auth/logout', { refresh: rotated.body.refresh }, { token: rotated.body.access });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectError(await readOwn(cashier, rotated.body.access), 401, 'token_revoked');
      expectError(await readOwn(cashier, cashier.access), 401, 'token_revoked');
      expect((await t.api.post('/auth/refresh', { refresh: rotated.body.refresh })).status).toBe(401);
    });
  });

  // ---------------------------------------------------------------------------------------- 4
  describe('forged, tampered, expired and mistyped tokens', () => {
    /** A token in every respect like a real access token of `user`, with `overrides`. */
    async function craftAccess(
      user: SignedIn,
      overrides: { secret?: Uint8Array; alg?: string; typ?: string; iss?: string; aud?: string; iat?: number; exp?: number } = {},
    ) {
      const real = decodeJwt(user.access);
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ sid: real.sid as string, role: real.role as string })
        .setProtectedHeader({ alg: overrides.alg ?? 'HS256', typ: overrides.typ ?? 'at+jwt' })
        .setIssuer(overrides.iss ?? 'shopdesk')
        .setAudience(overrides.aud ?? 'shopdesk-api')
        .setSubject(String(user.id))
        .setJti(randomUUID())
        .setIssuedAt(overrides.iat ?? now)
        .setExpirationTime(overrides.exp ?? now + 600)
        .sign(overrides.secret ?? realSecret);
    }

    it('a flipped character in the signature is token_invalid', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const [h, p, s] = jwtParts(cashier.access);
      expectError(await readOwn(cashier, `${h}.${p}.${flipChar(s, 0)}`), 401, 'token_invalid');
      expectError(await readOwn(cashier, `${h}.${p}.${flipChar(s, 10)}`), 401, 'token_invalid');
      expectError(await readOwn(cashier, `${h}.${p}.`), 401, 'token_invalid');
      expectError(await readOwn(cashier, `${h}.${p}`), 401, 'token_invalid');
      // The untouched token still works.
      expect((await readOwn(cashier, cashier.access)).status).toBe(200);
    });

    it('a changed payload (another user, a higher role, a later expiry) is token_invalid', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const [h, p, s] = jwtParts(cashier.access);
      const payload = fromB64urlJson(p);
      const asOwner = `${h}.${b64urlJson({ ...payload, sub: String(owner.id), role: 'super_admin' })}.${s}`;
      expectError(await t.api.get(`/users/${owner.id}`, { token: asOwner }), 401, 'token_invalid');
      expectError(await t.api.get('/users', { token: asOwner }), 401, 'token_invalid');
      const promoted = `${h}.${b64urlJson({ ...payload, role: 'super_admin' })}.${s}`;
      expectError(await t.api.get('/users', { token: promoted }), 401, 'token_invalid');
      const longer = `${h}.${b64urlJson({ ...payload, exp: Number(payload.exp) + 86_400 })}.${s}`;
      expectError(await readOwn(cashier, longer), 401, 'token_invalid');
    });

    it('an `alg: none` token is token_invalid', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const payload = fromB64urlJson(jwtParts(cashier.access)[1]);
      for (const alg of ['none', 'None', 'NONE']) {
        const header = b64urlJson({ alg, typ: 'at+jwt' });
        const forged = `${header}.${b64urlJson({ ...payload, sub: String(owner.id), role: 'super_admin' })}`;
        expectError(await t.api.get('/users', { token: `${forged}.` }), 401, 'token_invalid');
        // Even for the token's own user and claims, unsigned is unsigned.
        const unsigned = `${header}.${b64urlJson(payload)}.`;
        expectError(await readOwn(cashier, unsigned), 401, 'token_invalid');
      }
    });

    it('a token signed with another secret, or with another HMAC algorithm, is token_invalid', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const otherSecret = new Uint8Array(64).fill(7);
      expectError(await readOwn(cashier, await craftAccess(cashier, { secret: otherSecret })), 401, 'token_invalid');
      // The algorithm is pinned: HS512 with the real key is still refused.
      expectError(await readOwn(cashier, await craftAccess(cashier, { alg: 'HS512' })), 401, 'token_invalid');
    });

    it('a token with the real key but the wrong issuer, audience or typ is token_invalid', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      expectError(await readOwn(cashier, await craftAccess(cashier, { iss: 'someone-else' })), 401, 'token_invalid');
      expectError(await readOwn(cashier, await craftAccess(cashier, { aud: 'another-api' })), 401, 'token_invalid');
      expectError(await readOwn(cashier, await craftAccess(cashier, { typ: 'JWT' })), 401, 'token_invalid');
    });

    it('an expired token signed with the real secret is token_expired (while the same token unexpired is accepted)', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const now = Math.floor(Date.now() / 1000);
      // Control: the crafting is right, so only the expiry can make the difference below.
      const control = await readOwn(cashier, await craftAccess(cashier));
      expect(control.status, JSON.stringify(control.body)).toBe(200);

      const expired = await craftAccess(cashier, { iat: now - 3600, exp: now - 600 });
      expectError(await readOwn(cashier, expired), 401, 'token_expired');
      expectError(await readOwn(cashier, await craftAccess(cashier, { iat: now - 1000, exp: now - 100 })), 401, 'token_expired');
    });

    it('a refresh token used as an access token is refused, and an access token sent to /auth/refresh is refused', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      expectError(await readOwn(cashier, cashier.refresh), 401, 'token_invalid');
      expectError(await t.api.get('/users', { token: cashier.refresh }), 401, 'token_invalid');
      expectError(await t.api.post('/auth/logout', { refresh: cashier.refresh }, { token: cashier.refresh }), 401, 'token_invalid');
      expectError(await t.api.post('/auth/refresh', { refresh: cashier.access }), 401, 'token_invalid');
      // Neither misuse broke the real pair.
      expect((await readOwn(cashier, cashier.access)).status).toBe(200);
      expect((await t.api.post('/auth/refresh', { refresh: cashier.refresh })).status).toBe(200);
    });
  });

  // ---------------------------------------------------------------------------------------- 5
  describe('the change_token of a code-4 login', () => {
    async function createWithTemporaryPassword() {
      const username = uniqueName('chg');
      const temporary = `Tmp-${PASSWORDS.cashier}`;
      const created = await t.api.post(
        '/users',
        { username, password: temporary, first_name: 'Chang', last_name: 'Token', role: 'cashier' },
        { token: owner.access },
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const login = await t.api.post('/auth/login', { username, password: temporary });
      expectError(login, 403, 'password_expired');
      expect(login.body.code).toBe(4);
      expect(typeof login.body.change_token).toBe('string');
      expect(login.body.access).toBeUndefined();
      expect(login.body.refresh).toBeUndefined();
      return { id: created.body.id as number, username, temporary, changeToken: login.body.change_token as string };
    }

    it('is refused on every other endpoint', async () => {
      const { id, changeToken } = await createWithTemporaryPassword();
      expectError(await t.api.get(`/users/${id}`, { token: changeToken }), 401, 'token_invalid');
      expectError(await t.api.get('/users', { token: changeToken }), 401, 'token_invalid');
      expectError(await t.api.patch(`/users/${id}`, { first_name: 'Mallory' }, { token: changeToken }), 401, 'token_invalid');
      expectError(await t.api.post('/auth/logout', { refresh: changeToken }, { token: changeToken }), 401, 'token_invalid');
      expectError(await t.api.post('/auth/refresh', { refresh: changeToken }), 401, 'token_invalid');
      expectError(await t.api.get('/roles/cashier/settings', { token: changeToken }), 401, 'token_invalid');
    });

    it('is accepted by /auth/password/change, and only once', async () => {
      const { id, username, temporary, changeToken } = await createWithTemporaryPassword();
      // A wrong old password does not use the token up.
      const wrongOld = await t.api.post(
        '/auth/password/change',
        { old_password: 'not-the-temp-1', new_password: PASSWORDS.cashier },
        { token: changeToken },
      );
      expectError(wrongOld, 400, 'validation_failed');
      expect(wrongOld.body.fields?.old_password).toEqual(['Wrong password.']);

      const changed = await t.api.post(
        '/auth/password/change',
        { old_password: temporary, new_password: PASSWORDS.cashier },
        { token: changeToken },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toEqual({ message: 'Password updated successfully' });

      // Second use, with a request that would otherwise be valid (right old password, good new one).
      const again = await t.api.post(
        '/auth/password/change',
        { old_password: PASSWORDS.cashier, new_password: 'till-oak-58' },
        { token: changeToken },
      );
      expectError(again, 401, ['token_revoked', 'token_invalid']);

      // The password is the one set with the token, not the one of the refused second use.
      const login = await t.api.post('/auth/login', { username, password: PASSWORDS.cashier });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      expect(login.body.user.id).toBe(id);
      // And the used change token still opens nothing else.
      expectError(await t.api.get(`/users/${id}`, { token: changeToken }), 401, 'token_invalid');
    });
  });

  // ---------------------------------------------------------------------------------------- 6
  describe('cookie mode', () => {
    interface CookieSession {
      user: SignedIn;
      access: string;
      refresh: string;
      csrf: string;
    }

    async function cookieLogin(role: 'cashier' | 'manager' = 'cashier'): Promise<CookieSession & { res: ApiResponse }> {
      const user = await createSignedInUser(t.api, owner, role);
      const res = await t.api.post(
        '/auth/login',
        { username: user.username, password: PASSWORDS[role] },
        { headers: { 'x-auth-mode': 'cookie' } },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const access = res.cookies.sd_access?.value ?? '';
      const refresh = res.cookies.sd_refresh?.value ?? '';
      const csrf = res.cookies.sd_csrf?.value ?? '';
      expect(access).not.toBe('');
      expect(refresh).not.toBe('');
      expect(csrf).not.toBe('');
      return { user, access, refresh, csrf, res };
    }

    const all = (s: CookieSession) => ({ sd_access: s.access, sd_refresh: s.refresh, sd_csrf: s.csrf });

    it('login sets the three cookies with the right attributes and keeps tokens out of the body', async () => {
      const { user, res, access, refresh, csrf } = await cookieLogin();
      expect(res.body.access).toBeUndefined();
      expect(res.body.refresh).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain(access);
      expect(JSON.stringify(res.body)).not.toContain(refresh);
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, role: 'Cashier' });
      expect(res.body.user.id).toBe(user.id);

      const attrs = (name: string) => (res.cookies[name]?.attributes ?? '').split(';').map((a) => a.trim().toLowerCase());
      expect(attrs('sd_access')).toContain('httponly');
      expect(attrs('sd_access')).toContain('samesite=strict');
      expect(attrs('sd_access')).toContain('path=/');
      expect(attrs('sd_refresh')).toContain('httponly');
      expect(attrs('sd_refresh')).toContain('path=/api/v1/auth');
      expect(attrs('sd_csrf')).not.toContain('httponly');
      // The CSRF value is not guessable and differs from the tokens.
      expect(csrf.length).toBeGreaterThanOrEqual(16);
      expect(csrf).not.toBe(access);
    });

    it('unsafe requests with cookies but without, or with a wrong, X-CSRF-Token are 403 forbidden and change nothing', async () => {
      const s = await cookieLogin();
      const { user } = s;

      const logoutNoCsrf = await t.api.post('/auth/logout', {}, { cookies: all(s) });
      expectError(logoutNoCsrf, 403, 'forbidden');
      expectError(await t.api.post('/auth/logout', {}, { cookies: all(s), headers: { 'x-csrf-token': 'wrong-token' } }), 403, 'forbidden');
      expectError(await t.api.post('/auth/logout', {}, { cookies: all(s), headers: { 'x-csrf-token': '' } }), 403, 'forbidden');

      const patchNoCsrf = await t.api.patch(
        `/users/${user.id}`,
        { first_name: 'Forged' },
        { cookies: { sd_access: s.access, sd_csrf: s.csrf } },
      );
      expectError(patchNoCsrf, 403, 'forbidden');
      expectError(
        await t.api.patch(
          `/users/${user.id}`,
          { first_name: 'Forged' },
          { cookies: { sd_access: s.access, sd_csrf: s.csrf }, headers: { 'x-csrf-token': flipChar(s.csrf, 0) } },
        ),
        403,
        'forbidden',
      );
      // A header without the cookie to compare it with is no proof either.
      expectError(
        await t.api.patch(
          `/users/${user.id}`,
          { first_name: 'Forged' },
          { cookies: { sd_access: s.access }, headers: { 'x-csrf-token': s.csrf } },
        ),
        403,
        'forbidden',
      );
      expectError(await t.api.post('/auth/refresh', {}, { cookies: all(s) }), 403, 'forbidden');
      expectError(await t.api.post('/auth/refresh', {}, { cookies: all(s), headers: { 'x-csrf-token': 'nope' } }), 403, 'forbidden');

      // Nothing happened: the session is alive and the name unchanged.
      const read = await t.api.get(`/users/${user.id}`, { cookies: { sd_access: s.access } });
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect(read.body.first_name).toBe('Test');

      // With the right token, the same PATCH goes through.
      const patched = await t.api.patch(
        `/users/${user.id}`,
        { first_name: 'Carla' },
        { cookies: { sd_access: s.access, sd_csrf: s.csrf }, headers: { 'x-csrf-token': s.csrf } },
      );
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.body.first_name).toBe('Carla');
    });

    it('a GET with only the sd_access cookie works without CSRF', async () => {
      const s = await cookieLogin('manager');
      const own = await t.api.get(`/users/${s.user.id}`, { cookies: { sd_access: s.access } });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.id).toBe(s.user.id);
      const list = await t.api.get('/users', { cookies: { sd_access: s.access } });
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      // A tampered cookie is refused like a tampered header.
      const [h, p, sig] = jwtParts(s.access);
      expectError(
        await t.api.get(`/users/${s.user.id}`, { cookies: { sd_access: `${h}.${p}.${flipChar(sig, 0)}` } }),
        401,
        'token_invalid',
      );
    });

    it('POST /auth/refresh with cookies + X-CSRF-Token and {} rotates the cookies; the old sd_refresh replayed is token_reused', async () => {
      const s = await cookieLogin();
      const res = await t.api.post('/auth/refresh', {}, { cookies: all(s), headers: { 'x-csrf-token': s.csrf } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.access).toBeUndefined();
      expect(res.body.refresh).toBeUndefined();
      const newAccess = res.cookies.sd_access?.value ?? '';
      const newRefresh = res.cookies.sd_refresh?.value ?? '';
      expect(newAccess).not.toBe('');
      expect(newRefresh).not.toBe('');
      expect(newAccess).not.toBe(s.access);
      expect(newRefresh).not.toBe(s.refresh);
      expect((res.cookies.sd_access?.attributes ?? '').toLowerCase()).toContain('httponly');
      expect((res.cookies.sd_refresh?.attributes ?? '').toLowerCase()).toContain('path=/api/v1/auth');
      const csrf = res.cookies.sd_csrf?.value ?? s.csrf;

      const own = await t.api.get(`/users/${s.user.id}`, { cookies: { sd_access: newAccess } });
      expect(own.status, JSON.stringify(own.body)).toBe(200);

      // Replaying the rotated cookie ends the family, in cookie mode as in header mode.
      const replay = await t.api.post('/auth/refresh', {}, { cookies: { ...all(s), sd_csrf: csrf }, headers: { 'x-csrf-token': csrf } });
      expectError(replay, 401, 'token_reused');
      expectError(await t.api.get(`/users/${s.user.id}`, { cookies: { sd_access: newAccess } }), 401, 'token_revoked');
    });

    it('logout in cookie mode clears the cookies and the old sd_access stops working', async () => {
      const s = await cookieLogin();
      const res = await t.api.post('/auth/logout', {}, { cookies: all(s), headers: { 'x-csrf-token': s.csrf } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ message: 'Successfully logged out' });
      for (const name of ['sd_access', 'sd_refresh', 'sd_csrf']) {
        const cookie = res.cookies[name];
        expect(cookie, `${name} is cleared`).toBeDefined();
        expect(cookie?.value).toBe('');
        expect(cookie?.attributes ?? '').toMatch(/max-age=0|expires=thu, 01 jan 1970/i);
      }
      expect((res.cookies.sd_refresh?.attributes ?? '').toLowerCase()).toContain('path=/api/v1/auth');

      expectError(await t.api.get(`/users/${s.user.id}`, { cookies: { sd_access: s.access } }), 401, 'token_revoked');
      expectError(await t.api.post('/auth/refresh', {}, { cookies: all(s), headers: { 'x-csrf-token': s.csrf } }), 401, [
        'token_revoked',
        'token_invalid',
      ]);
      expectError(await t.api.post('/auth/refresh', { refresh: s.refresh }), 401, ['token_revoked', 'token_invalid']);
    });
  });

  // ---------------------------------------------------------------------------------------- 7
  describe('every request re-reads the account', () => {
    it('a deactivated user’s unexpired access token is refused on the next request, and so are refresh and login', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      expect((await readOwn(cashier, cashier.access)).status).toBe(200);

      const off = await t.api.patch(`/users/${cashier.id}`, { is_active: false }, { token: owner.access });
      expect(off.status, JSON.stringify(off.body)).toBe(200);
      expect(off.body.is_active).toBe(false);

      const after = await readOwn(cashier, cashier.access);
      expect([401, 403], JSON.stringify(after.body)).toContain(after.status);
      expect(['token_revoked', 'account_inactive', 'unauthenticated']).toContain(after.body.error);
      const refreshed = await t.api.post('/auth/refresh', { refresh: cashier.refresh });
      expect([401, 403], JSON.stringify(refreshed.body)).toContain(refreshed.status);
      expect(refreshed.body.access).toBeUndefined();
      expectError(await t.api.post('/auth/login', { username: cashier.username, password: PASSWORDS.cashier }), 403, 'account_inactive');

      // Reactivation does not bring the old sign-in back; a new sign-in works.
      expect((await t.api.patch(`/users/${cashier.id}`, { is_active: true }, { token: owner.access })).status).toBe(200);
      expect((await readOwn(cashier, cashier.access)).status).toBe(401);
      const again = await signIn(t.api, cashier.username, PASSWORDS.cashier);
      expect((await readOwn(cashier, again.access)).status).toBe(200);
    });

    it('a manager demoted to cashier can no longer list users with the same token', async () => {
      const manager = await createSignedInUser(t.api, owner, 'manager');
      const before = await t.api.get('/users', { token: manager.access });
      expect(before.status, JSON.stringify(before.body)).toBe(200);

      const demoted = await t.api.post(`/users/${manager.id}/role`, { role: 'cashier' }, { token: owner.access });
      expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
      expect(demoted.body.role).toBe('cashier');

      expectError(await t.api.get('/users', { token: manager.access }), 403, 'forbidden');
      expectError(
        await t.api.post(
          '/users',
          { username: uniqueName('x'), password: `Tmp-${PASSWORDS.cashier}`, first_name: 'X', last_name: 'Y', role: 'cashier' },
          { token: manager.access },
        ),
        403,
        'forbidden',
      );
      const own = await readOwn(manager, manager.access);
      expect(own.status).toBe(200);
      expect(own.body.role).toBe('cashier');

      // A refresh hands out a token that carries the new role.
      const rotated = await t.api.post('/auth/refresh', { refresh: manager.refresh });
      expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
      expect(decodeJwt(rotated.body.access).role).toBe('cashier');
      expectError(await t.api.get('/users', { token: rotated.body.access }), 403, 'forbidden');
    });

    it('a deleted user’s token and a token of a user whose password the owner set are refused', async () => {
      const deleted = await createSignedInUser(t.api, owner, 'cashier');
      const removed = await t.api.delete(`/users/${deleted.id}`, { token: owner.access });
      expect(removed.status, JSON.stringify(removed.body)).toBe(204);
      expectError(await readOwn(deleted, deleted.access), 401, 'token_revoked');
      const deadRefresh = await t.api.post('/auth/refresh', { refresh: deleted.refresh });
      expect([401, 403], JSON.stringify(deadRefresh.body)).toContain(deadRefresh.status);
      expect(deadRefresh.body.access).toBeUndefined();

      const reset = await createSignedInUser(t.api, owner, 'cashier');
      const set = await t.api.patch(`/users/${reset.id}`, { password: 'till-elm-64' }, { token: owner.access });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expectError(await readOwn(reset, reset.access), 401, 'token_revoked');
      expect((await t.api.post('/auth/refresh', { refresh: reset.refresh })).status).toBe(401);
    });

    it('changing one’s own password keeps this sign-in and ends the others', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const other = await signIn(t.api, cashier.username, PASSWORDS.cashier);
      const changed = await t.api.post(
        '/auth/password/change',
        { old_password: PASSWORDS.cashier, new_password: 'till-ash-39' },
        { token: cashier.access },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect((await readOwn(cashier, cashier.access)).status).toBe(200);
      expectError(await readOwn(cashier, other.access), 401, 'token_revoked');
      expect((await t.api.post('/auth/refresh', { refresh: other.refresh })).status).toBe(401);
      expect((await t.api.post('/auth/refresh', { refresh: cashier.refresh })).status).toBe(200);
    });
  });
});
