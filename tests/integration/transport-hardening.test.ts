// The HTTP transport of the REST port and headless web mode: bounded bodies, the DNS-rebinding
// guard on `Host`, no caching of /trpc answers, the CSP as a header, owner-only data files.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/server/create-core';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { rawRequest, streamUpload, type RawResponse } from '../helpers/raw-http';
import { startTestCore, type TestCore } from '../helpers/test-core';

const MiB = 1024 * 1024;

function expectApiError(res: RawResponse, status: number, error: string): void {
  expect(res.status, res.text).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/json');
  const body = res.json() as Record<string, unknown>;
  expect(body.error).toBe(error);
  expect(typeof body.message).toBe('string');
}

describe('transport hardening', () => {
  let t: TestCore;
  let uiDir: string;

  beforeAll(async () => {
    uiDir = mkdtempSync(join(tmpdir(), 'shopdesk-ui-'));
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>ShopDesk</title><div id="root"></div>');
    t = await startTestCore({ webUi: { dir: uiDir } });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(uiDir, { recursive: true, force: true });
  });

  describe('request bodies are bounded on every route', () => {
    it('a 50 MB multipart upload to /trpc/auth.login is refused with 415 from its headers, without the process holding it', async () => {
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      try {
        const res = await streamUpload(t.core.url, {
          path: '/trpc/auth.login',
          headers: { 'content-type': 'multipart/form-data; boundary=----shopdesk' },
          totalBytes: 50 * MiB,
        });
        expectApiError(res, 415, 'unsupported_media_type');
        // Answered from the headers: most of the upload was never even sent.
        expect(res.sentWhenAnswered).toBeLessThan(res.totalBytes / 2);
        expect(res.headers.connection).toBe('close');
      } finally {
        clearInterval(sampler);
      }
      expect(peak - before, 'RSS growth during the upload').toBeLessThan(25 * MiB);
    });

    it.each([
      ['application/octet-stream', '/trpc/auth.login'],
      ['text/plain', '/trpc/auth.login'],
      ['application/x-www-form-urlencoded', '/trpc/auth.login'],
      ['multipart/form-data; boundary=x', '/trpc/users.list'],
      ['application/jsonx', '/trpc/auth.login'],
    ])('%s to %s: 415 before the upload is done', async (contentType, path) => {
      const res = await streamUpload(t.core.url, { path, headers: { 'content-type': contentType }, totalBytes: 20 * MiB });
      expectApiError(res, 415, 'unsupported_media_type');
      expect(res.sentWhenAnswered).toBeLessThan(res.totalBytes / 2);
    });

    it('a body without a content-type to /trpc is refused too, chunked or not', async () => {
      for (const chunked of [false, true]) {
        const res = await streamUpload(t.core.url, { path: '/trpc/auth.login', headers: {}, totalBytes: 20 * MiB, chunked });
        expectApiError(res, 415, 'unsupported_media_type');
        expect(res.sentWhenAnswered).toBeLessThan(res.totalBytes / 2);
      }
    });

    it('JSON over 1 MiB is 413 on /trpc and on REST, announced or streamed', async () => {
      for (const path of ['/trpc/auth.login', '/api/v1/auth/login']) {
        for (const chunked of [false, true]) {
          const res = await streamUpload(t.core.url, {
            path,
            headers: { 'content-type': 'application/json' },
            totalBytes: 20 * MiB,
            chunked,
          });
          expectApiError(res, 413, 'payload_too_large');
          expect(res.sentWhenAnswered, `${path} chunked=${chunked}`).toBeLessThan(res.totalBytes / 2);
        }
      }
    });

    it.each([
      ['multipart/form-data; boundary=x', '/api/v1/auth/login', 415, 'unsupported_media_type'],
      ['application/octet-stream', '/api/v1/products', 415, 'unsupported_media_type'],
      ['text/plain', '/api/v1/setup', 415, 'unsupported_media_type'],
      ['multipart/form-data; boundary=x', '/api/v1/no-such-route', 404, 'not_found'],
      ['multipart/form-data; boundary=x', '/', 404, 'not_found'],
      ['multipart/form-data; boundary=x', '/api/v1/docs/', 404, 'not_found'],
    ])('%s to %s: %i before the upload is done', async (contentType, path, status, error) => {
      const res = await streamUpload(t.core.url, { path, headers: { 'content-type': contentType }, totalBytes: 20 * MiB });
      expectApiError(res, status, error);
      expect(res.sentWhenAnswered).toBeLessThan(res.totalBytes / 2);
    });

    it('ordinary JSON calls to /trpc still work (the gate lets JSON through)', async () => {
      const res = await rawRequest(t.core.url, {
        method: 'POST',
        path: '/trpc/auth.login',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ username: 'nobody', password: 'not-the-password' }),
      });
      expect(res.status, res.text).toBe(401);
      expect(JSON.stringify(res.json())).toContain('invalid_credentials');
    });
  });

  describe('the Host header must name this server (DNS rebinding)', () => {
    const port = () => t.core.port;

    it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'shopdesk'])(
      'Host %s:PORT is refused with 403 on REST, /trpc and the UI',
      async (name) => {
        for (const path of ['/api/v1/health', '/api/v1/setup', '/trpc/auth.state', '/']) {
          const res = await rawRequest(t.core.url, { path, headers: { host: `${name}:${port()}` } });
          expectApiError(res, 403, 'forbidden');
        }
        // A rebinding page would post the owner's set-up: refused before the body is looked at.
        const setup = await rawRequest(t.core.url, {
          method: 'POST',
          path: '/api/v1/setup',
          headers: { host: `${name}:${port()}`, 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'mallory', password: 'Rebound-Owner-77', first_name: 'M', last_name: 'M' }),
        });
        expectApiError(setup, 403, 'forbidden');
        expect((await t.api.get('/health')).status).toBe(200);
        expect((await rawRequest(t.core.url, { path: '/trpc/auth.state' })).text).toContain('"initialized":false');
      },
    );

    it('loopback names at the right port are answered', async () => {
      for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`, `[::1]:${port()}`, `LOCALHOST:${port()}`, `localhost.:${port()}`]) {
        const res = await rawRequest(t.core.url, { path: '/api/v1/health', headers: { host } });
        expect(res.status, `${host}: ${res.text}`).toBe(200);
      }
      const ui = await rawRequest(t.core.url, { path: '/', headers: { host: `localhost:${port()}` } });
      expect(ui.status).toBe(200);
    });

    it('a wrong port, no port, garbage or no Host at all is refused', async () => {
      for (const host of [`localhost:${port() + 1}`, 'localhost', `user@localhost:${port()}`, `localhost:${port()}/x`]) {
        const res = await rawRequest(t.core.url, { path: '/api/v1/health', headers: { host } });
        expect(res.status, `Host "${host}"`).toBe(403);
      }
      // Without any Host, Node's HTTP server itself answers 400 before ShopDesk sees the request.
      expect([400, 403]).toContain((await rawRequest(t.core.url, { path: '/api/v1/health', setHost: false })).status);
    });

    it('SHOPDESK_ALLOWED_HOSTS adds the shop’s LAN names', async () => {
      const lan = await startTestCore({ env: { allowedHosts: ['till.shop.lan', 'backoffice:443'] } });
      try {
        const ok = await rawRequest(lan.core.url, { path: '/api/v1/health', headers: { host: `till.shop.lan:${lan.core.port}` } });
        expect(ok.status, ok.text).toBe(200);
        // An entry with a port names that port only (a proxy in front), not ours.
        expect((await rawRequest(lan.core.url, { path: '/api/v1/health', headers: { host: 'backoffice:443' } })).status).toBe(200);
        expect((await rawRequest(lan.core.url, { path: '/api/v1/health', headers: { host: `backoffice:${lan.core.port}` } })).status).toBe(
          403,
        );
        expect(
          (await rawRequest(lan.core.url, { path: '/api/v1/health', headers: { host: `evil.example:${lan.core.port}` } })).status,
        ).toBe(403);
      } finally {
        await lan.stop();
      }
    });
  });

  describe('headers', () => {
    it('/trpc answers are never cached, success or error', async () => {
      const state = await rawRequest(t.core.url, { path: '/trpc/auth.state' });
      expect(state.status).toBe(200);
      expect(state.headers['cache-control']).toBe('no-store');
      const refused = await rawRequest(t.core.url, { path: '/trpc/profile.me' });
      expect(refused.status).toBe(401);
      expect(refused.headers['cache-control']).toBe('no-store');
      const unsupported = await rawRequest(t.core.url, {
        method: 'POST',
        path: '/trpc/auth.login',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      });
      expect(unsupported.status).toBe(415);
      expect(unsupported.headers['cache-control']).toBe('no-store');
    });

    it('/trpc errors that tRPC itself builds are labelled JSON too', async () => {
      const undecodable = await rawRequest(t.core.url, { path: '/trpc/%' });
      expect(undecodable.status).toBe(400);
      expect(String(undecodable.headers['content-type'])).toContain('application/json');
      expect(JSON.stringify(undecodable.json())).toContain('validation_failed');
      // A POST with neither body nor type passes the gate (nothing to read); tRPC refuses it.
      const empty = await rawRequest(t.core.url, { method: 'POST', path: '/trpc/auth.login', headers: { 'content-length': '0' } });
      expect(empty.status).toBeGreaterThanOrEqual(400);
      expect(empty.status).toBeLessThan(500);
      expect(String(empty.headers['content-type'])).toContain('application/json');
      expect(empty.headers['cache-control']).toBe('no-store');
    });

    it("the page carries the whole CSP, frame-ancestors 'none' included, as an HTTP header", async () => {
      for (const path of ['/', '/index.html']) {
        const res = await rawRequest(t.core.url, { path });
        expect(res.status).toBe(200);
        expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
      }
    });
  });
});

describe('the data folder and its files are the owner’s only, at every start', () => {
  it.skipIf(process.platform === 'win32')('re-tightens modes a copy or a restore loosened', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-modes-'));
    const files = ['shopdesk.db', 'shopdesk.db-wal', 'shopdesk.db-shm', 'jwt-secret.key'];
    const modeOf = (name?: string) => statSync(name ? join(dataDir, name) : dataDir).mode & 0o777;
    try {
      const first = await createCore({ dataDir, port: 0, log: () => {} });
      // The files exist while the core runs (WAL keeps -wal and -shm open).
      expect(modeOf()).toBe(0o700);
      for (const name of files) expect(modeOf(name), name).toBe(0o600);
      chmodSync(dataDir, 0o755);
      for (const name of files) chmodSync(join(dataDir, name), 0o644);
      await first.close();

      const second = await createCore({ dataDir, port: 0, log: () => {} });
      try {
        expect(modeOf()).toBe(0o700);
        for (const name of files) expect(modeOf(name), name).toBe(0o600);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
