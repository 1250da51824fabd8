import { chmodSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { backups } from '../../../db/schema';
import type { BackupDto, BackupReason } from '../../../shared/schemas/backups';
import type { Actor } from '../actor';
import { DomainError } from '../errors';
import type { Log } from '../notify/notifier';
import { requirePermission } from '../permissions';
import type { SettingsService } from '../settings/settings-service';
import {
  backupStem,
  checkIntegrity,
  copyKeyBeside,
  copyToSecondFolder,
  fsyncFile,
  fsyncFolder,
  type IntegrityResult,
  keyFileOf,
  makeSingleFile,
  prepareBackupFolder,
} from './backup-files';
import { BACKUP_STATUS_KEY, readBackupSettings } from './backup-settings';
import { checkIntegrityOffThread } from './integrity-check';
import { backupsToPrune } from './retention';

/**
 * Pages copied per step of the online backup (4 KiB each: 256 KiB a step). Between steps the
 * event loop runs, so sales go on; a larger step finishes sooner, a smaller one keeps answers
 * quicker. Measured (bench/README.md, 440 MB, 16 connections selling): 64 pages left the order
 * p99 where it was without a backup; 256 raised it by half, 1,024 to seconds.
 */
export const BACKUP_PAGES_PER_STEP = 64;

export interface BackupServiceDeps {
  db: Db;
  sqlite: Database.Database;
  dataDir: string;
  settings: SettingsService;
  timeZone(): string;
  log: Log;
  nativeBinding?: string;
  /** Pages per step (BACKUP_PAGES_PER_STEP unless measured otherwise). */
  pagesPerStep?: number;
}

type BackupRow = typeof backups.$inferSelect;

export const toBackupDto = (row: BackupRow): BackupDto => ({
  id: row.id,
  file: row.file,
  size_bytes: row.sizeBytes,
  created_at: new Date(row.createdAt).toISOString(),
  reason: row.reason,
  integrity: row.integrity,
});

/**
 * Copies of the database, made while the shop keeps selling (SQLite's backup API, in steps),
 * each checked, kept with its key, copied to the second folder, and pruned by the retention
 * settings. One runs at a time: a request made meanwhile waits its turn, and requests of one
 * reason waiting together share one backup (docs/api.md, "Backups").
 */
export function createBackupService(deps: BackupServiceDeps) {
  const { db, dataDir, settings } = deps;
  let chain: Promise<unknown> = Promise.resolve();
  const waiting = new Map<BackupReason, Promise<BackupDto>>();
  let closed = false;

  async function makeBackup(reason: BackupReason, createdBy: number | null): Promise<BackupDto> {
    const now = Date.now();
    const folder = prepareBackupFolder(dataDir);
    const stem = backupStem(folder, reason, now);
    const partial = join(folder, `${stem}.partial`);
    const file = join(folder, `${stem}.db`);
    try {
      const pagesPerStep = deps.pagesPerStep ?? BACKUP_PAGES_PER_STEP;
      await deps.sqlite.backup(partial, { progress: () => pagesPerStep });
      makeSingleFile(partial, deps.nativeBinding);
      if (process.platform !== 'win32') chmodSync(partial, 0o600);
      fsyncFile(partial);
      // Under its real name only when complete: a half-written copy never looks like a backup.
      renameSync(partial, file);
      copyKeyBeside(dataDir, file);
      fsyncFolder(folder);
    } catch (error) {
      rmSync(partial, { force: true });
      rmSync(file, { force: true });
      rmSync(keyFileOf(file), { force: true });
      throw error;
    }
    // In a worker thread: reading a 440 MB copy takes seconds the shop's requests need.
    return recordBackup(file, reason, createdBy, now, await checkIntegrityOffThread(file, deps.nativeBinding));
  }

  /**
   * Keeps a finished copy's row, copies it to the second folder when sound, prunes old ones.
   * Without a check done already (the migration backup, at start-up, before the server
   * listens), the copy is checked here, on this thread.
   */
  function recordBackup(
    file: string,
    reason: BackupReason,
    createdBy: number | null,
    now: number,
    integrity: IntegrityResult = checkIntegrity(file, deps.nativeBinding),
  ): BackupDto {
    if (!integrity.ok) deps.log(`backup ${basename(file)} failed its integrity check: ${integrity.detail}`);
    const row = db
      .insert(backups)
      .values({
        file: basename(file),
        sizeBytes: statSync(file).size,
        reason,
        integrity: integrity.ok ? 'ok' : 'failed',
        createdBy,
        createdAt: now,
      })
      .returning()
      .get();
    if (integrity.ok) copyToSecond(file, now);
    prune(now);
    return toBackupDto(row);
  }

  function copyToSecond(file: string, now: number): void {
    const second = readBackupSettings(settings).second_folder;
    if (second === '') return;
    const at = new Date(now).toISOString();
    try {
      copyToSecondFolder(file, second);
      settings.write(BACKUP_STATUS_KEY, { ok: true, file: basename(file), error: null, at }, now);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      settings.write(BACKUP_STATUS_KEY, { ok: false, file: basename(file), error: message, at }, now);
      deps.log(`backup ${basename(file)} was not copied to the second folder ${second}: ${message}`);
    }
  }

  function prune(now: number): void {
    const { keep_daily, keep_monthly, second_folder } = readBackupSettings(settings);
    const rows = db.select().from(backups).all();
    const doomed = backupsToPrune(rows, { keepDaily: keep_daily, keepMonthly: keep_monthly, timeZone: deps.timeZone(), now });
    const folder = prepareBackupFolder(dataDir);
    for (const row of doomed) {
      try {
        // The file first: a row without its file would promise a backup that is gone.
        const file = join(folder, basename(row.file));
        rmSync(file, { force: true });
        rmSync(keyFileOf(file), { force: true });
        db.delete(backups).where(eq(backups.id, row.id)).run();
      } catch (error) {
        deps.log(`old backup ${row.file} could not be deleted: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (second_folder !== '') pruneSecondCopy(second_folder, row.file);
    }
  }

  /**
   * The second folder is pruned alike, so a USB stick does not fill up. A stick that is gone is
   * no news here: the copy's own failure is what the Super Admin is shown.
   */
  function pruneSecondCopy(secondFolder: string, file: string): void {
    const copy = join(secondFolder, basename(file));
    try {
      rmSync(copy, { force: true });
      rmSync(keyFileOf(copy), { force: true });
    } catch {
      // unplugged, read-only or replaced by a file: left as it is
    }
  }

  function backupNow(reason: BackupReason, createdBy: number | null): Promise<BackupDto> {
    if (closed) return Promise.reject(new DomainError('invalid_state', 'ShopDesk is shutting down; no backup now.'));
    const shared = waiting.get(reason);
    if (shared) return shared;
    const run = chain.then(() => {
      waiting.delete(reason);
      return makeBackup(reason, createdBy);
    });
    waiting.set(reason, run);
    chain = run.catch(() => undefined);
    return run;
  }

  return {
    backupNow,
    recordBackup,

    list(actor: Actor): BackupDto[] {
      requirePermission(actor, 'backups.read');
      return db.select().from(backups).orderBy(desc(backups.createdAt), desc(backups.id)).all().map(toBackupDto);
    },

    /**
     * The file of a backup the actor may restore (restoring replaces the shop's data: the owner's
     * action, as changing the backups is); 404 when there is no such backup.
     */
    restorableFile(actor: Actor, id: number): string {
      requirePermission(actor, 'backups.configure');
      const row = db.select({ file: backups.file }).from(backups).where(eq(backups.id, id)).get();
      if (!row) throw new DomainError('not_found', 'No Backup matches the given query.');
      return row.file;
    },

    create(actor: Actor): Promise<BackupDto> {
      requirePermission(actor, 'backups.create');
      return backupNow('manual', actor.user.id);
    },

    /** Whether a scheduled backup was made on this shop day already. */
    scheduledRows(): BackupRow[] {
      return db.select().from(backups).where(eq(backups.reason, 'scheduled')).all();
    },

    /** No new backup starts; the one running (and those waiting) finish first. */
    async close(): Promise<void> {
      closed = true;
      await chain;
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
