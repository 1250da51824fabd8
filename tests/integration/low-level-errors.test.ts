import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * Refusals that happen before any route or error handler runs (found by the fuzzer: Fastify and
 * Node answered them in their own format): Node's HTTP parser (oversized request line or
 * headers, bytes that are not HTTP) and Fastify's router (malformed or over-long path segment).
 */
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('refusals before any route, in the docs/contract/API.md format', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
  });
  afterAll(() => t.stop());

  it('a URL over the header limit is 431 headers_too_large', async () => {
    const res = await fetch(`${t.core.url}/api/v1/products?q=${'a'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'headers_too_large', message: 'The request line and headers are too large.' });
  });

  it('a malformed or over-long path segment is 400 validation_failed under fields.params', async () => {
    for (const path of ['/api/v1/users/%zz', '/api/v1/users/%', `/api/v1/users/${'1'.repeat(101)}`]) {
      const res = await t.api.request('GET', path.replace('/api/v1', ''));
      expect(res.status, path).toBe(400);
      expect(res.body).toMatchObject({ error: 'validation_failed', fields: { params: [expect.any(String)] } });
    }
  });

  it('bytes that are not HTTP get a 400 in the same format, then the connection closes', async () => {
    const answer = await sendRaw(t.core.port, 'GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: 'validation_failed',
      message: 'The request is not valid HTTP.',
    });
  });
});
