// Tax rates: a manager adds "Reduced" at 5.5 % on the Shop page (the rate shown as "5.5 %",
// stored as 550 basis points), gives it to a product in the product dialog, and the product
// still has it after a reload. A deactivated rate stays on the product, marked "(inactive)".
import { createOwner, createUser, expect, ownerToken, replaceTemporaryPassword, saveScreenshot, signInUi, test } from './fixtures';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'tara', first_name: 'Tara', last_name: 'Manager', password: 'Tara-taxes-5521' };
const TEA = { sku: 'TEA-100', name: 'Green tea 100 g', price_cents: 450, stock: 20 };

test('a manager adds a 5.5 % rate and gives it to a product', async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const temporary = 'Temp-tara-taxes-1!';
  await createUser(request, shop, token, { ...MANAGER, password: temporary, role: 'manager' });
  await replaceTemporaryPassword(request, shop, MANAGER.username, temporary, MANAGER.password);
  const product = await request.post(`${shop.api}/products`, { data: TEA, ...auth });
  expect(product.status(), await product.text()).toBe(201);
  const teaId = ((await product.json()) as { id: number }).id;

  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await page.getByTestId('nav-shop-settings').click();
  const card = page.getByTestId('tax-rates-card');
  await expect(card.getByTestId('tax-rates-empty')).toBeVisible();
  // A percent with three decimals is refused before anything is sent.
  await card.getByTestId('tax-rate-add-name').fill('Reduced');
  await card.getByTestId('tax-rate-add-percent').fill('5.555');
  await card.getByTestId('tax-rate-add').click();
  await expect(card.getByText('A percent from 0 to 100 with at most two decimals', { exact: false })).toBeVisible();
  await card.getByTestId('tax-rate-add-percent').fill('5.5');
  await card.getByTestId('tax-rate-add').click();
  await expect(page.getByText('Reduced (5.5 %) can now be given to products.')).toBeVisible();
  const reduced = card.getByTestId('tax-rate-row').filter({ hasText: 'Reduced' });
  await expect(reduced.getByTestId('tax-rate-percent')).toHaveText('5.5 %');
  await expect(reduced).toHaveAttribute('data-active', 'true');
  await saveScreenshot(page, testInfo, '01-tax-rates-card');

  const rates = (await (await request.get(`${shop.api}/tax-rates`, auth)).json()) as {
    id: number;
    name: string;
    rate_bp: number;
    is_active: boolean;
  }[];
  expect(rates).toEqual([{ id: expect.any(Number), name: 'Reduced', rate_bp: 550, is_active: true }]);
  const reducedId = rates[0]?.id;

  // The rate itself is fixed: the rename dialog shows it read-only, with the reason.
  await reduced.getByTestId('tax-rate-rename').click();
  await expect(page.getByText('A rate never changes, so past receipts stay true.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByTestId('nav-products').click();
  await page.getByTestId(`product-edit-${TEA.sku}`).click();
  const dialog = page.getByTestId('product-dialog');
  await expect(dialog.getByTestId('product-tax-rate')).toHaveValue('Not taxed');
  await dialog.getByTestId('product-tax-rate').click();
  await page.getByRole('option', { name: 'Reduced (5.5 %)' }).click();
  await dialog.getByTestId('product-dialog-submit').click();
  await expect(page.getByText(`${TEA.name} (${TEA.sku}) is saved.`)).toBeVisible();

  const saved = await (await request.get(`${shop.api}/products/${teaId}`, auth)).json();
  expect(saved).toMatchObject({ tax_rate_id: reducedId });

  await page.reload();
  await page.getByTestId(`product-edit-${TEA.sku}`).click();
  await expect(page.getByTestId('product-dialog').getByTestId('product-tax-rate')).toHaveValue('Reduced (5.5 %)');
  await saveScreenshot(page, testInfo, '02-product-tax-rate');
  await page.getByTestId('product-dialog').getByRole('button', { name: 'Cancel' }).click();

  // Deactivated, the rate is greyed on the Shop page and stays on the product, marked inactive.
  await page.getByTestId('nav-shop-settings').click();
  await reduced.getByTestId('tax-rate-toggle').click();
  await expect(reduced).toHaveAttribute('data-active', 'false');
  await expect(reduced.getByTestId('tax-rate-inactive-badge')).toBeVisible();
  await page.getByTestId('nav-products').click();
  await page.getByTestId(`product-edit-${TEA.sku}`).click();
  await expect(page.getByTestId('product-dialog').getByTestId('product-tax-rate')).toHaveValue('Reduced (5.5 %) (inactive)');
});
