import type { Services } from '../core/create-services';
import type { UiSession } from './ui-session';

export interface TrpcContext {
  services: Services;
  session: UiSession;
  /** First-run setup is allowed only from the shop computer itself. */
  fromLoopback: boolean;
  /** Key for the failed-sign-in throttle: the client address, or the desktop window. */
  clientKey: string;
  /**
   * What only the desktop window may ask of its own machine. Set by the Electron IPC handler
   * alone (electron/main/index.ts), never from anything a client sends; absent over HTTP.
   */
  desktop?: DesktopHooks;
}

export interface DesktopRestoreResult {
  /** The file name of the copy of the database as it was, or null when there was none. */
  safety_backup: string | null;
  key_restored: boolean;
}

export interface DesktopHooks {
  /**
   * Brings back a backup of the data folder's backups folder (a bare file name): the core closes,
   * the file is checked and restored, the core starts again and the window reloads. A refusal
   * (a DomainError) leaves the old database, reopened.
   */
  restoreBackup(file: string, restoredBy: number): Promise<DesktopRestoreResult>;
}
