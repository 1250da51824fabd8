import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc/client';

/**
 * What the drawer screens need of the shop's settings: the currency (its coins and notes) and
 * the variance a cashier may close with. Null while unknown.
 */
export function useTillSettings(): { currency: string | null; varianceLimitCents: number | null } {
  const trpc = useTRPC();
  const shop = useQuery({ ...trpc.shop.get.queryOptions(), staleTime: 60_000 });
  return { currency: shop.data?.currency ?? null, varianceLimitCents: shop.data?.variance_approval_cents ?? null };
}
