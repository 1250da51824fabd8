import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BACKUP_FOLDER, checkIntegrity } from '../core/backups/backup-files';
import { restoreBackup, RestoreRefused } from '../core/backups/restore';
import { DomainError } from '../core/errors';
import type { DesktopRestoreResult } from '../trpc/context';

/** The parts of the desktop app a restore moves, injected so the order can be tested without Electron. */
export interface DesktopRestoreParts {
  /** A refusal before anything stops (the file is damaged), or null to go on. */
  check(file: string): string | null;
  /** Stops the core: the REST port, the schedule, the database (the folder's lock released). */
  closeCore(): Promise<void>;
  /** Synchronous, with the core closed; throws RestoreRefused when nothing was replaced. */
  restore(file: string, restoredBy: number): DesktopRestoreResult;
  /** Opens the data folder again (the restored database, or the old one after a refusal). */
  startCore(): Promise<void>;
  /** The window starts afresh on the new core (its sign-in belongs to the old one). */
  reloadWindow(): void;
}

export const RESTORE_RUNNING = 'A restore is already under way; wait for ShopDesk to restart.';

/**
 * The desktop app's restore (docs/api.md, "Backups"): one at a time; checked first, so that a
 * damaged file never stops the shop; then the core closes, the backup comes back (the current
 * database kept first, by restoreBackup), the core starts again and the window reloads. A
 * refusal after the close reopens the old database and reports why.
 */
export function createDesktopRestore(parts: DesktopRestoreParts) {
  let running: Promise<DesktopRestoreResult> | null = null;

  async function run(file: string, restoredBy: number): Promise<DesktopRestoreResult> {
    const early = parts.check(file);
    if (early !== null) throw new DomainError('invalid_state', early);
    await parts.closeCore();
    let result: DesktopRestoreResult;
    try {
      result = parts.restore(file, restoredBy);
    } catch (error) {
      await parts.startCore();
      if (error instanceof RestoreRefused) throw new DomainError('invalid_state', error.message);
      throw error;
    }
    await parts.startCore();
    parts.reloadWindow();
    return result;
  }

  return {
    restore(file: string, restoredBy: number): Promise<DesktopRestoreResult> {
      if (running) return Promise.reject(new DomainError('invalid_state', RESTORE_RUNNING));
      const current = run(file, restoredBy);
      running = current;
      const clear = () => {
        running = null;
      };
      current.then(clear, clear);
      return current;
    },

    /** Resolves once no restore is under way (a quit waits for it, so the database closes cleanly). */
    async settled(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}

export type DesktopRestore = ReturnType<typeof createDesktopRestore>;

/**
 * The check and the restore over the data folder's backups folder. The file is a name from its
 * list; only its base name is used, so nothing outside that folder is ever read.
 */
export function backupFolderParts(dataDir: string, nativeBinding?: string): Pick<DesktopRestoreParts, 'check' | 'restore'> {
  const pathOf = (file: string) => join(dataDir, BACKUP_FOLDER, basename(file));
  return {
    check(file) {
      const path = pathOf(file);
      if (!existsSync(path)) return `${basename(file)} is no longer in the backups folder; nothing was replaced.`;
      const integrity = checkIntegrity(path, nativeBinding);
      return integrity.ok ? null : `${basename(file)} is damaged (${integrity.detail}); nothing was replaced.`;
    },
    restore(file, restoredBy) {
      const result = restoreBackup({ dataDir, backupFile: pathOf(file), nativeBinding, restoredBy });
      return {
        safety_backup: result.safetyBackup === null ? null : basename(result.safetyBackup),
        key_restored: result.keyRestored,
      };
    },
  };
}
