import type { FastifyReply, FastifyRequest } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The JSON of an answer a service hands out again unchanged (a kept, frozen page): checked
 * against the route's response schema and stringified once per object, as the route's own
 * serializer would (fastify-type-provider-zod: `safeEncode`, then `JSON.stringify`), and sent
 * as text past it. A mismatch is the same 500 as the serializer's.
 */
export function encodeOnce(schema: z.ZodType) {
  const encoded = new WeakMap<object, string>();
  return (request: FastifyRequest, reply: FastifyReply, value: object): FastifyReply => {
    let json = encoded.get(value);
    if (json === undefined) {
      const result = z.safeEncode(schema, value);
      if (result.error) throw new ResponseSerializationError(request.method, request.url, { cause: result.error });
      json = JSON.stringify(result.data);
      encoded.set(value, json);
    }
    return reply.type('application/json; charset=utf-8').send(json);
  };
}
