// The desktop window's memory session against a strict fake of the auth service (every refresh
// token works once; a second use is reuse and ends the sign-in), with each call's timing in the
// test's hands: the interleavings that real timing only produces now and then.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/core/actor';
import type { TokenPair } from '../../electron/core/auth/sessions';
import type { Services } from '../../electron/core/create-services';
import { DomainError } from '../../electron/core/errors';
import { createMemorySession } from '../../electron/trpc/memory-session';

interface Gate {
  promise: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

function fakeAuth() {
  let generation = 0;
  const rotated = new Set<string>();
  let ended = false;
  const live = new Set<string>(['access-0']);
  /** Holds back the answer to authenticate(token) until the test opens the gate. */
  const held = new Map<string, Gate[]>();
  const calls = { refresh: 0 };
  const actor = { user: { username: 'till' } } as unknown as Actor;

  const auth = {
    async authenticate(token: string): Promise<Actor> {
      const wait = held.get(token)?.shift();
      if (wait) await wait.promise;
      if (ended) throw new DomainError('token_revoked', 'ended');
      if (token === 'expired') throw new DomainError('token_expired', 'expired');
      if (!live.has(token)) throw new DomainError('token_invalid', 'invalid');
      return actor;
    },
    async refresh(token: string): Promise<TokenPair> {
      calls.refresh += 1;
      await Promise.resolve();
      if (ended) throw new DomainError('token_revoked', 'ended');
      if (rotated.has(token)) {
        ended = true;
        throw new DomainError('token_reused', 'reused');
      }
      rotated.add(token);
      generation += 1;
      live.add(`access-${generation}`);
      return { access: `access-${generation}`, refresh: `refresh-${generation}`, expiresIn: 900 };
    },
    async logout(): Promise<void> {
      ended = true;
    },
  };
  const hold = (token: string): Gate => {
    const g = gate();
    held.set(token, [...(held.get(token) ?? []), g]);
    return g;
  };
  return { services: { auth } as unknown as Services, hold, calls, isEnded: () => ended };
}

describe('createMemorySession', () => {
  it('calls that find the token expired together share one renewal', async () => {
    const fake = fakeAuth();
    const session = createMemorySession(fake.services);
    session.signIn({ access: 'expired', refresh: 'refresh-0', expiresIn: 900 });
    const actors = await Promise.all([session.currentActor(), session.currentActor(), session.currentActor()]);
    expect(actors.every((actor) => actor !== null)).toBe(true);
    expect(fake.calls.refresh).toBe(1);
    expect(fake.isEnded()).toBe(false);
  });

  it('a call whose "expired" comes back after another call finished renewing uses the new tokens', async () => {
    const fake = fakeAuth();
    const session = createMemorySession(fake.services);
    session.signIn({ access: 'expired', refresh: 'refresh-0', expiresIn: 900 });
    const slowCheck = fake.hold('expired');
    const quickCheck = fake.hold('expired');
    const b = session.currentActor();
    const a = session.currentActor();
    // A learns first that the token expired, renews and is done...
    quickCheck.open();
    expect(await a).not.toBeNull();
    // ...then B learns it, holding the tokens it read before: renewing those again would be reuse.
    slowCheck.open();
    expect(await b).not.toBeNull();
    expect(fake.calls.refresh).toBe(1);
    expect(fake.isEnded()).toBe(false);
    expect(await session.currentActor()).not.toBeNull();
  });

  it('a sign-out while a call is checking wins: no one is signed in afterwards', async () => {
    const fake = fakeAuth();
    const session = createMemorySession(fake.services);
    session.signIn({ access: 'expired', refresh: 'refresh-0', expiresIn: 900 });
    const pending = session.currentActor();
    await session.signOut({ user: { username: 'till' } } as unknown as Actor);
    expect(await pending).toBeNull();
    expect(await session.currentActor()).toBeNull();
  });
});
