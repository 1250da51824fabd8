// The Electron security checklist of electron/main/security.ts, proved in plain Node with fake
// webContents and session objects that record the handlers the app installs. `electron` itself
// is never loaded (security.ts imports only its types); the mock below fails loudly if it were.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { appUrlMatcher, guardNavigation, guardSession, secureWebPreferences } from '../../electron/main/security';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by the code under test');
});

type Handler = (...args: unknown[]) => unknown;

/** A webContents that records `on(...)` handlers and the window-open handler. */
function fakeContents() {
  const handlers = new Map<string, Handler[]>();
  let openHandler: Handler | undefined;
  const contents = {
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return contents;
    },
    setWindowOpenHandler(handler: Handler) {
      openHandler = handler;
    },
  };
  /** Fires an event the way Electron does: (event, url, ...); true when the page was stopped. */
  const emit = (name: string, ...args: unknown[]): boolean => {
    const preventDefault = vi.fn();
    const list = handlers.get(name) ?? [];
    expect(list.length, `a '${name}' handler`).toBeGreaterThan(0);
    for (const handler of list) handler({ preventDefault, defaultPrevented: false }, ...args);
    return preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as Parameters<typeof guardNavigation>[0],
    emit,
    openWindow: (details: Record<string, unknown>) => {
      expect(openHandler, 'a window-open handler').toBeDefined();
      return openHandler?.(details);
    },
  };
}

/** A session that records its permission handlers and its response-header hook. */
function fakeSession() {
  const recorded: { request?: Handler; check?: Handler; headers?: Handler } = {};
  const session = {
    setPermissionRequestHandler: (handler: Handler | null) => (recorded.request = handler ?? undefined),
    setPermissionCheckHandler: (handler: Handler | null) => (recorded.check = handler ?? undefined),
    webRequest: { onHeadersReceived: (handler: Handler) => (recorded.headers = handler) },
  };
  return { session: session as unknown as Parameters<typeof guardSession>[0], recorded };
}

const RENDERER_FILE = '/opt/ShopDesk/resources/app.asar/out/renderer/index.html';
const APP_URL = 'file:///opt/ShopDesk/resources/app.asar/out/renderer/index.html';
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'serial',
  'storage-access',
  'top-level-storage-access',
  'usb',
  'window-management',
  'unknown',
];

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer, without Node and without <webview>', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('keeps Node out of workers and subframes and the web security on', () => {
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('uses the preload it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });
});

describe('guardNavigation (packaged app, no dev server)', () => {
  const setup = () => {
    const fake = fakeContents();
    guardNavigation(fake.contents, appUrlMatcher(undefined, RENDERER_FILE));
    return fake;
  };

  const external = [
    'https://example.com',
    'https://example.com/',
    'http://127.0.0.1:8740/',
    'file:///etc/passwd',
    `${APP_URL}.evil.html`,
    'file:///opt/ShopDesk/resources/app.asar/out/renderer/other.html',
    // A dev-server address is foreign when no dev server is configured.
    'http://localhost:5173/',
    'http://localhost:5173/#/login',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
  ];

  it.each(external)('blocks navigation to %s', (url) => {
    expect(setup().emit('will-navigate', url)).toBe(true);
  });

  it.each(external)('blocks a redirect to %s', (url) => {
    expect(setup().emit('will-redirect', url)).toBe(true);
  });

  it.each([APP_URL, `${APP_URL}#/`, `${APP_URL}#/setup`, `${APP_URL}#/login`, `${APP_URL}#/staff/42`])(
    "lets the app's own page through: %s",
    (url) => {
      const fake = setup();
      expect(fake.emit('will-navigate', url)).toBe(false);
      expect(fake.emit('will-redirect', url)).toBe(false);
    },
  );

  it('denies window.open, for foreign and own URLs alike', () => {
    const fake = setup();
    for (const url of ['https://example.com', APP_URL, `${APP_URL}#/login`, 'about:blank']) {
      expect(fake.openWindow({ url, frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
    }
  });

  it('prevents every <webview> from attaching', () => {
    const fake = setup();
    expect(fake.emit('will-attach-webview', { nodeIntegration: true }, { src: 'https://example.com' })).toBe(true);
    expect(fake.emit('will-attach-webview', {}, { src: APP_URL })).toBe(true);
  });
});

describe('guardNavigation (npm run dev, dev server configured)', () => {
  // electron-vite sets ELECTRON_RENDERER_URL to `${protocol}//${host}:${port}`, no slash.
  const DEV = 'http://localhost:5173';
  const setup = () => {
    const fake = fakeContents();
    guardNavigation(fake.contents, appUrlMatcher(DEV, RENDERER_FILE));
    return fake;
  };

  it('lets the dev server pages through', () => {
    const fake = setup();
    expect(fake.emit('will-navigate', `${DEV}/`)).toBe(false);
    expect(fake.emit('will-navigate', `${DEV}/#/login`)).toBe(false);
  });

  it('still blocks the rest of the web', () => {
    const fake = setup();
    expect(fake.emit('will-navigate', 'https://example.com')).toBe(true);
    expect(fake.emit('will-navigate', 'http://localhost:3000/')).toBe(true);
  });

  // A prefix match on the dev-server URL would let look-alike hosts and ports through.
  it('blocks look-alike hosts and ports of the dev server', () => {
    const fake = setup();
    expect(fake.emit('will-navigate', 'http://localhost:5173.evil.example/')).toBe(true);
    expect(fake.emit('will-navigate', 'http://localhost:51730/')).toBe(true);
    expect(fake.emit('will-navigate', 'http://localhost:5173@evil.example/')).toBe(true);
  });
});

describe('guardSession', () => {
  it('denies every permission request', () => {
    const { session, recorded } = fakeSession();
    guardSession(session);
    expect(recorded.request).toBeDefined();
    for (const permission of PERMISSIONS) {
      const callback = vi.fn();
      recorded.request?.({}, permission, callback, { requestingUrl: APP_URL, isMainFrame: true });
      expect(callback, permission).toHaveBeenCalledTimes(1);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check with no', () => {
    const { session, recorded } = fakeSession();
    guardSession(session);
    expect(recorded.check).toBeDefined();
    for (const permission of PERMISSIONS) {
      expect(recorded.check?.({}, permission, APP_URL, { requestingUrl: APP_URL, isMainFrame: true }), permission).toBe(false);
    }
  });

  it('adds the Content-Security-Policy of shared/csp.ts to every response, keeping the other headers', () => {
    const { session, recorded } = fakeSession();
    guardSession(session);
    expect(recorded.headers).toBeDefined();
    const callback = vi.fn();
    recorded.headers?.({ url: APP_URL, responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledTimes(1);
    const { responseHeaders } = callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> };
    expect(responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(responseHeaders['Content-Type']).toEqual(['text/html']);
  });

  it('adds the policy when a response has no headers at all', () => {
    const { session, recorded } = fakeSession();
    guardSession(session);
    const callback = vi.fn();
    recorded.headers?.({ url: 'https://example.com/' }, callback);
    const { responseHeaders } = callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> };
    expect(responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it("sends frame-ancestors 'none' in the header, where it works", () => {
    const { session, recorded } = fakeSession();
    guardSession(session);
    const callback = vi.fn();
    recorded.headers?.({ url: APP_URL, responseHeaders: {} }, callback);
    const { responseHeaders } = callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> };
    expect(responseHeaders['Content-Security-Policy']?.[0]).toContain("frame-ancestors 'none'");
  });

  it('the policy itself allows scripts from the app only', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });
});

describe('the <meta> policy of renderer/index.html', () => {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];

  it('is the header policy word for word, without frame-ancestors (ignored in a meta tag, with an error logged)', () => {
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});
