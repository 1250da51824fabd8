import { authHeaders } from './auth-variants';
import { readResult, type HttpResult } from './http-result';
import type { RestCase } from './rest-case';
import type { Credentials } from './acting-users';

/** Sends a case to the core's own URL (so the Host header is the core's), with fresh credentials. */
export async function sendRest(baseUrl: string, c: RestCase, credentials: Credentials | undefined): Promise<HttpResult> {
  const headers = { ...c.headers, ...authHeaders(c.auth, credentials) };
  const body = c.body.kind === 'json' ? JSON.stringify(c.body.value) : c.body.kind === 'text' ? c.body.text : undefined;
  return readResult(await fetch(`${baseUrl}${c.url}`, { method: c.method, headers, body }));
}
