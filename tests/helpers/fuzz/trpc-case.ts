import fc from 'fast-check';
import { cookieAuthVariants, type AuthVariant } from './auth-variants';
import type { Dictionary } from './dictionary';
import { hostileLeaf, invalidValue } from './invalid-value';
import { contentTypes, junkHeaders } from './junk-headers';
import { inputNamesProtected } from './protected-ids';
import { PROTOTYPE_KEYS } from './prototype-keys';
import { rarely } from './rarely';
import type { TrpcHttpRequest } from './trpc-http';
import type { ProcedureInfo } from './trpc-procedures';
import { validValue, type GenOptions } from './valid-value';
import type { ActingRole } from './acting-users';

/** One generated tRPC call; the acting user's cookie session is added when it is sent. */
export interface TrpcCase {
  request: TrpcHttpRequest;
  auth: AuthVariant;
}

/** Inputs that are not JSON, or not what tRPC expects around it. */
const rawInputs = fc.constantFrom(
  '',
  '{',
  '[',
  'null',
  'undefined',
  '"x"',
  '{"__proto__":{"x":1}}',
  '{"json":{}}',
  '\ufeff{}',
  '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000),
);

function inputOf(procedure: ProcedureInfo, options: GenOptions): fc.Arbitrary<unknown> {
  if (!procedure.input) return fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileLeaf });
  const schema = procedure.input;
  const value = fc
    .oneof(validValue(schema, options), invalidValue(schema, options))
    .filter((v) => !options.mutating || !inputNamesProtected(v, options.dictionary.protectedIds));
  return fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/** In a batch: nothing else, the procedure again, or a procedure that does not exist. */
const batchPartner = fc.constantFrom<string>('none', 'again', ...PROTOTYPE_KEYS.slice(0, 4), 'auth.nope');

export function trpcCases(procedure: ProcedureInfo, role: ActingRole, dictionary: Dictionary): fc.Arbitrary<TrpcCase> {
  const mutating = procedure.type !== 'query';
  const options: GenOptions = { dictionary, resolve: procedure.resolve, mutating };
  const rightMethod = mutating ? 'POST' : 'GET';
  return fc
    .record({
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant(rightMethod) },
        { weight: 1, arbitrary: fc.constant(mutating ? 'GET' : 'POST') },
      ),
      input: inputOf(procedure, options),
      raw: rarely(rawInputs, 12),
      batch: rarely(batchPartner, 8),
      contentType: contentTypes,
      headers: junkHeaders,
      auth: cookieAuthVariants(role, dictionary),
    })
    .map(({ method, input, raw, batch, contentType, headers, auth }): TrpcCase => {
      const partners = batch === null || batch === 'none' ? [] : [batch === 'again' ? procedure.name : batch];
      const names = [procedure.name, ...partners];
      const batchInput = Object.fromEntries(names.map((_name, i) => [String(i), input]));
      return {
        request: {
          procedure: names.join(','),
          method: method === 'GET' ? 'GET' : 'POST',
          input: batch === null ? input : batchInput,
          rawInput: raw ?? undefined,
          batch: batch !== null,
          headers: method === 'POST' && contentType !== undefined ? { ...headers, 'content-type': contentType } : headers,
        },
        auth,
      };
    });
}

export function describeTrpcCase(c: TrpcCase): string {
  const { request } = c;
  const input = request.rawInput === undefined ? JSON.stringify(request.input) : `raw ${JSON.stringify(request.rawInput)}`;
  return `${request.method} /trpc/${request.procedure}${request.batch ? '?batch=1' : ''} input=${(input ?? '(none)').slice(0, 600)} headers=${JSON.stringify(request.headers ?? {}).slice(0, 300)}`;
}

/** Calls of procedures that do not exist: prototype member names, near misses, odd text. */
export function unknownProcedureCases(known: readonly string[], role: ActingRole, dictionary: Dictionary): fc.Arbitrary<TrpcCase> {
  const name = fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS),
    fc
      .tuple(fc.constantFrom(...known), fc.constantFrom(...PROTOTYPE_KEYS, '', 'x', '_def'))
      .map(([procedure, member]) => `${procedure}.${member}`),
    fc.constantFrom(...known).map((procedure) => procedure.split('.')[0] ?? procedure),
    fc.string({ maxLength: 20 }),
  );
  return fc
    .record({
      procedure: name,
      method: fc.constantFrom<'GET' | 'POST'>('GET', 'POST'),
      input: fc.option(hostileLeaf, { nil: undefined }),
      auth: cookieAuthVariants(role, dictionary),
    })
    .map(({ procedure, method, input, auth }): TrpcCase => ({ request: { procedure, method, input }, auth }));
}
