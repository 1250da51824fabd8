import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORDS } from '../helpers/test-core';

/**
 * The headless server as a person runs it (`npm run serve`): a real child process, configured
 * by the environment, stopped by a signal. Every wait is bounded and every child is killed.
 */

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const LISTENING = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/;
const START_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 15_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface ServerProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
}

const running = new Set<ChildProcess>();
/** Process groups this file started (each child leads its own), killed after every test. */
const groups: number[] = [];
const tempDirs: string[] = [];

function newTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shopdesk-serve-'));
  tempDirs.push(dir);
  return dir;
}

/** Starts `tsx electron/server/main.ts` in its own process group, so that nothing can outlive the test. */
function startServer(env: Record<string, string>): ServerProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(childEnv)) if (key.startsWith('SHOPDESK_')) delete childEnv[key];
  const child = spawn(TSX, ['electron/server/main.ts'], {
    cwd: ROOT,
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  if (child.pid !== undefined) groups.push(child.pid);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((done) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    });
    child.on('error', () => {
      running.delete(child);
      done({ code: null, signal: null });
    });
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the base URL once the one ready line is printed; fails if the process dies first. */
async function waitForListening(server: ServerProcess): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    const line = server
      .stdout()
      .split('\n')
      .find((l) => LISTENING.test(l));
    if (line) return line.slice('listening on '.length);
    if (dead) throw new Error(`server exited before listening.\nstdout: ${server.stdout()}\nstderr: ${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no "listening on" line within ${START_TIMEOUT_MS} ms.\nstdout: ${server.stdout()}\nstderr: ${server.stderr()}`);
}

function waitForExit(server: ServerProcess): Promise<Exit> {
  return withTimeout(server.exited, EXIT_TIMEOUT_MS, `the server (pid ${server.child.pid}) to exit`);
}

/** True while any process of the child's group (tsx or the node it started) is alive. */
function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForGroupGone(pid: number | undefined): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

const post = (url: string, body: unknown, token?: string) =>
  json(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** The database after the server is gone: intact, migrated, and closed cleanly (no WAL left). */
function expectCleanDatabase(dataDir: string): void {
  const file = join(dataDir, 'shopdesk.db');
  expect(existsSync(file)).toBe(true);
  expect(
    existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0,
    'a non-empty WAL file was left behind: the database was not closed',
  ).toBe(false);
  const db = new Database(file, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const migrations = db.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(migrations.n).toBeGreaterThanOrEqual(1);
  } finally {
    db.close();
  }
}

afterEach(async () => {
  for (const pid of groups.splice(0)) {
    if (pid <= 1 || !groupAlive(pid)) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5_000;
  while (running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run serve (the headless server)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`starts on a new data folder, answers /health, and exits 0 with the database closed on ${signal}`, { timeout: 60_000 }, async () => {
      const dataDir = join(newTempDir(), 'data');
      expect(existsSync(dataDir)).toBe(false);
      const server = startServer({ SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0' });
      const url = await waitForListening(server);

      const lines = server
        .stdout()
        .split('\n')
        .filter((l) => l !== '');
      expect(lines[0]).toMatch(LISTENING);
      expect(lines.filter((l) => l.startsWith('listening on'))).toHaveLength(1);
      const port = Number(LISTENING.exec(lines[0] ?? '')?.[1]);
      expect(port).toBeGreaterThan(0);
      expect(port).toBeLessThan(65536);

      const health = await json(`${url}/api/v1/health`);
      expect(health).toEqual({ status: 200, body: { status: 'ok', version: VERSION } });

      expect(existsSync(join(dataDir, 'shopdesk.db'))).toBe(true);
      const keyFile = join(dataDir, 'jwt-secret.key');
      expect(existsSync(keyFile)).toBe(true);
      if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const keyText = readFileSync(keyFile, 'utf8').trim();
      expect(keyText).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      expect(Buffer.from(keyText, 'base64').length).toBeGreaterThanOrEqual(32);

      expect(server.child.kill(signal)).toBe(true);
      const exit = await waitForExit(server);
      expect(exit, `stdout: ${server.stdout()}\nstderr: ${server.stderr()}`).toEqual({ code: 0, signal: null });
      expect(await waitForGroupGone(server.child.pid), 'a process of the server outlived it').toBe(true);
      expect(server.stderr()).not.toMatch(/ {4}at /);

      expectCleanDatabase(dataDir);
      await expect(fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    });
  }

  it('stops cleanly on Ctrl-C in a terminal (SIGINT to the whole process group)', { timeout: 60_000 }, async () => {
    const dataDir = join(newTempDir(), 'data');
    const server = startServer({ SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0' });
    await waitForListening(server);
    const pid = server.child.pid;
    if (pid === undefined || pid <= 1) throw new Error('the server has no pid');
    process.kill(-pid, 'SIGINT');
    const exit = await waitForExit(server);
    expect(exit, `stdout: ${server.stdout()}\nstderr: ${server.stderr()}`).toEqual({ code: 0, signal: null });
    expect(await waitForGroupGone(server.child.pid)).toBe(true);
    expectCleanDatabase(dataDir);
  });

  it('a second start on the same folder keeps the secret: tokens stay valid across a restart', { timeout: 90_000 }, async () => {
    const dataDir = join(newTempDir(), 'data');
    const keyFile = join(dataDir, 'jwt-secret.key');

    const first = startServer({ SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0' });
    const firstUrl = await waitForListening(first);
    const setup = await post(`${firstUrl}/api/v1/setup`, {
      username: 'owner',
      password: PASSWORDS.super_admin,
      first_name: 'Olga',
      last_name: 'Owner',
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    const login = await post(`${firstUrl}/api/v1/auth/login`, { username: 'owner', password: PASSWORDS.super_admin });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const { access, refresh } = login.body as { access: string; refresh: string };
    const userId = (login.body as { user: { id: number } }).user.id;
    const secretBefore = readFileSync(keyFile, 'utf8');

    first.child.kill('SIGTERM');
    expect(await waitForExit(first)).toEqual({ code: 0, signal: null });
    expect(await waitForGroupGone(first.child.pid)).toBe(true);

    const second = startServer({ SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0' });
    const secondUrl = await waitForListening(second);
    expect(readFileSync(keyFile, 'utf8')).toBe(secretBefore);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const me = await json(`${secondUrl}/api/v1/users/${userId}`, { headers: { authorization: `Bearer ${access}` } });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.username).toBe('owner');
    expect(me.body.role).toBe('super_admin');

    const rotated = await post(`${secondUrl}/api/v1/auth/refresh`, { refresh });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body.access).toBeTypeOf('string');

    // The data survived too: the owner exists, so setup is closed.
    const again = await post(`${secondUrl}/api/v1/setup`, {
      username: 'other',
      password: PASSWORDS.super_admin,
      first_name: 'A',
      last_name: 'B',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('already_initialized');

    second.child.kill('SIGTERM');
    expect(await waitForExit(second)).toEqual({ code: 0, signal: null });
    expectCleanDatabase(dataDir);
  });

  for (const [value, why] of [
    ['abc', 'not a number'],
    ['70000', 'out of range'],
    ['-1', 'negative'],
  ] as const) {
    it(`refuses an invalid SHOPDESK_PORT (${value}: ${why}) with a message naming it`, { timeout: 30_000 }, async () => {
      const dataDir = join(newTempDir(), 'data');
      const server = startServer({ SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: value });
      const exit = await waitForExit(server);
      expect(exit.code, `stdout: ${server.stdout()}\nstderr: ${server.stderr()}`).not.toBe(0);
      expect(exit.code).not.toBeNull();
      const output = server.stdout() + server.stderr();
      expect(output).toContain('SHOPDESK_PORT');
      expect(output).not.toMatch(/listening on/);
      expect(output, 'a configuration error is a message for a person, not a stack trace').not.toMatch(/ {4}at /);
      expect(existsSync(dataDir), 'an invalid configuration must not create the data folder').toBe(false);
    });
  }

  it('a port already in use → exits non-zero with a message, no stack trace, nothing left running', { timeout: 60_000 }, async () => {
    const first = startServer({ SHOPDESK_DATA_DIR: join(newTempDir(), 'data'), SHOPDESK_PORT: '0' });
    const firstUrl = await waitForListening(first);
    const port = new URL(firstUrl).port;

    const second = startServer({ SHOPDESK_DATA_DIR: join(newTempDir(), 'data'), SHOPDESK_PORT: port });
    const exit = await waitForExit(second);
    expect(exit.code, `stdout: ${second.stdout()}\nstderr: ${second.stderr()}`).not.toBe(0);
    expect(second.stdout()).not.toMatch(/listening on/);
    expect(second.stdout() + second.stderr()).toMatch(/EADDRINUSE|in use/i);
    expect(second.stderr()).not.toMatch(/ {4}at /);
    expect(await waitForGroupGone(second.child.pid)).toBe(true);

    // The first one is unharmed.
    expect((await json(`${firstUrl}/api/v1/health`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await waitForExit(first)).toEqual({ code: 0, signal: null });
  });
});
