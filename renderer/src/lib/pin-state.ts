import type { UserDto } from '../../../shared/schemas/users';

/**
 * Whether the account has a till PIN, when the user record says so (`has_pin`); null when it
 * does not tell, and the page offers "Set or change".
 */
export function hasPinOf(user: UserDto): boolean | null {
  const record: object = user;
  return 'has_pin' in record && typeof record.has_pin === 'boolean' ? record.has_pin : null;
}
