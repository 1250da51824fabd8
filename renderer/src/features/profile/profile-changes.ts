import type { UpdateUserInput, UserDto } from '../../../../shared/schemas/users';
import { changesResetChannel, contactChangesOf } from '../../lib/contact-changes';

export interface ProfileValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  current_password: string;
}

/** Only what the form changed, as `users.update` takes it (with the password when it is needed). */
export function profileChangesOf(values: ProfileValues, user: UserDto): UpdateUserInput {
  const changes: UpdateUserInput = {};
  if (values.first_name.trim() !== user.first_name) changes.first_name = values.first_name.trim();
  if (values.last_name.trim() !== user.last_name) changes.last_name = values.last_name.trim();
  Object.assign(changes, contactChangesOf(values, user));
  if (changesResetChannel(values, user)) changes.current_password = values.current_password;
  return changes;
}
