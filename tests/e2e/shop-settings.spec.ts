// The "Shop" screen: the Super Admin names the shop, switches it to US dollars and New York's
// time zone, and every amount follows (the products page shows "$"); then adds a register and
// makes it the default.
import { createOwner, expect, OWNER, ownerToken, saveScreenshot, signInUi, test } from './fixtures';

test.use({ locale: 'en-US' });

test('the owner sets the currency and time zone, and adds a default register', async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const product = await request.post(`${shop.api}/products`, {
    data: { sku: 'MILK-1', name: 'Milk', price_cents: 250, stock: 5 },
    ...auth,
  });
  expect(product.status(), await product.text()).toBe(201);

  await page.goto(shop.url);
  await signInUi(page, OWNER.username, OWNER.password);
  // The header carries the shop's name once its settings are read.
  await expect(page.getByTestId('brand-name')).toHaveText('My shop');
  await page.getByTestId('nav-products').click();
  await expect(page.getByTestId('product-row-MILK-1')).toContainText('€2.50');

  await page.getByTestId('nav-shop-settings').click();
  const form = page.getByTestId('shop-settings-card');
  await expect(form.getByTestId('shop-settings-save')).toBeDisabled();
  await form.getByTestId('shop-name').fill('Corner Grocery');
  await form.getByTestId('shop-currency').click();
  await form.getByTestId('shop-currency').fill('USD');
  await page.getByRole('option', { name: /^USD — / }).click();
  await expect(form.getByTestId('shop-currency')).toHaveValue(/^USD — /);
  await form.getByTestId('shop-time-zone').click();
  await form.getByTestId('shop-time-zone').fill('New_York');
  await page.getByRole('option', { name: 'America/New_York' }).click();
  await expect(form.getByTestId('shop-time-zone')).toHaveValue('America/New_York');
  // The drawer limit keeps its cents and shows the new currency's sign.
  await expect(form.getByTestId('shop-variance-limit')).toHaveValue('5.00');
  await expect(form.getByText('$', { exact: true })).toBeVisible();
  await form.getByTestId('shop-settings-save').click();
  await expect(page.getByText('The shop’s settings are saved.')).toBeVisible();
  await expect(page.getByTestId('brand-name')).toHaveText('Corner Grocery');
  await expect(page.getByTestId('shop-settings-card').getByTestId('shop-settings-save')).toBeDisabled();

  const saved = await (await request.get(`${shop.api}/shop`, auth)).json();
  expect(saved).toMatchObject({ name: 'Corner Grocery', currency: 'USD', time_zone: 'America/New_York', variance_approval_cents: 500 });

  await page.getByTestId('nav-products').click();
  await expect(page.getByTestId('product-row-MILK-1')).toContainText('$2.50');
  await expect(page.getByTestId('product-row-MILK-1')).not.toContainText('€');

  // Registers: the shop starts with "Main till" as its default.
  await page.getByTestId('nav-shop-settings').click();
  const registers = page.getByTestId('registers-card');
  await expect(registers.getByTestId('register-row')).toHaveCount(1);
  await expect(registers.getByTestId('register-row').first()).toHaveAttribute('data-default', 'true');
  await registers.getByTestId('register-add-name').fill('Till 2');
  await registers.getByTestId('register-add').click();
  await expect(page.getByText('Till 2 is added.', { exact: false })).toBeVisible();
  const till2 = registers.getByTestId('register-row').filter({ hasText: 'Till 2' });
  await expect(till2).toHaveAttribute('data-default', 'false');
  await till2.getByTestId('register-make-default').click();
  await expect(till2).toHaveAttribute('data-default', 'true');
  await expect(registers.getByTestId('register-row').filter({ hasText: 'Main till' })).toHaveAttribute('data-default', 'false');
  await saveScreenshot(page, testInfo, '01-shop-settings');

  const list = (await (await request.get(`${shop.api}/registers`, auth)).json()) as { name: string; is_default: boolean }[];
  expect(list.find((r) => r.is_default)?.name).toBe('Till 2');
});
