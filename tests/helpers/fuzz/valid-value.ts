import fc from 'fast-check';
import { hintOf, stringsFor, type Dictionary, type Hint } from './dictionary';
import { integerBounds, typesOf, type JsonSchema, type RefResolver } from './json-schema';

export interface GenOptions {
  resolve: RefResolver;
  dictionary: Dictionary;
  /** The request writes: id-like fields avoid the protected ids (the acting users, the keeper). */
  mutating: boolean;
}

const MAX_DEPTH = 6;

/** New values of the right shape for fields whose name says what they hold. */
const FRESH: Partial<Record<Hint, fc.Arbitrary<string>>> = {
  // Meets every role's default policy and is on no common list.
  password: fc.stringMatching(/^[A-Z][a-z]{5,9}-[a-z]{4,7}-[0-9]{2,4}[!#%]$/),
  email: fc.stringMatching(/^[a-z]{3,10}\.[a-z]{2,8}@example\.(com|org)$/),
  phone: fc.stringMatching(/^\+[1-9][0-9]{8,12}$/),
  person: fc.stringMatching(/^[A-Z][a-z]{1,12}$/),
  date: fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
};

/** One of a dictionary list, read when the value is generated (records created later count). */
export function pickFrom<T>(list: () => readonly T[], fallback: T): fc.Arbitrary<T> {
  return fc.nat({ max: 1_000_000 }).map((n) => {
    const items = list();
    return items.length === 0 ? fallback : (items[n % items.length] ?? fallback);
  });
}

function withDictionary(base: fc.Arbitrary<unknown>, candidates: fc.Arbitrary<unknown> | undefined): fc.Arbitrary<unknown> {
  return candidates ? fc.oneof({ weight: 2, arbitrary: base }, { weight: 3, arbitrary: candidates }) : base;
}

function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function stringValue(schema: JsonSchema, options: GenOptions, name: string | undefined): fc.Arbitrary<unknown> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? minLength + 30, minLength + 60);
  const fits = (s: string) => s.length >= minLength && s.length <= (schema.maxLength ?? Number.MAX_SAFE_INTEGER);
  let base: fc.Arbitrary<string>;
  const regex = schema.pattern === undefined ? undefined : compilePattern(schema.pattern);
  if (schema.format === 'date-time')
    base = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (schema.format === 'uri') base = fc.webUrl();
  else if (schema.format === 'email') base = fc.emailAddress();
  else if (regex) base = fc.stringMatching(regex, { maxLength }).filter(fits);
  else base = fc.oneof(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' }));
  const hint = hintOf(name);
  const fresh = hint === undefined ? undefined : FRESH[hint];
  const known = stringsFor(options.dictionary, hint).length > 0 ? pickFrom(() => stringsFor(options.dictionary, hint), '') : undefined;
  const candidates = fresh && known ? fc.oneof(fresh, known) : (fresh ?? known);
  return withDictionary(base, candidates);
}

function integerValue(schema: JsonSchema, options: GenOptions, name: string | undefined): fc.Arbitrary<unknown> {
  const { min, max } = integerBounds(schema);
  if (min > max) return fc.constant(min);
  const allowed = (n: number) => n >= min && n <= max && !(options.mutating && options.dictionary.protectedIds.has(n));
  const base = fc.integer({ min, max }).filter(allowed);
  if (hintOf(name) !== 'id') return base;
  const ids = () => options.dictionary.ids.filter(allowed);
  return withDictionary(base, pickFrom(ids, min));
}

function objectValue(schema: JsonSchema, options: GenOptions, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
    return fc.dictionary(fc.string({ maxLength: 12 }), validValue(schema.additionalProperties, options, undefined, depth + 1), {
      maxKeys: 4,
    });
  }
  const model: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, validValue(property, options, key, depth + 1)]),
  );
  const required = (schema.required ?? []).filter((key) => Object.hasOwn(model, key));
  return fc.record(model, { requiredKeys: required });
}

function mergeAll(schemas: readonly JsonSchema[]): JsonSchema {
  return schemas.reduce<JsonSchema>(
    (merged, next) => ({
      ...merged,
      ...next,
      properties: { ...merged.properties, ...next.properties },
      required: [...(merged.required ?? []), ...(next.required ?? [])],
    }),
    {},
  );
}

/** Values that conform to `schema`, mostly; `name` is the field's name, for the dictionary. */
export function validValue(schema: JsonSchema, options: GenOptions, name?: string, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.$ref !== undefined) {
    const target = options.resolve(schema.$ref);
    return target ? validValue(target, options, name, depth + 1) : fc.constant(null);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((alternative) => validValue(alternative, options, name, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return validValue(mergeAll(schema.allOf), options, name, depth + 1);
  const types = typesOf(schema);
  if (types.length === 0) return schema.properties ? objectValue(schema, options, depth) : fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringValue(schema, options, name);
        case 'integer':
          return integerValue(schema, options, name);
        case 'number':
          return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const minLength = schema.minItems ?? 0;
          const maxLength = Math.min(schema.maxItems ?? minLength + 4, minLength + 4);
          return fc.array(schema.items ? validValue(schema.items, options, name, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
            minLength,
            maxLength,
          });
        }
        default:
          return objectValue(schema, options, depth);
      }
    }),
  );
}
