import { readResult, type HttpResult } from './http-result';

/** tRPC over HTTP as the headless web UI speaks it (tRPC v11, no transformer), kept raw. */
export interface TrpcHttpRequest {
  /** Dotted path (`auth.login`); several joined by commas for a batch. */
  procedure: string;
  /** GET for a query, POST for a mutation (the fuzzer also sends the wrong one). */
  method: 'GET' | 'POST';
  /** JSON input; `undefined` sends none. */
  input?: unknown;
  /** Sent instead of JSON.stringify(input): a query's `input` parameter or a mutation's body. */
  rawInput?: string;
  /** `?batch=1`: the input is then an object keyed "0", "1", … */
  batch?: boolean;
  headers?: Record<string, string>;
}

function encodePath(procedure: string): string {
  return procedure
    .split(',')
    .map((part) => encodeURIComponent(part.replace(/[\ud800-\udfff]/gu, '\ufffd')).replace(/%2E/gi, '.'))
    .join(',');
}

export function trpcUrl(baseUrl: string, request: TrpcHttpRequest): string {
  const params: string[] = request.batch ? ['batch=1'] : [];
  const input = request.rawInput ?? (request.input === undefined ? undefined : JSON.stringify(request.input));
  if (request.method === 'GET' && input !== undefined)
    params.push(`input=${encodeURIComponent(input.replace(/[\ud800-\udfff]/gu, '\ufffd'))}`);
  return `${baseUrl}/trpc/${encodePath(request.procedure)}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

export async function callTrpc(baseUrl: string, request: TrpcHttpRequest): Promise<HttpResult> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined;
  if (request.method === 'POST') {
    body = request.rawInput ?? (request.input === undefined ? undefined : JSON.stringify(request.input));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
  }
  return readResult(await fetch(trpcUrl(baseUrl, request), { method: request.method, headers, body }));
}

/** The docs/contract/API.md error body a tRPC error carries in `error.data.apiError` (undefined if none). */
export function apiErrorOfResponse(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const error: unknown = json.error;
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null && 'apiError' in data ? data.apiError : undefined;
}
