import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../errors';

export interface ThrottleOptions {
  /** Failed attempts one client address may make in the window. */
  failures: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: ThrottleOptions = { failures: 20, windowSeconds: 300 };

/**
 * Counts failed attempts per client address. Lockout already stops guessing one account; this
 * stops one client from spraying guesses across many accounts.
 */
export function createFailureThrottle(options: ThrottleOptions = DEFAULT_LOGIN_THROTTLE) {
  const limiter = new RateLimiterMemory({ points: options.failures, duration: options.windowSeconds });

  return {
    async assertAllowed(clientKey: string): Promise<void> {
      const state = await limiter.get(clientKey);
      if (state && state.consumedPoints >= options.failures) {
        throw new DomainError('rate_limited', 'Too many failed attempts. Try again later.', {
          retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
        });
      }
    },
    async recordFailure(clientKey: string): Promise<void> {
      try {
        await limiter.consume(clientKey);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
      }
    },
  };
}

export type FailureThrottle = ReturnType<typeof createFailureThrottle>;
