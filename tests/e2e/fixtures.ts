import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { startServer } from '../../bench/processes';

export interface Shop {
  url: string;
  api: string;
}

/**
 * Each test gets the real headless server (built UI + REST + tRPC) on its own empty data
 * folder and a free port, started as `npm run serve` would, and stopped afterwards.
 */
export const test = base.extend<{ shop: Shop }>({
  shop: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-'));
    const server = await startServer('node_modules/.bin/tsx', ['electron/server/main.ts'], { SHOPDESK_DATA_DIR: dataDir, SHOPDESK_PORT: '0' });
    try {
      await use({ url: server.url, api: `${server.url}/api/v1` });
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

export const OWNER = { username: 'owner', password: 'Owner-Quartz-7731', first_name: 'Olga', last_name: 'Owner' };

/** Creates the owner through the REST port, for tests that do not exercise the set-up screen. */
export async function createOwner(request: APIRequestContext, shop: Shop): Promise<void> {
  const res = await request.post(`${shop.api}/setup`, { data: OWNER });
  expect(res.status()).toBe(201);
}

/** Signs in over REST (header mode) and returns the access token, for arranging data. */
export async function ownerToken(request: APIRequestContext, shop: Shop): Promise<string> {
  const res = await request.post(`${shop.api}/auth/login`, { data: { username: OWNER.username, password: OWNER.password } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { access: string }).access;
}

/** Every test leaves a picture of where it ended under test-results/. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
