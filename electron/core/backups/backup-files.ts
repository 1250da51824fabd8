import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupReason } from '../../../shared/schemas/backups';
import { SECRET_FILE } from '../secrets';

export const BACKUP_FOLDER = 'backups';
const SQLITE_HEADER = 'SQLite format 3\0';

/** `<dataDir>/backups`, made 0700, and set to 0700 again if it was there already. */
export function prepareBackupFolder(dataDir: string): string {
  const folder = join(dataDir, BACKUP_FOLDER);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(folder, 0o700);
  return folder;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `shopdesk-YYYYMMDD-HHMMSS-<reason>` in UTC (no daylight-saving twins), `-2`, `-3` … if taken. */
export function backupStem(folder: string, reason: BackupReason, now: number): string {
  const d = new Date(now);
  const stamp = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}-${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
  const base = `shopdesk-${stamp}-${reason}`;
  for (let n = 1; ; n++) {
    const stem = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(join(folder, `${stem}.db`)) && !existsSync(join(folder, `${stem}.partial`))) return stem;
  }
}

/** The key file that belongs to a backup: the same stem, `.key`. */
export const keyFileOf = (databaseFile: string) => databaseFile.replace(/\.db$/, '.key');

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable (the folder's entry), where the platform allows opening a folder. */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A copy stays a single file: the backup API and VACUUM INTO carry the source's WAL flag, and a
 * WAL database cannot be opened read-only without its -shm. Rollback mode also lets a restore
 * move one file; ShopDesk switches it back to WAL when it opens it.
 */
export function makeSingleFile(file: string, nativeBinding?: string): void {
  const copy = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface IntegrityResult {
  ok: boolean;
  detail: string;
}

/** The check asked of SQLite, here and in the worker (integrity-check.ts): its first 20 complaints at most. */
export const INTEGRITY_PRAGMA = 'integrity_check(20)';

/** `PRAGMA integrity_check` on the file opened read-only: 'ok', or SQLite's first complaints. */
export function checkIntegrity(file: string, nativeBinding?: string): IntegrityResult {
  const wrong = wrongHeader(file);
  if (wrong) return wrong;
  let copy: Database.Database | undefined;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = copy.pragma(INTEGRITY_PRAGMA) as { integrity_check: string }[];
    return integrityFromLines(rows.map((row) => row.integrity_check));
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    copy?.close();
  }
}

/** The failed result for a file that is no SQLite database; null when its header is SQLite's. */
export function wrongHeader(file: string): IntegrityResult | null {
  return readHeader(file) === SQLITE_HEADER ? null : { ok: false, detail: 'it is not an SQLite database (wrong file header)' };
}

/** SQLite's answer to INTEGRITY_PRAGMA as a result: 'ok', or its first five complaints. */
export function integrityFromLines(lines: string[]): IntegrityResult {
  if (lines.length === 1 && lines[0] === 'ok') return { ok: true, detail: 'ok' };
  return { ok: false, detail: lines.slice(0, 5).join('; ') || 'no answer from integrity_check' };
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** The install's key beside the backup (0600): tokens and PIN digests stay meaningful after a restore. */
export function copyKeyBeside(dataDir: string, databaseFile: string): void {
  const source = join(dataDir, SECRET_FILE);
  // A database copied into a new folder without its key: there is no key to keep yet.
  if (!existsSync(source)) return;
  const key = keyFileOf(databaseFile);
  copyFileSync(source, key);
  if (process.platform !== 'win32') chmodSync(key, 0o600);
}

/** Copies a backup (and its key, when it has one) into the second folder; throws what went wrong. */
export function copyToSecondFolder(databaseFile: string, secondFolder: string): void {
  const target = join(secondFolder, basename(databaseFile));
  copyFileSync(databaseFile, target);
  if (process.platform !== 'win32') chmodSync(target, 0o600);
  const key = keyFileOf(databaseFile);
  if (existsSync(key)) {
    const keyTarget = join(secondFolder, basename(key));
    copyFileSync(key, keyTarget);
    if (process.platform !== 'win32') chmodSync(keyTarget, 0o600);
  }
}
