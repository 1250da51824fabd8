// The page the desktop window loads (electron/main/index.ts), with Electron faked: the packaged
// app always loads its own built files, whatever ELECTRON_RENDERER_URL the launch environment
// holds; only `npm run dev` (not packaged) follows it, and then only to a page on this machine.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { devServerUrlOf } from '../../electron/main/security';

const state = vi.hoisted(() => ({
  isPackaged: true,
  loadedUrls: [] as string[],
  loadedFiles: [] as string[],
  ipcContexts: [] as Array<(options: { event: { sender: { id: number }; senderFrame: { url: string } } }) => Promise<unknown>>,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { id: 1 };
    on() {}
    once() {}
    show() {}
    async loadURL(url: string) {
      state.loadedUrls.push(url);
    }
    async loadFile(file: string) {
      state.loadedFiles.push(file);
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      getPath: () => '/tmp/shopdesk-fake-user-data',
      getAppPath: () => '/opt/ShopDesk/resources/app.asar',
      requestSingleInstanceLock: () => true,
      on: () => {},
      whenReady: () => Promise.resolve(),
      quit: () => {},
      exit: () => {},
    },
    BrowserWindow,
    dialog: { showErrorBox: () => {} },
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
  createCore: async () => ({ services: {}, close: async () => {} }),
}));
vi.mock('trpc-electron/main', () => ({
  createIPCHandler: (options: { createContext: (typeof state.ipcContexts)[number] }) => state.ipcContexts.push(options.createContext),
}));

const ORIGINAL = process.env.ELECTRON_RENDERER_URL;
// Electron gives a packaged app this (the migrations ship there); plain Node has none.
Object.defineProperty(process, 'resourcesPath', { value: '/opt/ShopDesk/resources', configurable: true });

async function startApp(isPackaged: boolean, rendererUrl: string | undefined) {
  state.isPackaged = isPackaged;
  state.loadedUrls = [];
  state.loadedFiles = [];
  state.ipcContexts = [];
  if (rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = rendererUrl;
  vi.resetModules();
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(state.loadedUrls.length + state.loadedFiles.length).toBe(1));
}

/** Whether the IPC bridge would serve a call from a frame at `url`. */
async function bridgeServes(url: string): Promise<boolean> {
  const createContext = state.ipcContexts[0];
  if (!createContext) throw new Error('no IPC handler');
  return createContext({ event: { sender: { id: 1 }, senderFrame: { url } } }).then(
    () => true,
    () => false,
  );
}

afterEach(() => {
  if (ORIGINAL === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = ORIGINAL;
});

describe('the desktop window’s page', () => {
  it.each(['https://evil.example/', 'http://localhost:5173', 'file:///tmp/evil.html'])(
    'a packaged app ignores ELECTRON_RENDERER_URL=%s and loads its built files',
    async (url) => {
      await startApp(true, url);
      expect(state.loadedUrls).toEqual([]);
      expect(state.loadedFiles).toHaveLength(1);
      expect(state.loadedFiles[0]).toMatch(/renderer[/\\]index\.html$/);
      // Nor would the IPC bridge answer a page from that address.
      expect(await bridgeServes(url)).toBe(false);
    },
  );

  it('npm run dev (not packaged) loads the dev server on this machine', async () => {
    await startApp(false, 'http://localhost:5173');
    expect(state.loadedUrls).toEqual(['http://localhost:5173']);
    expect(await bridgeServes('http://localhost:5173/#/login')).toBe(true);
    expect(await bridgeServes('https://evil.example/')).toBe(false);
  });

  it('not packaged either, a remote ELECTRON_RENDERER_URL is ignored', async () => {
    await startApp(false, 'https://evil.example/');
    expect(state.loadedUrls).toEqual([]);
    expect(state.loadedFiles).toHaveLength(1);
  });
});

describe('devServerUrlOf', () => {
  it.each([
    [false, 'http://localhost:5173', 'http://localhost:5173'],
    [false, 'http://127.0.0.1:5173/', 'http://127.0.0.1:5173/'],
    [false, 'http://[::1]:5173', 'http://[::1]:5173'],
    [true, 'http://localhost:5173', undefined],
    [false, 'https://evil.example', undefined],
    [false, 'http://localhost.evil.example:5173', undefined],
    [false, 'file:///etc/passwd', undefined],
    [false, 'not a url', undefined],
    [false, undefined, undefined],
  ])('packaged=%s, %s → %s', (isPackaged, url, expected) => {
    expect(devServerUrlOf(url, isPackaged)).toBe(expected);
  });
});
