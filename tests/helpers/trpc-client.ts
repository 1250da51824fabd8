import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../electron/trpc/root';

/**
 * The UI's tRPC over HTTP (headless web mode: start the core with `webUi: {}`), as a browser
 * would call it: cookies kept, the CSRF header sent on every request.
 */
export function createTrpcBrowserClient(baseUrl: string) {
  const jar = new Map<string, string>();
  const cookieFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const csrf = jar.get('sd_csrf');
    if (csrf) headers.set('x-csrf-token', csrf);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${baseUrl}/trpc`, fetch: cookieFetch })] });
}

export type TrpcBrowserClient = ReturnType<typeof createTrpcBrowserClient>;

/** A browser client signed in with a username and password. */
export async function signedInTrpcClient(baseUrl: string, username: string, password: string): Promise<TrpcBrowserClient> {
  const client = createTrpcBrowserClient(baseUrl);
  await client.auth.login.mutate({ username, password });
  return client;
}

/** The API error body (`data.apiError`) of a call that must fail. */
export async function trpcErrorOf(
  promise: Promise<unknown>,
): Promise<{ error: string; message: string; fields?: Record<string, string[]>; details?: unknown[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { apiError: { error: string; message: string } }).apiError;
    throw error;
  }
  throw new Error('expected the call to fail');
}
