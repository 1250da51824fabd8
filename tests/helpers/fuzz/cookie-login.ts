import type { ApiClient } from '../api-client';

/** A browser's sign-in (docs/contract/API.md cookie mode): what it sends back on every call. */
export interface CookieSession {
  /** The `Cookie` header: `sd_access` and `sd_csrf`. */
  cookie: string;
  /** The `X-CSRF-Token` an unsafe request must carry. */
  csrf: string;
}

export async function signInWithCookies(api: ApiClient, username: string, password: string): Promise<CookieSession | null> {
  const res = await api.post('/auth/login', { username, password }, { headers: { 'x-auth-mode': 'cookie' } });
  const access = res.cookies.sd_access?.value;
  const csrf = res.cookies.sd_csrf?.value;
  if (res.status !== 200 || !access || !csrf) return null;
  return { cookie: `sd_access=${access}; sd_csrf=${csrf}`, csrf };
}
