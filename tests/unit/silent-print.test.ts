// The desktop's silent printing (electron/main/silent-print.ts) in plain Node: the BrowserWindow
// is a fake that records what it was asked to do. `electron` itself is never loaded
// (silent-print.ts imports only its types); the mock below fails loudly if it were.
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createListSystemPrinters,
  createSilentPrint,
  type OsPrinter,
  type PrintWindow,
  type SilentPrintDeps,
} from '../../electron/main/silent-print';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by the code under test');
});

type PrintCallback = (success: boolean, failureReason: string) => void;

/** How the fake window's print ends: at once with success or a reason, or never (a hung driver). */
type Outcome = { success: true } | { success: false; reason: string } | 'hang';

function fakeWindows(outcome: Outcome, printers: readonly OsPrinter[] = []) {
  const made: {
    options: BrowserWindowConstructorOptions;
    loaded: string[];
    printed: WebContentsPrintOptions[];
    destroyed: boolean;
  }[] = [];
  const deps: SilentPrintDeps = {
    timeoutMs: 200,
    createWindow(options) {
      const record = { options, loaded: [] as string[], printed: [] as WebContentsPrintOptions[], destroyed: false };
      made.push(record);
      const win: PrintWindow = {
        loadURL(url) {
          record.loaded.push(url);
          return Promise.resolve();
        },
        destroy() {
          record.destroyed = true;
        },
        isDestroyed: () => record.destroyed,
        webContents: {
          print(options, callback: PrintCallback) {
            record.printed.push(options);
            if (outcome === 'hang') return;
            setTimeout(() => callback(outcome.success, outcome.success ? '' : outcome.reason), 5);
          },
          getPrintersAsync: () => (outcome === 'hang' ? new Promise<never>(() => undefined) : Promise.resolve(printers)),
        },
      };
      return win;
    },
  };
  return { deps, made };
}

const page = '<!doctype html><html><body><pre>Café — TOTAL 2.50</pre></body></html>';

function decodedPage(url: string | undefined): string {
  const prefix = 'data:text/html;charset=utf-8;base64,';
  expect(url?.startsWith(prefix), url).toBe(true);
  return Buffer.from((url ?? '').slice(prefix.length), 'base64').toString('utf8');
}

describe('silent printing on a desktop OS printer', () => {
  it('prints the page silently on the named printer, in a hidden sandboxed window it then destroys', async () => {
    const { deps, made } = fakeWindows({ success: true });
    await createSilentPrint(deps)('EPSON TM-T20', page);

    expect(made).toHaveLength(1);
    const [win] = made;
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(win?.options.webPreferences?.preload).toBeUndefined();
    expect(decodedPage(win?.loaded[0])).toBe(page);
    expect(win?.printed).toEqual([{ silent: true, deviceName: 'EPSON TM-T20', printBackground: true }]);
    expect(win?.destroyed).toBe(true);
  });

  it('rejects with the printer’s failure reason, and still destroys the window', async () => {
    const { deps, made } = fakeWindows({ success: false, reason: 'Printer is offline' });
    await expect(createSilentPrint(deps)('Office laser', page)).rejects.toThrow(/Office laser.*Printer is offline/);
    expect(made[0]?.destroyed).toBe(true);
  });

  it('gives up on a print that never answers, and destroys its window', async () => {
    const { deps, made } = fakeWindows('hang');
    const started = Date.now();
    await expect(createSilentPrint(deps)('Stuck', page)).rejects.toThrow(/did not finish/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(made[0]?.destroyed).toBe(true);
  });

  it('destroys the window when the page does not load', async () => {
    const { deps, made } = fakeWindows({ success: true });
    const failing: SilentPrintDeps = {
      ...deps,
      createWindow(options) {
        const win = deps.createWindow(options);
        return { ...win, loadURL: () => Promise.reject(new Error('ERR_ABORTED')) };
      },
    };
    await expect(createSilentPrint(failing)('Any', page)).rejects.toThrow(/ERR_ABORTED/);
    expect(made[0]?.printed).toEqual([]);
    expect(made[0]?.destroyed).toBe(true);
  });

  it('lists the OS printers by name with the default flagged, and destroys the window it asked', async () => {
    const { deps, made } = fakeWindows({ success: true }, [
      { name: 'EPSON_TM_T20', options: { 'printer-location': 'Desk' } },
      { name: 'Office', options: { 'is-default': 'true' } },
      { name: 'Legacy', isDefault: true },
    ]);
    expect(await createListSystemPrinters(deps)()).toEqual([
      { name: 'EPSON_TM_T20', is_default: false },
      { name: 'Office', is_default: true },
      { name: 'Legacy', is_default: true },
    ]);
    expect(made[0]?.destroyed).toBe(true);
  });

  it('gives up on a printer list that never comes', async () => {
    const { deps, made } = fakeWindows('hang');
    await expect(createListSystemPrinters(deps)()).rejects.toThrow(/did not finish/);
    expect(made[0]?.destroyed).toBe(true);
  });
});
