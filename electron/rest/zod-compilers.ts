import type { FastifySchemaCompiler } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { InvalidSchemaError, ResponseSerializationError, validatorCompiler as providerValidatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The REST port's schema compilers: the zod schemas of shared/ check every request and every
 * answer, through zod's ahead-of-time compiled parsers (`z.compile`), which answer exactly as the
 * runtime parser does and fall back to it on any failure, so errors read the same.
 *
 * Answers are checked in the forward direction (parse), not by fastify-type-provider-zod's
 * `z.safeEncode`: encoding has no compiled fast path and measured 5× slower on a page of 50
 * orders (bench/README.md). The two directions differ only for transforms, codecs, defaults and
 * catches, so a response schema with any of them is refused when its route is compiled.
 */

const compiled = new WeakMap<z.ZodType, z.ZodType>();

function compiledOf(schema: z.ZodType): z.ZodType {
  let fast = compiled.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast;
}

/** A route's schema as Fastify hands it over: the zod schema, or wrapped in `properties` (as the provider's own `resolveSchema`, which it does not export). */
function zodSchemaOf(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const inner = (schema as { properties?: unknown } | null)?.properties;
  if (inner instanceof z.ZodType) return inner;
  throw new InvalidSchemaError(JSON.stringify(schema));
}

const DIRECTION_DEPENDENT = new Set(['transform', 'default', 'prefault', 'catch']);

function zodChildren(value: unknown): z.ZodType[] {
  if (value instanceof z.ZodType) return [value];
  if (Array.isArray(value)) return value.filter((v): v is z.ZodType => v instanceof z.ZodType);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value).filter((v): v is z.ZodType => v instanceof z.ZodType);
  return [];
}

/** The first part of `schema` that reads differently when encoded than when parsed, or null. */
export function directionDependentPart(schema: z.ZodType, seen = new Set<z.ZodType>()): string | null {
  if (seen.has(schema)) return null;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (DIRECTION_DEPENDENT.has(def.type)) return def.type;
  if ('reverseTransform' in def) return 'codec';
  for (const value of Object.values(def)) {
    for (const child of zodChildren(value)) {
      const found = directionDependentPart(child, seen);
      if (found) return found;
    }
  }
  return null;
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) =>
  providerValidatorCompiler({ ...route, schema: compiledOf(zodSchemaOf(route.schema)) });

export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema, method, url }) => {
  const plain = zodSchemaOf(schema);
  const refused = directionDependentPart(plain);
  if (refused) throw new Error(`${method} ${url}: a response schema must be plain data, and this one has a ${refused}`);
  const fast = compiledOf(plain);
  return (data) => {
    const result = z.safeParse(fast, data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
