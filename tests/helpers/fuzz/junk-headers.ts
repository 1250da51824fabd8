import fc from 'fast-check';
import { headerSafe } from './encode';
import { PROTOTYPE_KEYS } from './prototype-keys';

/** Content types a JSON endpoint may be sent (the first, by far the most often). */
export const contentTypes: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json, text/plain',
      '',
    ),
  },
);

const headerName = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS.filter((key) => /^[a-z_]+$/i.test(key))),
  fc.constantFrom(
    'accept',
    'accept-encoding',
    'x-auth-mode',
    'x-csrf-token',
    'x-forwarded-for',
    'x-real-ip',
    'idempotency-key',
    'origin',
    'referer',
    'if-none-match',
    'range',
    'expect-ct',
    'x-http-method-override',
  ),
);
const headerValue = fc.oneof(
  fc.constantFrom(
    'cookie',
    'COOKIE',
    'header',
    '*/*',
    'application/xml',
    '127.0.0.1',
    '10.0.0.1, 127.0.0.1',
    'bytes=0-1',
    'null',
    'constructor',
    '',
    'DELETE',
  ),
  fc.string({ maxLength: 30 }).map(headerSafe),
);

/** A few extra headers, most often none. */
export const junkHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.array(fc.tuple(headerName, headerValue), { minLength: 1, maxLength: 3 }).map((pairs) => Object.fromEntries(pairs)),
  },
);
