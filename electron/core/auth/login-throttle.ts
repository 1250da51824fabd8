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
 * still being computed; an attempt that turns out right gives its point back, and so does one
 * refused at the door: only failures and attempts still in flight count.
 */
export function createFailureThrottle(options: ThrottleOptions = DEFAULT_LOGIN_THROTTLE) {
  const limiter = new RateLimiterMemory({ points: options.failures, duration: options.windowSeconds });

  /** Returns one point of the key's live window; a window that ended has nothing to return. */
  async function returnPoint(key: string): Promise<void> {
    // A reward after the window ended would open a new one in credit.
    const state = await limiter.get(key);
    if (state && state.consumedPoints > 0) await limiter.reward(key);
  }

  async function tryTake(key: string): Promise<RateLimiterRes | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // The limiter counted the refused attempt too. Kept, a storm of right passwords would
      // pile refusals up past the limit and lock the right password out for the whole window.
      await returnPoint(key);
      return error;
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
    giveBack: returnPoint,
  };
}

export type FailureThrottle = ReturnType<typeof createFailureThrottle>;
