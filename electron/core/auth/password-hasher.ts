import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { DomainError } from '../errors';

/** bcrypt cost factor; docs/contract/API.md asks for at least 10. */
export const BCRYPT_COST = 10;

/**
 * Hashes that may wait for a thread, per thread: about 20 seconds of bcrypt at cost 10, so a
 * flood queues seconds of work, not minutes, while a busy back office (many accounts set up
 * at once) still fits. The per-address sign-in throttle keeps one client far below it.
 */
export const DEFAULT_HASH_QUEUE_PER_THREAD = 256;

/** What a 503 `busy` tells the client to wait: the queue drains within about this. */
const BUSY_RETRY_AFTER_SECONDS = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** Burns the same time as a real check, for accounts that do not exist. */
  verifyAgainstNothing(password: string): Promise<void>;
  close(): Promise<void>;
}

export interface PasswordHasherOptions {
  workerUrl?: URL;
  cost?: number;
  /** Hashes allowed to wait for a thread; past it a call fails at once with 503 `busy`. */
  maxQueue?: number;
}

export const PASSWORD_WORKER_URL = new URL('./password-hash.worker.mjs', import.meta.url);

export const hashingBusy = () =>
  new DomainError('busy', 'ShopDesk is busy checking other passwords. Try again in a moment.', {
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
  });

/**
 * bcrypt in a worker-thread pool with a bounded queue: a flood of sign-ins cannot line up
 * minutes of hashing ahead of the cashier at the till; past the bound it is told to come back.
 */
export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const { workerUrl = PASSWORD_WORKER_URL, cost = BCRYPT_COST } = options;
  // One core stays free for the event loop (and, in the desktop app, the UI).
  const threads = Math.max(1, availableParallelism() - 1);
  const maxQueue = Math.max(1, options.maxQueue ?? threads * DEFAULT_HASH_QUEUE_PER_THREAD);
  const pool = new Piscina({ filename: workerUrl.href, minThreads: 1, maxThreads: threads, idleTimeout: 60_000, maxQueue });

  async function run<T>(task: object, name: 'hash' | 'verify'): Promise<T> {
    // Refused here, before piscina's own limit, so the answer does not hang on its wording.
    if (pool.queueSize >= maxQueue) throw hashingBusy();
    try {
      return (await pool.run(task, { name })) as T;
    } catch (error) {
      // piscina's own refusal ("Task queue is at limit"), should a race reach it first.
      if (error instanceof Error && /task queue/i.test(error.message)) throw hashingBusy();
      throw error;
    }
  }

  const hash = (password: string) => run<string>({ password, cost }, 'hash');
  const verify = (password: string, stored: string) => run<boolean>({ password, hash: stored }, 'verify');
  let decoyHash: Promise<string> | undefined;

  return {
    hash,
    verify,
    async verifyAgainstNothing(password) {
      decoyHash ??= hash('decoy password that matches no account').catch((error: unknown) => {
        // A busy pool must not leave a rejected decoy behind for every later call.
        decoyHash = undefined;
        throw error;
      });
      await verify(password, await decoyHash);
    },
    async close() {
      await pool.destroy();
    },
  };
}
