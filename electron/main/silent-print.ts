import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { ListSystemPrinters, SystemPrint, SystemPrinterInfo } from '../core/printing/system-printer';

/** What printing needs of a BrowserWindow: tests give a fake, the app gives the real one. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
  webContents: {
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    getPrintersAsync(): Promise<readonly OsPrinter[]>;
  };
}

/** Electron's PrinterInfo, of which only the name is certain; the default sits in its options (by platform). */
export interface OsPrinter {
  name: string;
  options?: unknown;
  isDefault?: unknown;
}

export interface SilentPrintDeps {
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  /** How long one page may take to load and spool before it is given up (default 30 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A window that shows nothing and can do nothing but render the page: the receipt's HTML is
 * ours, but it holds text a customer or a product name brought in, so it gets no node, no
 * preload and the sandbox.
 */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 400,
  height: 600,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    javascript: false,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  },
} satisfies BrowserWindowConstructorOptions;

function pageUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function destroy(win: PrintWindow): void {
  if (!win.isDestroyed()) win.destroy();
}

/**
 * The desktop's `SystemPrint`: the page goes to the OS printer by name with no dialog. Every
 * print gets its own hidden window, destroyed however it ends (a hung driver included, after
 * the timeout), so a stuck job leaves nothing open behind it.
 */
export function createSilentPrint(deps: SilentPrintDeps): SystemPrint {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (printerName, html) => {
    const win = deps.createWindow(PRINT_WINDOW_OPTIONS);
    try {
      const printed = (async () => {
        await win.loadURL(pageUrl(html));
        await new Promise<void>((resolve, reject) => {
          win.webContents.print({ silent: true, deviceName: printerName, printBackground: true }, (success, failureReason) => {
            if (success) resolve();
            else reject(new Error(`The printer "${printerName}" refused the page: ${failureReason || 'no reason given'}.`));
          });
        });
      })();
      await withTimeout(printed, timeoutMs, `Printing on "${printerName}"`);
    } finally {
      destroy(win);
    }
  };
}

/** Electron lists no default flag on every platform: look where each one puts it. */
function isDefaultPrinter(printer: OsPrinter): boolean {
  if (printer.isDefault === true) return true;
  const options = printer.options;
  if (options === null || typeof options !== 'object') return false;
  return Object.entries(options).some(([key, value]) => /^(printer-)?is-?default$/i.test(key) && String(value) === 'true');
}

/** The desktop's OS printers, asked of a hidden window's webContents that is destroyed after. */
export function createListSystemPrinters(deps: SilentPrintDeps): ListSystemPrinters {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (): Promise<SystemPrinterInfo[]> => {
    const win = deps.createWindow(PRINT_WINDOW_OPTIONS);
    try {
      const printers = await withTimeout(win.webContents.getPrintersAsync(), timeoutMs, 'Listing the printers');
      return printers.map((printer) => ({ name: printer.name, is_default: isDefaultPrinter(printer) }));
    } finally {
      destroy(win);
    }
  };
}
