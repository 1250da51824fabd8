// Role policies (edited by the owner, read-only for everyone else) and My profile of a cashier:
// their manager and the shifts their manager planned.
import {
  createOwner,
  createUser,
  expect,
  OWNER,
  ownerToken,
  replaceTemporaryPassword,
  saveScreenshot,
  signInUi,
  test,
  type Shop,
} from './fixtures';
import type { APIRequestContext } from '@playwright/test';

test.use({ locale: 'en-US' });

async function cashierMinimum(request: APIRequestContext, shop: Shop, token: string): Promise<number> {
  const res = await request.get(`${shop.api}/roles/cashier/settings`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { minimum_characters: number }).minimum_characters;
}

/** A shop date `days` from today, in this machine's time zone (the shop's). */
function shopDateIn(days: number): { iso: string; label: string } {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  const label = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short' }).format(day);
  return { iso, label };
}

test('the owner changes the cashier minimum length; a bad value is refused, a good one persists', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);

  await page.goto(shop.url);
  await signInUi(page, OWNER.username, OWNER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-roles').click();
  const card = page.getByTestId('role-card-cashier');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('roles-readonly')).toHaveCount(0);

  const minimum = card.getByRole('textbox', { name: 'Minimum length' });
  const save = page.getByTestId('policy-save-cashier');
  await expect(minimum).toHaveValue('6 characters');
  await expect(save, 'nothing to save yet').toBeDisabled();

  // Out of range: refused under the field, nothing saved.
  await minimum.fill('2');
  await expect(save).toBeEnabled();
  await save.click();
  await expect(card.getByText('Enter a whole number from 4 to 128.')).toBeVisible();
  expect(await cashierMinimum(request, shop, token)).toBe(6);
  await saveScreenshot(page, testInfo, '01-out-of-range');

  // 9: saved, with a notice.
  await minimum.fill('9');
  await expect(card.getByText('Enter a whole number from 4 to 128.')).toHaveCount(0);
  await save.click();
  await expect(page.getByText('The Cashier policy is saved.')).toBeVisible();
  await expect(page.getByText('Policy updated')).toBeVisible();
  await expect.poll(() => cashierMinimum(request, shop, token), { timeout: 5_000 }).toBe(9);
  await expect(card.getByRole('textbox', { name: 'Minimum length' })).toHaveValue('9 characters');
  await expect(page.getByTestId('policy-save-cashier'), 'saved: nothing left to save').toBeDisabled();
  await saveScreenshot(page, testInfo, '02-saved');

  // After a reload the page (still signed in, still on Role policies) shows 9.
  await page.reload();
  await expect(page.getByTestId('role-card-cashier')).toBeVisible();
  await expect(page.getByTestId('role-card-cashier').getByRole('textbox', { name: 'Minimum length' })).toHaveValue('9 characters');
  await expect(
    page.getByTestId('role-card-attendant').getByRole('textbox', { name: 'Minimum length' }),
    'other roles untouched',
  ).toHaveValue('8 characters');
  await saveScreenshot(page, testInfo, '03-after-reload');
});

test('a cashier reads the policies without editing them, and sees their manager and shift on My profile', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const manager = await createUser(request, shop, token, {
    username: 'mia',
    first_name: 'Mia',
    last_name: 'Manager',
    password: 'Temp-Manager-1!',
    role: 'manager',
  });
  const cashier = await createUser(request, shop, token, {
    username: 'cody',
    first_name: 'Cody',
    last_name: 'Cashier',
    password: 'Temp-pass-1!',
    role: 'cashier',
    manager_id: manager.id,
  });
  await replaceTemporaryPassword(request, shop, cashier.username, 'Temp-pass-1!', 'cody-till-5');

  await page.goto(shop.url);
  await signInUi(page, cashier.username, 'cody-till-5');
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('user-role')).toHaveText('Cashier');

  // My profile (a cashier lands on the till): the manager's name, and no shifts yet.
  await page.getByTestId('nav-profile').click();
  const profile = page.getByTestId('profile-page');
  await expect(profile).toBeVisible();
  await expect(page.getByTestId('profile-manager')).toHaveText('Mia Manager');
  await expect(page.getByTestId('shifts-empty')).toContainText('No shifts scheduled');
  await expect(page.getByTestId('shift-table')).toHaveCount(0);
  await saveScreenshot(page, testInfo, '01-profile-no-shifts');

  // The owner plans a shift within the next 7 days (REST); after a reload the cashier sees it.
  const day = shopDateIn(3);
  const put = await request.put(`${shop.api}/users/${cashier.id}/working-times/${day.iso}`, {
    data: { start_time: '09:00', end_time: '17:30' },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(put.status(), await put.text()).toBe(200);
  await page.reload();
  const table = page.getByTestId('shift-table');
  await expect(table).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: day.label });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('09:00–17:30');
  await expect(row).toContainText('8 h 30 min');
  await expect(page.getByTestId('profile-shifts')).toContainText('1 upcoming');
  await expect(page.getByTestId('profile-manager')).toHaveText('Mia Manager');
  await saveScreenshot(page, testInfo, '02-profile-with-shift');

  // Role policies: read-only, no form and no save button anywhere.
  await page.getByTestId('nav-roles').click();
  await expect(page.getByTestId('role-card-cashier')).toBeVisible();
  await expect(page.getByTestId('roles-readonly')).toContainText('Only a Super Admin can change these policies.');
  await expect(page.getByTestId('role-card-cashier')).toContainText('6 characters');
  await expect(page.locator('[data-testid^="policy-save-"]')).toHaveCount(0);
  await expect(page.locator('[data-testid^="policy-form-"]')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Minimum length' })).toHaveCount(0);
  await saveScreenshot(page, testInfo, '03-roles-read-only');
});
