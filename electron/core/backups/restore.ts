import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../create-services';
import { SECRET_FILE } from '../secrets';
import {
  backupStem,
  checkIntegrity,
  copyKeyBeside,
  fsyncFile,
  fsyncFolder,
  keyFileOf,
  makeSingleFile,
  prepareBackupFolder,
} from './backup-files';
import { runningServerPid } from './data-folder-lock';

/** An expected refusal, with a message for the person at the machine; nothing was replaced. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreOptions {
  dataDir: string;
  /** The backup to bring back (a `.db` of the backups folder, or a copy from the second folder). */
  backupFile: string;
  nativeBinding?: string;
  /** Who restored, in the desktop app; null from the command line. */
  restoredBy?: number | null;
  now?: number;
}

export interface RestoreResult {
  /** The copy of the database as it was before the restore, or null when the folder had none. */
  safetyBackup: string | null;
  /** Whether the backup's key file came with it (else the folder's key stays). */
  keyRestored: boolean;
}

const REQUIRED_TABLES = ['__drizzle_migrations', 'users', 'orders', 'settings'];

function assertShopDeskDatabase(file: string, name: string, nativeBinding?: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const tables = new Set(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all()
        .filter((n): n is string => typeof n === 'string'),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0)
      throw new RestoreRefused(
        `${name} is an SQLite file but not a ShopDesk backup (no ${missing.join(', ')} table); nothing was replaced.`,
      );
  } finally {
    db.close();
  }
}

/**
 * The database as it stands, kept with reason `restore` before anything is replaced. VACUUM INTO
 * holds the WAL's rows too; a database too damaged for it is copied byte for byte instead.
 * Closing the last connection folds the WAL back into the file.
 */
function backUpCurrent(dataDir: string, current: string, now: number, nativeBinding?: string): string {
  const folder = prepareBackupFolder(dataDir);
  const stem = backupStem(folder, 'restore', now);
  const partial = join(folder, `${stem}.partial`);
  const file = join(folder, `${stem}.db`);
  const db = new Database(current, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    db.close();
    makeSingleFile(partial, nativeBinding);
  } catch {
    if (db.open) db.close();
    rmSync(partial, { force: true });
    copyFileSync(current, partial);
  }
  if (process.platform !== 'win32') chmodSync(partial, 0o600);
  fsyncFile(partial);
  renameSync(partial, file);
  copyKeyBeside(dataDir, file);
  fsyncFolder(folder);
  return file;
}

/** The safety backup's row and the restore's audit row, written into the database that comes back. */
function recordInRestored(temp: string, options: RestoreOptions, safety: string | null, now: number, nativeBinding?: string): void {
  const db = new Database(temp, nativeBinding ? { nativeBinding } : {});
  try {
    db.transaction(() => {
      // A database older than the backups table (before migration 0002) keeps no rows of them.
      const hasBackupsTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backups'").get() !== undefined;
      if (safety !== null && hasBackupsTable) {
        const integrity = checkIntegrity(safety, nativeBinding).ok ? 'ok' : 'failed';
        db.prepare('INSERT INTO backups (file, size_bytes, reason, integrity, created_by, created_at) VALUES (?, ?, ?, ?, NULL, ?)').run(
          basename(safety),
          statSync(safety).size,
          'restore',
          integrity,
          now,
        );
      }
      const actor = options.restoredBy ?? null;
      // The restoring user may not exist in the older database: the row then names nobody.
      const known = actor !== null && db.prepare('SELECT 1 FROM users WHERE id = ?').get(actor) !== undefined;
      db.prepare(
        "INSERT INTO audit_log (actor_id, action, target_type, target_id, before, after, created_at) VALUES (?, 'backup.restored', 'settings', NULL, NULL, ?, ?)",
      ).run(
        known ? actor : null,
        JSON.stringify({
          file: basename(options.backupFile),
          safety_backup: safety === null ? null : basename(safety),
          from: actor === null ? 'command_line' : 'app',
        }),
        now,
      );
    })();
  } finally {
    db.close();
  }
}

/**
 * Brings a backup back into the data folder, with ShopDesk stopped (docs/api.md, "Backups"): the
 * file is copied into the folder and checked there (integrity_check, a ShopDesk database), the
 * current database is backed up, then the copy (and the backup's key, when it has one) replaces
 * the current files by rename, with the old -wal/-shm removed. A refusal replaces nothing.
 */
export function restoreBackup(options: RestoreOptions): RestoreResult {
  const { nativeBinding } = options;
  const now = options.now ?? Date.now();
  const dataDir = resolve(options.dataDir);
  const source = resolve(options.backupFile);
  const name = basename(source);
  const running = runningServerPid(dataDir);
  if (running !== null)
    throw new RestoreRefused(`ShopDesk is running on ${dataDir} (process ${running}); stop it first, then restore. Nothing was replaced.`);
  if (!existsSync(source) || !statSync(source).isFile()) throw new RestoreRefused(`No backup file at ${source}; nothing was replaced.`);

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const current = join(dataDir, DATABASE_FILE);
  const temp = join(dataDir, `${DATABASE_FILE}.restoring`);
  const key = join(dataDir, SECRET_FILE);
  const tempKey = `${key}.restoring`;
  const backupKey = keyFileOf(source);
  const keyRestored = backupKey !== source && existsSync(backupKey);
  try {
    copyFileSync(source, temp);
    if (process.platform !== 'win32') chmodSync(temp, 0o600);
    const integrity = checkIntegrity(temp, nativeBinding);
    if (!integrity.ok) throw new RestoreRefused(`${name} is damaged (${integrity.detail}); nothing was replaced.`);
    assertShopDeskDatabase(temp, name, nativeBinding);

    const safety = existsSync(current) ? backUpCurrent(dataDir, current, now, nativeBinding) : null;
    recordInRestored(temp, options, safety, now, nativeBinding);
    fsyncFile(temp);
    if (keyRestored) {
      copyFileSync(backupKey, tempKey);
      if (process.platform !== 'win32') chmodSync(tempKey, 0o600);
      fsyncFile(tempKey);
    }
    // A stale WAL would be replayed onto the restored file: gone first (its rows are in the safety copy).
    for (const companion of [`${current}-wal`, `${current}-shm`]) rmSync(companion, { force: true });
    renameSync(temp, current);
    if (keyRestored) renameSync(tempKey, key);
    fsyncFolder(dataDir);
    return { safetyBackup: safety, keyRestored };
  } finally {
    rmSync(temp, { force: true });
    rmSync(tempKey, { force: true });
  }
}
