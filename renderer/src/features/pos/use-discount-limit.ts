import { useQuery } from '@tanstack/react-query';
import type { UserDto } from '../../../../shared/schemas/users';
import { useTRPC } from '../../trpc/client';

/**
 * The most of a sale (discount ÷ subtotal, in percent) the signed-in role gives without a
 * manager (`max_discount_percent`, from the public `roles.list`); null until known. The server
 * decides: this only warns before the payment is taken.
 */
export function useDiscountLimit(user: UserDto): number | null {
  const trpc = useTRPC();
  const roles = useQuery({ ...trpc.roles.list.queryOptions(), staleTime: 60_000 });
  return roles.data?.find((role) => role.key === user.role)?.max_discount_percent ?? null;
}
