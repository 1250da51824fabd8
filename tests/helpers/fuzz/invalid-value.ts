import fc from 'fast-check';
import { integerBounds, typesOf, type JsonSchema } from './json-schema';
import { PROTOTYPE_KEYS } from './prototype-keys';
import { validValue, type GenOptions } from './valid-value';

const MAX_DEPTH = 5;

/** Values no field should trip over: wrong types, edges, odd text, prototype names. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      -0.000001,
      1e308,
      -1e308,
      2 ** 53,
      -(2 ** 53),
      '',
      ' ',
      '0',
      '-1',
      'null',
      'true',
      '1e3',
      '\u0000',
      'a\u0000b',
      '💥',
      '\u202e',
      '\ud800',
      "1' or '1'='1",
      '%00',
      '../..',
      '<script>',
      [],
      {},
      [[]],
      [1],
      { a: 1 },
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => 'A'.repeat(n * 8)) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 400 }).map((n): unknown => JSON.parse('['.repeat(n) + ']'.repeat(n))) },
);

/** Keys a body should not have: prototype names, internal column names, odd text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', 'id', 'role', 'role_id', 'is_admin', 'password_hash', 'deleted_at', 'user_id', 'stock', 'a.b', '0'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy with `key` set as an own property (a computed key: `__proto__` stays a plain key). */
function withKey(value: unknown, key: string, entry: unknown): unknown {
  return isRecord(value) ? { ...value, [key]: entry } : value;
}

function withoutKey(value: unknown, key: string): unknown {
  return isRecord(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)) : value;
}

function invalidObject(schema: JsonSchema, options: GenOptions, depth: number): fc.Arbitrary<unknown>[] {
  const valid = validValue(schema, options, undefined, depth);
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const required = schema.required ?? [];
  const variants: fc.Arbitrary<unknown>[] = [
    fc.tuple(valid, hostileKey, hostileLeaf).map(([value, key, entry]) => withKey(value, key, entry)),
  ];
  if (required.length > 0) variants.push(fc.tuple(valid, fc.constantFrom(...required)).map(([value, key]) => withoutKey(value, key)));
  if (names.length > 0) {
    variants.push(
      fc.tuple(valid, fc.constantFrom(...names)).chain(([value, key]) => {
        const property = properties[key];
        return (property ? invalidValue(property, options, key, depth + 1) : hostileLeaf).map((entry) => withKey(value, key, entry));
      }),
    );
  }
  return variants;
}

function invalidArray(schema: JsonSchema, options: GenOptions, depth: number): fc.Arbitrary<unknown>[] {
  const item = schema.items ? validValue(schema.items, options, undefined, depth + 1) : fc.jsonValue({ maxDepth: 1 });
  const variants: fc.Arbitrary<unknown>[] = [];
  if (schema.maxItems !== undefined && schema.maxItems < 1_000) {
    variants.push(fc.array(item, { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 2 }));
  }
  if ((schema.minItems ?? 0) > 0) variants.push(fc.constant([]));
  if (schema.items) {
    const items = schema.items;
    variants.push(
      fc.tuple(fc.array(item, { maxLength: 3 }), invalidValue(items, options, undefined, depth + 1)).map(([good, bad]) => [...good, bad]),
    );
  }
  return variants;
}

function invalidString(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const variants: fc.Arbitrary<unknown>[] = [fc.constantFrom(' ', '\t', 'é', '/', '\u0000', "'", '%', ' padded ')];
  if (schema.maxLength !== undefined)
    variants.push(fc.integer({ min: 1, max: 3 }).map((extra) => 'x'.repeat((schema.maxLength ?? 0) + extra)));
  if ((schema.minLength ?? 0) > 0) variants.push(fc.string({ maxLength: Math.max(0, (schema.minLength ?? 1) - 1) }));
  if (schema.enum) variants.push(fc.constantFrom(...PROTOTYPE_KEYS, 'SUPER_ADMIN', ' manager', 'Manager', 'open ', 'unknown'));
  return variants;
}

function invalidInteger(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const { min, max } = integerBounds(schema);
  return [
    fc.constantFrom<unknown>(min - 1, max + 1, min + 0.5, 2 ** 53 + 2, -(2 ** 63), 1e21),
    fc.integer({ min: Math.max(min, -1_000), max: Math.min(max, 1_000) }).map(String),
  ];
}

/** Values that break `schema` somewhere (a wrong field, a missing one, an extra key, a bad edge). */
export function invalidValue(schema: JsonSchema, options: GenOptions, name?: string, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return hostileLeaf;
  if (schema.$ref !== undefined) {
    const target = options.resolve(schema.$ref);
    return target ? invalidValue(target, options, name, depth + 1) : hostileLeaf;
  }
  const variants: fc.Arbitrary<unknown>[] = [hostileLeaf];
  const types = typesOf(schema);
  if (types.includes('object') || (types.length === 0 && schema.properties)) variants.push(...invalidObject(schema, options, depth));
  if (types.includes('array')) variants.push(...invalidArray(schema, options, depth));
  if (types.includes('string') || schema.enum) variants.push(...invalidString(schema));
  if (types.includes('integer')) variants.push(...invalidInteger(schema));
  if (types.includes('boolean')) variants.push(fc.constantFrom<unknown>('true', 'false', 0, 1, 'yes'));
  for (const alternative of schema.anyOf ?? schema.oneOf ?? []) variants.push(invalidValue(alternative, options, name, depth + 1));
  return fc.oneof(...variants);
}
