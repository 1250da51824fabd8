import type { Actor } from '../actor';
import type { TokenPair } from './sessions';

interface RenewingAuth {
  refresh(refreshToken: string): Promise<TokenPair>;
  authenticate(accessToken: string): Promise<Actor>;
}

interface Renewed {
  pair: TokenPair;
  at: number;
}

export interface CoalescingOptions {
  /** How long the new pair is handed out again for the old token, at most. */
  graceMs?: number;
  now?: () => number;
}

/** Long enough for the requests of one burst, short enough to be no second life for a stolen token. */
export const RENEWAL_GRACE_MS = 5_000;

/**
 * Two renewals with one refresh token at once are one client, not a thief: two requests of a
 * page (or two tabs) that found the access token expired together. Rotating twice would look
 * like reuse and end the sign-in, so the second shares the first: while it runs, and afterwards
 * for a few seconds until the client uses the new pair. From then on (or after the grace) the
 * old token presented again is a real replay, and reuse detection ends the family as before.
 */
export function coalesceRefreshes<T extends RenewingAuth>(auth: T, options: CoalescingOptions = {}): T {
  const graceMs = options.graceMs ?? RENEWAL_GRACE_MS;
  const now = options.now ?? Date.now;
  const running = new Map<string, Promise<TokenPair>>();
  const renewed = new Map<string, Renewed>();
  /** The tokens a renewal issued → the refresh token it renewed. */
  const issuedBy = new Map<string, string>();

  function forget(oldRefresh: string): void {
    const done = renewed.get(oldRefresh);
    renewed.delete(oldRefresh);
    if (!done) return;
    issuedBy.delete(done.pair.access);
    issuedBy.delete(done.pair.refresh);
  }

  function forgetStale(at: number): void {
    for (const [token, done] of renewed) if (at - done.at >= graceMs) forget(token);
  }

  /** The client holds the new pair (it just presented a token of it): no more sharing. */
  function received(token: string): void {
    const oldRefresh = issuedBy.get(token);
    if (oldRefresh !== undefined) forget(oldRefresh);
  }

  /** The shared pair, unless its sign-in ended meanwhile (a logout): then no sharing. */
  async function stillLive(pair: TokenPair): Promise<TokenPair | null> {
    try {
      await auth.authenticate(pair.access);
      return pair;
    } catch {
      return null;
    }
  }

  async function refresh(refreshToken: string): Promise<TokenPair> {
    forgetStale(now());
    received(refreshToken);
    const done = renewed.get(refreshToken);
    if (done) {
      const shared = await stillLive(done.pair);
      if (shared) return shared;
      forget(refreshToken);
    }
    const inFlight = running.get(refreshToken);
    if (inFlight) return inFlight;
    const renewal = auth
      .refresh(refreshToken)
      .then((pair) => {
        renewed.set(refreshToken, { pair, at: now() });
        issuedBy.set(pair.access, refreshToken);
        issuedBy.set(pair.refresh, refreshToken);
        return pair;
      })
      .finally(() => running.delete(refreshToken));
    running.set(refreshToken, renewal);
    return renewal;
  }

  async function authenticate(accessToken: string): Promise<Actor> {
    const actor = await auth.authenticate(accessToken);
    received(accessToken);
    return actor;
  }

  return { ...auth, refresh, authenticate };
}
