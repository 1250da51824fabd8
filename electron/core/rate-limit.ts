import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from './errors';

export interface RateLimitOptions {
  /** How many of the action one client address may take in the window. */
  points: number;
  windowSeconds: number;
}

/**
 * Caps how often one client address may create something (accounts, orders). A point is
 * reserved before the work, so a burst of concurrent requests cannot slip past the cap, and
 * given back when the request is refused: only what was actually created counts.
 */
export function createRateLimit(options: RateLimitOptions, message: string) {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.windowSeconds });

  async function reserve(clientKey: string): Promise<void> {
    try {
      await limiter.consume(clientKey);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // The refused attempt counted too; taking it back keeps the count to real reservations.
      await limiter.reward(clientKey, 1);
      throw new DomainError('rate_limited', message, { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
  }

  return {
    /** Runs `work` under the limit of `clientKey`; without a key (the core itself), unlimited. */
    async run<T>(clientKey: string | undefined, work: () => Promise<T>): Promise<T> {
      if (clientKey === undefined) return work();
      await reserve(clientKey);
      try {
        return await work();
      } catch (error) {
        await limiter.reward(clientKey, 1);
        throw error;
      }
    },
  };
}

export type RateLimit = ReturnType<typeof createRateLimit>;
