/**
 * The desktop shell: one secure window, the core started with its data in the OS user-data
 * folder, tRPC over IPC with the sign-in kept here (never in the renderer), a clean quit.
 * Unexpected errors of both transports go to `shopdesk.log` in that folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRPCError } from '@trpc/server';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createIPCHandler } from 'trpc-electron/main';
import { readEnvConfig, readRendererDevServerUrl } from '../core/config';
import { DomainError } from '../core/errors';
import { createLogger, type AppLogger } from '../core/logger';
import { createCore, type Core } from '../server/create-core';
import { createMemorySession } from '../trpc/memory-session';
import { appRouter } from '../trpc/root';
import type { TrpcContext } from '../trpc/context';
import type { UiSession } from '../trpc/ui-session';
import { desktopCoreOptions, desktopLogFile } from './core-options';
import { backupFolderParts, createDesktopRestore, type DesktopRestore } from './desktop-restore';
import { appUrlMatcher, devServerUrlOf, guardNavigation, guardSession, secureWebPreferences } from './security';
import { createListSystemPrinters, createSilentPrint, type SilentPrintDeps } from './silent-print';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererFile = join(here, '../renderer/index.html');
const devServerUrl = devServerUrlOf(readRendererDevServerUrl(), app.isPackaged);
const isAppUrl = appUrlMatcher(devServerUrl, rendererFile);

/** better-sqlite3 built for Electron's ABI by `npm start` (scripts/prepare-electron-native.mjs). */
function electronNativeBinding(): string | undefined {
  const file = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(file) ? file : undefined;
}

function migrationsFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'migrations') : join(app.getAppPath(), 'db', 'migrations');
}

/** Receipts on the desktop's OS printers print in hidden, sandboxed windows of their own. */
const printWindows: SilentPrintDeps = {
  createWindow: (options) =>
    new BrowserWindow({
      ...options,
      webPreferences: {
        ...options.webPreferences,
        // Repeated as literals for the Electronegativity scanner, which reads only this object.
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick',
      },
    }),
};

let core: Core | undefined;
/** The app's one window (hidden print windows come and go beside it). */
let mainWindow: BrowserWindow | undefined;
let shopLog: AppLogger | undefined;
const sessions = new Map<number, UiSession>();
/** Restoring a backup from the Shop page (only this window can ask for it). */
let restorer: DesktopRestore | undefined;
/** How long "Restored" stays on screen before the window starts again on the restored data. */
const RELOAD_AFTER_RESTORE_MS = 1_500;

async function openWindow(running: Core): Promise<void> {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'ShopDesk',
    webPreferences: {
      ...secureWebPreferences(join(here, '../preload/index.cjs')),
      // Repeated as literals for the Electronegativity scanner, which reads only this object.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  const contentsId = win.webContents.id;
  sessions.set(contentsId, createMemorySession(running.services));
  win.on('closed', () => sessions.delete(contentsId));
  win.once('ready-to-show', () => win.show());

  createIPCHandler({
    router: appRouter,
    windows: [win],
    createContext: async ({ event }): Promise<TrpcContext> => {
      // Only our own page in our own window may call the core.
      const uiSession = sessions.get(event.sender.id);
      if (!uiSession || !isAppUrl(event.senderFrame?.url ?? '')) throw new TRPCError({ code: 'FORBIDDEN', message: 'Unknown sender.' });
      // Between the close and the new start of a restore there is no core to answer.
      const current = core;
      if (!current || !restorer)
        throw new TRPCError({
          code: 'SERVICE_UNAVAILABLE',
          cause: new DomainError('busy', 'ShopDesk is restarting; try again in a moment.'),
        });
      const desktopRestore = restorer;
      return {
        services: current.services,
        session: uiSession,
        fromLoopback: true,
        clientKey: `window:${event.sender.id}`,
        desktop: { restoreBackup: (file, restoredBy) => desktopRestore.restore(file, restoredBy) },
      };
    },
  });

  if (devServerUrl) await win.loadURL(devServerUrl);
  else await win.loadFile(rendererFile);
}

async function start(): Promise<void> {
  guardSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, isAppUrl));
  const userDataDir = app.getPath('userData');
  // First, so that even a refused configuration is on record.
  shopLog = createLogger({ file: desktopLogFile(userDataDir) });
  // The same variables as the headless server (README), checked the same way.
  const config = readEnvConfig();
  const coreOptions = desktopCoreOptions(
    config,
    {
      userDataDir,
      migrationsFolder: migrationsFolder(),
      passwordWorkerUrl: new URL('./password-hash.worker.mjs', import.meta.url),
      nativeBinding: electronNativeBinding(),
    },
    shopLog,
    { systemPrint: createSilentPrint(printWindows), systemPrinters: createListSystemPrinters(printWindows) },
  );
  core = await createCore(coreOptions);
  restorer = createDesktopRestore({
    ...backupFolderParts(userDataDir, coreOptions.nativeBinding),
    async closeCore() {
      const closing = core;
      core = undefined;
      await closing?.close();
    },
    async startCore() {
      try {
        const started = await createCore(coreOptions);
        core = started;
        // The window's sign-in belonged to the old core: it starts again signed out.
        for (const id of sessions.keys()) sessions.set(id, createMemorySession(started.services));
      } catch (error) {
        shopLog?.fatal({ err: error }, 'ShopDesk could not start again after a restore');
        dialog.showErrorBox('ShopDesk could not start again', error instanceof Error ? error.message : String(error));
        app.exit(1);
        throw error;
      }
    },
    reloadWindow() {
      setTimeout(() => {
        if (mainWindow?.isDestroyed() === false) mainWindow.reload();
      }, RELOAD_AFTER_RESTORE_MS);
    },
  });
  await openWindow(core);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = mainWindow?.isDestroyed() === false ? mainWindow : undefined;
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || (!core && !restorer)) return;
    // Close the database before the process ends (after a restore under way has finished).
    event.preventDefault();
    quitting = true;
    void (restorer?.settled() ?? Promise.resolve()).then(() => core?.close()).finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('ShopDesk could not start', error);
      shopLog?.fatal({ err: error }, 'ShopDesk could not start');
      dialog.showErrorBox('ShopDesk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
