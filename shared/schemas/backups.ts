import { z } from 'zod';
import { isoTimestamp } from './common';

export const BACKUP_REASON_VALUES = ['scheduled', 'manual', 'migration', 'restore', 'z_report'] as const;
export type BackupReason = (typeof BACKUP_REASON_VALUES)[number];

/** One copy of the database (API-SELLING.md, "Backups"); `file` is a bare file name, never a path. */
export const backupSchema = z.object({
  id: z.number().int(),
  file: z.string(),
  size_bytes: z.number().int(),
  created_at: isoTimestamp,
  reason: z.enum(BACKUP_REASON_VALUES),
  integrity: z.enum(['ok', 'failed']),
});
export type BackupDto = z.infer<typeof backupSchema>;
export const backupListSchema = z.array(backupSchema);

export const MAX_KEEP_DAILY = 366;
export const MAX_KEEP_MONTHLY = 120;
export const MAX_SECOND_FOLDER_LENGTH = 1_000;

const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM (24 hours), e.g. 03:00.');
const keepDaily = z.number().int('A whole number.').min(1, 'Keep at least one daily backup.').max(MAX_KEEP_DAILY);
const keepMonthly = z.number().int('A whole number.').min(0).max(MAX_KEEP_MONTHLY);
/** An absolute folder (a USB stick, a network share), or '' for none. */
const secondFolder = z
  .string()
  .trim()
  .max(MAX_SECOND_FOLDER_LENGTH)
  .refine((path) => !/\p{Cc}/u.test(path), 'No control characters.');

/** The last copy to the second folder: a failure stays here (and in the log) until a copy works. */
export const secondFolderStatusSchema = z.object({
  ok: z.boolean(),
  file: z.string().nullable(),
  error: z.string().nullable(),
  at: isoTimestamp.nullable(),
});
export type SecondFolderStatus = z.infer<typeof secondFolderStatusSchema>;

export const backupSettingsSchema = z.object({
  /** Shop time (the shop's time zone) of the daily backup. */
  time_of_day: z.string(),
  keep_daily: z.number().int(),
  keep_monthly: z.number().int(),
  second_folder: z.string(),
  /** null until a backup was first copied (or failed to be copied) to the second folder. */
  second_folder_status: secondFolderStatusSchema.nullable(),
});
export type BackupSettingsDto = z.infer<typeof backupSettingsSchema>;

export const backupSettingsInput = z.strictObject({
  time_of_day: timeOfDay.optional(),
  keep_daily: keepDaily.optional(),
  keep_monthly: keepMonthly.optional(),
  second_folder: secondFolder.optional(),
});
export type BackupSettingsInput = z.infer<typeof backupSettingsInput>;

/** What is stored under the settings key `backup_settings`. */
export const storedBackupSettings = z.object({
  time_of_day: timeOfDay,
  keep_daily: keepDaily,
  keep_monthly: keepMonthly,
  second_folder: secondFolder,
});
export type StoredBackupSettings = z.infer<typeof storedBackupSettings>;
