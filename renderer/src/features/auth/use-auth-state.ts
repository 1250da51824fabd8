import { useQuery } from '@tanstack/react-query';
import { isSessionEnded } from '../../lib/api-error';
import { isDesktop, useTRPC, useTRPCClient } from '../../trpc/client';
import { forgetCsrfToken, readCsrfToken } from '../../trpc/csrf';
import { refreshSession } from '../../trpc/refreshing-fetch';

/**
 * `auth.state`, the boot decision. In a browser the access cookie lapses after 15 minutes while
 * the refresh cookie lives on; a lingering `sd_csrf` cookie says a sign-in may still be
 * renewable, so one renewal is tried before showing Sign in.
 */
export function useAuthState() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  return useQuery({
    ...trpc.auth.state.queryOptions(),
    staleTime: Infinity,
    queryFn: async () => {
      const signedOut = { initialized: true, user: null, pendingPasswordChange: null };
      try {
        const state = await client.auth.state.query();
        if (state.user || !state.initialized || state.pendingPasswordChange || isDesktop || !readCsrfToken()) return state;
        return (await refreshSession()) ? await client.auth.state.query() : state;
      } catch (error) {
        // A token the server no longer honours and could not renew: that is simply signed out.
        if (isSessionEnded(error)) {
          forgetCsrfToken();
          return signedOut;
        }
        throw error;
      }
    },
  });
}
