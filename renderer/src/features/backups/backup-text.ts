import type { BackupReason } from '../../../../shared/schemas/backups';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  scheduled: 'Daily',
  manual: 'Backed up now',
  migration: 'Before an update',
  restore: 'Before a restore',
  z_report: 'After a Z report',
};

const KB = 1024;
const MB = 1024 * KB;

/** A backup's size as a person reads it: MB from one megabyte up, else KB (never "0 KB"). */
export function formatBackupSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / KB))} KB`;
}

export const BACKUP_WHEN_FORMAT: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};
