import { useQuery } from '@tanstack/react-query';
import type { PasswordPolicy } from '../../../../shared/password-policy';
import { isRoleKey, type RoleKey } from '../../../../shared/roles';
import { useTRPC } from '../../trpc/client';

/** The most demanding rules across roles: what to show when the role is not known. */
export function strictestPolicy(policies: readonly PasswordPolicy[]): PasswordPolicy | null {
  const [first, ...rest] = policies;
  if (!first) return null;
  return rest.reduce<PasswordPolicy>(
    (acc, p) => ({
      minimum_characters: Math.max(acc.minimum_characters, p.minimum_characters),
      contain_upper_case: acc.contain_upper_case || p.contain_upper_case,
      contain_lower_case: acc.contain_lower_case || p.contain_lower_case,
      contain_special_case: acc.contain_special_case || p.contain_special_case,
      contain_number: acc.contain_number || p.contain_number,
      password_expiration: Math.max(acc.password_expiration, p.password_expiration),
      max_failed_attempts: Math.min(acc.max_failed_attempts, p.max_failed_attempts),
    }),
    first,
  );
}

/**
 * The password policy of `role` from `roles.list` (public, so it works before sign-in), or the
 * strictest one when the role is unknown.
 */
export function usePasswordPolicy(role: RoleKey | null) {
  const trpc = useTRPC();
  const roles = useQuery(trpc.roles.list.queryOptions());
  const list = roles.data ?? [];
  const policy = role ? (list.find((r) => r.key === role) ?? null) : strictestPolicy(list);
  return { policy, isPending: roles.isPending, error: roles.error, refetch: roles.refetch };
}

/** `pendingPasswordChange.role` when the server sends it (older builds sent only the username). */
export function pendingRoleOf(pending: object): RoleKey | null {
  return 'role' in pending && typeof pending.role === 'string' && isRoleKey(pending.role) ? pending.role : null;
}
