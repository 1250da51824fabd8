import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useShopSettings } from '../../lib/shop-settings';
import { useTRPC } from '../../trpc/client';
import type { Sale } from './cart';
import { priceSale, type PricedSale } from './priced-sale';

/** The sale on screen priced as the server will price it (priced-sale.ts), with the shop's tax rates. */
export function usePricedSale(sale: Pick<Sale, 'lines' | 'discount'>): PricedSale {
  const trpc = useTRPC();
  const shop = useShopSettings();
  // Inactive rates too: a product keeps a rate deactivated after it was given.
  const rates = useQuery({ ...trpc.taxRates.list.queryOptions({ include_inactive: 'true' }), staleTime: 60_000 });
  const pricesIncludeTax = shop?.prices_include_tax ?? true;
  const priced = useMemo(() => priceSale(sale, rates.data, pricesIncludeTax), [sale, rates.data, pricesIncludeTax]);
  const { refetch } = rates;
  const stale = priced.kind === 'unpriced' && rates.data !== undefined;
  // A rate added since the list was read: read it again, once for each time it happens.
  const refetched = useRef(false);
  useEffect(() => {
    if (!stale) refetched.current = false;
    else if (!refetched.current) {
      refetched.current = true;
      void refetch();
    }
  }, [stale, refetch]);
  return priced;
}
