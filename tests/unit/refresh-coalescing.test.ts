// The shared renewal of electron/core/auth/refresh-coalescing.ts with a fake clock: how long the
// new pair is handed out again for the old refresh token, and when that stops.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/core/actor';
import { coalesceRefreshes, RENEWAL_GRACE_MS } from '../../electron/core/auth/refresh-coalescing';
import type { TokenPair } from '../../electron/core/auth/sessions';
import { DomainError } from '../../electron/core/errors';

function setup(options: { failFirst?: boolean } = {}) {
  let clock = 1_000_000;
  let rotations = 0;
  let failNext = options.failFirst ?? false;
  const dead = new Set<string>();
  const inner = {
    async refresh(token: string): Promise<TokenPair> {
      await Promise.resolve();
      if (failNext) {
        failNext = false;
        throw new DomainError('token_invalid', 'not now');
      }
      rotations += 1;
      return { access: `access-${rotations}-from-${token}`, refresh: `refresh-${rotations}`, expiresIn: 900 };
    },
    async authenticate(token: string): Promise<Actor> {
      if (dead.has(token)) throw new DomainError('token_revoked', 'ended');
      return { user: { username: 'till' } } as unknown as Actor;
    },
    other: () => 'kept',
  };
  const auth = coalesceRefreshes(inner, { now: () => clock });
  return { auth, advance: (ms: number) => (clock += ms), rotations: () => rotations, kill: (token: string) => dead.add(token) };
}

describe('coalesceRefreshes', () => {
  it('keeps the other methods of the service', () => {
    expect(setup().auth.other()).toBe('kept');
  });

  it('renewals of one token at once make one rotation and all get its pair', async () => {
    const { auth, rotations } = setup();
    const pairs = await Promise.all([auth.refresh('r0'), auth.refresh('r0'), auth.refresh('r0')]);
    expect(rotations()).toBe(1);
    expect(new Set(pairs.map((p) => p.refresh)).size).toBe(1);
  });

  it('a renewal within the grace, before the new pair was used, gets the same pair', async () => {
    const { auth, advance, rotations } = setup();
    const first = await auth.refresh('r0');
    advance(RENEWAL_GRACE_MS - 1);
    expect((await auth.refresh('r0')).refresh).toBe(first.refresh);
    expect(rotations()).toBe(1);
  });

  it('after the grace, the old token goes to the real rotation (and its reuse detection)', async () => {
    const { auth, advance, rotations } = setup();
    await auth.refresh('r0');
    advance(RENEWAL_GRACE_MS);
    await auth.refresh('r0');
    expect(rotations()).toBe(2);
  });

  it('once the new access token or the new refresh token is used, no more sharing', async () => {
    const viaAccess = setup();
    const a = await viaAccess.auth.refresh('r0');
    await viaAccess.auth.authenticate(a.access);
    await viaAccess.auth.refresh('r0');
    expect(viaAccess.rotations()).toBe(2);

    const viaRefresh = setup();
    const b = await viaRefresh.auth.refresh('r0');
    await viaRefresh.auth.refresh(b.refresh);
    await viaRefresh.auth.refresh('r0');
    expect(viaRefresh.rotations()).toBe(3);
  });

  it('a failed renewal is not remembered', async () => {
    const { auth, rotations } = setup({ failFirst: true });
    await expect(auth.refresh('r0')).rejects.toMatchObject({ error: 'token_invalid' });
    await auth.refresh('r0');
    expect(rotations()).toBe(1);
  });

  it('a pair whose sign-in ended meanwhile is not handed out again', async () => {
    const { auth, kill, rotations } = setup();
    const first = await auth.refresh('r0');
    kill(first.access);
    await auth.refresh('r0');
    expect(rotations()).toBe(2);
  });
});
