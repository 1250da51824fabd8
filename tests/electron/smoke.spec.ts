// Electron smoke test: the built desktop app (`electron-vite build` output, run unpackaged as
// `npm start` does) opens one secure window and quits cleanly. Skips, saying why, where the
// Electron binary is absent (it cannot be downloaded on the development and CI machines).
//
// The binary is found WITHOUT require('electron'): that would try to download it. Like
// node_modules/electron/index.js, it reads node_modules/electron/path.txt (written by Electron's
// install script) and looks for that file under node_modules/electron/dist, or under
// $ELECTRON_OVERRIDE_DIST_PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';

const root = resolve(import.meta.dirname, '..', '..');
const electronPackage = join(root, 'node_modules', 'electron');

/** The Electron executable, or why there is none. */
function findElectron(): { path: string } | { reason: string } {
  const pathFile = join(electronPackage, 'path.txt');
  const defaultName = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron';
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, name ?? defaultName);
    return existsSync(path) ? { path } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  if (!existsSync(electronPackage)) return { reason: 'the electron package is not installed' };
  if (!name) return { reason: 'the Electron binary was never downloaded (no node_modules/electron/path.txt)' };
  const path = join(electronPackage, 'dist', name);
  return existsSync(path) ? { path } : { reason: `the Electron binary is absent (no node_modules/electron/dist/${name})` };
}

/** Why Electron cannot open a window here, if it cannot (a Linux machine without a display). */
function noDisplay(): string | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'no display on this Linux machine (run the test under xvfb-run)';
}

/** The bits of `window` used below (this project's Node tsconfig has no DOM types). */
type Win = { open(url: string): unknown; location: { href: string } };

test('the desktop app opens one secure window and quits cleanly', async () => {
  const electron = findElectron();
  const skipReason = 'reason' in electron ? electron.reason : noDisplay();
  if (skipReason) console.log(`Electron smoke test skipped: ${skipReason}.`);
  test.skip(skipReason !== undefined, `Electron smoke test skipped: ${skipReason}`);
  if (!('path' in electron)) return;

  test.setTimeout(10 * 60_000);
  expect(existsSync(join(root, 'out', 'main', 'index.mjs')), 'the app is built (npx electron-vite build)').toBe(true);

  // better-sqlite3 for Electron's ABI, as `npm start` prepares it (a no-op when up to date).
  const prepared = spawnSync(process.execPath, [join(root, 'scripts', 'prepare-electron-native.mjs')], { cwd: root, encoding: 'utf8' });
  expect(prepared.status, (prepared.stderr || prepared.stdout).trim()).toBe(0);

  const userData = mkdtempSync(join(tmpdir(), 'shopdesk-electron-'));
  let app: ElectronApplication | undefined;
  try {
    app = await _electron.launch({
      executablePath: electron.path,
      args: ['.', `--user-data-dir=${userData}`],
      cwd: root,
      env: { ...process.env, SHOPDESK_PORT: '0', ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    const running = app;
    const windowCount = () => running.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    const page = await app.firstWindow();

    await test.step('the window opens, titled ShopDesk', async () => {
      await expect(page).toHaveTitle('ShopDesk');
      expect(await running.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('ShopDesk');
      expect(await windowCount()).toBe(1);
    });

    const appUrl = page.url();
    await test.step('the page is the app from disk', () => {
      expect(appUrl).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html(#.*)?$/);
    });

    await test.step('the set-up or the sign-in screen is shown', async () => {
      await expect(page.getByTestId('setup-form').or(page.getByTestId('login-form'))).toBeVisible({ timeout: 30_000 });
    });

    await test.step('the renderer has no Node.js (no require, no process, no module)', async () => {
      const globals = await page.evaluate(() => {
        const g = globalThis as Record<string, unknown>;
        return { require: typeof g.require, process: typeof g.process, module: typeof g.module, Buffer: typeof g.Buffer };
      });
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
    });

    await test.step('window.open is refused and opens nothing', async () => {
      expect(await page.evaluate(() => (globalThis as unknown as Win).open('https://example.com') === null)).toBe(true);
      await page.waitForTimeout(1_000);
      expect(await windowCount()).toBe(1);
      expect(app?.windows()).toHaveLength(1);
    });

    await test.step('the page cannot navigate away', async () => {
      await page.evaluate(() => {
        (globalThis as unknown as Win).location.href = 'https://example.com';
      });
      await page.waitForTimeout(1_500);
      expect(page.url()).toBe(appUrl);
      await expect(page.getByTestId('setup-form').or(page.getByTestId('login-form'))).toBeVisible();
    });

    await test.step('closing the window quits the app', async () => {
      const closed = running.waitForEvent('close', { timeout: 30_000 });
      await running.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await closed;
      expect(running.process().exitCode, 'exit code').toBe(0);
      app = undefined;
    });
  } finally {
    await app?.close().catch(() => undefined);
    rmSync(userData, { recursive: true, force: true });
  }
});
