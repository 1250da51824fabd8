import type { CashSessionsService } from '../cash/cash-sessions-service';
import type { Log } from '../notify/notifier';
import type { BackupService } from './backup-service';

/**
 * The cash sessions service with a backup after each Z close: it starts once the close's
 * transaction has committed (so the copy holds the close), and the close answers without
 * waiting for it. A failed backup is logged, never turned into a failed close.
 */
export function withBackupAfterZClose<T extends Pick<CashSessionsService, 'close'>>(
  sessions: T,
  backupNow: BackupService['backupNow'],
  log: Log,
): T {
  return {
    ...sessions,
    async close(...args: Parameters<CashSessionsService['close']>) {
      const closed = await sessions.close(...args);
      backupNow('z_report', args[0].user.id).catch((error: unknown) =>
        log(`the backup after the Z close of session ${closed.id} failed: ${error instanceof Error ? error.message : String(error)}`),
      );
      return closed;
    },
  };
}
