// A manager unlocks their own cashier from Staff (the Locked badge goes, a notice says so, the
// cashier signs in again), and never sees another manager's workers there.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  createOwner,
  createUser,
  expect,
  ownerToken,
  replaceTemporaryPassword,
  saveScreenshot,
  signInUi,
  test,
  type Shop,
} from './fixtures';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'mia', first_name: 'Mia', last_name: 'Manager', password: 'Mia-plans-4417' };
const CASHIER = { username: 'cody', first_name: 'Cody', last_name: 'Cashier', password: 'cody-till-5!' };
const OTHER_MANAGER = { username: 'max', first_name: 'Max', last_name: 'Mayer', password: 'Max-plans-8830' };
const OTHER_WORKER = { username: 'wes', first_name: 'Wes', last_name: 'Weber', password: 'Wes-till-61!' };

/** A staff account whose temporary password is already replaced by `password`. */
async function arrangeAccount(
  request: APIRequestContext,
  shop: Shop,
  token: string,
  user: { username: string; first_name: string; last_name: string; password: string },
  role: string,
  managerId?: number,
): Promise<number> {
  const temporary = `Temp-${user.username}-1!`;
  const created = await createUser(request, shop, token, {
    ...user,
    password: temporary,
    role,
    ...(managerId ? { manager_id: managerId } : {}),
  });
  await replaceTemporaryPassword(request, shop, user.username, temporary, user.password);
  return created.id;
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await expect(page.getByTestId('app-shell')).toHaveCount(0);
}

test('a manager unlocks their locked cashier from Staff; the cashier signs in again', async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, token, MANAGER, 'manager');
  const cashierId = await arrangeAccount(request, shop, token, CASHIER, 'cashier', managerId);
  const isLocked = async () => {
    const res = await request.get(`${shop.api}/users/${cashierId}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { is_locked: boolean }).is_locked;
  };

  // Five wrong passwords over REST (each a 401); the fifth reaches the cashier's limit and locks.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const res = await request.post(`${shop.api}/auth/login`, { data: { username: CASHIER.username, password: `wrong-guess-${attempt}!` } });
    expect(res.status(), `attempt ${attempt}: ${await res.text()}`).toBe(401);
  }
  expect(await isLocked()).toBe(true);
  const refused = await request.post(`${shop.api}/auth/login`, { data: { username: CASHIER.username, password: CASHIER.password } });
  expect(refused.status(), 'locked: even the right password is refused').toBe(423);

  // The manager opens Staff: the cashier's row carries a Locked badge and an Unlock button.
  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId('staff-page')).toBeVisible();
  const row = page.getByTestId(`staff-row-${CASHIER.username}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Cody Cashier');
  await expect(page.getByTestId(`staff-manager-${CASHIER.username}`)).toHaveText('Mia Manager (you)');
  const badge = page.getByTestId(`staff-locked-${CASHIER.username}`);
  await expect(badge).toHaveText('Locked');
  await expect(row).toHaveAttribute('data-locked', 'true');
  const unlock = page.getByTestId(`action-unlock-${CASHIER.username}`);
  await expect(unlock).toHaveText('Unlock');
  await expect(unlock).toHaveAccessibleName('Unlock Cody Cashier');
  await saveScreenshot(page, testInfo, '01-locked-badge');

  // Unlock (confirming if the app asks): a notice, the badge and the button gone.
  await unlock.click();
  const notice = page.getByText('Cody Cashier can sign in again.');
  const confirm = page.getByTestId('confirm-button');
  await expect(notice.or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(notice).toBeVisible();
  await expect(page.getByText('Account unlocked')).toBeVisible();
  await expect(badge).toHaveCount(0);
  await expect(unlock).toHaveCount(0);
  await expect(row).toHaveAttribute('data-locked', 'false');
  await expect(row).toContainText('Active');
  expect(await isLocked()).toBe(false);
  await saveScreenshot(page, testInfo, '02-unlocked');

  // The cashier signs in with the right password: the app shell with their name.
  await signOut(page);
  await signInUi(page, CASHIER.username, CASHIER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('Cody Cashier');
  await expect(page.getByTestId('user-role')).toHaveText('Cashier');
  await expect(page.getByTestId('locked-screen')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '03-cashier-signed-in');
});

test("a manager does not see another manager's worker on Staff, not even by searching", async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const managerId = await arrangeAccount(request, shop, token, MANAGER, 'manager');
  await arrangeAccount(request, shop, token, CASHIER, 'cashier', managerId);
  const otherId = await arrangeAccount(request, shop, token, OTHER_MANAGER, 'manager');
  await arrangeAccount(request, shop, token, OTHER_WORKER, 'attendant', otherId);

  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId('staff-page')).toBeVisible();

  // Only the manager's own worker: not the other manager, not their worker.
  await expect(page.getByTestId(`staff-row-${CASHIER.username}`)).toBeVisible();
  await expect(page.locator('[data-testid^="staff-row-"]')).toHaveCount(1);
  await expect(page.getByTestId(`staff-row-${OTHER_WORKER.username}`)).toHaveCount(0);
  await expect(page.getByTestId(`staff-row-${OTHER_MANAGER.username}`)).toHaveCount(0);
  await expect(page.getByTestId('staff-count')).toHaveText('1 account');
  await saveScreenshot(page, testInfo, '01-own-workers-only');

  // Searching works for the manager's own worker…
  const search = page.getByTestId('staff-search');
  await search.fill(CASHIER.username);
  await expect(page.getByTestId(`staff-row-${CASHIER.username}`)).toBeVisible();
  // …and finds nobody for the other manager's worker.
  await search.fill(OTHER_WORKER.username);
  const empty = page.getByTestId('staff-empty');
  await expect(empty).toBeVisible();
  await expect(empty).toContainText('Nobody matches');
  await expect(empty).toContainText('Try another search, role or status.');
  await expect(page.locator('[data-testid^="staff-row-"]')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '02-search-other-worker-empty');

  // The owner, by contrast, finds that worker with the same search (the account does exist).
  const owner = await request.get(`${shop.api}/users?q=${OTHER_WORKER.username}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(owner.status()).toBe(200);
  expect(((await owner.json()) as { username: string }[]).map((u) => u.username)).toContain(OTHER_WORKER.username);
});
