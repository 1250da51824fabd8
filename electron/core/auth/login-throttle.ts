import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../errors';

export interface ThrottleOptions {
  /** Failed attempts one key (a client address, an account) may make in the window. */
  failures: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: ThrottleOptions = { failures: 20, windowSeconds: 300 };

const rateLimited = (msBeforeNext: number) =>
  new DomainError('rate_limited', 'Too many failed attempts. Try again later.', {
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });

/**
 * Counts failed attempts per key. An attempt takes its point BEFORE the slow work that judges
 * it (bcrypt), so a concurrent burst cannot all pass the check while the first answers are
 * still being computed; an attempt that turns out right gives its point back.
 */
export function createFailureThrottle(options: ThrottleOptions = DEFAULT_LOGIN_THROTTLE) {
  const limiter = new RateLimiterMemory({ points: options.failures, duration: options.windowSeconds });

  async function tryTake(key: string): Promise<RateLimiterRes | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return error;
      throw error;
    }
  }

  return {
    /** Takes one attempt; 429 `rate_limited` with Retry-After when the key has none left. */
    async take(key: string): Promise<void> {
      const refused = await tryTake(key);
      if (refused) throw rateLimited(refused.msBeforeNext);
    },
    /** Takes one attempt; false (and nothing thrown) when the key has none left. */
    async tryTake(key: string): Promise<boolean> {
      return (await tryTake(key)) === null;
    },
    /** Returns the point of an attempt that was not a failure after all. */
    async giveBack(key: string): Promise<void> {
      // A window that ended meanwhile has nothing to give back; a reward then would be credit.
      const state = await limiter.get(key);
      if (state && state.consumedPoints > 0) await limiter.reward(key);
    },
  };
}

export type FailureThrottle = ReturnType<typeof createFailureThrottle>;
