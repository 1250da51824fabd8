import { createTRPCClient, httpBatchLink, type TRPCLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { ipcLink } from 'trpc-electron/renderer';
import type { AppRouter } from '../../../electron/trpc/root';
import { csrfHeaders } from './csrf';
import { refreshingFetch } from './refreshing-fetch';

declare global {
  interface Window {
    /** Exposed by the preload script in the desktop app; absent in a browser. */
    electronTRPC?: unknown;
  }
}

/** True in the desktop window, where the sign-in lives in the main process. */
export const isDesktop = typeof window !== 'undefined' && window.electronTRPC !== undefined;

function transportLink(): TRPCLink<AppRouter> {
  if (isDesktop) return ipcLink<AppRouter>();
  return httpBatchLink({
    url: '/trpc',
    headers: csrfHeaders,
    fetch: refreshingFetch,
  });
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({ links: [transportLink()] });
}

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
