import { randomInt } from 'node:crypto';
import { PASSWORD_MAX_CHARACTERS, type PasswordPolicy } from '../../../shared/password-policy';
import { passwordPolicyViolations } from '../roles/policy';

// No look-alikes (0/O, 1/l/I): the password is read off a terminal and typed by a person.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const GROUP = 4;

function randomGroup(): string {
  let group = '';
  for (let i = 0; i < GROUP; i++) group += ALPHABET[randomInt(ALPHABET.length)];
  return group;
}

/**
 * A random password that meets `policy`, in dash-separated groups of four ("Kq7m-Xp3z-…"):
 * easy to type once, at least 90 bits of randomness, and the dashes are its special characters.
 */
export function generateOneTimePassword(policy: PasswordPolicy): string {
  const groups = Math.max(4, Math.ceil((policy.minimum_characters + 1) / (GROUP + 1)));
  if (groups * (GROUP + 1) - 1 > PASSWORD_MAX_CHARACTERS) throw new Error('the role asks for a longer password than can be generated');
  for (let attempt = 0; attempt < 1000; attempt++) {
    const password = Array.from({ length: groups }, randomGroup).join('-');
    if (passwordPolicyViolations(policy, password).length === 0) return password;
  }
  throw new Error('could not generate a password that meets the role’s policy');
}
