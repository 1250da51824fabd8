import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Db } from '../../../db/client';
import {
  secondFolderStatusSchema,
  storedBackupSettings,
  type BackupSettingsDto,
  type BackupSettingsInput,
  type SecondFolderStatus,
  type StoredBackupSettings,
} from '../../../shared/schemas/backups';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { invalidField } from '../errors';
import { requirePermission } from '../permissions';
import type { SettingsService } from '../settings/settings-service';

export const BACKUP_SETTINGS_KEY = 'backup_settings';
export const BACKUP_STATUS_KEY = 'backup_status';

export const DEFAULT_BACKUP_SETTINGS: StoredBackupSettings = {
  time_of_day: '03:00',
  keep_daily: 14,
  keep_monthly: 12,
  second_folder: '',
};

/** The stored settings over the defaults; a value that no longer validates falls back to its default. */
export function readBackupSettings(settings: Pick<SettingsService, 'read'>): StoredBackupSettings {
  const stored = settings.read(BACKUP_SETTINGS_KEY);
  const merged = { ...DEFAULT_BACKUP_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
  const parsed = storedBackupSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export function readSecondFolderStatus(settings: Pick<SettingsService, 'read'>): SecondFolderStatus | null {
  const parsed = secondFolderStatusSchema.safeParse(settings.read(BACKUP_STATUS_KEY));
  return parsed.success ? parsed.data : null;
}

/** A second folder must be there and writable when it is chosen, so a typo is caught at once. */
function assertUsableFolder(folder: string): void {
  if (!isAbsolute(folder)) throw invalidField('second_folder', 'Give the full path of the folder (e.g. /media/usb/backups).');
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
    accessSync(folder, constants.W_OK);
  } catch {
    throw invalidField('second_folder', 'This folder does not exist or cannot be written to; plug in the drive or check the path.');
  }
  if (!isFolder) throw invalidField('second_folder', 'This path is a file, not a folder.');
}

/** GET/PATCH /backup-settings (Super Admin): the daily time, retention, the second folder. */
export function createBackupSettingsService(db: Db, settings: SettingsService) {
  function view(): BackupSettingsDto {
    return { ...readBackupSettings(settings), second_folder_status: readSecondFolderStatus(settings) };
  }

  return {
    get(actor: Actor): BackupSettingsDto {
      requirePermission(actor, 'backups.read');
      return view();
    },

    update(actor: Actor, input: BackupSettingsInput, now = Date.now()): BackupSettingsDto {
      requirePermission(actor, 'backups.configure');
      const before = readBackupSettings(settings);
      const after: StoredBackupSettings = { ...before, ...input };
      if (input.second_folder !== undefined && after.second_folder !== '' && after.second_folder !== before.second_folder)
        assertUsableFolder(after.second_folder);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        db.transaction((tx) => {
          settings.write(BACKUP_SETTINGS_KEY, after, now, tx);
          // A new folder starts with a clean slate: the old folder's failure is no longer news.
          if (after.second_folder !== before.second_folder) settings.write(BACKUP_STATUS_KEY, null, now, tx);
          recordAudit(tx, {
            actorId: actor.user.id,
            action: 'settings.backups_updated',
            targetType: 'settings',
            targetId: null,
            before,
            after,
            now,
          });
        });
      }
      return view();
    },
  };
}

export type BackupSettingsService = ReturnType<typeof createBackupSettingsService>;
