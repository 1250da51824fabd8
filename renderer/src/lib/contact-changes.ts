import { normalizeContact } from '../../../shared/contact';
import type { UpdateUserInput, UserDto } from '../../../shared/schemas/users';

/** The email and phone fields of a form, as typed. */
export interface ContactValues {
  email: string;
  phone: string;
}

export const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The email and phone as the server will store them, to tell a real change from a retype. */
const storedEmail = (value: string) => (blankToNull(value) === null ? null : normalizeContact('email', value));
const storedPhone = (value: string) => (blankToNull(value) === null ? null : normalizeContact('phone', value.trim()));

/** A reset PIN goes to the email or phone: changing one's own needs the current password. */
export function changesResetChannel(values: ContactValues, user: Pick<UserDto, 'email' | 'phone'>): boolean {
  return storedEmail(values.email) !== user.email || storedPhone(values.phone) !== user.phone;
}

/** Only the email and phone the form really changed, as `users.update` takes them. */
export function contactChangesOf(values: ContactValues, user: Pick<UserDto, 'email' | 'phone'>): Pick<UpdateUserInput, 'email' | 'phone'> {
  const changes: Pick<UpdateUserInput, 'email' | 'phone'> = {};
  if (storedEmail(values.email) !== user.email) changes.email = blankToNull(values.email);
  if (storedPhone(values.phone) !== user.phone) changes.phone = blankToNull(values.phone);
  return changes;
}
