import { csrfHeaders, CSRF_HEADER, forgetCsrfToken, readCsrfToken } from './csrf';

const REFRESH_URL = '/api/v1/auth/refresh';

/** One renewal at a time: parallel requests that all hit an expired token share it. */
let pendingRefresh: Promise<boolean> | null = null;

/**
 * Renews the access cookie with the refresh cookie (sent only to /api/v1/auth). When the
 * server refuses, the sign-in is over: the CSRF cookie goes too, so nothing keeps retrying.
 */
export function refreshSession(): Promise<boolean> {
  pendingRefresh ??= fetch(REFRESH_URL, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
    body: '{}',
  })
    .then((response) => {
      if (response.status === 401 || response.status === 403) forgetCsrfToken();
      return response.ok;
    })
    .catch(() => false)
    .finally(() => {
      pendingRefresh = null;
    });
  return pendingRefresh;
}

/** A property of a JSON value whose shape is not known yet. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}

/** The `apiError.error` codes of a /trpc answer (one result, or a batch of them). */
function errorCodesOf(body: unknown): string[] {
  const items: unknown[] = Array.isArray(body) ? body : [body];
  return items
    .map((item) => field(field(field(field(item, 'error'), 'data'), 'apiError'), 'error'))
    .filter((code): code is string => typeof code === 'string');
}

/**
 * Whether a /trpc answer says the access token lapsed: `token_expired`, or `unauthenticated`
 * while a CSRF cookie shows there is a sign-in (the browser drops the access cookie when it
 * expires). A batch of queries that partly failed answers 207; a query batch is safe to repeat.
 */
async function accessLapsed(response: Response, method: string): Promise<boolean> {
  if (response.status !== 401 && !(response.status === 207 && method === 'GET')) return false;
  try {
    const codes = errorCodesOf(await response.clone().json());
    return codes.includes('token_expired') || (codes.includes('unauthenticated') && readCsrfToken() !== null);
  } catch {
    return false;
  }
}

/**
 * fetch for the /trpc link: a lapsed access token is renewed once and the same request retried
 * with the current CSRF token. The tokens stay in HttpOnly cookies; this code never sees them.
 */
export const refreshingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!(await accessLapsed(response, (init?.method ?? 'GET').toUpperCase()))) return response;
  if (!(await refreshSession())) return response;
  const headers = new Headers(init?.headers);
  const csrf = readCsrfToken();
  if (csrf) headers.set(CSRF_HEADER, csrf);
  return fetch(input, { ...init, headers });
};
