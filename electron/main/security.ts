import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/** The window's settings from Electron's security checklist; `sandbox: false` never. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // A middle click would otherwise try to open a new window.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

type NavigationGuarded = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * The page may never leave the app nor open windows: a compromised renderer must not be able
 * to take the user, or its privileges, anywhere else.
 */
export function guardNavigation(contents: NavigationGuarded, isAppUrl: (url: string) => boolean): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/** No camera, microphone, notifications or any other permission; the CSP on every response. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server of `npm run dev` (electron-vite sets ELECTRON_RENDERER_URL), or undefined. Never
 * in a packaged app: whoever can set the launch environment of the installed app must not choose
 * the page that gets the core's full tRPC access. And only ever a page on this machine.
 */
export function devServerUrlOf(url: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname) ? url : undefined;
}

/** The app's own pages: the built files, or the dev server in `npm run dev` (same origin only). */
export function appUrlMatcher(devServerUrl: string | undefined, rendererFile: string) {
  const fileUrl = pathToFileURL(rendererFile).href;
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;
  return (url: string): boolean => {
    if (devOrigin && URL.canParse(url) && new URL(url).origin === devOrigin) return true;
    return url === fileUrl || url.startsWith(`${fileUrl}#`);
  };
}
