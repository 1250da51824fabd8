import { chmodSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { backupStem, copyKeyBeside, fsyncFile, fsyncFolder, makeSingleFile, prepareBackupFolder } from './backup-files';

const journalSchema = z.object({ entries: z.array(z.object({ when: z.number(), tag: z.string() })) });
const lastAppliedSchema = z.object({ last: z.number().nullable() });

/**
 * Whether drizzle's migrator would apply anything: it applies each journal entry newer than the
 * newest `created_at` in `__drizzle_migrations`. A file without that table is no ShopDesk
 * database yet (a new, empty file): nothing to keep.
 */
export function hasPendingMigrations(sqlite: Database.Database, migrationsFolder: string): boolean {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (table === undefined) return false;
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')));
  const { last } = lastAppliedSchema.parse(sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get());
  return journal.entries.some((entry) => last === null || entry.when > last);
}

export interface MigrationBackup {
  file: string;
  now: number;
}

/**
 * Before migrating an existing database, a copy of it as it stands (WAL included): VACUUM INTO,
 * synchronous, while nothing else runs yet. Its row is written once the backups table is
 * migrated too (BackupService.recordBackup).
 */
export function backupBeforeMigrations(
  sqlite: Database.Database,
  dataDir: string,
  migrationsFolder: string,
  nativeBinding?: string,
): MigrationBackup | null {
  if (!hasPendingMigrations(sqlite, migrationsFolder)) return null;
  const now = Date.now();
  const folder = prepareBackupFolder(dataDir);
  const stem = backupStem(folder, 'migration', now);
  const partial = join(folder, `${stem}.partial`);
  const file = join(folder, `${stem}.db`);
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    makeSingleFile(partial, nativeBinding);
    if (process.platform !== 'win32') chmodSync(partial, 0o600);
    fsyncFile(partial);
    renameSync(partial, file);
    copyKeyBeside(dataDir, file);
    fsyncFolder(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { file, now };
}
