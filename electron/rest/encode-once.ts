import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { serializerCompiler } from './zod-compilers';

/**
 * The JSON of an answer a service hands out again unchanged (a kept, frozen page): made once
 * per object by the very serializer the route would use (./zod-compilers, so a mismatch is the
 * same 500), and sent as text past it.
 */
export function encodeOnce(schema: z.ZodType, route: { method: string; url: string }) {
  const serialize = serializerCompiler({ schema, method: route.method, url: route.url, httpStatus: '200' });
  const encoded = new WeakMap<object, string>();
  return (reply: FastifyReply, value: object): FastifyReply => {
    let json = encoded.get(value);
    if (json === undefined) {
      json = serialize(value);
      encoded.set(value, json);
    }
    return reply.type('application/json; charset=utf-8').send(json);
  };
}
