import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../trpc/client';

/** After a drawer opens, moves or closes: the registers (their open session) and every session query read again. */
export function useRefreshTill() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.registers.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.cashSessions.pathKey() }),
      ]),
    [queryClient, trpc],
  );
}
