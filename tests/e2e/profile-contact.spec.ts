// My profile → Edit: a cashier changes their own email. The reset PIN goes there, so the
// dialog asks for the current password; a wrong one is refused under the field.
import { createOwner, createUser, expect, ownerToken, replaceTemporaryPassword, saveScreenshot, signInUi, test } from './fixtures';

test('changing one’s own email asks for the current password; a wrong one is refused, the right one saves', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const cashier = await createUser(request, shop, token, {
    username: 'cleo',
    first_name: 'Cleo',
    last_name: 'Cashier',
    password: 'Temp-pass-1!',
    role: 'cashier',
  });
  await replaceTemporaryPassword(request, shop, cashier.username, 'Temp-pass-1!', 'cleo-till-5');

  await page.goto(shop.url);
  await signInUi(page, cashier.username, 'cleo-till-5');
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-profile').click();
  await page.getByTestId('profile-edit').click();
  const dialog = page.getByTestId('profile-dialog');
  await expect(dialog).toBeVisible();

  // A name alone needs no password.
  await expect(dialog.getByTestId('profile-current-password')).toHaveCount(0);
  await dialog.getByTestId('profile-email').fill('cleo@shop.test');
  const password = dialog.getByTestId('profile-current-password');
  await expect(password).toBeVisible();

  await dialog.getByTestId('profile-save').click();
  await expect(dialog.getByText('Enter your current password.')).toBeVisible();

  await password.fill('not-my-password-1');
  await dialog.getByTestId('profile-save').click();
  await expect(dialog.getByText('Wrong password.')).toBeVisible();
  await saveScreenshot(page, testInfo, '01-wrong-password');

  await password.fill('cleo-till-5');
  await dialog.getByTestId('profile-save').click();
  await expect(page.getByText('Your details are saved.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('profile-details')).toContainText('cleo@shop.test');
  await saveScreenshot(page, testInfo, '02-saved');

  const seen = await request.get(`${shop.api}/users/${cashier.id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(((await seen.json()) as { email: string }).email).toBe('cleo@shop.test');
});
