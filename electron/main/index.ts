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
import { createLogger, type AppLogger } from '../core/logger';
import { createCore, type Core } from '../server/create-core';
import { createMemorySession } from '../trpc/memory-session';
import { appRouter } from '../trpc/root';
import type { TrpcContext } from '../trpc/context';
import type { UiSession } from '../trpc/ui-session';
import { desktopCoreOptions, desktopLogFile } from './core-options';
import { appUrlMatcher, devServerUrlOf, guardNavigation, guardSession, secureWebPreferences } from './security';

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

let core: Core | undefined;
let shopLog: AppLogger | undefined;
const sessions = new Map<number, UiSession>();

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
      return { services: running.services, session: uiSession, fromLoopback: true, clientKey: `window:${event.sender.id}` };
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
  core = await createCore(
    desktopCoreOptions(
      config,
      {
        userDataDir,
        migrationsFolder: migrationsFolder(),
        passwordWorkerUrl: new URL('./password-hash.worker.mjs', import.meta.url),
        nativeBinding: electronNativeBinding(),
      },
      shopLog,
    ),
  );
  await openWindow(core);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    // Close the database before the process ends.
    event.preventDefault();
    quitting = true;
    void core.close().finally(() => app.quit());
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
