import { reachOf } from '../../../../shared/permissions';
import { isOneOf, MANAGER_ROLES } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { fullName } from '../../lib/names';
import { useManagers } from '../staff/use-people';

export interface ApproverOption {
  value: string;
  label: string;
}

/**
 * Who may approve, as choices, when the signed-in user may list everyone (a Super Admin); null
 * otherwise (a cashier cannot list the staff, and a manager sees only their own workers), and
 * the approver types their username.
 */
export function useApprovers(actor: UserDto): ApproverOption[] | null {
  const seesEveryone = reachOf(actor.role, 'users.list') === 'any';
  const { managers, isPending } = useManagers(actor);
  if (!seesEveryone || isPending) return null;
  const options = managers
    .filter((m) => m.is_active && isOneOf(MANAGER_ROLES, m.role))
    .map((m) => ({ value: m.username, label: `${fullName(m)} (${m.username})` }));
  return options.length > 0 ? options : null;
}
