import type { UpdateUserInput, UserDto } from '../../../../shared/schemas/users';
import { changesResetChannel, contactChangesOf } from '../../lib/contact-changes';

export interface EditValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  manager_id: string | null;
  password: string;
  /** Asked only when one edits one's own email or phone. */
  current_password: string;
}

/** Editing one's own account here: a new email or phone needs the current password. */
export function asksCurrentPassword(values: EditValues, user: UserDto, isSelf: boolean): boolean {
  return isSelf && changesResetChannel(values, user);
}

/** Only what the form changed, as `users.update` takes it. */
export function changesOf(values: EditValues, user: UserDto, withManager: boolean, isSelf: boolean): UpdateUserInput {
  const changes: UpdateUserInput = {};
  if (values.first_name.trim() !== user.first_name) changes.first_name = values.first_name.trim();
  if (values.last_name.trim() !== user.last_name) changes.last_name = values.last_name.trim();
  Object.assign(changes, contactChangesOf(values, user));
  const managerId = values.manager_id ? Number(values.manager_id) : null;
  if (withManager && managerId !== user.manager_id) changes.manager_id = managerId;
  if (values.password !== '') changes.password = values.password;
  if (asksCurrentPassword(values, user, isSelf)) changes.current_password = values.current_password;
  return changes;
}
