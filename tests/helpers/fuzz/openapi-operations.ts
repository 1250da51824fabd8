import { z } from 'zod';
import { jsonSchemaParser, refResolverOf, type JsonSchema, type RefResolver } from './json-schema';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the served OpenAPI document. */
export interface Operation {
  method: string;
  /** The template as documented, e.g. `/api/v1/users/{id}`. */
  path: string;
  parameters: Parameter[];
  body?: { schema: JsonSchema; required: boolean };
}

const parameterParser = z.object({
  name: z.string(),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: jsonSchemaParser.optional(),
});

const operationParser = z.object({
  parameters: z.array(parameterParser).optional(),
  requestBody: z
    .object({ required: z.boolean().optional(), content: z.record(z.string(), z.object({ schema: jsonSchemaParser.optional() })) })
    .optional(),
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const documentParser = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** Every operation of the document (GET /api/v1/openapi.json), so a new route is fuzzed too. */
export function operationsOf(document: unknown): { operations: Operation[]; resolve: RefResolver } {
  const doc = documentParser.parse(document);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (!Object.hasOwn(methods, method)) continue;
      const parsed = operationParser.parse(methods[method]);
      const json = parsed.requestBody?.content['application/json'];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (parsed.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? p.in === 'path',
          schema: p.schema ?? {},
        })),
        body: json ? { schema: json.schema ?? {}, required: parsed.requestBody?.required ?? false } : undefined,
      });
    }
  }
  return { operations, resolve: refResolverOf(document) };
}

export const operationName = (op: Operation) => `${op.method} ${op.path}`;
