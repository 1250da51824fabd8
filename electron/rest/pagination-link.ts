import type { FastifyReply, FastifyRequest } from 'fastify';

/** `Link: <…?cursor=…>; rel="next"` when another page exists (docs/contract/API.md Conventions). */
export function setNextLink(request: FastifyRequest, reply: FastifyReply, nextCursor: string | null): void {
  if (nextCursor === null) return;
  const url = new URL(request.url, 'http://placeholder');
  url.searchParams.set('cursor', nextCursor);
  reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
}
