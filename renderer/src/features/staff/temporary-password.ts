import type { PasswordPolicy } from '../../../../shared/password-policy';
import { passwordMeetsPolicy } from '../../lib/password-checklist';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SPECIAL = '!#$%*+-=?@';

function pick(alphabet: string, random: number): string {
  return alphabet.charAt(random % alphabet.length);
}

/**
 * A random temporary password that meets `policy`: every character class, at least 12
 * characters, no look-alikes (0/O, 1/l/I) since it is read out or written down once.
 */
export function suggestPassword(policy: PasswordPolicy): string {
  const length = Math.max(12, policy.minimum_characters);
  for (;;) {
    const random = crypto.getRandomValues(new Uint32Array(length + 4));
    const all = UPPER + LOWER + DIGITS + SPECIAL;
    const chars = [pick(UPPER, random[0] ?? 0), pick(LOWER, random[1] ?? 0), pick(DIGITS, random[2] ?? 0), pick(SPECIAL, random[3] ?? 0)];
    for (let i = 4; i < length; i++) chars.push(pick(all, random[i] ?? 0));
    // Shuffle so the classes are not always in front.
    const order = crypto.getRandomValues(new Uint32Array(chars.length));
    const password = chars
      .map((c, i) => ({ c, k: order[i] ?? 0 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c)
      .join('');
    if (passwordMeetsPolicy(policy, password)) return password;
  }
}

export function temporaryPasswordRule(policy: PasswordPolicy | null, optional: boolean) {
  return (value: string) => {
    if (value === '') return optional ? null : 'Enter a temporary password.';
    if (policy && !passwordMeetsPolicy(policy, value)) return 'This password does not meet every rule in the list.';
    return null;
  };
}
