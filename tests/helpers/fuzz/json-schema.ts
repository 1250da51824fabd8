import { z } from 'zod';

/**
 * The part of JSON Schema the generators understand: what @fastify/swagger writes into the
 * OpenAPI 3.0 document (`nullable`, boolean `exclusiveMinimum`) and what zod's toJSONSchema writes
 * for the tRPC inputs (draft 2020-12: numeric `exclusiveMinimum`, `anyOf` with `null`, `const`).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

export const jsonSchemaParser: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    properties: z.record(z.string(), jsonSchemaParser).optional(),
    required: z.array(z.string()).optional(),
    additionalProperties: z.union([z.boolean(), jsonSchemaParser]).optional(),
    items: jsonSchemaParser.optional(),
    minItems: z.number().optional(),
    maxItems: z.number().optional(),
    enum: z.array(z.unknown()).optional(),
    const: z.unknown().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    pattern: z.string().optional(),
    format: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.union([z.number(), z.boolean()]).optional(),
    exclusiveMaximum: z.union([z.number(), z.boolean()]).optional(),
    nullable: z.boolean().optional(),
    anyOf: z.array(jsonSchemaParser).optional(),
    oneOf: z.array(jsonSchemaParser).optional(),
    allOf: z.array(jsonSchemaParser).optional(),
    $ref: z.string().optional(),
  }),
);

/** Looks up `$ref`s ("#/components/schemas/X", "#/$defs/X") in the document they came from. */
export type RefResolver = (ref: string) => JsonSchema | undefined;

export function refResolverOf(document: unknown): RefResolver {
  const cache = new Map<string, JsonSchema | undefined>();
  return (ref) => {
    if (cache.has(ref)) return cache.get(ref);
    let node: unknown = document;
    for (const segment of ref.replace(/^#\//, '').split('/')) {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      node =
        typeof node === 'object' && node !== null && Object.hasOwn(node, key)
          ? Object.getOwnPropertyDescriptor(node, key)?.value
          : undefined;
    }
    const parsed = jsonSchemaParser.safeParse(node);
    const schema = parsed.success ? parsed.data : undefined;
    cache.set(ref, schema);
    return schema;
  };
}

/** The integer bounds of a schema in either dialect, clamped to safe integers. */
export function integerBounds(schema: JsonSchema): { min: number; max: number } {
  let min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
  let max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  if (typeof schema.exclusiveMinimum === 'number') min = Math.max(min, Math.floor(schema.exclusiveMinimum) + 1);
  else if (schema.exclusiveMinimum === true) min = Math.floor(min) + 1;
  if (typeof schema.exclusiveMaximum === 'number') max = Math.min(max, Math.ceil(schema.exclusiveMaximum) - 1);
  else if (schema.exclusiveMaximum === true) max = Math.ceil(max) - 1;
  return { min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) };
}

/** The schema's types as a list ("integer", "null", …); `nullable` adds "null". */
export function typesOf(schema: JsonSchema): string[] {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (schema.nullable && !types.includes('null')) types.push('null');
  return types;
}
