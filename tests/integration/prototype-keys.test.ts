import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithCookies, type CookieSession } from '../helpers/fuzz/cookie-login';
import { PROTOTYPE_KEYS } from '../helpers/fuzz/prototype-keys';
import { apiErrorOfResponse, callTrpc } from '../helpers/fuzz/trpc-http';
import { setupOwner, type SignedIn } from '../helpers/scenarios';
import { PASSWORDS, startTestCore, type TestCore } from '../helpers/test-core';

/*
 * Issue 9, item 2: a key or query parameter named like an Object.prototype member
 * (`constructor`, `toString`, …) made the error formatters throw, and Fastify answered 500 in
 * its own format, before authentication. Each name is now an ordinary unknown field.
 */
const ORDINARY_KEYS = PROTOTYPE_KEYS.filter((key) => key !== '__proto__');

describe('keys named like Object.prototype members', () => {
  let t: TestCore;
  let owner: SignedIn;
  let browser: CookieSession;

  beforeAll(async () => {
    t = await startTestCore({ webUi: {} });
    owner = await setupOwner(t.api);
    const session = await signInWithCookies(t.api, 'owner', PASSWORDS.super_admin);
    if (!session) throw new Error('cookie sign-in failed');
    browser = session;
  });
  afterAll(() => t.stop());

  it('REST body: an unknown key of any such name is a 400 naming it, before sign-in', async () => {
    for (const key of ORDINARY_KEYS) {
      const res = await t.api.post('/auth/login', { username: 'a', password: 'b', [key]: 1 });
      expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body).toEqual({ error: 'validation_failed', message: `${key}: Unknown field.`, fields: { [key]: ['Unknown field.'] } });
    }
  });

  it('REST body: nested and signed-in, the field is named with its path', async () => {
    const res = await t.api.post('/orders', { items: [{ product_id: 1, amount: 1, hasOwnProperty: 1 }] }, { token: owner.access });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ 'items.0.hasOwnProperty': ['Unknown field.'] });
    const patch = await t.api.patch(`/users/${owner.id}`, { valueOf: 'x', toString: 'y' }, { token: owner.access });
    expect(patch.status).toBe(400);
    expect(patch.body.fields).toEqual({ valueOf: ['Unknown field.'], toString: ['Unknown field.'] });
  });

  it('REST body: "__proto__" (a prototype-poisoning key) is refused by the JSON parser as a 400', async () => {
    const res = await t.api.request('POST', '/auth/login', {
      rawBody: '{"username":"a","password":"b","__proto__":{"x":1}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'validation_failed',
      message: 'The request body is not valid JSON.',
      fields: { body: ['The request body is not valid JSON.'] },
    });
  });

  it('REST query: every such parameter name, anonymous or signed in, is a 400 naming it', async () => {
    for (const key of PROTOTYPE_KEYS) {
      for (const token of [undefined, owner.access]) {
        const res = await t.api.get(`/products?${encodeURIComponent(key)}=1`, { token });
        expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body).toEqual({ error: 'validation_failed', message: `${key}: Unknown field.`, fields: { [key]: ['Unknown field.'] } });
        expect(Object.keys(res.body.fields)).toEqual([key]);
      }
    }
  });

  it('REST query values and path segments with such names are ordinary wrong values', async () => {
    const limit = await t.api.get('/users?limit=constructor&role=toString', { token: owner.access });
    expect(limit.status).toBe(400);
    expect(Object.keys(limit.body.fields).sort()).toEqual(['limit', 'role']);
    const role = await t.api.get('/roles/constructor/settings', { token: owner.access });
    expect(role.status).toBe(404);
    expect(role.body.error).toBe('not_found');
    const user = await t.api.get('/users/__proto__', { token: owner.access });
    expect(user.status).toBe(400);
    expect(user.body.fields).toHaveProperty('id');
  });

  it('REST headers and cookies with such names change nothing', async () => {
    const res = await t.api.get('/me', {
      headers: { cookie: 'constructor=1; __proto__=2; toString=3', 'x-auth-mode': 'constructor', constructor: 'x' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');
  });

  it('tRPC input (web mode): an unknown key is a 400 naming it in apiError', async () => {
    for (const key of PROTOTYPE_KEYS) {
      const res = await callTrpc(t.core.url, {
        procedure: 'auth.login',
        method: 'POST',
        rawInput: `{"username":"a","password":"b",${JSON.stringify(key)}:1}`,
      });
      expect(res.status, `${key}: ${res.text}`).toBe(400);
      expect(apiErrorOfResponse(res.json)).toEqual({
        error: 'validation_failed',
        message: `${key}: Unknown field.`,
        fields: { [key]: ['Unknown field.'] },
      });
    }
  });

  it('tRPC input (web mode): signed in, in a query and nested in a mutation', async () => {
    const headers = { cookie: browser.cookie, 'x-csrf-token': browser.csrf };
    const list = await callTrpc(t.core.url, { procedure: 'catalog.list', method: 'GET', input: { toString: '1' }, headers });
    expect(list.status, list.text).toBe(400);
    expect(apiErrorOfResponse(list.json)).toMatchObject({ error: 'validation_failed', fields: { toString: ['Unknown field.'] } });
    const update = await callTrpc(t.core.url, {
      procedure: 'users.update',
      method: 'POST',
      input: { id: owner.id, changes: { constructor: 'x' } },
      headers,
    });
    expect(update.status, update.text).toBe(400);
    expect(apiErrorOfResponse(update.json)).toMatchObject({
      error: 'validation_failed',
      fields: { 'changes.constructor': ['Unknown field.'] },
    });
    const missing = await callTrpc(t.core.url, { procedure: 'catalog.get', method: 'GET', input: { valueOf: 1 }, headers });
    expect(apiErrorOfResponse(missing.json)).toMatchObject({ fields: { id: ['This field is required.'], valueOf: ['Unknown field.'] } });
  });

  it('tRPC: a procedure named like a prototype member, or the wrong method, is a 4xx in the error format', async () => {
    for (const procedure of ['constructor', 'toString', '__proto__', 'auth.hasOwnProperty']) {
      const res = await callTrpc(t.core.url, { procedure, method: 'GET' });
      expect(res.status, procedure).toBe(404);
      expect(apiErrorOfResponse(res.json)).toMatchObject({ error: 'not_found' });
    }
    const wrongMethod = await callTrpc(t.core.url, { procedure: 'auth.login', method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(apiErrorOfResponse(wrongMethod.json)).toMatchObject({ error: 'not_found' });
  });
});
