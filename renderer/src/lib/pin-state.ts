import type { UserDto } from '../../../shared/schemas/users';

/** Whether the account has a till PIN: the user record says so (`has_pin`). */
export function hasPinOf(user: UserDto): boolean {
  return user.has_pin;
}
