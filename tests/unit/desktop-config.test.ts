// The desktop entry (electron/main/index.ts) is configured exactly like the headless server:
// every variable goes through readEnvConfig() (validated the same way), only the data folder is
// Electron's user-data folder, and the shop's log is the file `shopdesk.log` in it. Electron is
// faked; createCore is replaced by a recorder of the options it would have been given.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readEnvConfig } from '../../electron/core/config';
import { createLogger } from '../../electron/core/logger';
import { desktopCoreOptions, desktopLogFile } from '../../electron/main/core-options';
import type { CoreOptions } from '../../electron/server/create-core';

const fake = vi.hoisted(() => ({
  userDataDir: '',
  coreOptions: [] as CoreOptions[],
  errorBoxes: [] as string[],
  exitCodes: [] as number[],
}));
fake.userDataDir = mkdtempSync(join(tmpdir(), 'shopdesk-desktop-'));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { id: 1 };
    on() {}
    once() {}
    show() {}
    async loadURL() {}
    async loadFile() {}
  }
  return {
    app: {
      isPackaged: true,
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
        return fake.userDataDir;
      },
      getAppPath: () => '/opt/ShopDesk/resources/app.asar',
      requestSingleInstanceLock: () => true,
      on: () => {},
      whenReady: () => Promise.resolve(),
      quit: () => {},
      exit: (code: number) => fake.exitCodes.push(code),
    },
    BrowserWindow,
    dialog: { showErrorBox: (_title: string, message: string) => fake.errorBoxes.push(message) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: () => {} },
      },
    },
  };
});
vi.mock('../../electron/server/create-core', () => ({
  createCore: async (options: CoreOptions) => {
    fake.coreOptions.push(options);
    return { services: {}, close: async () => {} };
  },
}));
vi.mock('trpc-electron/main', () => ({ createIPCHandler: () => {} }));

// Electron gives a packaged app this (the migrations ship there); plain Node has none.
Object.defineProperty(process, 'resourcesPath', { value: '/opt/ShopDesk/resources', configurable: true });

const VARIABLES = {
  SHOPDESK_DATA_DIR: '/somewhere/else',
  SHOPDESK_HOST: '0.0.0.0',
  SHOPDESK_PORT: '9123',
  SHOPDESK_SMTP_URL: 'smtp://mail.shop.test:2525',
  SHOPDESK_MAIL_FROM: 'till@shop.test',
  SHOPDESK_SMS_WEBHOOK_URL: 'https://sms.shop.test/send',
  SHOPDESK_REGISTRATION: 'off',
  SHOPDESK_ALLOWED_HOSTS: 'till.shop.test, 192.168.1.20:9123',
};
const saved = Object.fromEntries(Object.keys(VARIABLES).map((name) => [name, process.env[name]]));

async function startDesktopApp(env: Record<string, string>) {
  fake.coreOptions = [];
  fake.errorBoxes = [];
  fake.exitCodes = [];
  for (const name of Object.keys(VARIABLES)) delete process.env[name];
  Object.assign(process.env, env);
  vi.resetModules();
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(fake.coreOptions.length + fake.exitCodes.length).toBe(1));
}

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(() => rmSync(fake.userDataDir, { recursive: true, force: true }));

describe('the desktop entry’s configuration', () => {
  it('comes from readEnvConfig: host, port, SMTP, SMS, registration, allowed hosts; data in user-data', async () => {
    await startDesktopApp(VARIABLES);
    const [options] = fake.coreOptions;
    const expected = readEnvConfig(VARIABLES);
    expect(options).toMatchObject({ dataDir: fake.userDataDir, host: '0.0.0.0', port: 9123, env: expected });
    expect(options?.env).toMatchObject({
      smtpUrl: 'smtp://mail.shop.test:2525',
      mailFrom: 'till@shop.test',
      smsWebhookUrl: 'https://sms.shop.test/send',
      registration: 'off',
      allowedHosts: ['till.shop.test', '192.168.1.20:9123'],
    });
    expect(options?.migrationsFolder).toBe(join('/opt/ShopDesk/resources', 'migrations'));
    // The shop's log is a file only the user can read, in the user-data folder.
    expect(options?.logger).toBeDefined();
    const file = desktopLogFile(fake.userDataDir);
    expect(file).toBe(join(fake.userDataDir, 'shopdesk.log'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a bad variable as the headless server does: a dialog, exit 1, and a line in the log', async () => {
    await startDesktopApp({ SHOPDESK_PORT: 'eighty' });
    expect(fake.coreOptions).toEqual([]);
    expect(fake.exitCodes).toEqual([1]);
    expect(fake.errorBoxes[0]).toMatch(/^Invalid configuration: SHOPDESK_PORT/);
    const lines = readFileSync(desktopLogFile(fake.userDataDir), 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1) ?? '{}');
    expect(last).toMatchObject({ level: 60, msg: 'ShopDesk could not start' });
    expect(last.err.message).toMatch(/^Invalid configuration: SHOPDESK_PORT/);
  });

  it('desktopCoreOptions keeps every variable and ignores SHOPDESK_DATA_DIR', () => {
    const config = readEnvConfig(VARIABLES);
    const logger = createLogger({ level: 'silent' });
    const places = {
      userDataDir: '/home/anna/.config/ShopDesk',
      migrationsFolder: '/app/migrations',
      passwordWorkerUrl: new URL('file:///app/worker.mjs'),
    };
    expect(desktopCoreOptions(config, places, logger)).toEqual({
      dataDir: '/home/anna/.config/ShopDesk',
      host: config.host,
      port: config.port,
      env: config,
      logger,
      migrationsFolder: '/app/migrations',
      passwordWorkerUrl: places.passwordWorkerUrl,
      nativeBinding: undefined,
    });
  });
});
