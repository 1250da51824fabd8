// Optional HTTPS for the LAN: SHOPDESK_TLS_CERT / SHOPDESK_TLS_KEY, or the paths saved in the
// settings screen (applied at the next start). A self-signed certificate made by openssl here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvConfig } from '../../electron/core/config';
import { createCore, type Core } from '../../electron/server/create-core';
import type { AppRouter } from '../../electron/trpc/root';
import { rawRequest, type RawResponse } from '../helpers/raw-http';
import { createSignedInUser, setupOwner } from '../helpers/scenarios';
import { PASSWORDS, startTestCore } from '../helpers/test-core';

const OWNER = { username: 'owner', password: PASSWORDS.super_admin, first_name: 'Olga', last_name: 'Owner' };

function makeCertificate(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}-cert.pem`);
  const key = join(dir, `${name}-key.pem`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

function jsonPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  return { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function setCookies(res: RawResponse): string[] {
  const header = res.headers['set-cookie'];
  return Array.isArray(header) ? header : [];
}

/** A browser-like tRPC client over plain HTTP: keeps cookies, sends the CSRF header. */
function browserClient(baseUrl: string) {
  const jar = new Map<string, string>();
  const cookieFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const csrf = jar.get('sd_csrf');
    if (csrf) headers.set('x-csrf-token', csrf);
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${baseUrl}/trpc`, fetch: cookieFetch })] });
}

async function apiErrorOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { apiError: Record<string, unknown> }).apiError;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('HTTPS on the LAN port', () => {
  let dir: string;
  let good: { cert: string; key: string };
  let other: { cert: string; key: string };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shopdesk-tls-'));
    good = makeCertificate(dir, 'good');
    other = makeCertificate(dir, 'other');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('configuration', () => {
    it('SHOPDESK_TLS_CERT without SHOPDESK_TLS_KEY (or the other way round) stops the start, naming the missing variable', () => {
      expect(() => readEnvConfig({ SHOPDESK_TLS_CERT: good.cert })).toThrow(/SHOPDESK_TLS_KEY: required when SHOPDESK_TLS_CERT is set/);
      expect(() => readEnvConfig({ SHOPDESK_TLS_KEY: good.key })).toThrow(/SHOPDESK_TLS_CERT: required when SHOPDESK_TLS_KEY is set/);
      expect(readEnvConfig({ SHOPDESK_TLS_CERT: good.cert, SHOPDESK_TLS_KEY: good.key })).toMatchObject({
        tlsCert: good.cert,
        tlsKey: good.key,
      });
      expect(readEnvConfig({ SHOPDESK_ALLOWED_HOSTS: ' Till.Shop.lan, backoffice:443 ,' }).allowedHosts).toEqual([
        'till.shop.lan',
        'backoffice:443',
      ]);
      expect(() => readEnvConfig({ SHOPDESK_ALLOWED_HOSTS: 'http://till/' })).toThrow(/SHOPDESK_ALLOWED_HOSTS/);
    });

    it.each([
      ['a missing certificate', () => ({ tlsCert: join(dir, 'nope.pem'), tlsKey: good.key }), /SHOPDESK_TLS_CERT: Cannot read .*nope\.pem/],
      ['a key that is not PEM', () => ({ tlsCert: good.cert, tlsKey: good.cert }), /SHOPDESK_TLS_KEY: .* is not a PEM private key/],
      [
        'the key of another certificate',
        () => ({ tlsCert: good.cert, tlsKey: other.key }),
        /SHOPDESK_TLS_KEY: .* is not the key of the certificate/,
      ],
    ])('%s named by the environment stops the start with a clear message', async (_what, env, message) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-tls-data-'));
      try {
        await expect(createCore({ dataDir, port: 0, log: () => {}, env: env() })).rejects.toThrow(message);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });

  describe('served over HTTPS (environment)', () => {
    let t: Awaited<ReturnType<typeof startTestCore>>;

    beforeAll(async () => {
      t = await startTestCore({ env: { tlsCert: good.cert, tlsKey: good.key }, webUi: {} });
    });
    afterAll(() => t.stop());

    it('answers on https:// and its URL says so; plain HTTP gets no answer from the API', async () => {
      expect(t.core.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const health = await rawRequest(t.core.url, { path: '/api/v1/health' });
      expect(health.status, health.text).toBe(200);
      const plain = await rawRequest(t.core.url.replace('https:', 'http:'), { path: '/api/v1/health' }).then(
        (res) => res.status,
        () => 'no answer',
      );
      expect(plain).not.toBe(200);
    });

    it('a cookie-mode sign-in over HTTPS sets Secure cookies (REST and the web UI’s tRPC)', async () => {
      expect((await rawRequest(t.core.url, jsonPost('/api/v1/setup', OWNER))).status).toBe(201);
      const rest = await rawRequest(
        t.core.url,
        jsonPost('/api/v1/auth/login', { username: OWNER.username, password: OWNER.password }, { 'x-auth-mode': 'cookie' }),
      );
      expect(rest.status, rest.text).toBe(200);
      const restCookies = setCookies(rest);
      expect(restCookies.map((line) => line.split('=')[0]).sort()).toEqual(['sd_access', 'sd_csrf', 'sd_refresh']);
      for (const line of restCookies) expect(line.toLowerCase(), line).toContain('; secure');

      const trpc = await rawRequest(t.core.url, jsonPost('/trpc/auth.login', { username: OWNER.username, password: OWNER.password }));
      expect(trpc.status, trpc.text).toBe(200);
      const trpcCookies = setCookies(trpc);
      expect(trpcCookies.length).toBe(3);
      for (const line of trpcCookies) expect(line.toLowerCase(), line).toContain('; secure');
    });

    it('the settings card shows the environment’s certificate, and a change is refused', async () => {
      const login = await rawRequest(t.core.url, jsonPost('/trpc/auth.login', { username: OWNER.username, password: OWNER.password }));
      const jar = Object.fromEntries(setCookies(login).map((line) => (line.split(';')[0] ?? '').split('=') as [string, string]));
      const cookie = Object.entries(jar)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      const view = await rawRequest(t.core.url, { path: '/trpc/network.settings', headers: { cookie } });
      expect(view.status, view.text).toBe(200);
      expect((view.json() as { result: { data: unknown } }).result.data).toMatchObject({
        tls_cert_path: good.cert,
        tls_key_path: good.key,
        from_environment: true,
        serving_https: true,
        start_problem: null,
      });
      const change = await rawRequest(
        t.core.url,
        jsonPost('/trpc/network.updateSettings', { tls_cert_path: '', tls_key_path: '' }, { cookie, 'x-csrf-token': jar.sd_csrf ?? '' }),
      );
      expect(change.status, change.text).toBe(409);
      expect(change.text).toContain('SHOPDESK_TLS_CERT');
    });
  });

  describe('saved in the settings screen, applied at the next start', () => {
    let dataDir: string;
    let core: Core | undefined;

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-tls-settings-'));
    });
    afterAll(async () => {
      await core?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    async function restart(): Promise<Core> {
      await core?.close();
      core = await createCore({ dataDir, port: 0, log: () => {}, webUi: {} });
      return core;
    }

    it('the Super Admin saves the paths (checked first); others may not; the next start serves HTTPS', async () => {
      const running = await restart();
      expect(running.url).toMatch(/^http:/);
      const api = (await import('../helpers/api-client')).createApiClient(running.url);
      const owner = await setupOwner(api);
      const manager = await createSignedInUser(api, owner, 'manager');

      const admin = browserClient(running.url);
      await admin.auth.login.mutate({ username: owner.username, password: PASSWORDS.super_admin });
      expect(await admin.network.settings.query()).toMatchObject({
        tls_cert_path: null,
        tls_key_path: null,
        from_environment: false,
        serving_https: false,
      });

      const mgr = browserClient(running.url);
      await mgr.auth.login.mutate({ username: manager.username, password: PASSWORDS.manager });
      expect(await apiErrorOf(mgr.network.settings.query())).toMatchObject({ error: 'forbidden' });
      expect(await apiErrorOf(mgr.network.updateSettings.mutate({ tls_cert_path: good.cert, tls_key_path: good.key }))).toMatchObject({
        error: 'forbidden',
      });

      // Mistakes are named on the field, and nothing is stored.
      const missing = await apiErrorOf(
        admin.network.updateSettings.mutate({ tls_cert_path: join(dir, 'nope.pem'), tls_key_path: good.key }),
      );
      expect(missing).toMatchObject({ error: 'validation_failed', fields: { tls_cert_path: [expect.stringContaining('Cannot read')] } });
      const mismatched = await apiErrorOf(admin.network.updateSettings.mutate({ tls_cert_path: good.cert, tls_key_path: other.key }));
      expect(mismatched).toMatchObject({ error: 'validation_failed', fields: { tls_key_path: [expect.stringContaining('not the key')] } });
      const half = await apiErrorOf(admin.network.updateSettings.mutate({ tls_cert_path: good.cert, tls_key_path: '' }));
      expect(half).toMatchObject({ error: 'validation_failed', fields: { tls_key_path: [expect.any(String)] } });
      const relative = await apiErrorOf(admin.network.updateSettings.mutate({ tls_cert_path: 'cert.pem', tls_key_path: 'key.pem' }));
      expect(relative).toMatchObject({ error: 'validation_failed', fields: { tls_cert_path: [expect.stringContaining('full path')] } });

      const saved = await admin.network.updateSettings.mutate({ tls_cert_path: good.cert, tls_key_path: good.key });
      // Saved, but this running server still speaks HTTP until it starts again.
      expect(saved).toMatchObject({ tls_cert_path: good.cert, tls_key_path: good.key, serving_https: false });
      expect((await api.get('/audit-log?action=settings.network_updated', { token: owner.access })).body).toHaveLength(1);

      const again = await restart();
      expect(again.url).toMatch(/^https:/);
      expect((await rawRequest(again.url, { path: '/api/v1/health' })).status).toBe(200);
    });

    it('a saved certificate that went missing falls back to HTTP at start and says why (the owner can still mend it)', async () => {
      writeFileSync(join(dir, 'gone-cert.pem'), 'not a certificate');
      const running = core;
      if (!running) throw new Error('the previous test starts the core');
      // Point the stored setting at a file that is no certificate, behind the service's back.
      running.services.settings.write('tls_cert_path', join(dir, 'gone-cert.pem'));
      const log: string[] = [];
      await running.close();
      core = await createCore({ dataDir, port: 0, log: (line) => log.push(line), webUi: {} });
      expect(core.url).toMatch(/^http:/);
      expect(log.join('\n')).toMatch(/HTTPS not started: .*gone-cert\.pem is not a PEM certificate/);
      const admin = browserClient(core.url);
      await admin.auth.login.mutate({ username: 'owner', password: PASSWORDS.super_admin });
      expect(await admin.network.settings.query()).toMatchObject({
        serving_https: false,
        start_problem: expect.stringContaining('not a PEM certificate'),
      });
      // Clearing both paths is always allowed.
      expect(await admin.network.updateSettings.mutate({ tls_cert_path: '', tls_key_path: '' })).toMatchObject({
        tls_cert_path: null,
        tls_key_path: null,
      });
    });
  });
});
