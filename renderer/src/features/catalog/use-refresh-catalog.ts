import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../trpc/client';

/** After any change to a product: the lists, the point of sale's searches and the audit log are stale. */
export function useRefreshCatalog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
      ]),
    [queryClient, trpc],
  );
}
