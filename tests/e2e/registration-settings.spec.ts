// The settings screen's "Customer accounts" card: the Super Admin switches self-registration
// off (the REST port then refuses it); when SHOPDESK_REGISTRATION fixes it, the card says so.
import { createOwner, expect, OWNER, saveScreenshot, signInUi, test } from './fixtures';

test.use({ locale: 'en-US' });

test('the owner switches self-registration off and on, and sets the order expiry', async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const register = (username: string) => request.post(`${shop.api}/auth/register`, { data: { username, password: 'buyer-lemon-93' } });

  await page.goto(shop.url);
  await signInUi(page, OWNER.username, OWNER.password);
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('registration-card');
  const toggle = card.getByRole('switch', { name: /Customers may create their own accounts/ });
  await expect(toggle).toBeChecked();
  await expect(card.getByTestId('customer-settings-save')).toBeDisabled();

  await toggle.click({ force: true });
  await card.getByTestId('customer-settings-save').click();
  await expect(page.getByText('Customer account settings are saved.')).toBeVisible();
  expect((await register('walkin1')).status()).toBe(403);
  await saveScreenshot(page, testInfo, '01-registration-off');

  await toggle.click({ force: true });
  await card.getByRole('textbox', { name: /expire after/ }).fill('12');
  await card.getByTestId('customer-settings-save').click();
  await expect(card.getByTestId('customer-settings-save')).toBeDisabled();
  expect((await register('walkin2')).status()).toBe(201);
  await page.reload();
  await expect(page.getByTestId('registration-card').getByRole('textbox', { name: /expire after/ })).toHaveValue('12 h');
});

test.describe('when the environment fixes it', () => {
  test.use({ shopEnv: { SHOPDESK_REGISTRATION: 'off' } });

  test('the switch is read-only and names the variable', async ({ page, shop, request }) => {
    await createOwner(request, shop);
    await page.goto(shop.url);
    await signInUi(page, OWNER.username, OWNER.password);
    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('registration-card');
    await expect(card.getByTestId('env-registration')).toHaveText('set by SHOPDESK_REGISTRATION');
    await expect(card.getByRole('switch', { name: /Customers may create their own accounts/ })).toBeDisabled();
    await expect(card.getByRole('switch', { name: /Customers may create their own accounts/ })).not.toBeChecked();
  });
});
