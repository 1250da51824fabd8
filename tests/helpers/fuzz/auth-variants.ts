import fc from 'fast-check';
import type { Dictionary } from './dictionary';
import { headerSafe } from './encode';
import { pickFrom } from './valid-value';
import type { ActingRole, Credentials } from './acting-users';

/**
 * How a request presents itself. An acting user's credentials are looked up when the request is
 * sent (a repair may have renewed them); junk is generated.
 */
export type AuthVariant =
  { kind: 'bearer' } | { kind: 'cookie'; csrf: boolean } | { kind: 'none' } | { kind: 'junk'; headers: Record<string, string> };

const junkText = fc
  .oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', 'null', 'undefined', 'constructor', '__proto__', 'a'.repeat(5000)))
  .map(headerSafe);

function junkCredentials(dictionary: Dictionary): fc.Arbitrary<Record<string, string>> {
  const usedUpToken = pickFrom(() => dictionary.tokens, 'x');
  return fc.oneof(
    fc
      .oneof(
        junkText.map((t) => `Bearer ${t}`),
        usedUpToken.map((t) => `Bearer ${t}`),
        fc.constantFrom('Bearer', 'Bearer ', 'Basic b3duZXI6cGFzcw==', 'bearer a.b.c', 'Token abc'),
      )
      .map((authorization) => ({ authorization })),
    fc
      .tuple(fc.oneof(junkText, usedUpToken), junkText)
      .map(([access, csrf]) => ({ cookie: `sd_access=${access}; sd_csrf=${csrf}`, 'x-csrf-token': csrf })),
    junkText.map((text) => ({ cookie: `${text}=${text}; constructor=1; __proto__=x` })),
  );
}

export function authVariants(role: ActingRole, dictionary: Dictionary): fc.Arbitrary<AuthVariant> {
  if (role === 'anonymous') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant<AuthVariant>({ kind: 'none' }) },
      { weight: 2, arbitrary: junkCredentials(dictionary).map((headers): AuthVariant => ({ kind: 'junk', headers })) },
    );
  }
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant<AuthVariant>({ kind: 'bearer' }) },
    { weight: 2, arbitrary: fc.constant<AuthVariant>({ kind: 'cookie', csrf: true }) },
    { weight: 1, arbitrary: fc.constant<AuthVariant>({ kind: 'cookie', csrf: false }) },
  );
}

/** The tRPC web client signs in with cookies only. */
export function cookieAuthVariants(role: ActingRole, dictionary: Dictionary): fc.Arbitrary<AuthVariant> {
  if (role === 'anonymous') return authVariants(role, dictionary);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant<AuthVariant>({ kind: 'cookie', csrf: true }) },
    { weight: 1, arbitrary: fc.constant<AuthVariant>({ kind: 'cookie', csrf: false }) },
  );
}

export function authHeaders(variant: AuthVariant, credentials: Credentials | undefined): Record<string, string> {
  switch (variant.kind) {
    case 'bearer':
      return credentials ? { authorization: `Bearer ${credentials.access}` } : {};
    case 'cookie':
      if (!credentials) return {};
      return variant.csrf
        ? { cookie: credentials.cookie.cookie, 'x-csrf-token': credentials.cookie.csrf }
        : { cookie: credentials.cookie.cookie };
    case 'junk':
      return variant.headers;
    case 'none':
      return {};
  }
}

export function describeAuth(variant: AuthVariant): string {
  switch (variant.kind) {
    case 'bearer':
      return 'bearer token';
    case 'cookie':
      return variant.csrf ? 'cookie session + CSRF header' : 'cookie session, no CSRF header';
    case 'junk':
      return `junk ${JSON.stringify(variant.headers).slice(0, 200)}`;
    case 'none':
      return 'no credentials';
  }
}
