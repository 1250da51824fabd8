import fc from 'fast-check';
import { authVariants, type AuthVariant } from './auth-variants';
import { encodeText, headerSafe } from './encode';
import type { Dictionary } from './dictionary';
import { hostileKey, hostileLeaf, invalidValue } from './invalid-value';
import { contentTypes, junkHeaders } from './junk-headers';
import type { Operation, Parameter } from './openapi-operations';
import type { RefResolver } from './json-schema';
import { PROTOTYPE_KEYS } from './prototype-keys';
import { rarely } from './rarely';
import { inputNamesProtected, segmentNamesProtected } from './protected-ids';
import { validValue, type GenOptions } from './valid-value';
import type { ActingRole } from './acting-users';

export type RestBody = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

/** One generated REST request; the acting user's credentials are added when it is sent. */
export interface RestCase {
  method: string;
  /** Path and query, percent-encoded, from the server root. */
  url: string;
  headers: Record<string, string>;
  body: RestBody;
  auth: AuthVariant;
}

/** Request bodies that are not JSON objects, or not JSON at all. */
const hostileText = fc.constantFrom(
  '',
  '{',
  '}',
  '[]',
  'null',
  '"text"',
  '123',
  'true',
  '\ufeff{}',
  '{"a":1,"a":2}',
  '{"__proto__":{"is_admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"x":1e999}',
  '{"x":"\\ud800"}',
  '{"x":"\u0000"}',
  'username=a&password=b',
  '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
  JSON.stringify(Array.from({ length: 2_000 }, () => ({ a: [1, 2, 3] }))),
);

const hostileSegment = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    'abc',
    '1e3',
    '1.5',
    '0x10',
    ' 1',
    '99999999999999999999',
    '%00',
    "1' or '1'='1",
    'x'.repeat(300),
    '..',
    '%2e%2e',
    '%2F',
    '%',
    '%zz',
    'null',
    '',
  ),
  fc.constantFrom(...PROTOTYPE_KEYS).map(encodeText),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeText),
);

/** A query or header value as text: strings as they are, the rest as JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
}

function parameterValue(parameter: Parameter, options: GenOptions): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 3, arbitrary: validValue(parameter.schema, options, parameter.name) },
      { weight: 1, arbitrary: invalidValue(parameter.schema, options, parameter.name) },
    )
    .map(asText);
}

function pathOf(op: Operation, options: GenOptions): fc.Arbitrary<string> {
  const model: Record<string, fc.Arbitrary<string>> = Object.fromEntries(
    op.parameters
      .filter((p) => p.in === 'path')
      .map((p) => [
        p.name,
        fc
          .oneof({ weight: 5, arbitrary: parameterValue(p, options).map(encodeText) }, { weight: 1, arbitrary: hostileSegment })
          .filter((segment) => !options.mutating || !segmentNamesProtected(segment, options.dictionary.protectedIds)),
      ]),
  );
  return fc
    .record(model)
    .map((values) => op.path.replace(/\{([^}]+)\}/g, (_match, name: string) => (Object.hasOwn(values, name) ? (values[name] ?? '') : '')));
}

function queryOf(op: Operation, options: GenOptions): fc.Arbitrary<string> {
  // Each optional parameter in a third of the cases: a list query with all of them is rarely valid.
  const declared = op.parameters
    .filter((p) => p.in === 'query')
    .map((p) =>
      p.required
        ? parameterValue(p, options).map((value): [string, string] => [p.name, value])
        : rarely(
            parameterValue(p, options).map((value): [string, string] => [p.name, value]),
            3,
          ),
    );
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, hostileLeaf.map(asText)), { minLength: 1, maxLength: 2 }) },
  );
  return fc.tuple(fc.tuple(...declared), extra, fc.boolean()).map(([pairs, extras, duplicate]) => {
    const all = [...pairs.filter((pair): pair is [string, string] => pair !== null), ...extras];
    const first = all[0];
    if (duplicate && first && extras.length > 0) all.push(first);
    return all.map(([key, value]) => `${encodeText(key)}=${encodeText(value)}`).join('&');
  });
}

function headersOf(op: Operation, options: GenOptions): fc.Arbitrary<Record<string, string>> {
  const declared = op.parameters
    .filter((p) => p.in === 'header')
    .map((p) => fc.option(parameterValue(p, options).map((value): [string, string] => [p.name.toLowerCase(), headerSafe(value)])));
  return fc
    .tuple(fc.tuple(...declared), junkHeaders)
    .map(([pairs, junk]) => ({ ...junk, ...Object.fromEntries(pairs.filter((pair): pair is [string, string] => pair !== null)) }));
}

function bodyOf(op: Operation, options: GenOptions): fc.Arbitrary<RestBody> {
  const json = (value: fc.Arbitrary<unknown>) => value.map((v): RestBody => ({ kind: 'json', value: v }));
  const text = hostileText.map((t): RestBody => ({ kind: 'text', text: t }));
  const none = fc.constant<RestBody>({ kind: 'none' });
  if (op.body) {
    const value = fc
      .oneof({ weight: 1, arbitrary: validValue(op.body.schema, options) }, { weight: 1, arbitrary: invalidValue(op.body.schema, options) })
      .filter((v) => !options.mutating || !inputNamesProtected(v, options.dictionary.protectedIds));
    return fc.oneof({ weight: 12, arbitrary: json(value) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: none });
  }
  if (op.method === 'GET') return none;
  return fc.oneof({ weight: 6, arbitrary: none }, { weight: 1, arbitrary: json(hostileLeaf) }, { weight: 1, arbitrary: text });
}

export interface RestCaseContext {
  dictionary: Dictionary;
  resolve: RefResolver;
}

/** Requests for one operation as one role: mostly well-formed, often subtly wrong, sometimes garbage. */
export function restCases(op: Operation, role: ActingRole, context: RestCaseContext): fc.Arbitrary<RestCase> {
  const options: GenOptions = { ...context, mutating: op.method !== 'GET' };
  return fc
    .record({
      path: pathOf(op, options),
      query: queryOf(op, options),
      headers: headersOf(op, options),
      body: bodyOf(op, options),
      contentType: contentTypes,
      auth: authVariants(role, context.dictionary),
    })
    .map(({ path, query, headers, body, contentType, auth }) => ({
      method: op.method,
      url: query === '' ? path : `${path}?${query}`,
      headers: body.kind === 'none' || contentType === undefined ? headers : { ...headers, 'content-type': contentType },
      body,
      auth,
    }));
}

export function describeRestCase(c: RestCase): string {
  const body =
    c.body.kind === 'none' ? '(no body)' : c.body.kind === 'json' ? JSON.stringify(c.body.value) : `raw ${JSON.stringify(c.body.text)}`;
  return `${c.method} ${c.url.slice(0, 300)} headers=${JSON.stringify(c.headers).slice(0, 300)} body=${body.slice(0, 600)}`;
}
