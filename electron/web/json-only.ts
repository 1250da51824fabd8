import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../shared/errors';

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * /trpc speaks JSON only. tRPC's Fastify plugin also accepts multipart/form-data, streamed past
 * Fastify's body limit and read whole into memory; so any other body is refused here, from the
 * headers alone, before a byte of it is read, and the connection is closed so the rest of the
 * upload is not even received.
 */
export async function refuseNonJsonBody(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!hasBody(request) || isJson(request.headers['content-type'])) return undefined;
  return reply
    .code(415)
    .header('Connection', 'close')
    .type('application/json; charset=utf-8')
    .send({ error: 'unsupported_media_type', message: 'Send the request body as application/json.' } satisfies ErrorBody);
}

/**
 * Every /trpc answer: `Cache-Control: no-store` (it carries the signed-in user's data), and JSON.
 * tRPC builds some of its own error answers (an undecodable path, a body it cannot read) as a
 * `Response` of a JSON string, which the platform labels text/plain. They are JSON: say so, so
 * every /trpc answer is JSON to a client. Only such answers are read and re-labelled.
 */
export async function labelJsonAnswers(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('Cache-Control', 'no-store');
  if (!(payload instanceof Response) || !(payload.headers.get('content-type') ?? '').startsWith('text/plain')) return payload;
  const text = await payload.text();
  const headers = new Headers(payload.headers);
  if (isJsonText(text)) headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(text, { status: payload.status, statusText: payload.statusText, headers });
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
