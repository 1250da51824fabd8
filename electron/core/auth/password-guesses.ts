import type { UserRow } from '../../../db/schema';
import { invalidField } from '../errors';
import type { FailureThrottle } from './login-throttle';
import type { PasswordHasher } from './password-hasher';

/**
 * Checks of an account's current password by someone already past the door: a signed-in user
 * changing their password or contact details, a reset-token holder told "same as the current
 * one". Each answer that gives the current password away (a wrong guess, or a match where a
 * match is the leak) spends one point of the account's budget; past it 429 with Retry-After.
 */
export function createPasswordGuessGuard(hasher: PasswordHasher, throttle: FailureThrottle) {
  async function counted(user: UserRow, password: string, isGuessFailure: (matches: boolean) => boolean): Promise<boolean> {
    const key = `user:${user.id}`;
    // Taken before bcrypt, so a concurrent burst meets the budget too.
    await throttle.take(key);
    let matches: boolean;
    try {
      matches = await hasher.verify(password, user.passwordHash);
    } catch (error) {
      await throttle.giveBack(key);
      throw error;
    }
    if (!isGuessFailure(matches)) await throttle.giveBack(key);
    return matches;
  }

  return {
    /** 400 `fields[field]: ["Wrong password."]` unless `password` is the user's current one. */
    async assertCurrentPassword(user: UserRow, password: string, field: string): Promise<void> {
      if (!(await counted(user, password, (matches) => !matches))) throw invalidField(field, 'Wrong password.');
    },
    /** Whether `password` is the current one; a "yes" is what is counted. */
    isCurrentPassword(user: UserRow, password: string): Promise<boolean> {
      return counted(user, password, (matches) => matches);
    },
  };
}

export type PasswordGuessGuard = ReturnType<typeof createPasswordGuessGuard>;
