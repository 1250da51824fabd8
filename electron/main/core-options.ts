import { join } from 'node:path';
import type { EnvConfig } from '../core/config';
import { LOG_FILE, type AppLogger } from '../core/logger';
import type { ListSystemPrinters, SystemPrint } from '../core/printing/system-printer';
import type { CoreOptions } from '../server/create-core';

/** Where the desktop app keeps things; Electron knows them, so the entry passes them in. */
export interface DesktopPlaces {
  /** The OS user-data folder: the database, the signing secret and the log. */
  userDataDir: string;
  migrationsFolder: string;
  passwordWorkerUrl: URL;
  /** better-sqlite3 built for Electron's ABI (development only). */
  nativeBinding?: string;
}

export function desktopLogFile(userDataDir: string): string {
  return join(userDataDir, LOG_FILE);
}

/** The desktop's own OS printing (electron/main/silent-print.ts), which plain Node lacks. */
export interface DesktopPrinting {
  systemPrint: SystemPrint;
  systemPrinters: ListSystemPrinters;
}

/**
 * The desktop core's options: the same validated variables as the headless server (host, port,
 * SMTP, SMS, registration, TLS, allowed hosts). Only SHOPDESK_DATA_DIR is not used: the desktop
 * app's data is always in the OS user-data folder.
 */
export function desktopCoreOptions(config: EnvConfig, places: DesktopPlaces, logger: AppLogger, printing?: DesktopPrinting): CoreOptions {
  return {
    dataDir: places.userDataDir,
    host: config.host,
    port: config.port,
    env: config,
    logger,
    migrationsFolder: places.migrationsFolder,
    passwordWorkerUrl: places.passwordWorkerUrl,
    nativeBinding: places.nativeBinding,
    printing,
  };
}
