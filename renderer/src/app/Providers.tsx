import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { hashKey, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import { HashRouter } from 'react-router';
import type { AppRouter } from '../../../electron/trpc/root';
import { createApiClient, TRPCProvider } from '../trpc/client';
import { createQueryClient } from './query-client';
import { theme } from './theme';

function createClients() {
  const trpcClient = createApiClient();
  const queryClient = createQueryClient((queryKey) => {
    // A procedure said the sign-in is gone: ask the boot question again (never for auth.state
    // itself, which would ask forever).
    const stateKey = trpc.auth.state.queryKey();
    if (queryKey && hashKey(queryKey) === hashKey(stateKey)) return;
    void queryClient.invalidateQueries({ queryKey: stateKey });
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  return { trpcClient, queryClient };
}

export function Providers({ children }: { children: ReactNode }) {
  const [{ trpcClient, queryClient }] = useState(createClients);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <HashRouter>{children}</HashRouter>
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
