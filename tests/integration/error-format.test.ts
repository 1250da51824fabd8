import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../shared/errors';
import { createSignedInUser, setupOwner, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/** What a raw HTTP exchange looks like on the wire: the text is kept, not only the JSON. */
interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

interface RawOptions {
  body?: string;
  headers?: Record<string, string>;
  token?: string;
}

async function raw(baseUrl: string, method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const ERROR_KEYS = new Set(['error', 'message', 'code', 'fields', 'details']);

/** Words and shapes that only leak out of a server by mistake. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', / {4}at /],
  ['SQLite', /SQLITE/i],
  ['SQL', /\bselect\s|\binsert\s+into\b|\bupdate\s+\w+\s+set\b|\bfrom\s+"?users"?\b/i],
  ['a file path', /\/work\/|node_modules|[A-Za-z]:\\|\.ts:\d+/],
  ['a password hash', /\$2[aby]?\$/],
];

function expectNoLeaks(text: string): void {
  for (const [what, pattern] of LEAKS) expect(text, `response leaks ${what}: ${text.slice(0, 300)}`).not.toMatch(pattern);
}

/**
 * The one error shape of docs/contract/API.md: `{error, message, code?, fields?, details?}`, JSON, nothing
 * else; `error` is a snake_case code of the table with the status the table gives it.
 */
function expectErrorShape(res: RawResponse, status: number, error: string): void {
  const context = `${res.status} ${res.text.slice(0, 500)}`;
  expect(res.status, context).toBe(status);
  expect(res.headers.get('content-type') ?? '', context).toMatch(/^application\/json/);
  expect(res.json, context).toBeTypeOf('object');
  expect(res.json, context).not.toBeNull();
  expect(Array.isArray(res.json), context).toBe(false);
  for (const key of Object.keys(res.json)) expect(ERROR_KEYS.has(key), `unexpected key "${key}" in ${context}`).toBe(true);
  expect(res.json.error, context).toBe(error);
  expect(res.json.error, context).toMatch(/^[a-z]+(_[a-z]+)*$/);
  if (error in ERROR_STATUS) expect(ERROR_STATUS[error as keyof typeof ERROR_STATUS]).toBe(status);
  expect(typeof res.json.message, context).toBe('string');
  expect(res.json.message.trim().length, context).toBeGreaterThan(0);
  if ('code' in res.json) expect(Number.isInteger(res.json.code), context).toBe(true);
  if ('details' in res.json) expect(Array.isArray(res.json.details), context).toBe(true);
  if ('fields' in res.json) {
    expect(res.json.fields, context).toBeTypeOf('object');
    for (const [field, messages] of Object.entries(res.json.fields as Record<string, unknown>)) {
      expect(field.length, context).toBeGreaterThan(0);
      expect(Array.isArray(messages), context).toBe(true);
      expect((messages as unknown[]).length, context).toBeGreaterThan(0);
      for (const message of messages as unknown[]) {
        expect(typeof message, context).toBe('string');
        expect((message as string).length, context).toBeGreaterThan(0);
      }
    }
  }
  expectNoLeaks(res.text);
}

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('error format: every error is {error, message, code?, fields?, details?} and leaks nothing', () => {
  let t: TestCore;
  let owner: SignedIn;
  let base: string;
  const post = (path: string, body: string, headers: Record<string, string> = JSON_HEADERS, token?: string) =>
    raw(base, 'POST', `/api/v1${path}`, { body, headers, token });
  const get = (path: string, token?: string) => raw(base, 'GET', `/api/v1${path}`, { token });

  beforeAll(async () => {
    t = await startTestCore();
    base = t.core.url;
    owner = await setupOwner(t.api);
    // A few more users, so that lists have rows to page through and to leak from.
    await createSignedInUser(t.api, owner, 'manager');
    await createSignedInUser(t.api, owner, 'cashier');
  });
  afterAll(() => t.stop());

  describe('malformed requests', () => {
    it('malformed JSON → 400 validation_failed', async () => {
      const res = await post('/auth/login', '{"username": "owner", "password": ');
      expectErrorShape(res, 400, 'validation_failed');
    });

    it('JSON that is not even close (a bare word, a trailing comma) → 400 validation_failed', async () => {
      expectErrorShape(await post('/auth/login', 'hello'), 400, 'validation_failed');
      expectErrorShape(await post('/auth/login', '{"username":"owner","password":"x",}'), 400, 'validation_failed');
    });

    it('an empty body sent as application/json → 400 validation_failed', async () => {
      const res = await post('/auth/login', '');
      expectErrorShape(res, 400, 'validation_failed');
    });

    it('an empty JSON object → 400 validation_failed naming the required fields', async () => {
      const res = await post('/auth/login', '{}');
      expectErrorShape(res, 400, 'validation_failed');
      expect(Object.keys(res.json.fields ?? {}).sort()).toEqual(['password', 'username']);
    });

    it('a JSON array or a JSON string instead of an object → 400 validation_failed', async () => {
      expectErrorShape(await post('/auth/login', '[]'), 400, 'validation_failed');
      expectErrorShape(await post('/auth/login', '"owner"'), 400, 'validation_failed');
      expectErrorShape(await post('/auth/login', 'null'), 400, 'validation_failed');
    });

    it('an oversized body (2 MiB of JSON to /auth/login) → 413', async () => {
      const body = JSON.stringify({ username: 'owner', password: 'a'.repeat(2 * 1024 * 1024) });
      const res = await post('/auth/login', body);
      expectErrorShape(res, 413, 'payload_too_large');
    });

    it('a wrong content type (text/plain) → 415', async () => {
      const res = await post('/auth/login', JSON.stringify({ username: 'owner', password: PASSWORDS.super_admin }), {
        'content-type': 'text/plain',
      });
      expectErrorShape(res, 415, 'unsupported_media_type');
    });

    it('a wrong content type (application/xml) → 415', async () => {
      const res = await post('/auth/login', '<login><username>owner</username></login>', { 'content-type': 'application/xml' });
      expectErrorShape(res, 415, 'unsupported_media_type');
    });

    it('a form post (application/x-www-form-urlencoded) → 415', async () => {
      const res = await post('/auth/login', 'username=owner&password=x', { 'content-type': 'application/x-www-form-urlencoded' });
      expectErrorShape(res, 415, 'unsupported_media_type');
    });

    it('unknown fields → 400 validation_failed with fields naming each of them', async () => {
      const res = await post(
        '/auth/login',
        JSON.stringify({ username: 'owner', password: PASSWORDS.super_admin, is_admin: true, role: 'super_admin' }),
      );
      expectErrorShape(res, 400, 'validation_failed');
      expect(Object.keys(res.json.fields ?? {})).toEqual(expect.arrayContaining(['is_admin', 'role']));
      expect(res.json.fields).not.toHaveProperty('username');
      expect(res.json.fields).not.toHaveProperty('password');
    });

    it('unknown fields on an authenticated write → 400 naming them', async () => {
      const res = await raw(base, 'PATCH', `/api/v1/users/${owner.id}`, {
        body: JSON.stringify({ first_name: 'Olga', password_hash: 'x' }),
        headers: JSON_HEADERS,
        token: owner.access,
      });
      expectErrorShape(res, 400, 'validation_failed');
      expect(Object.keys(res.json.fields ?? {})).toContain('password_hash');
    });

    it('wrong types → 400 validation_failed with fields for each wrong field', async () => {
      const res = await post('/auth/login', JSON.stringify({ username: 123, password: true }));
      expectErrorShape(res, 400, 'validation_failed');
      expect(Object.keys(res.json.fields ?? {}).sort()).toEqual(['password', 'username']);
    });

    it('wrong types on a nested write (role settings) → 400 with fields', async () => {
      const res = await raw(base, 'PATCH', '/api/v1/roles/cashier/settings', {
        body: JSON.stringify({ minimum_characters: 'six', contain_number: 'yes' }),
        headers: JSON_HEADERS,
        token: owner.access,
      });
      expectErrorShape(res, 400, 'validation_failed');
      expect(Object.keys(res.json.fields ?? {})).toEqual(expect.arrayContaining(['minimum_characters', 'contain_number']));
    });
  });

  describe('query strings and path parameters', () => {
    it('limit=0 on GET /users → 400 validation_failed naming limit', async () => {
      const res = await get('/users?limit=0', owner.access);
      expectErrorShape(res, 400, 'validation_failed');
      expect(res.json.fields).toHaveProperty('limit');
    });

    it('limit=201 on GET /users → 400 validation_failed naming limit', async () => {
      const res = await get('/users?limit=201', owner.access);
      expectErrorShape(res, 400, 'validation_failed');
      expect(res.json.fields).toHaveProperty('limit');
    });

    it('limit=abc and limit=1.5 → 400; limit=1 and limit=200 are fine', async () => {
      expectErrorShape(await get('/users?limit=abc', owner.access), 400, 'validation_failed');
      expectErrorShape(await get('/users?limit=1.5', owner.access), 400, 'validation_failed');
      expect((await get('/users?limit=1', owner.access)).status).toBe(200);
      expect((await get('/users?limit=200', owner.access)).status).toBe(200);
    });

    it('a bad cursor → 400 validation_failed naming cursor', async () => {
      for (const cursor of [
        'not-a-cursor',
        '!!!',
        Buffer.from('id:abc').toString('base64url'),
        Buffer.from("id:1' OR 1=1 --").toString('base64url'),
      ]) {
        const res = await get(`/users?cursor=${encodeURIComponent(cursor)}`, owner.access);
        expectErrorShape(res, 400, 'validation_failed');
        expect(res.json.fields, cursor).toHaveProperty('cursor');
      }
    });

    it('a cursor from a Link header works (the bad-cursor check is not over-eager)', async () => {
      const first = await get('/users?limit=1', owner.access);
      expect(first.status).toBe(200);
      const link = first.headers.get('link') ?? '';
      const cursor = /[?&]cursor=([^&>]+)/.exec(link)?.[1];
      expect(cursor, link).toBeDefined();
      const next = await get(`/users?limit=1&cursor=${cursor}`, owner.access);
      expect(next.status).toBe(200);
      expect(next.json).toHaveLength(1);
      expect(next.json[0].id).not.toBe(first.json[0].id);
    });

    it('an unknown query parameter → 400 naming it', async () => {
      const res = await get('/users?sort=password', owner.access);
      expectErrorShape(res, 400, 'validation_failed');
      expect(res.json.fields).toHaveProperty('sort');
    });

    it('a non-numeric user id (/users/abc) → 400 validation_failed', async () => {
      const res = await get('/users/abc', owner.access);
      expectErrorShape(res, 400, 'validation_failed');
      expect(res.json.fields).toHaveProperty('id');
    });

    it('ids that are not positive integers (0, -1, 1.5, too big) → 400', async () => {
      for (const id of ['0', '-1', '1.5', '99999999999999999999999']) {
        const res = await get(`/users/${id}`, owner.access);
        expectErrorShape(res, 400, 'validation_failed');
      }
    });

    it('a SQL-looking search is just text: no error, no leak', async () => {
      const res = await get(`/users?q=${encodeURIComponent("' OR 1=1; DROP TABLE users; --")}`, owner.access);
      expect(res.status).toBe(200);
      expect(res.json).toEqual([]);
      expectNoLeaks(res.text);
    });
  });

  describe('routing, auth and domain errors', () => {
    it('an unknown route → 404 not_found', async () => {
      expectErrorShape(await get('/no-such-thing'), 404, 'not_found');
      expectErrorShape(await raw(base, 'GET', '/no-such-thing'), 404, 'not_found');
      expectErrorShape(await raw(base, 'GET', '/api/v2/health'), 404, 'not_found');
    });

    it('a known path with a method it does not take → an error in the same shape', async () => {
      const res = await raw(base, 'DELETE', '/api/v1/health');
      expect([404, 405]).toContain(res.status);
      expectErrorShape(res, res.status, res.status === 404 ? 'not_found' : (res.json?.error ?? 'method_not_allowed'));
    });

    it('a protected route without credentials → 401 unauthenticated', async () => {
      expectErrorShape(await get('/users'), 401, 'unauthenticated');
      const badToken = await get('/users', 'not.a.jwt');
      expectErrorShape(badToken, 401, jwtError(badToken));
    });

    it('wrong password → 401 invalid_credentials', async () => {
      expectErrorShape(
        await post('/auth/login', JSON.stringify({ username: 'owner', password: 'wrong-one-1' })),
        401,
        'invalid_credentials',
      );
    });

    it('a user that does not exist → 404 not_found with the seed message', async () => {
      const res = await get('/users/987654', owner.access);
      expectErrorShape(res, 404, 'not_found');
      expect(res.json.message).toBe('No User matches the given query.');
    });

    it('setup after an owner exists → 409 already_initialized', async () => {
      const res = await post(
        '/setup',
        JSON.stringify({ username: 'second', password: PASSWORDS.super_admin, first_name: 'A', last_name: 'B' }),
      );
      expectErrorShape(res, 409, 'already_initialized');
    });

    it('an unknown role key → 4xx in the error shape', async () => {
      const res = await get('/roles/wizard/settings', owner.access);
      expect([400, 404]).toContain(res.status);
      expectErrorShape(res, res.status, res.status === 404 ? 'not_found' : 'validation_failed');
    });

    it('a password that breaks the policy → 400 password_policy with fields', async () => {
      const res = await post('/auth/register', JSON.stringify({ username: 'shorty', password: 'a' }));
      expectErrorShape(res, 400, 'password_policy');
      expect(res.json.fields).toHaveProperty('password');
    });

    it('a taken username → 400 validation_failed, fields.username', async () => {
      const res = await post('/auth/register', JSON.stringify({ username: 'owner', password: PASSWORDS.customer }));
      expectErrorShape(res, 400, 'validation_failed');
      expect(res.json.fields.username).toEqual(['A user with that username already exists.']);
    });
  });

  describe('no password hash in any response', () => {
    it('a user listing holds no hash', async () => {
      const res = await get('/users?limit=200', owner.access);
      expect(res.status).toBe(200);
      expect(res.json.length).toBeGreaterThanOrEqual(3);
      expect(res.text).not.toContain('$2');
      expect(res.text).not.toMatch(/password/i);
    });

    it('a single user, the login answer and a registration hold no hash', async () => {
      const one = await get(`/users/${owner.id}`, owner.access);
      expect(one.status).toBe(200);
      expect(one.text).not.toContain('$2');
      const login = await post('/auth/login', JSON.stringify({ username: 'owner', password: PASSWORDS.super_admin }));
      expect(login.status).toBe(200);
      expect(login.text).not.toContain('$2');
      expect(Object.keys(login.json.user)).not.toContain('password');
      const registered = await post('/auth/register', JSON.stringify({ username: 'shopper1', password: PASSWORDS.customer }));
      expect(registered.status, registered.text).toBe(201);
      expect(registered.text).not.toContain('$2');
      expect(registered.text).not.toMatch(/password/i);
    });
  });

  describe('the API describes itself', () => {
    const ROUTES = [
      '/health',
      '/setup',
      '/auth/login',
      '/auth/refresh',
      '/auth/logout',
      '/auth/register',
      '/auth/password/change',
      '/roles',
      '/roles/{key}/settings',
      '/users',
      '/users/{id}',
      '/users/{id}/unlock',
      '/users/{id}/role',
    ];

    let doc: any;
    /** Paths relative to /api/v1, whether the document puts the prefix in `servers` or in the paths. */
    let paths: Record<string, any>;

    function resolve(schema: any): any {
      let current = schema;
      for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
        const parts = (current.$ref as string).replace(/^#\//, '').split('/');
        current = parts.reduce<any>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      }
      return current;
    }

    beforeAll(async () => {
      const res = await get('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
      doc = res.json;
      paths = {};
      for (const [path, item] of Object.entries((doc?.paths ?? {}) as Record<string, unknown>)) {
        paths[path.startsWith('/api/v1/') ? path.slice('/api/v1'.length) : path] = item;
      }
    });

    it('GET /openapi.json is an OpenAPI 3 document', () => {
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info?.title).toBeTypeOf('string');
      expect(doc.info?.version).toBeTypeOf('string');
      expect(doc.paths).toBeTypeOf('object');
    });

    it('lists every route of the server', () => {
      const missing = ROUTES.filter((route) => !(route in paths));
      expect(missing, `documented paths: ${Object.keys(paths).join(', ')}`).toEqual([]);
      expect(paths['/users']).toHaveProperty('get');
      expect(paths['/users']).toHaveProperty('post');
      for (const method of ['get', 'patch', 'delete']) expect(paths['/users/{id}'], method).toHaveProperty(method);
      expect(paths['/roles/{key}/settings']).toHaveProperty('get');
      expect(paths['/roles/{key}/settings']).toHaveProperty('patch');
    });

    it('request bodies are the zod schemas (login: username and password)', () => {
      const login = resolve(paths['/auth/login']?.post?.requestBody);
      const schema = resolve(login?.content?.['application/json']?.schema);
      expect(schema?.type).toBe('object');
      expect(Object.keys(schema?.properties ?? {}).sort()).toEqual(['password', 'username']);
      expect(schema?.required).toEqual(expect.arrayContaining(['username', 'password']));
      expect(schema?.additionalProperties).toBe(false);

      const createUser = resolve(resolve(paths['/users']?.post?.requestBody)?.content?.['application/json']?.schema);
      expect(Object.keys(createUser?.properties ?? {})).toEqual(
        expect.arrayContaining(['username', 'password', 'first_name', 'last_name', 'role']),
      );
    });

    it('documents the query and path parameters (limit on /users, id on /users/{id})', () => {
      const listParams = (paths['/users']?.get?.parameters ?? []).map((p: any) => resolve(p));
      const limit = listParams.find((p: any) => p?.name === 'limit' && p?.in === 'query');
      expect(limit).toBeDefined();
      const idParams = (paths['/users/{id}']?.get?.parameters ?? []).map((p: any) => resolve(p));
      expect(idParams.find((p: any) => p?.name === 'id' && p?.in === 'path')).toBeDefined();
    });

    it('GET /docs/ answers a browsable HTML page for a person', async () => {
      const res = await raw(base, 'GET', '/api/v1/docs/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type') ?? '').toMatch(/^text\/html/);
      expect(res.text).toMatch(/<html/i);
    });
  });
});

/** A bad bearer token is one of the JWT errors of the table (or plainly unauthenticated). */
function jwtError(res: RawResponse): string {
  const allowed = ['unauthenticated', 'token_invalid', 'token_expired', 'token_revoked'];
  expect(allowed).toContain(res.json?.error);
  return res.json.error;
}

describe('login rate limiting', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore({ loginThrottle: { failures: 3, windowSeconds: 60 } });
    await setupOwner(t.api);
  });
  afterAll(() => t.stop());

  it('after 3 failed logins the 4th (even with the right password) answers 429 rate_limited with Retry-After', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const res = await raw(t.core.url, 'POST', '/api/v1/auth/login', {
        body: JSON.stringify({ username: attempt === 2 ? 'nobody-here' : 'owner', password: `wrong-password-${attempt}` }),
        headers: JSON_HEADERS,
      });
      expectErrorShape(res, 401, 'invalid_credentials');
    }
    const fourth = await raw(t.core.url, 'POST', '/api/v1/auth/login', {
      body: JSON.stringify({ username: 'owner', password: PASSWORDS.super_admin }),
      headers: JSON_HEADERS,
    });
    expectErrorShape(fourth, 429, 'rate_limited');
    expect(fourth.json).not.toHaveProperty('access');
    const retryAfter = fourth.headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});
