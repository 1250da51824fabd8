// Staff → Edit on one's own row: the Super Admin changes their own email there. The reset PIN
// goes to it, so the dialog asks for the current password, as My profile → Edit does.
import { createOwner, expect, OWNER, ownerToken, saveScreenshot, signInUi, test } from './fixtures';

test('editing one’s own email in Staff asks for the current password; a wrong one is refused, the right one saves', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);

  await page.goto(shop.url);
  await signInUi(page, OWNER.username, OWNER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.getByTestId('nav-staff').click();
  await page.getByTestId(`action-edit-${OWNER.username}`).click();
  const dialog = page.getByTestId('user-dialog');
  await expect(dialog).toBeVisible();

  // A name alone needs no password.
  await dialog.getByTestId('user-last-name').fill('Owner-Smith');
  await expect(dialog.getByTestId('user-current-password')).toHaveCount(0);
  await dialog.getByTestId('user-email').fill('olga@shop.test');
  const password = dialog.getByTestId('user-current-password');
  await expect(password).toBeVisible();

  await dialog.getByTestId('user-dialog-submit').click();
  await expect(dialog.getByText('Enter your current password.')).toBeVisible();

  await password.fill('not-my-password-1');
  await dialog.getByTestId('user-dialog-submit').click();
  await expect(dialog.getByText('Wrong password.')).toBeVisible();
  await saveScreenshot(page, testInfo, '01-wrong-password');

  await password.fill(OWNER.password);
  await dialog.getByTestId('user-dialog-submit').click();
  await expect(dialog).toBeHidden();
  await saveScreenshot(page, testInfo, '02-saved');

  const me = await request.get(`${shop.api}/me`, { headers: { Authorization: `Bearer ${token}` } });
  const seen = (await me.json()) as { email: string; last_name: string };
  expect(seen).toMatchObject({ email: 'olga@shop.test', last_name: 'Owner-Smith' });
});
