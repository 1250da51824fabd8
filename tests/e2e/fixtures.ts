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
export const test = base.extend<{ shop: Shop; shopEnv: Record<string, string> }>({
  /** Extra environment for the server, e.g. `SHOPDESK_SMTP_URL` (override per file). */
  shopEnv: [{}, { option: true }],
  shop: async ({ shopEnv }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-e2e-'));
    const server = await startServer('node_modules/.bin/tsx', ['electron/server/main.ts'], {
      ...shopEnv,
      SHOPDESK_DATA_DIR: dataDir,
      SHOPDESK_PORT: '0',
    });
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

export interface StaffAccount {
  id: number;
  username: string;
  password: string;
  first_name: string;
  last_name: string;
}

/**
 * Creates a staff account over REST (`POST /users`, Bearer). Its password is a temporary one:
 * the first sign-in answers 403 code 4 until it is changed.
 */
export async function createUser(
  request: APIRequestContext,
  shop: Shop,
  token: string,
  user: Omit<StaffAccount, 'id'> & { role: string; manager_id?: number },
): Promise<StaffAccount> {
  const res = await request.post(`${shop.api}/users`, { data: user, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: number };
  return { id, username: user.username, password: user.password, first_name: user.first_name, last_name: user.last_name };
}

/** Replaces a temporary password as a device would: login → 403 code 4 → change with the change_token. */
export async function replaceTemporaryPassword(
  request: APIRequestContext,
  shop: Shop,
  username: string,
  temporary: string,
  password: string,
): Promise<void> {
  const login = await request.post(`${shop.api}/auth/login`, { data: { username, password: temporary } });
  expect(login.status(), await login.text()).toBe(403);
  const { change_token } = (await login.json()) as { change_token: string };
  const change = await request.post(`${shop.api}/auth/password/change`, {
    data: { old_password: temporary, new_password: password },
    headers: { Authorization: `Bearer ${change_token}` },
  });
  expect(change.status(), await change.text()).toBe(200);
}

/** Fills and submits the Sign-in screen (the page must show it). */
export async function signInUi(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await expect(form).toBeVisible();
  await form.getByLabel('Username', { exact: true }).fill(username);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}
