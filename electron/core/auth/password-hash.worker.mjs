// Runs in a worker thread (piscina), so bcrypt's deliberate slowness never blocks the event
// loop. Plain JavaScript so that Node loads it as it is in every mode (tsx, Vitest, a bundle).
import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';

// bcrypt reads only the first 72 bytes; a SHA-256 digest in base64 (44 ASCII bytes, no NUL)
// makes every character of a long password count.
/** @param {string} password */
const prehash = (password) => createHash('sha256').update(password, 'utf8').digest('base64');

/** @param {{ password: string, cost: number }} input */
export function hash({ password, cost }) {
  return bcrypt.hashSync(prehash(password), cost);
}

/** @param {{ password: string, hash: string }} input */
export function verify({ password, hash }) {
  return bcrypt.compareSync(prehash(password), hash);
}
