import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { apiErrorOf, isSessionEnded } from '../lib/api-error';

/**
 * Expected failures (an `apiError`) are answers, not glitches: they are never retried. When a
 * call says the sign-in is gone, `onSessionEnded` sends the app back to its boot decision; it
 * gets the failed query's key (none for a mutation).
 */
export function createQueryClient(onSessionEnded: (queryKey: QueryKey | null) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionEnded(error)) onSessionEnded(query.queryKey);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionEnded(error)) onSessionEnded(null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => apiErrorOf(error) === null && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
