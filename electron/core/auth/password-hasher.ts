import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** bcrypt cost factor; API.md asks for at least 10. */
export const BCRYPT_COST = 10;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** Burns the same time as a real check, for accounts that do not exist. */
  verifyAgainstNothing(password: string): Promise<void>;
  close(): Promise<void>;
}

export const PASSWORD_WORKER_URL = new URL('./password-hash.worker.mjs', import.meta.url);

export function createPasswordHasher(workerUrl: URL = PASSWORD_WORKER_URL, cost = BCRYPT_COST): PasswordHasher {
  // One core stays free for the event loop (and, in the desktop app, the UI).
  const threads = Math.max(1, availableParallelism() - 1);
  const pool = new Piscina({ filename: workerUrl.href, minThreads: 1, maxThreads: threads, idleTimeout: 60_000 });
  const hash = (password: string) => pool.run({ password, cost }, { name: 'hash' }) as Promise<string>;
  const verify = (password: string, stored: string) =>
    pool.run({ password, hash: stored }, { name: 'verify' }) as Promise<boolean>;
  let decoyHash: Promise<string> | undefined;

  return {
    hash,
    verify,
    async verifyAgainstNothing(password) {
      decoyHash ??= hash('decoy password that matches no account');
      await verify(password, await decoyHash);
    },
    async close() {
      await pool.destroy();
    },
  };
}
