import { useQueries } from '@tanstack/react-query';
import type { UserDto } from '../../../shared/schemas/users';
import { useTRPC } from '../trpc/client';
import { fullName } from './names';

/**
 * Names of the given user ids: from the managers already loaded, else one `users.get` each
 * (a manager outside the first page, or one who became inactive).
 */
export function usePeopleNames(known: readonly UserDto[], ids: readonly number[]): (id: number) => string | null {
  const trpc = useTRPC();
  const byId = new Map(known.map((u) => [u.id, u]));
  const missing = [...new Set(ids)].filter((id) => !byId.has(id));
  const fetched = useQueries({
    queries: missing.map((id) => ({ ...trpc.users.get.queryOptions({ id }), staleTime: 5 * 60_000 })),
  });
  for (const result of fetched) if (result.data) byId.set(result.data.id, result.data);
  return (id: number) => {
    const person = byId.get(id);
    return person ? fullName(person) || person.username : null;
  };
}
