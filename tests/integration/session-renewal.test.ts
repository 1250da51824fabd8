// Renewals that race: several calls find the access token expired at the same moment. Each
// would rotate the same refresh token, and reuse detection would then end the sign-in (the till
// signed out mid-sale). They must share one renewal, in the desktop window's memory session and
// for the browser's cookie session, while a real replay of a rotated token still ends it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSigner } from '../../electron/core/auth/tokens';
import { createMemorySession } from '../../electron/trpc/memory-session';
import type { ApiResponse } from '../helpers/api-client';
import { createSignedInUser, setupOwner, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

function claimsOf(jwt: string): { sub: string; sid: string; role?: string } {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string; sid: string; role?: string };
}

describe('concurrent renewals of one sign-in', () => {
  let t: TestCore;
  let owner: SignedIn;
  /** An access token of the same sign-in as `token`, signed with the real key, already expired. */
  let expiredTwinOf: (token: string) => Promise<string>;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    const secret = new Uint8Array(Buffer.from(readFileSync(join(t.dataDir, 'jwt-secret.key'), 'utf8').trim(), 'base64'));
    const signer = createTokenSigner(secret);
    expiredTwinOf = async (token) => {
      const claims = claimsOf(token);
      const issued = await signer.sign(
        'access',
        { userId: Number(claims.sub), sessionId: claims.sid, role: claims.role ?? 'super_admin' },
        Date.now() - 2 * FIFTEEN_MINUTES,
      );
      return issued.token;
    };
  });
  afterAll(() => t.stop());

  it('desktop: calls that find the token expired together all get the user, and the sign-in lives on', async () => {
    const login = await t.api.post('/auth/login', { username: owner.username, password: PASSWORDS.super_admin });
    const session = createMemorySession(t.core.services);
    session.signIn({ access: await expiredTwinOf(login.body.access), refresh: login.body.refresh, expiresIn: 900 });

    const actors = await Promise.all(Array.from({ length: 5 }, () => session.currentActor()));
    expect(actors.map((actor) => actor?.user.username)).toEqual(Array(5).fill(owner.username));

    // Still signed in, and the sign-in (refresh family) was not ended as a reuse.
    expect((await session.currentActor())?.user.username).toBe(owner.username);
    expect((await t.api.get('/me', { token: login.body.access })).status).toBe(200);
  });

  it('desktop: a call that read the tokens before another call renewed them uses the new ones', async () => {
    const login = await t.api.post('/auth/login', { username: owner.username, password: PASSWORDS.super_admin });
    const session = createMemorySession(t.core.services);
    session.signIn({ access: await expiredTwinOf(login.body.access), refresh: login.body.refresh, expiresIn: 900 });
    const first = session.currentActor();
    // The second starts while the first is still renewing, the third after it has finished.
    const second = session.currentActor();
    expect((await first)?.user.username).toBe(owner.username);
    const third = session.currentActor();
    expect((await second)?.user.username).toBe(owner.username);
    expect((await third)?.user.username).toBe(owner.username);
    expect((await t.api.get('/me', { token: login.body.access })).status).toBe(200);
  });

  describe('browser (cookie session)', () => {
    interface Jar {
      sd_access: string;
      sd_refresh: string;
      sd_csrf: string;
    }

    async function cookieLogin(username = owner.username, password: string = PASSWORDS.super_admin): Promise<Jar> {
      const res = await t.api.post('/auth/login', { username, password }, { headers: { 'x-auth-mode': 'cookie' } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return {
        sd_access: res.cookies.sd_access?.value ?? '',
        sd_refresh: res.cookies.sd_refresh?.value ?? '',
        sd_csrf: res.cookies.sd_csrf?.value ?? '',
      };
    }

    /** A tRPC query of the page, with the cookies the browser would send to /trpc. */
    async function me(jar: Jar): Promise<{ status: number; text: string }> {
      const res = await fetch(`${t.core.url}/trpc/profile.me`, {
        headers: { cookie: `sd_access=${jar.sd_access}; sd_csrf=${jar.sd_csrf}` },
      });
      return { status: res.status, text: await res.text() };
    }

    /** What the page does on `token_expired`: POST /auth/refresh with the refresh cookie and the CSRF header. */
    function refresh(jar: Jar): Promise<ApiResponse> {
      return t.api.post('/auth/refresh', {}, { cookies: { ...jar }, headers: { 'x-csrf-token': jar.sd_csrf } });
    }

    it('two tRPC calls with an expired access cookie both renew, both succeed, and the session survives', async () => {
      const signedIn = await cookieLogin();
      const jar = { ...signedIn, sd_access: await expiredTwinOf(signedIn.sd_access) };

      // Both calls (two tabs, or two requests of one screen) find the token expired...
      const lapsed = await Promise.all([me(jar), me(jar)]);
      for (const res of lapsed) {
        expect(res.status).toBe(401);
        expect(res.text).toContain('token_expired');
      }
      // ...and both renew with the same refresh cookie, at once.
      const renewed = await Promise.all([refresh(jar), refresh(jar)]);
      for (const res of renewed) expect(res.status, JSON.stringify(res.body)).toBe(200);
      const [a, b] = renewed.map((res) => ({
        ...jar,
        sd_access: res.cookies.sd_access?.value ?? '',
        sd_refresh: res.cookies.sd_refresh?.value ?? '',
      }));
      if (!a || !b) throw new Error('two answers expected');
      // One rotation, shared: the same new cookies for both, so the browser's jar is consistent.
      expect(a.sd_refresh).toBe(b.sd_refresh);
      expect(a.sd_access).toBe(b.sd_access);
      expect(a.sd_refresh).not.toBe(jar.sd_refresh);

      const retried = await Promise.all([me(a), me(b)]);
      for (const res of retried) expect(res.status, res.text).toBe(200);
      // The sign-in lives on: the next renewal works as usual.
      const next = await refresh(a);
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      expect((await me({ ...a, sd_access: next.cookies.sd_access?.value ?? '' })).status).toBe(200);
    });

    it('a renewal that comes a moment after the first (before the page used the new pair) gets the same pair', async () => {
      const jar = await cookieLogin();
      const first = await refresh(jar);
      const second = await refresh(jar);
      expect(first.status).toBe(200);
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(second.cookies.sd_refresh?.value).toBe(first.cookies.sd_refresh?.value);
    });

    it('once the new pair is in use, the old refresh cookie replayed is still token_reused and ends the sign-in', async () => {
      const jar = await cookieLogin();
      const renewed = await refresh(jar);
      expect(renewed.status).toBe(200);
      const current = { ...jar, sd_access: renewed.cookies.sd_access?.value ?? '', sd_refresh: renewed.cookies.sd_refresh?.value ?? '' };
      expect((await me(current)).status).toBe(200);

      const replay = await refresh(jar);
      expect(replay.status).toBe(401);
      expect(replay.body.error).toBe('token_reused');
      // The family is over: the new pair stops working too.
      expect((await me(current)).status).toBe(401);
      expect((await t.api.get('/me', { cookies: { sd_access: current.sd_access } })).body.error).toBe('token_revoked');
    });

    it('a sign-in ended meanwhile (another session changed the password) is not revived by a shared renewal', async () => {
      const cashier = await createSignedInUser(t.api, owner, 'cashier');
      const jar = await cookieLogin(cashier.username, PASSWORDS.cashier);
      const renewed = await refresh(jar);
      expect(renewed.status).toBe(200);
      // The cashier changes the password on another device: every other sign-in ends.
      const changed = await t.api.post(
        '/auth/password/change',
        { old_password: PASSWORDS.cashier, new_password: 'till-spruce-68' },
        { token: cashier.access },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      // The old cookie again, within the grace: no new tokens for an ended sign-in.
      const late = await refresh(jar);
      expect(late.status, JSON.stringify(late.body)).toBe(401);
      expect(late.body.error).toBe('token_revoked');
    });
  });

  it('header mode: two renewals with one refresh token at once get one new pair', async () => {
    const login = await t.api.post('/auth/login', { username: owner.username, password: PASSWORDS.super_admin });
    const [a, b] = await Promise.all([
      t.api.post('/auth/refresh', { refresh: login.body.refresh }),
      t.api.post('/auth/refresh', { refresh: login.body.refresh }),
    ]);
    expect(a?.status, JSON.stringify(a?.body)).toBe(200);
    expect(b?.status, JSON.stringify(b?.body)).toBe(200);
    expect(a?.body.refresh).toBe(b?.body.refresh);
    expect((await t.api.get('/me', { token: a?.body.access })).status).toBe(200);
  });
});
