import { Cron } from 'croner';
import { shopDate, wallClock } from '../../../shared/shop-date';
import type { Log } from '../notify/notifier';

export interface BackupScheduleDeps {
  /** "HH:MM", shop time; read at every tick, so a change applies at once. */
  timeOfDay(): string;
  timeZone(): string;
  /** When the scheduled backups were made (any shop day). */
  scheduledTimes(): number[];
  run(): Promise<unknown>;
  log: Log;
}

/**
 * Whether the day's scheduled backup is due at `now`: the shop clock has reached the time of
 * day and no scheduled backup was made on this shop day. A shop whose computer was off at
 * 03:00 gets its backup when it starts that day, not never.
 */
export function isScheduledBackupDue(now: number, deps: Omit<BackupScheduleDeps, 'run' | 'log'>): boolean {
  const zone = deps.timeZone();
  const clock = wallClock(now, zone);
  const [hour = 0, minute = 0] = deps.timeOfDay().split(':').map(Number);
  if (clock.hour * 60 + clock.minute < hour * 60 + minute) return false;
  const today = shopDate(now, zone);
  return !deps.scheduledTimes().some((at) => shopDate(at, zone) === today);
}

/**
 * The daily backup: croner ticks every minute (it follows a changed time or time zone at once,
 * without rescheduling) and the backup runs when due. A failed try is not repeated the same
 * shop day every minute: the log has it, and the next day tries again.
 */
export function startBackupSchedule(deps: BackupScheduleDeps) {
  let triedOn: string | null = null;
  const job = new Cron('* * * * *', { protect: true, unref: true, catch: true }, async () => {
    const now = Date.now();
    if (!isScheduledBackupDue(now, deps)) return;
    const today = shopDate(now, deps.timeZone());
    if (triedOn === today) return;
    triedOn = today;
    try {
      await deps.run();
    } catch (error) {
      deps.log(`the scheduled backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return {
    stop(): void {
      job.stop();
    },
  };
}
