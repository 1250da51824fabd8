// Issue 15 (items 3 and 4): a backup taken mid-load holds every sale answered before it was
// asked for, and `npm run restore` brings it back on a fresh folder after a kill -9; a damaged
// backup is refused with a clear message and nothing replaced; a sound restore keeps the
// database it replaces.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/server/create-core';
import { createApiClient } from '../helpers/api-client';
import { openDrawer, setupOwner, signIn } from '../helpers/scenarios';
import { PASSWORDS } from '../helpers/test-core';
import { groupAlive } from '../../bench/processes';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const LISTENING = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m;
const SELLERS = 8;
const LOAD_MS = 3_000;
const BACKUP_AFTER_MS = 1_200;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function restoreCommand(args: string[]): Promise<Ran> {
  return new Promise((done) => {
    execFile(TSX, ['electron/server/restore.ts', ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const groups: number[] = [];
const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};

async function waitForGroupGone(pid: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process group ${pid} still alive after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `tsx electron/server/main.ts` in its own process group, on loopback and a free port. */
function startServer(dataDir: string): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('SHOPDESK_')) delete env[key];
  const child = spawn(TSX, ['electron/server/main.ts'], {
    cwd: ROOT,
    env: { ...env, SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0', SHOPDESK_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) groups.push(child.pid);
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.on('close', (code, signal) => done({ code, signal }));
    child.on('error', () => done({ code: null, signal: null }));
  });
  return { child, output: () => out, exited };
}

async function waitForListening(server: ServerProcess, ms = 30_000): Promise<string> {
  const deadline = Date.now() + ms;
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    const url = LISTENING.exec(server.output())?.[1];
    if (url) return url;
    if (dead) throw new Error(`the server exited before listening:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no "listening on" line within ${ms} ms:\n${server.output()}`);
}

afterEach(async () => {
  for (const pid of groups.splice(0)) {
    if (pid <= 1 || !groupAlive(pid)) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await waitForGroupGone(pid, 5_000).catch(() => undefined);
  }
});
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a backup taken under load, a kill -9, a restore on a fresh folder', () => {
  it(
    'holds every sale answered 201 before the backup was asked for; integrity ok; the old tokens still work',
    { timeout: 120_000 },
    async () => {
      const dataDir = join(tempDir('shopdesk-restore-src-'), 'data');
      const first = startServer(dataDir);
      const url = await waitForListening(first);
      const pid = first.child.pid;
      if (pid === undefined || pid <= 1) throw new Error('the server has no pid');
      const api = createApiClient(url);
      const owner = await setupOwner(api);
      await openDrawer(api, owner);
      const products: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await api.post(
          '/products',
          { sku: `LOAD-${i}`, name: `Load ${i}`, price_cents: 150 + i * 100, stock: 1_000_000 },
          { token: owner.access },
        );
        expect(res.status).toBe(201);
        products.push(res.body.id);
      }

      /** Sales answered 201, each with the moment its answer arrived. */
      const answered: { id: number; receiptNo: number; at: number }[] = [];
      const failures: string[] = [];
      let stop = false;
      async function seller(index: number): Promise<void> {
        for (let n = 0; !stop && n < 100_000; n++) {
          const items = [{ product_id: products[(index + n) % products.length] ?? 0, amount: 1 + (n % 3) }];
          let res;
          try {
            res = await api.post(
              '/orders',
              { items, complete: true },
              { token: owner.access, headers: { 'Idempotency-Key': randomUUID() } },
            );
          } catch (error) {
            if (!stop) failures.push(`seller ${index}: ${String(error)}`);
            return;
          }
          if (res.status === 201) answered.push({ id: res.body.id, receiptNo: res.body.receipt_no, at: performance.now() });
          else failures.push(`seller ${index}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
      const sellers = Array.from({ length: SELLERS }, (_, i) => seller(i));
      const started = performance.now();
      await new Promise((r) => setTimeout(r, BACKUP_AFTER_MS));
      const backupAskedAt = performance.now();
      const backup = await api.post('/backups', undefined, { token: owner.access });
      expect(backup.status, JSON.stringify(backup.body)).toBe(201);
      expect(backup.body.integrity).toBe('ok');
      const backupAnsweredAt = performance.now();
      await new Promise((r) => setTimeout(r, Math.max(0, LOAD_MS - (performance.now() - started))));

      stop = true;
      process.kill(-pid, 'SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      await waitForGroupGone(pid);
      await Promise.all(sellers);

      expect(failures.filter((f) => !/fetch failed|ECONNRESET|socket|terminated/i.test(f))).toEqual([]);
      const before = answered.filter((s) => s.at < backupAskedAt);
      expect(before.length, 'sales were answered before the backup was asked for').toBeGreaterThanOrEqual(20);
      expect(
        answered.some((s) => s.at > backupAnsweredAt),
        'the shop kept selling after the backup',
      ).toBe(true);

      // A fresh machine: the backup file (and its key) is all there is.
      const fresh = join(tempDir('shopdesk-restore-dst-'), 'data');
      const backupFile = join(dataDir, 'backups', backup.body.file);
      const ran = await restoreCommand([backupFile, '--data-dir', fresh]);
      expect(ran.stderr).toBe('');
      expect(ran.code, ran.stdout).toBe(0);
      expect(ran.stdout).toMatch(/Restored/);
      expect(readFileSync(join(fresh, 'jwt-secret.key'), 'utf8')).toBe(readFileSync(join(dataDir, 'jwt-secret.key'), 'utf8'));
      const check = new Database(join(fresh, 'shopdesk.db'), { readonly: true });
      try {
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        check.close();
      }

      const second = startServer(fresh);
      const restoredApi = createApiClient(await waitForListening(second));
      // The key came back with the database: the token issued before the crash still signs in.
      const me = await restoredApi.get('/me', { token: owner.access });
      expect(me.status, JSON.stringify(me.body)).toBe(200);
      for (let i = 0; i < before.length; i += SELLERS) {
        await Promise.all(
          before.slice(i, i + SELLERS).map(async (sale) => {
            const res = await restoredApi.get(`/orders/${sale.id}`, { token: owner.access });
            expect(res.status, `sale ${sale.id}, answered before the backup`).toBe(200);
            expect(res.body).toMatchObject({ id: sale.id, status: 'completed', receipt_no: sale.receiptNo });
          }),
        );
      }
    },
  );
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('npm run restore on a folder with a database', () => {
  it(
    'refuses while ShopDesk runs, refuses damaged files with a clear message and replaces nothing, then restores a sound one',
    {
      timeout: 90_000,
    },
    async () => {
      const dataDir = tempDir('shopdesk-restore-here-');
      let core = await createCore({ dataDir, port: 0, log: () => {}, backupSchedule: false });
      let api = createApiClient(core.url);
      const owner = await setupOwner(api);
      const kept = await api.post(
        '/products',
        { sku: 'KEEP-1', name: 'Before the backup', price_cents: 100, stock: 1 },
        { token: owner.access },
      );
      expect(kept.status).toBe(201);
      const backup = await api.post('/backups', undefined, { token: owner.access });
      expect(backup.status).toBe(201);
      const later = await api.post(
        '/products',
        { sku: 'LATER-1', name: 'After the backup', price_cents: 100, stock: 1 },
        { token: owner.access },
      );
      expect(later.status).toBe(201);
      const backupFile = join(dataDir, 'backups', backup.body.file);

      // The server holds the folder: no restore under its feet.
      const busy = await restoreCommand([backupFile, '--data-dir', dataDir]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/ShopDesk is running on .* stop it first/);
      await core.close();

      const database = join(dataDir, 'shopdesk.db');
      const backupsBefore = readdirSync(join(dataDir, 'backups')).sort();
      const damaged = tempDir('shopdesk-damaged-');
      const size = statSync(backupFile).size;
      const truncated = join(damaged, 'truncated.db');
      copyFileSync(backupFile, truncated);
      truncateSync(truncated, Math.floor(size / 2));
      const garbled = join(damaged, 'garbled.db');
      const bytes = readFileSync(backupFile);
      for (let i = 4_096; i < bytes.length - 4_096; i += 7) bytes[i] = (i * 131) & 0xff;
      writeFileSync(garbled, bytes);
      const notSqlite = join(damaged, 'photo.db');
      writeFileSync(notSqlite, 'JFIF this is not a database at all '.repeat(200));
      const foreign = join(damaged, 'other-app.db');
      const other = new Database(foreign);
      other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      other.close();

      for (const [file, message] of [
        [truncated, /truncated\.db is damaged/],
        [garbled, /garbled\.db is damaged/],
        [notSqlite, /photo\.db is damaged \(it is not an SQLite database/],
        [foreign, /other-app\.db is an SQLite file but not a ShopDesk backup/],
        [join(damaged, 'missing.db'), /No backup file at/],
      ] as const) {
        const digest = sha256(database);
        const ran = await restoreCommand([file, '--data-dir', dataDir]);
        expect(ran.code, `${file}: ${ran.stdout}`).toBe(1);
        expect(ran.stderr).toMatch(message);
        expect(ran.stderr).toMatch(/nothing was replaced/);
        expect(sha256(database), `${file} replaced nothing`).toBe(digest);
        expect(readdirSync(dataDir).filter((f) => f.endsWith('.restoring'))).toEqual([]);
        expect(readdirSync(join(dataDir, 'backups')).sort(), 'no safety copy for a refused restore').toEqual(backupsBefore);
      }

      const ran = await restoreCommand([backupFile, '--data-dir', dataDir]);
      expect(ran.stderr).toBe('');
      expect(ran.code).toBe(0);
      expect(existsSync(`${database}-wal`)).toBe(false);

      core = await createCore({ dataDir, port: 0, log: () => {}, backupSchedule: false });
      api = createApiClient(core.url);
      try {
        const again = await signIn(api, owner.username, PASSWORDS.super_admin);
        const products = await api.get('/products?limit=100', { token: again.access });
        const skus = (products.body as { sku: string }[]).map((p) => p.sku);
        expect(skus).toContain('KEEP-1');
        expect(skus).not.toContain('LATER-1');
        // The database the restore replaced is itself a backup, listed in the restored one.
        const list = await api.get('/backups', { token: again.access });
        const safety = (list.body as { file: string; reason: string; integrity: string }[]).find((b) => b.reason === 'restore');
        expect(safety).toMatchObject({ integrity: 'ok' });
        const safetyCopy = new Database(join(dataDir, 'backups', safety?.file ?? ''), { readonly: true });
        try {
          expect(safetyCopy.prepare("SELECT count(*) FROM products WHERE sku = 'LATER-1'").pluck().get()).toBe(1);
        } finally {
          safetyCopy.close();
        }
        const audit = await api.get('/audit-log?action=backup.restored', { token: again.access });
        expect(audit.body[0]).toMatchObject({ action: 'backup.restored', after: { file: backup.body.file, from: 'command_line' } });
      } finally {
        await core.close();
      }
    },
  );
});
