/**
 * Issue 15's bench: the shop keeps selling while a backup of a big database runs. For each step
 * size of the online backup (pages copied before the shop's requests run again), a server on the
 * same data folder: the order p99 at 16 connections without a backup, then while `POST /backups`
 * copies and checks the database. The load stops when the backup answers, so the p99 is the
 * backup's. Backups made here are deleted again (each is a full copy).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from './processes';

export interface BackupUnderLoad {
  step_pages: number;
  order_p99_ms_without_backup: number;
  order_p99_ms_during_backup: number;
  orders_per_second_during_backup: number;
  backup_ms: number;
  database_mb: number;
  non2xx: number;
}

interface Options {
  dataDir: string;
  owner: { username: string; password: string };
  /** A sale's body (completed, paid) for `POST /orders`. */
  orderBody: string;
  stepPages: readonly number[];
  baselineSeconds: number;
}

async function signIn(api: string, owner: Options['owner']): Promise<string> {
  const res = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: owner.username, password: owner.password }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access: string }).access;
}

/** Orders at 16 connections until `until` settles (or for `seconds` without one). */
function ordersLoad(url: string, token: string, body: string, seconds: number, until?: Promise<unknown>) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: 16,
        duration: seconds,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
    // The backup's own failure is reported by its caller; here it only ends the load.
    until?.then(
      () => instance.stop(),
      () => instance.stop(),
    );
  });
}

export async function measureBackupUnderLoad(options: Options): Promise<BackupUnderLoad[]> {
  const results: BackupUnderLoad[] = [];
  const databaseMb = statSync(join(options.dataDir, 'shopdesk.db')).size / 1024 / 1024;
  for (const stepPages of options.stepPages) {
    let server: RunningServer | undefined;
    try {
      server = await startServer('node_modules/.bin/tsx', ['electron/server/main.ts'], {
        SHOPDESK_DATA_DIR: options.dataDir,
        SHOPDESK_PORT: '0',
        SHOPDESK_BACKUP_STEP_PAGES: String(stepPages),
      });
      const api = `${server.url}/api/v1`;
      const token = await signIn(api, options.owner);
      const baseline = await ordersLoad(`${api}/orders`, token, options.orderBody, options.baselineSeconds);
      const started = performance.now();
      let backupMs = 0;
      const backup = fetch(`${api}/backups`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(async (res) => {
        backupMs = performance.now() - started;
        if (res.status !== 201) throw new Error(`backup: ${res.status} ${await res.text()}`);
      });
      // Bounded: a backup that takes longer than two minutes ends the load anyway.
      const during = await ordersLoad(`${api}/orders`, token, options.orderBody, 120, backup);
      await backup;
      results.push({
        step_pages: stepPages,
        order_p99_ms_without_backup: baseline.latency.p99,
        order_p99_ms_during_backup: during.latency.p99,
        orders_per_second_during_backup: during.requests.average,
        backup_ms: backupMs,
        database_mb: Math.round(databaseMb),
        non2xx: baseline.non2xx + during.non2xx,
      });
      console.log(
        `backup of ${Math.round(databaseMb)} MB in steps of ${stepPages} pages: ${backupMs.toFixed(0)} ms; order p99 ${during.latency.p99} ms during it, ${baseline.latency.p99} ms without`,
      );
    } finally {
      await server?.stop();
      const folder = join(options.dataDir, 'backups');
      if (existsSync(folder))
        for (const file of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile()))
          rmSync(join(folder, file.name), { force: true });
    }
  }
  return results;
}
