import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useLingering } from '../../lib/use-lingering';
import { useTRPC } from '../../trpc/client';
import { useRefreshCatalog } from './use-refresh-catalog';

/** Deactivating (asked first) and activating products from the list. */
export function useProductStatus() {
  const trpc = useTRPC();
  const refresh = useRefreshCatalog();
  const [deactivating, setDeactivating] = useState<ProductDto | null>(null);
  const asked = useLingering(deactivating);

  const remove = useMutation(
    trpc.catalog.remove.mutationOptions({
      onSuccess: async () => {
        notifySuccess(`${asked?.name ?? 'The product'} is no longer sold; it stays in past orders.`, 'Product deactivated');
        setDeactivating(null);
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not deactivate the product'),
    }),
  );
  const activate = useMutation(
    trpc.catalog.update.mutationOptions({
      onSuccess: async (saved) => {
        notifySuccess(`${saved.name} can be sold again.`, 'Product activated');
        await refresh();
      },
      onError: (err) => notifyFailure(err, 'Could not activate the product'),
    }),
  );

  return {
    /** The product whose deactivation is being asked, null when nothing is. */
    deactivating,
    /** The same, but kept while the question fades out. */
    asked,
    askDeactivate: setDeactivating,
    dismiss: () => setDeactivating(null),
    confirmDeactivate: () => deactivating && remove.mutate({ id: deactivating.id }),
    removing: remove.isPending,
    activate: (product: ProductDto) => activate.mutate({ id: product.id, changes: { is_active: true } }),
    isActivating: (product: ProductDto) => activate.isPending && activate.variables.id === product.id,
  };
}
