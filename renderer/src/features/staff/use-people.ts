import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { reachOf } from '../../../../shared/permissions';
import { isOneOf, MANAGER_ROLES, ROLE_NAMES } from '../../../../shared/roles';
import type { UserDto } from '../../../../shared/schemas/users';
import { fullName } from '../../lib/names';
import { useTRPC } from '../../trpc/client';

/** Managers and Super Admins fit on one page: a shop has a handful. */
const MANAGER_PAGE = 200;

/**
 * Those a worker may report to, as the actor sees them: for the Super Admin every manager and
 * Super Admin; for a manager, themself (the only manager of their workers).
 */
export function useManagers(actor: UserDto) {
  const trpc = useTRPC();
  const seesEveryone = reachOf(actor.role, 'users.list') === 'any';
  const managers = useQuery({ ...trpc.users.list.queryOptions({ role: 'manager', limit: MANAGER_PAGE }), enabled: seesEveryone });
  const admins = useQuery({ ...trpc.users.list.queryOptions({ role: 'super_admin', limit: MANAGER_PAGE }), enabled: seesEveryone });
  const list: UserDto[] = seesEveryone ? [...(admins.data?.items ?? []), ...(managers.data?.items ?? [])] : [actor];
  return { managers: list, isPending: seesEveryone && (managers.isPending || admins.isPending) };
}

/** Select options of the managers a worker may get (active ones only). */
export function managerOptions(managers: readonly UserDto[]) {
  return managers
    .filter((m) => m.is_active && isOneOf(MANAGER_ROLES, m.role))
    .map((m) => ({ value: String(m.id), label: m.role === 'manager' ? fullName(m) : `${fullName(m)} (${ROLE_NAMES[m.role]})` }));
}

/** After any change to an account: lists, the planner, the audit log and profiles are stale. */
export function useRefreshPeople() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.shifts.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() }),
      ]),
    [queryClient, trpc],
  );
}
