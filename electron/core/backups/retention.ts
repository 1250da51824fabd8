import { shopDate } from '../../../shared/shop-date';
import type { BackupReason } from '../../../shared/schemas/backups';

export interface RetainedBackup {
  id: number;
  reason: BackupReason;
  integrity: 'ok' | 'failed';
  createdAt: number;
}

export interface RetentionRules {
  keepDaily: number;
  keepMonthly: number;
  timeZone: string;
  now: number;
}

/** Backups made by hand, before a migration or a restore, or at a Z close are kept this long. */
export const KEEP_OTHERS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Which backups to delete (docs/api.md, "Backups"): of the sound scheduled ones, the newest of
 * each of the last `keepDaily` shop days and the first of each of the last `keepMonthly` months
 * stay; every other kind (and a failed scheduled one) stays 30 days, and the newest of each kind
 * always. The newest sound backup is never deleted, whatever the settings.
 */
export function backupsToPrune<T extends RetainedBackup>(backups: readonly T[], rules: RetentionRules): T[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const keep = new Set<number>();

  const sound = newestFirst.filter((b) => b.integrity === 'ok');
  const newestSound = sound[0];
  if (newestSound) keep.add(newestSound.id);

  const scheduled = sound.filter((b) => b.reason === 'scheduled');
  const days = new Map<string, T>();
  for (const b of scheduled) {
    const day = shopDate(b.createdAt, rules.timeZone);
    if (!days.has(day)) days.set(day, b);
  }
  for (const b of [...days.values()].slice(0, rules.keepDaily)) keep.add(b.id);

  const months = new Map<string, T>();
  // Oldest first, so each month's entry is its first backup.
  for (const b of [...scheduled].reverse()) {
    const month = shopDate(b.createdAt, rules.timeZone).slice(0, 7);
    if (!months.has(month)) months.set(month, b);
  }
  const monthly = [...months.values()].reverse().slice(0, rules.keepMonthly);
  for (const b of monthly) keep.add(b.id);

  const newestOfReason = new Set<BackupReason>();
  for (const b of newestFirst) {
    if (b.reason === 'scheduled' && b.integrity === 'ok') continue;
    if (!newestOfReason.has(b.reason)) {
      newestOfReason.add(b.reason);
      keep.add(b.id);
    }
    if (rules.now - b.createdAt < KEEP_OTHERS_MS) keep.add(b.id);
  }

  return newestFirst.filter((b) => !keep.has(b.id));
}
