// The stock ledger on screen: a manager receives a delivery of two products by their barcodes,
// sees their stock rise in the catalog, finds "Goods received" in a product's stock history, and
// the dashboard's "Reorder" card lists a product under its reorder level.
import { createOwner, expect, ownerToken, saveScreenshot, signInUi, test } from './fixtures';
import { addByCode, arrangeAccount, createProduct } from './pos-helpers';

test.use({ locale: 'en-US' });

const MANAGER = { username: 'greta', first_name: 'Greta', last_name: 'Goods', password: 'Greta-stock-7719' };
const TEA = { sku: 'TEA-GREEN', barcode: '4006381333931', name: 'Green tea 100 g', price_cents: 450, stock: 2 };
const JAM = { sku: 'JAM-PLUM', barcode: '4006381333948', name: 'Plum jam 300 g', price_cents: 390, stock: 1 };
const SALT = { sku: 'SALT-SEA', barcode: '4006381333955', name: 'Sea salt 500 g', price_cents: 199, stock: 1 };

test('a manager receives goods, reads the stock history, and sees what to reorder', async ({ page, shop, request }, testInfo) => {
  await createOwner(request, shop);
  const token = await ownerToken(request, shop);
  await arrangeAccount(request, shop, token, MANAGER, 'manager');
  await createProduct(request, shop, token, TEA);
  await createProduct(request, shop, token, JAM);
  const saltId = await createProduct(request, shop, token, SALT);
  const level = await request.patch(`${shop.api}/products/${saltId}`, {
    data: { reorder_level: 10 },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(level.status(), await level.text()).toBe(200);

  await page.goto(shop.url);
  await signInUi(page, MANAGER.username, MANAGER.password);
  await page.getByTestId('nav-stock-receipts').click();
  await expect(page.getByTestId('receipts-empty')).toBeVisible();

  // Two scans of the tea count 2; the jam's amount is typed.
  await addByCode(page, TEA.barcode);
  await addByCode(page, TEA.barcode);
  await addByCode(page, JAM.barcode);
  await expect(page.getByTestId(`receiving-amount-${TEA.sku}`)).toHaveValue('2');
  await page.getByTestId(`receiving-amount-${JAM.sku}`).fill('6');
  await page.getByTestId(`receiving-cost-${JAM.sku}`).fill('1.25');
  await page.getByTestId('receiving-supplier').fill('Fine Foods');
  await saveScreenshot(page, testInfo, '01-receiving-lines');
  await page.getByTestId('receiving-submit').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('8 units of 2 products go into stock from Fine Foods');
  await confirm.getByRole('button', { name: 'Receive goods' }).click();
  const done = page.getByTestId('receipt-done');
  await expect(done).toContainText('Goods received #1 from Fine Foods');
  await expect(done).toContainText(`6 × ${JAM.name} at €1.25`);
  await expect(page.getByTestId('receipt-row-1')).toContainText('Fine Foods');
  await saveScreenshot(page, testInfo, '02-goods-received');

  await page.getByTestId('nav-products').click();
  await expect(page.getByTestId(`product-stock-${TEA.sku}`)).toHaveText('4');
  await expect(page.getByTestId(`product-stock-${JAM.sku}`)).toHaveText('7');

  await page.getByTestId(`product-stock-history-${JAM.sku}`).click();
  const history = page.getByTestId('stock-history');
  const movements = history.getByTestId('stock-movement');
  await expect(movements).toHaveCount(2);
  await expect(movements.first()).toHaveAttribute('data-reason', 'receiving');
  await expect(movements.first()).toContainText('Goods received #1 (Fine Foods)');
  await expect(movements.first()).toContainText('+6');
  await expect(movements.first()).toContainText('Greta Goods');
  await expect(movements.nth(1)).toContainText('Opening stock');
  await saveScreenshot(page, testInfo, '03-stock-history');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-dashboard').click();
  const reorder = page.getByTestId('reorder-card');
  await expect(reorder.getByTestId(`reorder-row-${SALT.sku}`)).toContainText(SALT.name);
  await expect(reorder.getByTestId(`reorder-row-${SALT.sku}`)).toContainText('9');
  await expect(reorder.getByTestId(`reorder-row-${TEA.sku}`)).toHaveCount(0);
  await saveScreenshot(page, testInfo, '04-reorder-card');
});
