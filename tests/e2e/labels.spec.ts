// Barcode labels on screen: a manager scans two products, sets how many labels of each,
// previews the sheet, and the preview frame holds one label per copy with name, price and bars.
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test } from './fixtures';
import { addByCode, arrangeAccount, createProduct } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'lena', first_name: 'Lena', last_name: 'Labels', password: 'Lena-labels-4417' };
const TEA = { sku: 'TEA-GREEN', barcode: '4006381333931', name: 'Green tea 100 g', price_cents: 450, stock: 2 };
// A barcode that is no GTIN: its label is Code 128.
const JAM = { sku: 'JAM-PLUM', barcode: 'PLUM-300', name: 'Plum <jam> 300 g', price_cents: 390, stock: 1 };

test('a manager previews barcode labels of two products', async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  await arrangeAccount(request, shop, token, MANAGER, 'manager');
  await createProduct(request, shop, token, TEA);
  await createProduct(request, shop, token, JAM);

  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await page.getByTestId('nav-labels').click();
  await expect(page.getByTestId('labels-empty')).toBeVisible();

  // Two scans of the tea make two labels; the jam (found by its SKU) gets three typed.
  await addByCode(page, TEA.barcode);
  await addByCode(page, TEA.barcode);
  await addByCode(page, JAM.sku);
  await expect(page.getByTestId(`labels-copies-${TEA.sku}`)).toHaveValue('2');
  await page.getByTestId(`labels-copies-${JAM.sku}`).fill('3');
  await expect(page.getByTestId('labels-count')).toHaveText('5 labels');
  await expect(page.getByTestId('labels-print')).toBeDisabled();

  await page.getByTestId('labels-preview').click();
  const sheet = page.frameLocator('[data-testid="labels-frame"]');
  const labels = sheet.locator('.label');
  await expect(labels).toHaveCount(5);
  await expect(sheet.locator('.label svg')).toHaveCount(5);
  await expect(labels.first()).toContainText(TEA.name);
  await expect(labels.first()).toContainText('€4.50');
  await expect(labels.first()).toContainText(TEA.barcode);
  await expect(labels.nth(4)).toContainText(JAM.name);
  await expect(labels.nth(4)).toContainText('€3.90');
  await expect(labels.nth(4)).toContainText(JAM.barcode);
  await expect(page.getByTestId('labels-print')).toBeEnabled();
  await saveScreenshot(page, testInfo, '01-labels-a4');

  // Another layout is another sheet: the old preview goes until it is asked for again.
  await page.getByText('Label printer 50 × 30 mm').click();
  await expect(page.getByTestId('labels-frame')).toHaveCount(0);
  await page.getByTestId('labels-preview').click();
  await expect(sheet.locator('section.page')).toHaveCount(5);
  await saveScreenshot(page, testInfo, '02-labels-label-printer');
});
